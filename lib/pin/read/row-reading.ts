import type { StatusObservation } from '../../model/pin';

/** A row of a list: its profile link, and its row element (looked up when asked for). */
export interface ListedRow {
  link: Element;
  readonly element: Element;
}

/** What one row's outreach reading found (see `readOutreach`). */
export type RowOutreach = Pick<StatusObservation, 'status' | 'eventTimes'> & { rule: string; events: number };

/**
 * How a content script reads a long list: the rows near the screen, then each row as it scrolls into view or changes,
 * each read once while it stays the same (a read page carries the statuses of the rows near the screen and of those
 * that changed, and only those rows get badges). A 1,000-row pipeline then costs its links and a few screens of
 * statuses and badges, not 1,000. Rows never shown and never changed while the page is open are read by the background watcher from
 * Pin's JSON instead (SPEC §6.1).
 */
export interface RowReading {
  /** The outreach read before from this row, unchanged since; undefined when it has not been read. */
  known(row: Element): RowOutreach | null | undefined;
  remember(row: Element, outreach: RowOutreach | null): void;
  /** Whether rows changed since the list was last read (those are read wherever they are: `wanted`). */
  readonly changesPending: boolean;
  /** Which of these rows (in document order) to read now: those wanted where they are, and those that changed. */
  wanted(rows: readonly ListedRow[]): (index: number, row: ListedRow) => boolean;
  /** With no changes pending: the range of these links (in document order) whose rows to read now. */
  window(links: ArrayLike<Element>): [from: number, to: number];
}

/**
 * The viewport's height without a horizontal scrollbar, from the scrolling element: `innerHeight` is a web feature that
 * Chrome reports to the browser on a page's first use, behind a 100 ms timer that cuts the page's idle periods short
 * (see when-free.ts); this is not.
 */
export function viewportHeight(doc: Document = document): number {
  return (doc.scrollingElement ?? doc.documentElement).clientHeight || innerHeight;
}

/**
 * Uses the one counted web feature `nearViewport` needs (`getBoundingClientRect`), on a detached element (no layout),
 * so that Chrome counts it while the page loads rather than in the first read after Pin draws its rows (see
 * `viewportHeight`).
 */
export function primeNearViewport(doc: Document = document): void {
  doc.createElement('span').getBoundingClientRect();
}

/**
 * The rows within a screen's height of the viewport (so a short scroll finds them read), as the range [from, to) of
 * their indexes, by a binary search over the positions of their links: rows of a list are laid out top to bottom in
 * document order. Layout is clean when the page is idle, so the few rectangles read cost no layout.
 */
export function nearViewport(rows: ArrayLike<Element>, height = viewportHeight()): [number, number] {
  const top = -height;
  const bottom = 2 * height;
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.getBoundingClientRect().bottom < top) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < rows.length && rows[end]!.getBoundingClientRect().top <= bottom) end += 1;
  return [low, end];
}

/** `nearViewport` as a test of an index. */
export function rowsNearViewport(
  rows: ArrayLike<Element>,
  height = viewportHeight(),
): (index: number) => boolean {
  const [first, end] = nearViewport(rows, height);
  return (index) => index >= first && index < end;
}

/**
 * A page's row reading. A row read is kept (by element) until something inside it changes; a row that changes, or
 * that Pin puts in place of another, is read wherever it is, once the list has been read a first time.
 */
export class PageRowReading implements RowReading {
  private known_ = new WeakMap<Element, RowOutreach | null>();
  private changed = new WeakSet<Element>();
  /** Whether anything changed since the last read (else no row's element needs looking up for it). */
  private anyChanged = false;
  /** Whether the list on the page now has been read: before that, every row is new and none counts as changed. */
  private listRead = false;

  constructor(private readonly near: (rows: ArrayLike<Element>) => [number, number] = nearViewport) {}

  known(row: Element): RowOutreach | null | undefined {
    return this.known_.get(row);
  }

  remember(row: Element, outreach: RowOutreach | null): void {
    this.known_.set(row, outreach);
    this.changed.delete(row);
  }

  get changesPending(): boolean {
    return this.listRead && this.anyChanged;
  }

  wanted(rows: readonly ListedRow[]): (index: number, row: ListedRow) => boolean {
    const [first, end] = this.near(rows.map((r) => r.link));
    const changes = this.changesPending;
    this.begin();
    return (index, row) => (index >= first && index < end) || (changes && this.changed.has(row.element));
  }

  window(links: ArrayLike<Element>): [number, number] {
    const range = this.near(links);
    this.begin();
    return range;
  }

  /** A read of the list starts: what changed before it is in it. */
  private begin(): void {
    if (!this.listRead) this.changed = new WeakSet();
    this.listRead = true;
    this.anyChanged = false;
  }

  /** Whether changes count now (a list has been read since the last navigation). */
  get tracking(): boolean {
    return this.listRead;
  }

  /** Pin changed something at `target` (and added `added`): the rows holding them are read again, wherever they are. */
  touched(target: Node, added: Iterable<Node> = []): void {
    this.anyChanged = true;
    for (let at = target instanceof Element ? target : target.parentElement; at; at = at.parentElement) {
      this.known_.delete(at);
      this.changed.add(at);
    }
    for (const node of added) {
      if (!(node instanceof Element)) continue;
      this.known_.delete(node);
      this.changed.add(node);
    }
  }

  /** Another page (the SPA navigated): its list is new. */
  navigated(): void {
    this.changed = new WeakSet();
    this.listRead = false;
  }

  /** Everything is read again (a new mapping). */
  reset(): void {
    this.known_ = new WeakMap();
    this.navigated();
  }
}
