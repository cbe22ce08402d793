import type { BrowserContext, Page } from '@playwright/test';
import { connectDemoCredential, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { extensionWorker, launchWithExtension } from '../e2e/support/extension';
import { stopServiceWorkers } from '../e2e/support/worker';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { PinApp } from '../pin-app/server';
import { seedSandboxYear } from '../year/sandbox';
import { seedYear, YEAR } from '../year/seed';
import { type ExportSplit, measuredExport, PAGE_PROBES, summarize } from './latency';
import { median } from './measure';
import { contentScriptTime } from './overlay';
import { WorkerProfiler } from './worker-profiler';

const STORES = {
  'pin-greenhouse-sync-data': ['exports', 'records', 'observations', 'digests', 'snapshots', 'stages'],
  'pin-greenhouse-sync-presence': ['keys', 'people'],
};

/** A context with the extension connected, its index built, and a year of use seeded (browser and Greenhouse). */
export async function yearContext(pinApp: PinApp, sandbox: HarvestSandbox): Promise<BrowserContext> {
  const context = await launchWithExtension();
  await routeWorlds(context, pinApp, sandbox);
  const worker = await extensionWorker(context);
  const options = await openOptionsPage(context);
  await connectDemoCredential(options);
  await options
    .getByRole('region', { name: 'Greenhouse index', exact: true })
    .getByRole('status')
    .filter({ hasText: /indexed/ })
    .waitFor({ timeout: 60_000 });
  await seedYear(worker);
  seedSandboxYear(sandbox);
  await options.close();
  return context;
}

/** Storage by store: rows, bytes as written (a sample's JSON size times the rows), and what the browser reports. */
async function storageUsed(context: BrowserContext) {
  const worker = await extensionWorker(context);
  await worker.evaluate('globalThis.__name ??= (f) => f');
  return worker.evaluate(async (stores) => {
    const out: Record<string, { rows: number; approxBytes: number }> = {};
    for (const [name, names] of Object.entries(stores)) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of names) {
        const [rows, sample] = await new Promise<[number, unknown[]]>((resolve, reject) => {
          const tx = db.transaction(store);
          const count = tx.objectStore(store).count();
          const some = tx.objectStore(store).getAll(null, 200);
          tx.oncomplete = () => resolve([count.result, some.result]);
          tx.onerror = () => reject(tx.error);
        });
        const each = sample.length ? JSON.stringify(sample).length / sample.length : 0;
        out[`${name.replace('pin-greenhouse-sync-', '')}.${store}`] = {
          rows,
          approxBytes: Math.round(each * rows),
        };
      }
      db.close();
    }
    const estimate = await navigator.storage.estimate();
    const local = await (
      chrome.storage.local as unknown as { getBytesInUse(k: null): Promise<number> }
    ).getBytesInUse(null);
    return {
      stores: out,
      storageLocalBytes: local,
      storageLocalQuotaBytes: 10_485_760,
      indexedDbOnDisk: estimate.usage,
    };
  }, STORES);
}

/**
 * The worker's CPU time while a 1,000-row pipeline loads (its report and badges: the rows near the screen, as a
 * recruiter opens it), by V8's profiler.
 */
async function pageReport(page: Page, profiler: WorkerProfiler) {
  const { busyMs, top } = await profiler.busyDuring(async () => {
    await page.goto('https://app.pin.com/jobs/j-large');
    await page.locator('main').getByRole('link', { name: 'Open in Greenhouse' }).first().waitFor({
      timeout: 60_000,
    });
    await page.waitForTimeout(500);
  });
  if (process.env.BENCH_TOP) console.error(JSON.stringify(top, null, 1));
  return busyMs;
}

/** Year rows (SPEC §10): storage, cold reads, click figures, and the page report with a year of data. */
export async function benchYear(pinApp: PinApp, runs: number) {
  const sandbox = new HarvestSandbox({ latencyMs: 100, rateLimit: { limit: 100_000, windowMs: 30_000 } });
  const context = await yearContext(pinApp, sandbox);
  try {
    await context.addInitScript(PAGE_PROBES);
    const page = await context.newPage();
    await stopServiceWorkers(context, page);
    const storage = await storageUsed(context);
    await page.goto('https://app.pin.com/jobs');
    const profiler = await WorkerProfiler.attach(context);
    const firstReport = await pageReport(page, profiler);
    const againReport = await pageReport(page, profiler);
    await profiler.detach();
    // The overlay's own cost on the 1,000-row pipeline, with a year of records behind its badges.
    const overlayPage = await context.newPage();
    await overlayPage.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const overlayLoads = [];
    for (let i = 0; i < 5; i++) overlayLoads.push(await contentScriptTime(context, overlayPage));
    await overlayPage.close();

    await measuredExport(context, page, sandbox, 'lat-0', false);
    const warm: ExportSplit[] = [];
    const cold: ExportSplit[] = [];
    const coldBytes: number[] = [];
    for (let i = 1; i <= runs; i++)
      warm.push(await measuredExport(context, page, sandbox, `lat-${i}`, false));
    for (let i = 1; i <= runs; i++) {
      cold.push(await measuredExport(context, page, sandbox, `lat-${runs + i}`, true));
      const worker = await extensionWorker(context);
      const bytes = await worker.evaluate(
        () =>
          (performance.getEntriesByName('pgs:bytes-before-first-request')[0] as PerformanceMark | undefined)
            ?.detail as number | undefined,
      );
      if (typeof bytes === 'number') coldBytes.push(bytes);
    }
    return {
      profile: YEAR,
      storage,
      medianBytesReadBeforeFirstRequestCold: coldBytes.length ? median(coldBytes) : null,
      maxBytesReadBeforeFirstRequestCold: coldBytes.length ? Math.max(...coldBytes) : null,
      workerMsPageReport1000Rows: {
        firstSighting: Number(firstReport.toFixed(1)),
        again: Number(againReport.toFixed(1)),
      },
      /** The content script's main-thread time per load of the 1,000-row pipeline (5 traced loads), median. */
      contentScriptMainThreadMsMedian: Number(median(overlayLoads.map((l) => l.ms)).toFixed(1)),
      warm: summarize(warm),
      cold: summarize(cold),
    };
  } finally {
    await context.close();
  }
}
