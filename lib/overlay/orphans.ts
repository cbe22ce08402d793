import { OVERLAY_HOST_TAG } from './panel-contract';
import { ROW_BADGE_ATTR } from './row-badges';

/**
 * Removes the overlay a previous instance of the extension left in this page. Firefox injects the content script into
 * open tabs again when the extension is updated or reloaded, and the old instance is gone without cleaning up: its
 * panel stayed beside the new one, frozen on what it last showed ("Exporting to Greenhouse…" after the export had
 * synced). Called before this instance draws anything, so whatever it finds is not its own.
 */
export function removeOrphanedOverlay(root: ParentNode = document): number {
  const orphans = [
    ...root.querySelectorAll(OVERLAY_HOST_TAG),
    ...root.querySelectorAll(`[${ROW_BADGE_ATTR}]`),
    // Document-level rules WXT moves out of a shadow root's styles, one element per panel.
    ...root.querySelectorAll('style[wxt-shadow-root-document-styles]'),
  ];
  for (const node of orphans) node.remove();
  return orphans.length;
}
