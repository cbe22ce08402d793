import type { Dataset } from '../../pin-app/dataset';
import { parseRoute, renderRoute, renderShell } from '../../pin-app/render';

/** Renders a demo-app page into the test document, as the browser client would, and returns the document. */
export function renderPage(data: Dataset, path: string): Document {
  document.body.replaceChildren();
  const { root, main } = renderShell(document);
  main.append(renderRoute(document, data, parseRoute(path)));
  document.body.append(root);
  return document;
}
