import type { BrowserContext, Page, Worker } from '@playwright/test';
import { connectDemoCredential, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { launchWithExtension } from '../e2e/support/extension';
import { seedGeneratedPeople } from '../harvest-sandbox/generate';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { PinApp } from '../pin-app/server';
import { GH_JOB_LABEL } from './latency';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** `count` candidates meet a rule's trigger at once; the index is built and fresh (5,000 people in Greenhouse). */
export async function benchBulk(pinApp: PinApp, count: number) {
  const limit = 60;
  const windowMs = 5_000;
  const sandbox = new HarvestSandbox({ rateLimit: { limit, windowMs } });
  seedGeneratedPeople(sandbox, 5_000);
  const context: BrowserContext = await launchWithExtension();
  try {
    await routeWorlds(context, pinApp, sandbox);
    const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const pin: Page = await context.newPage();
    await pin.goto('https://app.pin.com/jobs/j-bulk');
    await pin.locator('main a[href*="/candidates/"]').first().waitFor();
    const options = await openOptionsPage(context);
    await connectDemoCredential(options);
    await options
      .getByRole('region', { name: 'Greenhouse index', exact: true })
      .getByRole('status')
      .filter({ hasText: /indexed/ })
      .waitFor({ timeout: 120_000 });
    const group = options.getByRole('group', { name: 'Bulk bench' });
    await group.getByLabel('Greenhouse job').selectOption({ label: GH_JOB_LABEL });
    await group.getByLabel('Trigger').selectOption({ label: "When they're added to an outreach sequence" });
    await group.getByRole('button', { name: 'Enable' }).click();
    await group.getByRole('button', { name: 'Disable' }).waitFor();
    await sleep(windowMs); // start on a fresh window, as a recruiter's bulk action would
    const before = sandbox.requests.length;
    const people = sandbox.candidates.length;
    const started = Date.now();
    for (let i = 0; i < count; i++)
      pinApp.event({ jobId: 'j-bulk', candidateId: `bulk-${i}`, type: 'added_to_sequence' });
    await until(() => sandbox.notes.length >= count, 10 * 60_000, `${count} exports`);
    await until(
      async () => (await worker.evaluate(() => chrome.action.getBadgeText({}))) === '',
      60_000,
      'an empty queue',
    );
    const finished = Date.now();
    const requests = sandbox.requests.slice(before).filter((r) => r.host === 'harvest.greenhouse.io');
    const accepted = requests.filter((r) => r.status !== 429);
    const perWindow = new Map<number, number>();
    for (const r of accepted)
      perWindow.set(Math.floor(r.at / windowMs), (perWindow.get(Math.floor(r.at / windowMs)) ?? 0) + 1);
    const windows = [...perWindow.keys()].sort((a, b) => a - b);
    const full = windows.slice(1, -1); // the first and last windows are partial
    const sustained = full.length
      ? full.reduce((sum, w) => sum + perWindow.get(w)!, 0) / full.length
      : accepted.length;
    const stored = (await worker.evaluate(() => chrome.storage.local.get(null))) as Record<
      string,
      { state?: string }
    >;
    const items = Object.entries(stored).filter(([key]) => key.startsWith('export:'));
    const created = sandbox.candidates.slice(people);
    const emails = created.map((c) => c.email_addresses[0]?.value);
    const lookups = requests.filter((r) => r.method === 'GET' && r.path === '/v3/candidates');
    const bytesInUse = await worker.evaluate(() =>
      (chrome.storage.local as unknown as { getBytesInUse(k: null): Promise<number> }).getBytesInUse(null),
    );
    return {
      candidates: count,
      limit: `${limit} per ${windowMs / 1000} s`,
      requests: requests.length,
      requestsPerCandidate: Number((requests.length / count).toFixed(2)),
      /** Email lookups: here only the re-read after each create that spots a teammate's duplicate. */
      emailLookupsPerCandidate: Number((lookups.filter((r) => r.query.email).length / count).toFixed(2)),
      indexUpdates: lookups.filter((r) => r.query.updated_at).length,
      achievedRatePerSecond: Number((sustained / (windowMs / 1000)).toFixed(2)),
      fractionOfLimit: Number((sustained / limit).toFixed(3)),
      maxRequestsInAWindow: Math.max(...perWindow.values()),
      rateLimited429: requests.length - accepted.length,
      rateLimitedShare: Number(((requests.length - accepted.length) / requests.length).toFixed(4)),
      failedExports: items.filter(([, v]) => v.state === 'failed').length,
      duplicates: emails.length - new Set(emails).size,
      exportsPerMinute: Number((count / ((finished - started) / 60_000)).toFixed(1)),
      wallSeconds: Number(((finished - started) / 1000).toFixed(1)),
      storageBytesPerSyncedCandidate: Math.round(bytesInUse / count),
      requestsByKind: Object.fromEntries(
        Object.entries(
          requests.reduce<Record<string, number>>((acc, r) => {
            const kind = `${r.method} ${r.path}${r.query.email ? '?email' : r.query.updated_at ? '?updated_at' : ''}`;
            acc[kind] = (acc[kind] ?? 0) + 1;
            return acc;
          }, {}),
        ).sort((a, b) => b[1] - a[1]),
      ),
    };
  } finally {
    await context.close();
  }
}
