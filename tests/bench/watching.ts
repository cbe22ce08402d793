import type { Page, Worker } from '@playwright/test';
import { connectDemoCredential, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { extensionWorker, launchWithExtension } from '../e2e/support/extension';
import { watchEvery } from '../e2e/support/watch';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { Dataset } from '../pin-app/dataset';
import { generateLargeDataset } from '../pin-app/generate-large';
import { startPinApp } from '../pin-app/server';
import { median, percentile } from './measure';
import { WorkerProfiler } from './worker-profiler';

const JOBS = 20;
const ROWS_PER_JOB = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Twenty Pin jobs of fifty candidates each, everyone in a sequence (a reply fires the rule). */
function watchDataset(): Dataset {
  const large = generateLargeDataset(JOBS * ROWS_PER_JOB);
  const jobOf = (i: number) => `j-watch-${Math.floor(i / ROWS_PER_JOB) + 1}`;
  return {
    jobs: Array.from({ length: JOBS }, (_, i) => ({ id: `j-watch-${i + 1}`, title: `Watched job ${i + 1}` })),
    candidates: large.candidates,
    pipeline: large.pipeline.map((p, i) => ({
      ...p,
      jobId: jobOf(i),
      status: 'in_sequence' as const,
      events: [{ type: 'added_to_sequence' as const, at: '2026-11-01T10:00:00.000Z' }],
    })),
  };
}

async function command(options: Page, type: string, payload: unknown) {
  return options.evaluate(
    async ({ type, payload }) => {
      const answer = (await chrome.runtime.sendMessage({ type, payload })) as {
        ok: boolean;
        data?: unknown;
        error?: { message: string };
      };
      if (!answer.ok) throw new Error(answer.error?.message);
      return answer.data;
    },
    { type, payload },
  );
}

const checksSoFar = (worker: Worker) =>
  worker.evaluate(() => performance.getEntriesByName('pgs:watch-check').length);

/**
 * Background watching (SPEC §6.1, §10): 20 enabled rules, unchanged pipelines. Per check: the requests to Pin and
 * their answers, requests to Greenhouse, and the worker's CPU time (V8's profiler, non-idle samples). Then the time
 * from a Pin event to its export being queued with the production period (about a minute).
 */
export async function benchWatching(options: { checks: number; events: number }) {
  const pinApp = await startPinApp({ dataset: watchDataset() });
  const sandbox = new HarvestSandbox({ rateLimit: { limit: 100_000, windowMs: 30_000 } });
  const context = await launchWithExtension();
  try {
    await routeWorlds(context, pinApp, sandbox);
    const worker = await extensionWorker(context);
    const pin = await context.newPage();
    await pin.goto('https://app.pin.com/jobs');
    await pin
      .locator('main a[href^="/jobs/"]')
      .nth(JOBS - 1)
      .waitFor();
    // The page reports its jobs when the main thread is next idle: the worker knows them before the tab closes.
    for (let waited = 0; ; waited += 50) {
      const known = await worker.evaluate(
        async () => Object.keys((await chrome.storage.local.get('pin-jobs'))['pin-jobs'] ?? {}).length,
      );
      if (known >= JOBS) break;
      if (waited > 15_000) throw new Error(`the worker knows ${known} of ${JOBS} Pin jobs`);
      await sleep(50);
    }
    await pin.close();
    const settings = await openOptionsPage(context);
    await connectDemoCredential(settings);
    // Hold the watcher while the rules go on, then one check reads every pipeline in full.
    await watchEvery(worker, 3600, Date.now() + 3_600_000);
    for (let i = 1; i <= JOBS; i++)
      await command(settings, 'rules.save', {
        pinJobId: `j-watch-${i}`,
        greenhouseJobId: 5001,
        trigger: 'replied',
        enabled: true,
      });
    await sleep(2_000);
    const profiler = await WorkerProfiler.attach(context);
    const oneCheck = async () => {
      const before = await checksSoFar(worker);
      const pinFrom = pinApp.requests.length;
      const greenhouseFrom = sandbox.requests.length;
      const { busyMs } = await profiler.busyDuring(async () => {
        await worker.evaluate(() => chrome.alarms.create('pgs-watch', { when: Date.now() }));
        for (let waited = 0; (await checksSoFar(worker)) === before; waited += 20) {
          if (waited > 30_000) throw new Error('the watcher did not check');
          await sleep(20);
        }
      });
      const duration = await worker.evaluate(
        () => performance.getEntriesByName('pgs:watch-check').at(-1)!.duration,
      );
      const reads = pinApp.requests.slice(pinFrom).filter((r) => r.path.startsWith('/api/jobs/'));
      return {
        busyMs,
        wallMs: duration,
        pinRequests: reads.length,
        answered304: reads.filter((r) => r.status === 304).length,
        conditional: reads.filter((r) => r.ifNoneMatch !== null).length,
        greenhouseRequests: sandbox.requests.length - greenhouseFrom,
      };
    };
    const first = await oneCheck(); // every pipeline read in full once
    const checks = [];
    for (let i = 0; i < options.checks; i++) {
      await sleep(500);
      checks.push(await oneCheck());
    }
    await profiler.detach();

    // Event → queued with the production period: the alarm as the product makes it (about a minute).
    await worker.evaluate(() => chrome.alarms.create('pgs-watch', { periodInMinutes: 1 }));
    const eventToQueued: number[] = [];
    for (let i = 0; i < options.events; i++) {
      await sleep(15_000 + Math.random() * 45_000);
      const candidateId = `c-gen-${i * ROWS_PER_JOB + 1}`;
      const jobId = `j-watch-${i + 1}`;
      const at = Date.now();
      pinApp.event({ jobId, candidateId, type: 'replied' });
      for (;;) {
        const items = (await command(settings, 'activity.list', {})) as {
          pinCandidateId: string;
          createdAt: number;
        }[];
        const item = items.find((x) => x.pinCandidateId === candidateId);
        if (item) {
          eventToQueued.push(item.createdAt - at);
          break;
        }
        if (Date.now() - at > 180_000) throw new Error('the event was never queued');
        await sleep(200);
      }
    }
    return {
      jobs: JOBS,
      rowsPerJob: ROWS_PER_JOB,
      firstCheck: first,
      unchangedChecks: checks.length,
      perCheck: {
        pinRequests: Math.max(...checks.map((c) => c.pinRequests)),
        answered304: Math.min(...checks.map((c) => c.answered304)),
        conditional: Math.min(...checks.map((c) => c.conditional)),
        greenhouseRequests: Math.max(...checks.map((c) => c.greenhouseRequests)),
        medianWorkerBusyMs: median(checks.map((c) => c.busyMs)),
        p90WorkerBusyMs: percentile(
          checks.map((c) => c.busyMs),
          90,
        ),
        medianWallMs: median(checks.map((c) => c.wallMs)),
      },
      productionPeriod: {
        events: eventToQueued.length,
        medianEventToQueuedMs: eventToQueued.length ? median(eventToQueued) : null,
        maxEventToQueuedMs: eventToQueued.length ? Math.max(...eventToQueued) : null,
      },
    };
  } finally {
    await context.close();
    await pinApp.close();
  }
}
