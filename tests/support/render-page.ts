import type { Dataset } from '../pin-app/dataset';
import { type Markup, parseRoute, renderRoute, renderShell } from '../pin-app/render';

/** Renders a demo-app page in a markup into the test document, as the browser client would, and returns it. */
export function renderPage(data: Dataset, path: string, markup: Markup = 'classic'): Document {
  document.body.replaceChildren();
  const { root, main } = renderShell(document, markup);
  main.append(renderRoute(document, data, parseRoute(path), markup));
  document.body.append(root);
  return document;
}
