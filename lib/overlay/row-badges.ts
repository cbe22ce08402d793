import type { PipelineRow } from '../pin/read';

export const ROW_BADGE_ATTR = 'data-pgs-badge';
const LOGO =
  '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="11" fill="#24a47f"/><path d="M12 18v-6M12 12c0-3 2-5 5-5 0 3-2 5-5 5zM12 13c0-2.5-1.7-4-4-4 0 2.4 1.6 4 4 4z" fill="#fff" stroke="#fff" stroke-width="1.2"/></svg>';

/**
 * A small synced badge per synced pipeline row, each in its own open shadow root (no React: a 1,000-row page
 * must stay cheap). Only https://app.greenhouse.io/ links are produced.
 */
export function syncRowBadges(rows: PipelineRow[], synced: Record<string, string>): void {
  for (const row of rows) {
    const cell = row.element.querySelector('.pipeline-row__name') ?? row.element.firstElementChild;
    if (!cell) continue;
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
    link.innerHTML = LOGO; // a constant string, never page data
    shadow.append(link);
    cell.append(host);
  }
}
