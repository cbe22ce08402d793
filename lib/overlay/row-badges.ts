import type { PipelineRow } from '../pin/read';

export const ROW_BADGE_ATTR = 'data-pgs-badge';
const SVG = 'http://www.w3.org/2000/svg';

function logo(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({
    width: '16',
    height: '16',
    viewBox: '0 0 24 24',
    'aria-hidden': 'true',
  }))
    svg.setAttribute(k, v);
  const circle = document.createElementNS(SVG, 'circle');
  for (const [k, v] of Object.entries({ cx: '12', cy: '12', r: '11', fill: '#24a47f' }))
    circle.setAttribute(k, v);
  const sprout = document.createElementNS(SVG, 'path');
  const d = 'M12 18v-6M12 12c0-3 2-5 5-5 0 3-2 5-5 5zM12 13c0-2.5-1.7-4-4-4 0 2.4 1.6 4 4 4z';
  for (const [k, v] of Object.entries({ d, fill: '#fff', stroke: '#fff', 'stroke-width': '1.2' }))
    sprout.setAttribute(k, v);
  svg.append(circle, sprout);
  return svg;
}

/**
 * A small synced badge per synced pipeline row, each in its own open shadow root (no React: a 1,000-row page
 * must stay cheap). Only https://app.greenhouse.io/ links are produced.
 */
export function syncRowBadges(rows: PipelineRow[], synced: Record<string, string>): void {
  for (const row of rows) {
    const cell = row.nameCell;
    const existing = cell.querySelector(`[${ROW_BADGE_ATTR}]`);
    const url = synced[row.candidateId];
    if (!url?.startsWith('https://app.greenhouse.io/')) {
      existing?.remove();
      continue;
    }
    if (existing?.getAttribute(ROW_BADGE_ATTR) === url) continue;
    existing?.remove();
    const host = document.createElement('span');
    host.setAttribute(ROW_BADGE_ATTR, url);
    host.style.marginLeft = '6px';
    const shadow = host.attachShadow({ mode: 'open' });
    const link = document.createElement('a');
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.setAttribute('aria-label', 'Open in Greenhouse');
    link.title = 'Synced to Greenhouse';
    link.style.cssText = 'display:inline-flex;vertical-align:middle';
    link.append(logo());
    shadow.append(link);
    cell.append(host);
  }
}
