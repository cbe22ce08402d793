import type { Dataset } from './dataset';
import { parseRoute, renderRoute, renderShell } from './render';

/** The demo Pin app in the browser: client-side routing, polling for new events, two actions. */
interface StateAnswer {
  version: number;
  dataset: Dataset;
}

let state: StateAnswer | null = null;
const { root, main } = renderShell(document);
document.body.append(root);

function render(): void {
  if (!state) return;
  const route = parseRoute(location.pathname);
  main.replaceChildren(renderRoute(document, state.dataset, route));
  main.dataset.view = route.view;
  document.title = `${document.querySelector('h1')?.textContent ?? 'Pin'} · Pin`;
}

async function refresh(): Promise<void> {
  const response = await fetch(`/api/state${state ? `?since=${state.version}` : ''}`);
  if (response.status === 204) return;
  state = (await response.json()) as StateAnswer;
  render();
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  render();
}

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const link = target?.closest('a[href]') as HTMLAnchorElement | null;
  if (
    link &&
    link.origin === location.origin &&
    !link.href.startsWith('mailto:') &&
    !event.metaKey &&
    !event.ctrlKey
  ) {
    event.preventDefault();
    navigate(link.pathname + link.search);
    return;
  }
  const button = target?.closest('button') as HTMLButtonElement | null;
  if (!button) return;
  const scope = button.closest('[data-job-id][data-candidate-id]') as HTMLElement | null;
  const type = button.classList.contains('add-to-sequence')
    ? 'added_to_sequence'
    : button.classList.contains('mark-interested')
      ? 'marked_interested'
      : null;
  if (!scope || !type) return;
  button.disabled = true;
  void fetch('/api/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jobId: scope.dataset.jobId, candidateId: scope.dataset.candidateId, type }),
  }).then(refresh);
});

window.addEventListener('popstate', render);
void refresh();
setInterval(() => void refresh().catch(() => {}), 1000);
