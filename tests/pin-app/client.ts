import type { Dataset } from './dataset';
import { type Markup, parseRoute, renderRoute, renderShell } from './render';

const markup: Markup =
  new URL(import.meta.url).searchParams.get('markup') === 'utility' ? 'utility' : 'classic';

/** The demo Pin app in the browser: client-side routing, polling for new events, two actions. */
interface StateAnswer {
  version: number;
  dataset: Dataset;
}

let state: StateAnswer | null = null;
const { root, main } = renderShell(document, markup);
document.body.append(root);

function render(): void {
  if (!state) return;
  const route = parseRoute(location.pathname);
  main.replaceChildren(renderRoute(document, state.dataset, route, markup));
  document.title = `${document.querySelector('h1')?.textContent ?? 'Pin'} · Pin`;
}

async function refresh(): Promise<void> {
  const response = await fetch(`/api/state${state ? `?since=${state.version}` : ''}`);
  if (response.status === 204) return;
  if (response.status === 401) {
    // Signed out: Pin shows its sign-in page.
    location.assign(`/signin?next=${encodeURIComponent(location.pathname)}`);
    return;
  }
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
  // Both markups: the action by the button's words, the candidate by the route or the thread's profile link.
  const button = target?.closest('button') as HTMLButtonElement | null;
  if (!button) return;
  const label = button.textContent?.trim();
  const type =
    label === 'Add to sequence'
      ? 'added_to_sequence'
      : label === 'Mark interested'
        ? 'marked_interested'
        : null;
  if (!type) return;
  let route = parseRoute(location.pathname);
  if (route.view !== 'profile') {
    const thread = button.closest('li');
    const link = thread?.querySelector<HTMLAnchorElement>('a[href*="/candidates/"]');
    route = link ? parseRoute(link.pathname) : route;
  }
  if (route.view !== 'profile') return;
  button.disabled = true;
  void fetch('/api/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jobId: route.jobId, candidateId: route.candidateId, type }),
  }).then(refresh);
});

window.addEventListener('popstate', render);
void refresh();
setInterval(() => void refresh().catch(() => {}), 1000);
