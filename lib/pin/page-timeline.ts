/**
 * The content script's entries on Pin's performance timeline, which `npm run bench` and the e2e tests read: measures
 * only, never marks. Chrome reports every `performance.mark` in a page to the browser as a custom user timing, and
 * each report arms a 100 ms send timer on the page's main thread; while it is pending the page's idle periods end at
 * it, so Pin's own idle work gets less time (measured: one mark at the end of a pipeline's read kept the page from two
 * full idle periods for those 100 ms in about a third of loads). A measure is not reported.
 */

/** A span from `start` (`performance.now()`) to now. */
export function pageSpan(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
}

/** A moment: a measure of no length, found like a mark (`performance.getEntriesByName(name)`). */
export function pageMoment(name: string): void {
  const now = performance.now();
  performance.measure(name, { start: now, end: now });
}
