import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PushedState } from '../messaging/tab-protocol';
import type { PinMapping } from '../pin/mapping/schema';
import type { ProfileReading } from '../pin/read/profile';
import type { FieldRead } from '../pin/read/reads';

/**
 * The overlay's React panel lives in `overlay-panel.js` (entrypoints/overlay-panel.tsx), which the content script
 * imports the first time a Pin page needs a panel. Pipeline, inbox and job list pages never load React. The import
 * runs in the content script's isolated world; the two halves meet through a global of that world, which the page
 * cannot see. The file is web-accessible to Pin's origin only, by the session's dynamic URL.
 */
export const OVERLAY_PANEL_FILE = '/overlay-panel.js';
export const OVERLAY_PANEL_GLOBAL = '__pinGreenhouseSyncPanel';
export const OVERLAY_HOST_TAG = 'pin-greenhouse-sync';

export type PanelContent =
  | { kind: 'profile'; reading: ProfileReading }
  | { kind: 'notice'; message: string; reads: FieldRead[] };

export interface OverlayPanel {
  /** Shows (or re-renders) the panel for this page state. */
  show(key: string, content: PanelContent, mapping: PinMapping): Promise<void>;
  remove(): void;
  /** Something syncing changed: panel data is read again, but for the candidate states that came with the change. */
  changed(states?: readonly PushedState[]): void;
}

export interface OverlayPanelModule {
  createPanel(ctx: ContentScriptContext): OverlayPanel;
}
