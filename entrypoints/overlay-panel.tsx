import '@/lib/zod-config';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPanel } from '@/lib/overlay/panel';
import { OVERLAY_PANEL_GLOBAL, type OverlayPanelModule } from '@/lib/overlay/panel-contract';

/** Imported by the content script (lib/overlay/panel-loader.ts) when a Pin page first needs a panel. */
export default defineUnlistedScript(() => {
  const module: OverlayPanelModule = { createPanel };
  (globalThis as Record<string, unknown>)[OVERLAY_PANEL_GLOBAL] = module;
});
