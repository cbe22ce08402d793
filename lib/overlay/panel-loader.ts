import { browser, type PublicPath } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  OVERLAY_PANEL_FILE,
  OVERLAY_PANEL_GLOBAL,
  type OverlayPanel,
  type OverlayPanelModule,
} from './panel-contract';

const published = () =>
  (globalThis as Record<string, unknown>)[OVERLAY_PANEL_GLOBAL] as OverlayPanelModule | undefined;

let loading: Promise<OverlayPanel> | null = null;

/**
 * The React panel, loaded the first time a page needs one: `import()` of `overlay-panel.js` from the content script
 * evaluates it in this content script's isolated world, where it publishes itself (panel-contract.ts).
 */
export function loadPanel(ctx: ContentScriptContext): Promise<OverlayPanel> {
  loading ??= (async () => {
    if (!published())
      await import(/* @vite-ignore */ browser.runtime.getURL(OVERLAY_PANEL_FILE as PublicPath));
    const module = published();
    if (!module) throw new Error('The overlay panel did not load');
    return module.createPanel(ctx);
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
