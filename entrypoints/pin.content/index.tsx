import '@/lib/zod-config';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '@/lib/overlay/start';
import { PIN_MATCH_PATTERN } from '@/lib/pin/host';
import '@/components/overlay/overlay.css';

export default defineContentScript({
  matches: [PIN_MATCH_PATTERN],
  cssInjectionMode: 'ui',
  async main(ctx) {
    await startOverlay(ctx);
  },
});
