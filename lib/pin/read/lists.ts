import type { StatusObservation } from '../../model/pin';
import { safeAll, safeQuery } from '../dom';
import { PIN_ORIGIN } from '../host';
import type { PinMapping } from '../mapping/schema';
import { pageFromPath, pageFromUrl } from '../routes';
import type { RowFinds } from './outreach';

/** Lists: pipeline rows and inbox threads are the items holding a link to a profile. */
/** A pipeline row as read: a list row, with its status when it was read. */
export interface PipelineRow extends ProfileRow {
  /** Whether the row's status was read (see `RowReading`); false leaves `observation` null without meaning "none". */
  read: boolean;
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

/**
 * For one job's list: the path every profile link of that job starts with, when the mapping's profile route ends in
 * `/:candidateId` after a literal part (the built-in one does), so that a plain link is matched by its prefix alone.
 */
function profilePrefix(mapping: PinMapping, jobId: string): string | null {
  const route = mapping.routes.profile;
  if (!route.endsWith('/:candidateId') || /[%?#]/.test(jobId)) return null;
  const head = route.slice(0, -':candidateId'.length);
  if (head.split(':').length !== 2 || !head.includes(':jobId/')) return null;
  return head.replace(':jobId', jobId);
}

/** The candidate id of a plain link that starts with `prefix`, or null when the link needs the full route match. */
function candidateAfter(href: string, prefix: string): string | null {
  if (!href.startsWith(prefix)) return null;
  // String searches, not expressions: this runs once per row of a list, mostly before the code is optimised.
  let end = href.length;
  const query = href.indexOf('?', prefix.length);
  if (query >= 0) end = query;
  const hash = href.indexOf('#', prefix.length);
  if (hash >= 0 && hash < end) end = hash;
  while (end > prefix.length && href.charCodeAt(end - 1) === 47) end -= 1; // trailing "/"
  const id = href.slice(prefix.length, end);
  return id && !id.includes('/') && !id.includes('%') && !id.includes('\\') && !id.includes('.') ? id : null;
}

/**
 * A row of a list: the profile it links to, and its row element (the mapping's row selectors, else the link's
 * parent), looked up when first asked for: a long list's off-screen rows are never asked.
 */
export class ProfileRow {
  private element_: Element | undefined;

  constructor(
    readonly jobId: string,
    readonly candidateId: string,
    readonly link: Element,
    private readonly main: Element,
    private readonly rowSelectors: readonly string[],
  ) {}

  get element(): Element {
    this.element_ ??= this.find();
    return this.element_;
  }

  /** Where a row badge goes: the element holding the link to the profile. */
  get nameCell(): Element {
    return this.link.parentElement ?? this.element;
  }

  private find(): Element {
    for (const css of this.rowSelectors) {
      let element: Element | null;
      try {
        element = this.link.closest(css);
      } catch {
        element = null;
      }
      if (element && this.main.contains(element)) return element;
    }
    return this.link.parentElement ?? this.link;
  }
}

const quotedCss = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** Rows in document order, by their links. */
const byDocumentOrder = (a: ProfileRow, b: ProfileRow) =>
  a.link.compareDocumentPosition(b.link) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

/**
 * The prefix of every link to a profile of this job in `main`, when they all are plain links that start with it (see
 * `profilePrefix`); null when another link opens a profile of the job, so rows must be found by reading every link.
 */
function plainProfilePrefix(main: Element, mapping: PinMapping, jobId: string): string | null {
  const prefix = profilePrefix(mapping, jobId);
  if (prefix === null) return null;
  for (const link of safeAll(main, `a[href]:not([href^=${quotedCss(prefix)}])`)) {
    const target = pageOfLink(link, mapping);
    if (target.kind === 'profile' && target.jobId === jobId) return null;
  }
  return prefix;
}

/**
 * The rows of these candidates in a job's list, found by their profile links alone (a query per candidate: no other
 * row is touched). A candidate is found by a link that is exactly its profile's path. Null when the list's links cannot be told apart that way (see
 * `plainProfilePrefix`). A candidate without a link in the list is left out.
 */
export function rowsOfCandidates(
  main: Element,
  mapping: PinMapping,
  jobId: string,
  candidateIds: Iterable<string>,
): ProfileRow[] | null {
  const prefix = plainProfilePrefix(main, mapping, jobId);
  if (prefix === null) return null;
  const rows: ProfileRow[] = [];
  const isLinkOf = (id: string) => (link: Element) =>
    candidateAfter(link.getAttribute('href') ?? '', prefix) === id;
  for (const id of candidateIds) {
    const path = prefix + id;
    if (candidateAfter(path, prefix) !== id) continue; // not a plain id: its links are not plain ones
    // One query per candidate that stops at its link; a selector list instead is matched against every element.
    const exact = main.querySelector(`a[href=${quotedCss(path)}]`);
    if (!exact) continue; // linked another way, if at all: the read of the page finds it
    const row = new ProfileRow(jobId, id, exact, main, mapping.selectors.row);
    // The row's first link to the profile (a picture's with a query, say) is the one a read of the list takes.
    const first = [...row.element.querySelectorAll(`a[href^=${quotedCss(path)}]`)].find(isLinkOf(id));
    rows.push(first && first !== exact ? new ProfileRow(jobId, id, first, main, mapping.selectors.row) : row);
  }
  return rows.sort(byDocumentOrder);
}

/**
 * A job's list by its profile links alone, to read a long list a few screens at a time: this job's plain links in
 * document order (one query), and a row made only for an index asked for. Null when knowing the rows takes reading
 * every link: the mapping's profile route has no plain prefix, or another link opens a profile of this job.
 */
export function linkList(
  main: Element,
  mapping: PinMapping,
  jobId: string,
): { links: ArrayLike<Element>; rowAt: (index: number) => ProfileRow | null } | null {
  const prefix = plainProfilePrefix(main, mapping, jobId);
  if (prefix === null) return null;
  const links = safeQuery(main, `a[href^=${quotedCss(prefix)}]`);
  const idAt = (index: number): string | null => {
    const link = links[index];
    if (!link) return null;
    const id = candidateAfter(link.getAttribute('href') ?? '', prefix);
    if (id !== null) return id;
    const target = pageOfLink(link, mapping);
    return target.kind === 'profile' && target.jobId === jobId ? target.candidateId : null;
  };
  return {
    links,
    rowAt: (index) => {
      const id = idAt(index);
      // A profile linked twice in a row (its picture and its name): the row is its first link's, as in `profileRows`.
      if (id === null || (index > 0 && idAt(index - 1) === id)) return null;
      return new ProfileRow(jobId, id, links[index]!, main, mapping.selectors.row);
    },
  };
}

/** The list's rows: one per distinct profile (of `jobId`, when given) linked from `main`, in document order. */
export function profileRows(main: Element, mapping: PinMapping, jobId?: string): ProfileRow[] {
  const seen = new Set<string>();
  const rows: ProfileRow[] = [];
  const add = (link: Element, rowJob: string, candidateId: string) => {
    const key = `${rowJob}/${candidateId}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(new ProfileRow(rowJob, candidateId, link, main, mapping.selectors.row));
  };
  const byRoute = (link: Element) => {
    const target = pageOfLink(link, mapping);
    if (target.kind === 'profile' && (jobId === undefined || target.jobId === jobId))
      add(link, target.jobId, target.candidateId);
  };
  const prefix = jobId === undefined ? null : profilePrefix(mapping, jobId);
  if (prefix === null) {
    for (const link of safeAll(main, 'a[href]')) byRoute(link);
    return rows;
  }
  // A 1,000-row pipeline: the browser finds this job's plain links by their prefix, each read by its prefix alone;
  // the few other links (navigation, absolute or encoded ones) go through the route patterns.
  const quoted = quotedCss(prefix);
  for (const link of safeAll(main, `a[href^=${quoted}]`)) {
    const id = candidateAfter(link.getAttribute('href') ?? '', prefix);
    if (id === null) byRoute(link);
    else add(link, jobId!, id);
  }
  const plain = rows.length;
  for (const link of safeAll(main, `a[href]:not([href^=${quoted}])`)) byRoute(link);
  if (plain > 0 && rows.length > plain) rows.sort(byDocumentOrder);
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
