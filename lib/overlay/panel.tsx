import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { NoticePanel, ProfilePanel } from '@/components/overlay/ProfilePanel';
import type { PinMapping } from '../pin/mapping/schema';
import { OVERLAY_HOST_TAG, type OverlayPanel, type PanelContent } from './panel-contract';
import { pushedStatesApplier } from './pushed-states';

/** The React half of the overlay: one shadow-root panel at a time, anchored on the profile's name. */
export function createPanel(ctx: ContentScriptContext): OverlayPanel {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  let panel: { key: string; ui: ShadowRootContentScriptUi<Root>; anchor: Element } | null = null;
  let generation = 0;

  const render = (ui: ShadowRootContentScriptUi<Root>, content: PanelContent, mapping: PinMapping) =>
    ui.mounted?.render(
      <QueryClientProvider client={queryClient}>
        {content.kind === 'profile' ? (
          <ProfilePanel reading={content.reading} mapping={mapping} />
        ) : (
          <NoticePanel message={content.message} reads={content.reads} mapping={mapping} />
        )}
      </QueryClientProvider>,
    );

  const remove = () => {
    generation += 1; // a panel still being created is dropped
    panel?.ui.remove();
    panel = null;
  };

  const show = async (key: string, content: PanelContent, mapping: PinMapping) => {
    const anchor = content.kind === 'profile' ? content.reading.anchor : document.body;
    if (
      panel &&
      panel.key === key &&
      panel.anchor === anchor &&
      panel.anchor.isConnected &&
      panel.ui.shadowHost.isConnected
    ) {
      render(panel.ui, content, mapping);
      return;
    }
    remove();
    const mine = generation;
    const ui = await createShadowRootUi<Root>(ctx, {
      name: OVERLAY_HOST_TAG,
      position: content.kind === 'profile' ? 'inline' : 'overlay',
      anchor,
      append: 'last',
      mode: 'open',
      css: overlayCss.replaceAll(':root', ':host'),
      onMount(container) {
        const mountPoint = document.createElement('div');
        container.append(mountPoint);
        return createRoot(mountPoint);
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    if (mine !== generation) return; // a newer page state won the race
    ui.mount();
    ui.shadowHost.setAttribute('data-pgs-for', key);
    panel = { key, ui, anchor };
    render(ui, content, mapping);
  };

  ctx.onInvalidated(remove);
  return {
    show,
    remove,
    changed: pushedStatesApplier(queryClient),
  };
}
