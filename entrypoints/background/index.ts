import '@/lib/zod-config';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/lib/background/main';

export default defineBackground({
  // A classic worker: it can load the resume builder with importScripts when a resume is made (resume-loader.ts).
  // Listeners must be registered synchronously on every worker start, so main stays synchronous.
  main() {
    startBackground();
  },
});
