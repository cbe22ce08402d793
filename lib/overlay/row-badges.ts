import type { RowBadge } from '../messaging/views';
import type { PipelineRow } from '../pin/read/lists';

export const ROW_BADGE_ATTR = 'data-pgs-badge';
const SVG = 'http://www.w3.org/2000/svg';

function logo(filled: boolean): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({
    width: '16',
    height: '16',
    viewBox: '0 0 24 24',
    'aria-hidden': 'true',
  }))
    svg.setAttribute(k, v);
  const circle = document.createElementNS(SVG, 'circle');
  const ring = { cx: '12', cy: '12', r: filled ? '11' : '10', fill: filled ? '#24a47f' : '#fff' };
  for (const [k, v] of Object.entries(filled ? ring : { ...ring, stroke: '#24a47f', 'stroke-width': '2' }))
    circle.setAttribute(k, v);
  const sprout = document.createElementNS(SVG, 'path');
  const d = 'M12 18v-6M12 12c0-3 2-5 5-5 0 3-2 5-5 5zM12 13c0-2.5-1.7-4-4-4 0 2.4 1.6 4 4 4z';
  const ink = filled ? '#fff' : '#1f6f5c';
  for (const [k, v] of Object.entries({ d, fill: ink, stroke: ink, 'stroke-width': '1.2' }))
    sprout.setAttribute(k, v);
  svg.append(circle, sprout);
  return svg;
}

const labelOf = (badge: RowBadge) =>
  badge.kind === 'synced'
    ? { name: 'Open in Greenhouse', title: `Synced to Greenhouse${badge.stage ? ` · ${badge.stage}` : ''}` }
    : {
        name: 'In Greenhouse',
        title: `In Greenhouse, not synced from Pin (matched by ${badge.reasons.join(' and ')})`,
      };

/**
 * A small badge per pipeline row, each in its own open shadow root (no React: a 1,000-row page must stay cheap):
 * a filled logo for synced candidates ("Open in Greenhouse"), an outlined one for people already in Greenhouse but
 * not synced from Pin ("In Greenhouse"). Only https://app.greenhouse.io/ links are produced.
 */
export function syncRowBadges(rows: PipelineRow[], badges: Record<string, RowBadge>): void {
  for (const row of rows) {
    const cell = row.nameCell;
    const existing = cell.querySelector(`[${ROW_BADGE_ATTR}]`);
    const badge = badges[row.candidateId];
    if (!badge?.url.startsWith('https://app.greenhouse.io/')) {
      existing?.remove();
      continue;
    }
    const { name, title } = labelOf(badge);
    const signature = `${badge.kind} ${badge.url} ${title}`;
    if (existing?.getAttribute(ROW_BADGE_ATTR) === signature) continue;
    existing?.remove();
    const host = document.createElement('span');
    host.setAttribute(ROW_BADGE_ATTR, signature);
    host.style.marginLeft = '6px';
    const shadow = host.attachShadow({ mode: 'open' });
    const link = document.createElement('a');
    link.href = badge.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.setAttribute('aria-label', name);
    link.title = title;
    link.style.cssText = 'display:inline-flex;vertical-align:middle';
    link.append(logo(badge.kind === 'synced'));
    shadow.append(link);
    cell.append(host);
  }
}
