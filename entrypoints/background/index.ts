import '@/lib/zod-config';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/lib/background/main';

export default defineBackground({
  type: 'module',
  // Listeners must be registered synchronously on every worker start, so main stays synchronous.
  main() {
    startBackground();
  },
});
