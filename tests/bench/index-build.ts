import type { BrowserContext, Worker } from '@playwright/test';
import { reserveFor } from '../../lib/greenhouse/governor';
import { connectDemoCredential, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { launchWithExtension } from '../e2e/support/extension';
import { seedGeneratedPeople } from '../harvest-sandbox/generate';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { PinApp } from '../pin-app/server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The presence index's first build against a Greenhouse of `people`, with 100 ms a request and a real limit. */
export async function benchIndexBuild(
  pinApp: PinApp,
  people: number,
  limit = { limit: 75, windowMs: 30_000 },
) {
  const sandbox = new HarvestSandbox({ latencyMs: 100, rateLimit: limit });
  seedGeneratedPeople(sandbox, people);
  const context: BrowserContext = await launchWithExtension();
  try {
    await routeWorlds(context, pinApp, sandbox);
    const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const usage = () => worker.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const before = await usage();
    const options = await openOptionsPage(context);
    await connectDemoCredential(options);
    const status = options.getByRole('region', { name: 'Greenhouse index', exact: true }).getByRole('status');
    await status.filter({ hasText: /indexed/ }).waitFor({ timeout: 30 * 60_000 });
    const pages = sandbox.requests.filter(
      (r) =>
        r.method === 'GET' &&
        r.path === '/v3/candidates' &&
        (r.query.per_page === '500' || 'cursor' in r.query),
    );
    const started = Math.min(...pages.map((r) => r.at));
    const finished = Math.max(...pages.map((r) => r.finishedAt));
    const seconds = (finished - started) / 1000;
    const roundTripFloor = (pages.length * 0.1 * 1000) / 1000;
    const rateFloor = pages.length / (limit.limit / (limit.windowMs / 1000));
    await sleep(1500); // let IndexedDB settle its writes before reading the footprint
    const after = await usage();
    // Lookup time: a candidate's keys (emails and a LinkedIn slug: three keys) read from the index, 500 times.
    const lookupMs = await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pin-greenhouse-sync-presence');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const request = db.transaction('keys').objectStore('keys').getAllKeys(null, 1500);
        request.onsuccess = () => resolve(request.result);
      });
      const started = performance.now();
      for (let i = 0; i + 3 <= keys.length; i += 3) {
        const tx = db.transaction('keys');
        await Promise.all(
          keys.slice(i, i + 3).map(
            (key) =>
              new Promise((resolve) => {
                const get = tx.objectStore('keys').get(key);
                get.onsuccess = () => resolve(get.result);
              }),
          ),
        );
      }
      return (performance.now() - started) / Math.floor(keys.length / 3);
    });
    // What the index itself holds, as written (keys and values), apart from the browser's own storage overhead.
    const logicalBytes = await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pin-greenhouse-sync-presence');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      let total = 0;
      for (const store of ['keys', 'people']) {
        await new Promise<void>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).openCursor();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return resolve();
            total += JSON.stringify(cursor.key).length + JSON.stringify(cursor.value).length;
            cursor.continue();
          };
        });
      }
      return total;
    });
    const share = limit.limit - reserveFor(limit.limit);
    const indexRateFloor = pages.length / (share / (limit.windowMs / 1000));
    return {
      people,
      pages: pages.length,
      seconds: Number(seconds.toFixed(1)),
      roundTripFloorSeconds: Number(roundTripFloor.toFixed(1)),
      rateLimitFloorSeconds: Number(rateFloor.toFixed(1)),
      limit: `${limit.limit} per ${limit.windowMs / 1000} s`,
      ratioToFloor: Number((seconds / Math.max(roundTripFloor, rateFloor)).toFixed(2)),
      /** Background work leaves `reserveFor(limit)` requests of each window to exports. */
      indexShareOfLimit: `${share} per ${limit.windowMs / 1000} s`,
      ratioToIndexShareFloor: Number((seconds / Math.max(roundTripFloor, indexRateFloor)).toFixed(2)),
      bytesPerPersonAsWritten: Math.round(logicalBytes / people),
      bytesPerPersonOnDisk: Math.round((after - before) / people),
      lookupMsPerCandidate: Number(lookupMs.toFixed(2)),
      rateLimited429: sandbox.requests.filter((r) => r.status === 429).length,
    };
  } finally {
    await context.close();
  }
}
