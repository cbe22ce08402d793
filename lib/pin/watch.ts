import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PinJob, StatusObservation } from '../model/pin';
import { BUILTIN_PIN_MAPPING } from './mapping/builtin';
import type { PinMapping } from './mapping/schema';
import { pageSpan } from './page-timeline';
import { readInbox } from './read/inbox';
import { readJobsList } from './read/jobs';
import type { PipelineRow } from './read/lists';
import { readPipeline } from './read/pipeline';
import { type ProfileReading, readProfile } from './read/profile';
import type { FieldRead, Read } from './read/reads';
import { PageRowReading, primeNearViewport, type RowReading } from './read/row-reading';
import { type PinPage, pageFromUrl } from './routes';
import { whenPageFree } from './when-free';

export type PinPageState =
  | { kind: 'profile'; url: string; reading: ProfileReading }
  | { kind: 'pipeline'; url: string; job: PinJob; rows: PipelineRow[]; listed: number; reads: FieldRead[] }
  | { kind: 'inbox'; url: string; observations: StatusObservation[]; reads: FieldRead[] }
  | { kind: 'jobs'; url: string; jobs: PinJob[]; reads: FieldRead[] }
  | { kind: 'unreadable'; url: string; page: PinPage; what: string; reads: FieldRead[] }
  | { kind: 'loading'; url: string; page: PinPage }
  | { kind: 'other'; url: string };

/**
 * Reads the current Pin page with `mapping`; `loading` while the SPA has not rendered the expected view yet. With
 * `rowReading`, a pipeline's rows are read for their status only as `RowReading` wants.
 */
export function readPinPage(
  doc: Document,
  href: string,
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
  rowReading?: RowReading,
): PinPageState {
  const page = pageFromUrl(href, mapping);
  const settle = <T>(read: Read<T>, ok: (value: T, reads: FieldRead[]) => PinPageState): PinPageState => {
    if (read.ok) return ok(read.value, read.reads);
    // An empty main means Pin is still rendering; anything else that cannot be read is reported.
    const main = doc.querySelector('main');
    return !main || main.childElementCount === 0
      ? { kind: 'loading', url: href, page }
      : { kind: 'unreadable', url: href, page, what: read.unreadable, reads: read.reads };
  };
  switch (page.kind) {
    case 'profile':
      return settle(readProfile(doc, page, mapping), (reading) => ({ kind: 'profile', url: href, reading }));
    case 'pipeline':
      return settle(readPipeline(doc, page, mapping, rowReading), (value, reads) => ({
        kind: 'pipeline',
        url: href,
        ...value,
        reads,
      }));
    case 'inbox':
      return settle(readInbox(doc, mapping), (value, reads) => ({
        kind: 'inbox',
        url: href,
        ...value,
        reads,
      }));
    case 'jobs':
      return settle(readJobsList(doc, mapping), (jobs, reads) => ({ kind: 'jobs', url: href, jobs, reads }));
    default:
      return { kind: 'other', url: href };
  }
}

/** The longest a read waits for the page to be free after it changed. */
const SETTLE_MS = 150;

/**
 * Follows Pin's SPA: re-reads the page on `wxt:locationchange` and when Pin renders or changes nodes. The
 * mutation callback only marks the page dirty; one read runs after Pin's next frame, once Pin has no other task
 * queued (`whenPageFree`, at most 150 ms later), so a big pipeline costs one pass, not one per mutation, and never
 * competes with Pin's own rendering.
 * Nodes inside `ignore` (the extension's own hosts) do not count as changes. A long list is read a screenful at a
 * time (`PageRowReading`): scrolling reads the rows that come into view.
 */
export function watchPinPage(
  ctx: ContentScriptContext,
  onState: (state: PinPageState) => void,
  ignore: (node: Node) => boolean,
  mapping: () => PinMapping,
  /** Called in the task in which Pin changed the page, before its next frame (the read comes after that frame). */
  onPinChange?: () => void,
): { reread: (options?: { fresh?: boolean }) => void; stop: () => void } {
  let cancelRead: (() => void) | undefined;
  const rowReading = new PageRowReading();
  primeNearViewport();
  /** Whether the last read left rows unread, which a scroll may bring into view. */
  let unreadRows = false;
  const read = () => {
    cancelRead = undefined;
    const started = performance.now();
    const state = readPinPage(document, location.href, mapping(), rowReading);
    unreadRows =
      state.kind === 'pipeline' && (state.rows.length < state.listed || state.rows.some((r) => !r.read));
    onState(state);
    // Visible in the page's performance timeline, so `npm run bench` can attribute the content script's work.
    pageSpan('pgs:read-page', started);
  };
  let frame: number | undefined;
  const schedule = () => {
    if (cancelRead !== undefined || frame !== undefined) return;
    const afterFrame = () => {
      frame = undefined;
      cancelRead = whenPageFree(read, SETTLE_MS, ctx.signal);
    };
    // In a visible tab, after the next frame: Pin's change is laid out by then, so measuring where the rows are
    // (`rowsNearViewport`) forces no layout of a long list inside the read (measured: 66 ms of style and layout of
    // 1,000 rows, when the idle callback came first). A hidden tab draws no frames; its layout is done on demand.
    if (document.visibilityState === 'visible') frame = ctx.requestAnimationFrame(afterFrame);
    else afterFrame();
  };
  const cancel = () => {
    cancelRead?.();
    if (frame !== undefined) cancelAnimationFrame(frame);
    cancelRead = undefined;
    frame = undefined;
  };
  const observer = new MutationObserver((records) => {
    let changed = false;
    for (const record of records) {
      if (ignore(record.target)) continue;
      const nodes = [...record.addedNodes, ...record.removedNodes];
      if (nodes.length === 0 || !nodes.every(ignore)) {
        changed = true;
        if (!rowReading.tracking) break; // no list read yet, so no row to read again
        // The row holding the change, or put in by it, is read again.
        rowReading.touched(record.target, record.addedNodes);
      }
    }
    if (!changed) return;
    schedule();
    onPinChange?.();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    cancel();
    rowReading.navigated();
    schedule();
  });
  // A tab hidden before its frame came: read when idle instead of when it is shown again.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (frame === undefined || document.visibilityState === 'visible') return;
    cancelAnimationFrame(frame);
    frame = undefined;
    schedule();
  });
  ctx.addEventListener(
    document,
    'scroll',
    () => {
      if (unreadRows) schedule();
    },
    { capture: true, passive: true },
  );
  ctx.onInvalidated(() => observer.disconnect());
  // The first read: at once while Pin has drawn nothing yet (it only says which page is loading, so that a pipeline's
  // rows are asked for ahead); after Pin's next frame when Pin drew the page before this script started (a late start
  // on a busy machine), so that measuring its rows forces no layout (measured: a 53 ms read of 1,000 rows).
  const main = document.querySelector('main');
  if (!main || main.childElementCount === 0) read();
  else schedule();
  return {
    /** Reads the page again now; `fresh` (the mapping changed): rows read before are read again too. */
    reread: (options = {}) => {
      cancel();
      if (options.fresh) rowReading.reset();
      read();
    },
    stop: () => observer.disconnect(),
  };
}
