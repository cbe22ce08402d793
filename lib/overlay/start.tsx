import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { OverlayRoot } from '@/components/overlay/OverlayRoot';

export const OVERLAY_HOST_TAG = 'pin-greenhouse-sync';

/** Mounts the overlay in an open shadow root so Pin's styles cannot reach it and tests can. */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  const ui = await createShadowRootUi<Root>(ctx, {
    name: OVERLAY_HOST_TAG,
    position: 'overlay',
    anchor: 'body',
    append: 'last',
    mode: 'open',
    onMount(container) {
      const mountPoint = document.createElement('div');
      container.append(mountPoint);
      const root = createRoot(mountPoint);
      root.render(<OverlayRoot />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
}
