import type { Worker } from '@playwright/test';

/**
 * Makes the background watcher check every `seconds` instead of every minute. Chrome lets an unpacked extension's
 * alarms fire that often (a packed one waits at least 30 s); the product keeps its alarm when one exists, so this
 * period holds until the test ends. The first check is at once.
 */
export async function watchEvery(worker: Worker, seconds: number, when?: number): Promise<void> {
  await worker.evaluate(
    ({ period, at }) =>
      chrome.alarms.create('pgs-watch', { periodInMinutes: period / 60, when: at ?? Date.now() + 100 }),
    { period: seconds, at: when ?? null },
  );
}
