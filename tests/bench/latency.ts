import type { BrowserContext, Page, Worker } from '@playwright/test';
import { openExportDialog } from '../e2e/support/drive';
import { stopServiceWorkers } from '../e2e/support/worker';
import type { HarvestSandbox } from '../harvest-sandbox/sandbox';
import { criticalPath, median } from './measure';

export const GH_JOB_LABEL = 'Senior Backend Engineer (ENG-101)';
const THINK_MS = 1_000;

/** One export, split at the four points a recruiter waits through (all in epoch ms, sub-ms where the clock allows). */
export interface ExportSplit {
  /** The trusted click event in the page → the worker has the command (router mark). */
  clickToWorker: number;
  /** The click's timestamp → its event reaches the page's listeners (the browser's input pipeline). */
  inputDelay: number;
  /** → the worker hands the first Greenhouse request to the network (its own mark). */
  clickToDispatch: number;
  /** Of `clickToDispatch`: the first request's call to `fetch`, to its return (the control's is measured the same way). */
  fetchCall: number;
  /** Of `clickToDispatch`: the worker having the command → its write-ahead journal write starting (our handler). */
  workerToJournal: number;
  /** The journal's write, to its commit (IndexedDB, in the browser process): the write-ahead guarantee's price. */
  journal: number;
  /** The journal committed → the first request handed to the network (the `fetch` call included). */
  journalToDispatch: number;
  /** → the first Greenhouse request reaches Greenhouse (the sandbox, behind Playwright's routing). */
  workerToFirstRequest: number;
  clickToFirstRequest: number;
  /** First request → last answer: Greenhouse's own time, and the sequential round trips in it. */
  greenhouse: number;
  roundTrips: number;
  calls: number;
  /** Last answer (as the sandbox sent it, before Playwright's routing hop back) → the "Open in Greenhouse" badge. */
  lastAnswerToBadge: number;
  /** The same from when the worker had the last answer (its own mark): the extension's share alone. */
  workerAnswerToBadge: number;
  clickToBadge: number;
  /** Cold only: from the worker's script starting its main() to having the command. */
  workerStartedBeforeCommand: number | null;
  /** Cold only: from the worker's global scope being created (its time origin) to its main() starting. */
  workerOriginBeforeMain: number | null;
}

/** In every Pin page: trusted clicks, and the moment the overlay's badge appears (after the next frame). */
export const PAGE_PROBES = () => {
  const w = window as unknown as {
    __pgsClicks: number[];
    __pgsClickSeen: number[];
    __pgsBadgeAt: number | null;
    __pgsWatchBadge: () => void;
  };
  w.__pgsClicks = [];
  w.__pgsClickSeen = [];
  w.__pgsBadgeAt = null;
  addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      w.__pgsClicks.push(performance.timeOrigin + e.timeStamp);
      w.__pgsClickSeen.push(performance.timeOrigin + performance.now());
    },
    true,
  );
  w.__pgsWatchBadge = () => {
    w.__pgsBadgeAt = null;
    const root = document.querySelector('main pin-greenhouse-sync')?.shadowRoot;
    if (!root) throw new Error('no overlay');
    const observer = new MutationObserver(() => {
      if (!root.querySelector('a[aria-label="Open in Greenhouse"]')) return;
      observer.disconnect();
      const seen = performance.timeOrigin + performance.now();
      requestAnimationFrame(() => {
        w.__pgsBadgeAt = seen;
      });
    });
    observer.observe(root, { childList: true, subtree: true });
  };
};

async function currentWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'))
  );
}

/** Exports one profile through the dialog; with `cold`, the worker is stopped (CDP) right before the click. */
export async function measuredExport(
  context: BrowserContext,
  page: Page,
  sandbox: HarvestSandbox,
  candidateId: string,
  cold: boolean,
): Promise<ExportSplit> {
  const { dialog } = await openExportDialog(page, `/jobs/j-latency/candidates/${candidateId}`, GH_JOB_LABEL);
  // The preview is ready once the prefetched lookup answered. A recruiter then reads it and picks a job: a second of
  // think time, in which the worker also makes the resume PDF ahead (a click within it would find that CPU work
  // still running).
  await dialog.getByText(/^Create /).waitFor();
  await page.waitForTimeout(THINK_MS);
  await page.evaluate(() => (window as unknown as { __pgsWatchBadge: () => void }).__pgsWatchBadge());
  if (cold) {
    await stopServiceWorkers(context, page);
    await page.waitForTimeout(300);
  }
  const before = sandbox.requests.length;
  await dialog.getByRole('button', { name: 'Export' }).click();
  await page.waitForFunction(
    () => (window as unknown as { __pgsBadgeAt: number | null }).__pgsBadgeAt,
    null,
    {
      polling: 5,
      timeout: 30_000,
    },
  );
  const { clickAt, seenAt, badgeAt } = await page.evaluate(() => {
    const w = window as unknown as { __pgsClicks: number[]; __pgsClickSeen: number[]; __pgsBadgeAt: number };
    return { clickAt: w.__pgsClicks.at(-1)!, seenAt: w.__pgsClickSeen.at(-1)!, badgeAt: w.__pgsBadgeAt };
  });
  const worker = await currentWorker(context);
  // The worker's own marks: when it had the command, and when its first request of the export went out.
  // No named inner functions here: tsx would wrap them in a helper the worker does not have.
  const [command, main, fetchCalls, dispatches, answers, journalStarts, journaled] = await worker.evaluate(
    (names) =>
      names.map((name) =>
        performance.getEntriesByName(name).map((m) => performance.timeOrigin + m.startTime),
      ),
    [
      'pgs:command:pin.export',
      'pgs:main',
      'pgs:fetch',
      'pgs:request',
      'pgs:answer',
      'pgs:journal',
      'pgs:journaled',
    ],
  );
  const marks = { command: command?.at(-1) ?? null, main: main?.at(-1) ?? null };
  const workerOrigin = await worker.evaluate(() => performance.timeOrigin);
  if (process.env.BENCH_DEBUG) {
    const all = await worker.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('pgs:'))
        .map((m) => [m.name, performance.timeOrigin + m.startTime] as const)
        .concat([['worker-origin', performance.timeOrigin] as const]),
    );
    console.error(
      all
        .filter(([, t]) => t >= clickAt - 500)
        .map(([n, t]) => `${n} +${Math.round(t - clickAt)}`)
        .join('  '),
    );
  }
  // The export's requests: from the click until the badge (the stage read that follows is the badge's).
  const requests = sandbox.requests
    .slice(before)
    .filter(
      (r) =>
        (r.host === 'harvest.greenhouse.io' || r.host === 'auth.greenhouse.io') &&
        r.at >= clickAt - 5 &&
        r.at <= badgeAt &&
        !(r.method === 'GET' && (r.path === '/v3/jobs' || r.path === '/v3/applications')),
    );
  if (process.env.BENCH_DEBUG)
    console.error(
      requests
        .map(
          (r) =>
            `${r.method} ${r.path} ${JSON.stringify(r.query)} +${Math.round(r.at - clickAt)}→${Math.round(r.finishedAt - clickAt)}`,
        )
        .join('\n'),
    );
  const first = Math.min(...requests.map((r) => r.at));
  const last = Math.max(...requests.map((r) => r.finishedAt));
  const received = marks.command ?? clickAt;
  const dispatched = Math.min(...(dispatches ?? []).filter((t) => t >= received));
  const called = Math.max(...(fetchCalls ?? []).filter((t) => t <= dispatched));
  // Kept once per worker (the latest export's); NaN, and left out of the medians, for an export that wrote none.
  const journalAt = (journalStarts ?? []).find((t) => t >= received) ?? Number.NaN;
  const journaledAt = (journaled ?? []).find((t) => t >= journalAt) ?? Number.NaN;
  return {
    clickToWorker: received - clickAt,
    inputDelay: seenAt - clickAt,
    clickToDispatch: dispatched - clickAt,
    fetchCall: dispatched - called,
    workerToJournal: journalAt - received,
    journal: journaledAt - journalAt,
    journalToDispatch: dispatched - journaledAt,
    workerToFirstRequest: first - received,
    clickToFirstRequest: first - clickAt,
    greenhouse: last - first,
    roundTrips: criticalPath(requests),
    calls: requests.length,
    lastAnswerToBadge: badgeAt - last,
    workerAnswerToBadge: badgeAt - Math.max(...(answers ?? []).filter((t) => t >= clickAt && t <= badgeAt)),
    clickToBadge: badgeAt - clickAt,
    workerStartedBeforeCommand: cold && typeof marks.main === 'number' ? received - marks.main : null,
    workerOriginBeforeMain: cold && typeof marks.main === 'number' ? marks.main - workerOrigin : null,
  };
}

const round = (n: number) => Number(n.toFixed(1));

export function summarize(runs: ExportSplit[]) {
  const m = (key: Exclude<keyof ExportSplit, 'workerStartedBeforeCommand' | 'workerOriginBeforeMain'>) =>
    round(median(runs.map((r) => r[key]).filter(Number.isFinite)));
  const roundTrips = Math.max(...runs.map((r) => r.roundTrips));
  // Cold only: the worker's script starting its main() → the command reaching the router, and the click → that start.
  const started = runs.flatMap((r) => (r.workerStartedBeforeCommand === null ? [] : [r]));
  const coldSplit = started.length
    ? {
        /** Chrome starting the worker: the click → the worker's global scope exists. */
        medianClickToWorkerOriginMs: round(
          median(
            started.map(
              (r) => r.clickToWorker - r.workerStartedBeforeCommand! - (r.workerOriginBeforeMain ?? 0),
            ),
          ),
        ),
        /** The worker's script evaluated, up to its main(). */
        medianWorkerOriginToMainMs: round(median(started.map((r) => r.workerOriginBeforeMain ?? 0))),
        medianClickToWorkerMainMs: round(
          median(started.map((r) => r.clickToWorker - r.workerStartedBeforeCommand!)),
        ),
        medianWorkerMainToCommandMs: round(median(started.map((r) => r.workerStartedBeforeCommand!))),
      }
    : {};
  const floor = roundTrips * 100;
  return {
    exports: runs.length,
    sequentialRoundTrips: roundTrips,
    greenhouseCalls: m('calls'),
    medianInputDelayMs: m('inputDelay'),
    medianClickToWorkerMs: m('clickToWorker'),
    ...coldSplit,
    medianClickToDispatchMs: m('clickToDispatch'),
    /** Of which the first request's call to `fetch` itself (Chrome's, with the DevTools routing attached). */
    medianFetchCallMs: round(median(runs.map((r) => r.fetchCall))),
    /** The worker's part of it, in three: our handler up to the journal, the journal's commit, and on to the request. */
    medianWorkerToJournalMs: m('workerToJournal'),
    medianJournalMs: m('journal'),
    medianJournalToDispatchMs: m('journalToDispatch'),
    medianWorkerToFirstRequestMs: m('workerToFirstRequest'),
    medianClickToFirstRequestMs: m('clickToFirstRequest'),
    medianGreenhouseMs: m('greenhouse'),
    medianLastAnswerToBadgeMs: m('lastAnswerToBadge'),
    medianWorkerAnswerToBadgeMs: m('workerAnswerToBadge'),
    medianClickToSyncedMs: m('clickToBadge'),
    floorMs: floor,
    targetClickToSyncedMs: Math.round(1.3 * floor + 150),
  };
}
