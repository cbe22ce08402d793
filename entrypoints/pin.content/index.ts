import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '@/lib/overlay/start';
import { PIN_MATCH_PATTERN } from '@/lib/pin/host';

export default defineContentScript({
  matches: [PIN_MATCH_PATTERN],
  // The panel brings its own styles into its shadow root (lib/overlay/panel.tsx): nothing is injected into Pin's
  // page and no stylesheet is web-accessible.
  cssInjectionMode: 'manual',
  async main(ctx) {
    await startOverlay(ctx);
  },
});
