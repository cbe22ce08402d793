import type { RowBadge } from '../messaging/views';
import type { PinMapping } from '../pin/mapping/schema';
import { type ProfileRow, rowsOfCandidates } from '../pin/read/lists';
import { mainOf } from '../pin/read/reads';

export const ROW_BADGE_ATTR = 'data-pgs-badge';
const SVG = 'http://www.w3.org/2000/svg';

function drawLogo(filled: boolean): SVGSVGElement {
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

/** The two logos, drawn once per page and cloned for each badge. */
const logos = new Map<boolean, SVGSVGElement>();
const logo = (filled: boolean): Node => {
  const drawn = logos.get(filled) ?? drawLogo(filled);
  logos.set(filled, drawn);
  return drawn.cloneNode(true);
};

const labelOf = (badge: RowBadge) =>
  badge.kind === 'synced'
    ? { name: 'Open in Greenhouse', title: `Synced to Greenhouse${badge.stage ? ` · ${badge.stage}` : ''}` }
    : {
        name: 'In Greenhouse',
        title: `In Greenhouse, not synced from Pin (matched by ${badge.reasons.join(' and ')})`,
      };

/**
 * How a badge takes its place after the name. `in-flow` takes its width in the row: only for badges drawn before Pin
 * lays the rows out. `overflowing` takes none, so that drawing it into a laid-out list does not change the widths of
 * the list's columns: in an auto-layout table, that makes the browser lay out and paint every row again (measured on
 * the demo's 1,000 rows: 25 ms instead of 190 ms to main-thread quiet for 40 badges). It is placed the same; the logo
 * reaches into the gap after the cell.
 */
export type BadgeFlow = 'in-flow' | 'overflowing';

const HOST_STYLE: Record<BadgeFlow, string> = {
  'in-flow': '',
  overflowing: 'display:inline-block;width:0;white-space:nowrap',
};

/**
 * A small badge per pipeline row, each in its own open shadow root (no React: a 1,000-row page must stay cheap):
 * a filled logo for synced candidates ("Open in Greenhouse"), an outlined one for people already in Greenhouse but
 * not synced from Pin ("In Greenhouse"). Only https://app.greenhouse.io/ links are produced. A row whose badge is
 * already the one to show keeps it as it is.
 */
export function syncRowBadges(
  rows: readonly Pick<ProfileRow, 'candidateId' | 'nameCell'>[],
  badges: Record<string, RowBadge>,
  flow: BadgeFlow = 'overflowing',
): void {
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
    host.style.cssText = HOST_STYLE[flow];
    const shadow = host.attachShadow({ mode: 'open' });
    const link = document.createElement('a');
    link.href = badge.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.setAttribute('aria-label', name);
    link.title = title;
    // The gap after the name is the logo's own margin: an overflowing host adds nothing to the cell's width.
    link.style.cssText = 'display:inline-flex;vertical-align:middle;margin-left:6px';
    link.append(logo(badge.kind === 'synced'));
    shadow.append(link);
    cell.append(host);
  }
}

/**
 * Badges for the rows of a job's list that have one in `badges`, found by their profile links alone: no other row is
 * touched, nothing is read from a row and no layout is measured, so this can run while Pin puts its rows in, before its
 * first frame lays them out. Does nothing when the list's links cannot be told apart that way (see
 * `rowsOfCandidates`). Returns how many rows got or kept a badge.
 */
export function badgeListedRows(
  doc: Document,
  mapping: PinMapping,
  jobId: string,
  badges: Record<string, RowBadge>,
): number {
  const main = mainOf(doc, mapping);
  const rows = main && rowsOfCandidates(main, mapping, jobId, Object.keys(badges));
  if (!rows) return 0;
  syncRowBadges(rows, badges, 'in-flow');
  return rows.length;
}
