import type { StatusObservation } from '../../model/pin';
import { safeAll } from '../dom';
import { PIN_ORIGIN } from '../host';
import type { PinMapping } from '../mapping/schema';
import { pageFromPath, pageFromUrl } from '../routes';
import type { RowFinds } from './outreach';

/** Lists: pipeline rows and inbox threads are the items holding a link to a profile. */
export interface PipelineRow {
  candidateId: string;
  element: Element;
  /** Where a row badge goes: the element holding the link to the profile. */
  nameCell: Element;
  observation: StatusObservation | null;
}

/** The Pin page a link opens. A plain path (Pin's own links) is matched without parsing a URL per row. */
export function pageOfLink(link: Element, mapping: PinMapping) {
  const href = link.getAttribute('href') ?? '';
  if (href.startsWith('/') && !href.startsWith('//') && !/[.%\\]/.test(href)) {
    const path = href.split(/[?#]/, 1)[0]!;
    return pageFromPath(PIN_ORIGIN, path, mapping);
  }
  return pageFromUrl(href, mapping);
}

export function profileRows(main: Element, mapping: PinMapping, jobId?: string) {
  const seen = new Set<string>();
  const rows: { jobId: string; candidateId: string; element: Element; link: Element }[] = [];
  for (const link of safeAll(main, 'a[href]')) {
    const target = pageOfLink(link, mapping);
    if (target.kind !== 'profile' || (jobId !== undefined && target.jobId !== jobId)) continue;
    const key = `${target.jobId}/${target.candidateId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let element: Element | null = null;
    for (const css of mapping.selectors.row) {
      try {
        element = link.closest(css);
      } catch {
        element = null;
      }
      if (element && main.contains(element)) break;
      element = null;
    }
    rows.push({ ...target, element: element ?? link.parentElement ?? link, link });
  }
  return rows;
}

/**
 * Status chips and event times of every row, from one query per selector over the whole list rather than one per
 * row (a 1,000-row pipeline). Per row, the same rule as `preferred`: the first chip selector with a match in it.
 */
export function findInRows(main: Element, rows: readonly Element[], mapping: PinMapping): RowFinds[] {
  const indexOf = new Map<Element, number>();
  rows.forEach((row, index) => {
    if (!indexOf.has(row)) indexOf.set(row, index);
  });
  const rowOf = (el: Element): number | undefined => {
    // Descendants only, as a query inside the row would find them.
    for (let at = el.parentElement; at && at !== main; at = at.parentElement) {
      const index = indexOf.get(at);
      if (index !== undefined) return index;
    }
    return undefined;
  };
  const finds: RowFinds[] = rows.map(() => ({ chips: null, times: [] }));
  for (const css of mapping.selectors.statusChip) {
    const byRow = new Map<number, Element[]>();
    for (const chip of safeAll(main, css)) {
      const index = rowOf(chip);
      if (index === undefined || finds[index]!.chips) continue;
      const list = byRow.get(index);
      if (list) list.push(chip);
      else byRow.set(index, [chip]);
    }
    for (const [index, elements] of byRow) finds[index]!.chips = { elements, rule: `selector ${css}` };
  }
  for (const time of safeAll(main, 'time[datetime]')) {
    const index = rowOf(time);
    if (index !== undefined) finds[index]!.times.push(time);
  }
  // Rows that share an element (a link outside any row) read the same finds.
  rows.forEach((row, index) => {
    const first = indexOf.get(row)!;
    if (first !== index) finds[index] = finds[first]!;
  });
  return finds;
}
