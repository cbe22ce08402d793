import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  type PipelineRow,
  type ProfileReading,
  type Read,
  readInbox,
  readJobsList,
  readPipeline,
  readProfile,
} from './read';
import { type PinPage, pageFromUrl } from './routes';
import type { PinJob, StatusObservation } from './types';

export type PinPageState =
  | { kind: 'profile'; url: string; reading: ProfileReading }
  | { kind: 'pipeline'; url: string; job: PinJob; rows: PipelineRow[] }
  | { kind: 'inbox'; url: string; observations: StatusObservation[] }
  | { kind: 'jobs'; url: string; jobs: PinJob[] }
  | { kind: 'unreadable'; url: string; page: PinPage; what: string }
  | { kind: 'loading'; url: string; page: PinPage }
  | { kind: 'other'; url: string };

/** Reads the current Pin page; `loading` while the SPA has not rendered the expected view yet. */
export function readPinPage(doc: Document, href: string): PinPageState {
  const page = pageFromUrl(href);
  const settle = <T>(read: Read<T>, ok: (value: T) => PinPageState): PinPageState => {
    if (read.ok) return ok(read.value);
    // An empty main means Pin is still rendering; anything else that cannot be read is reported.
    const main = doc.querySelector('main');
    return !main || main.childElementCount === 0
      ? { kind: 'loading', url: href, page }
      : { kind: 'unreadable', url: href, page, what: read.unreadable };
  };
  switch (page.kind) {
    case 'profile':
      return settle(readProfile(doc), (reading) =>
        reading.candidate.id === page.candidateId && reading.job.id === page.jobId
          ? { kind: 'profile', url: href, reading }
          : { kind: 'loading', url: href, page },
      );
    case 'pipeline':
      return settle(readPipeline(doc), (value) =>
        value.job.id === page.jobId
          ? { kind: 'pipeline', url: href, ...value }
          : { kind: 'loading', url: href, page },
      );
    case 'inbox':
      return settle(readInbox(doc), (value) => ({ kind: 'inbox', url: href, ...value }));
    case 'jobs':
      return settle(readJobsList(doc), (jobs) => ({ kind: 'jobs', url: href, jobs }));
    default:
      return { kind: 'other', url: href };
  }
}

const SETTLE_MS = 150;

/**
 * Follows Pin's SPA: re-reads the page on `wxt:locationchange` and when Pin renders or changes nodes. The
 * mutation callback only marks the page dirty; one read runs per quiet period, so a big pipeline costs one
 * pass, not one per mutation. Nodes inside `ignore` (the extension's own hosts) do not count as changes.
 */
export function watchPinPage(
  ctx: ContentScriptContext,
  onState: (state: PinPageState) => void,
  ignore: (node: Node) => boolean,
): () => void {
  let timer: number | undefined;
  const read = () => {
    timer = undefined;
    const started = performance.now();
    onState(readPinPage(document, location.href));
    // Visible in the page's performance timeline, so `npm run bench` can attribute the content script's work.
    performance.measure('pgs:read-page', { start: started });
  };
  const schedule = () => {
    if (timer === undefined) timer = ctx.setTimeout(read, SETTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (ignore(record.target)) continue;
      const changed = [...record.addedNodes, ...record.removedNodes];
      if (changed.length === 0 || !changed.every(ignore)) {
        schedule();
        return;
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    schedule();
  });
  ctx.onInvalidated(() => observer.disconnect());
  read();
  return () => observer.disconnect();
}
