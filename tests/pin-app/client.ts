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

/** What the last render put on the page (a detached copy), to tell what a new one changes. */
let rendered: { path: string; tree: Node } | null = null;

/**
 * As a UI library with keyed lists does: only the parts that differ from the last render are replaced, in place, and
 * nodes others added (the extension's badges and panel, appended after Pin's own children) stay where nothing changed.
 */
function morph(live: Node, before: Node, after: Node): void {
  if (before.isEqualNode(after)) return;
  const sameShape =
    before instanceof Element &&
    after instanceof Element &&
    before.tagName === after.tagName &&
    before.childNodes.length === after.childNodes.length &&
    before.attributes.length === after.attributes.length &&
    [...before.attributes].every((a) => after.getAttribute(a.name) === a.value);
  const children = live.childNodes;
  if (!sameShape || children.length < before.childNodes.length) {
    live.parentNode?.replaceChild(after, live);
    return;
  }
  const pairs = [...before.childNodes].map((node, i) => [children[i]!, node, after.childNodes[i]!] as const);
  for (const [l, b, a] of pairs) morph(l, b, a);
}

function render(): void {
  if (!state) return;
  const route = parseRoute(location.pathname);
  const next = renderRoute(document, state.dataset, route, markup);
  const copy = next.cloneNode(true);
  const live = main.firstChild;
  if (rendered?.path === location.pathname && live) morph(live, rendered.tree, next);
  else main.replaceChildren(next);
  rendered = { path: location.pathname, tree: copy };
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
