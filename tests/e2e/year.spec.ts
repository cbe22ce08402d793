import { generateLargeDataset } from '../pin-app/generate-large';
import { seedSandboxYear } from '../year/sandbox';
import { seedYear, YEAR } from '../year/seed';
import { expect, test } from './fixtures';
import {
  connectGreenhouse,
  enableRule,
  exportFromProfile,
  gotoProfile,
  rowNameCell,
  TALL_ENOUGH_FOR_1000_ROWS,
} from './support/pages';
import { tally } from './support/sandbox-asserts';
import { stopServiceWorkers } from './support/worker';

test.use({ pinDataset: generateLargeDataset(1000) });

test('a year of use: 25,000 synced, 50,000 observations, a 200,000-person index; export, rule and every badge still work', async ({
  context,
  openOptions,
  pinApp,
  sandbox,
  serviceWorker,
}) => {
  // Seeding a year into IndexedDB takes a minute or more on this machine kind; the product's part is below.
  test.setTimeout(300_000);
  const pin = await context.newPage();
  // Every row of the 1,000-row pipeline near the screen at once, so every badge is shown (e2e/long-list.spec.ts).
  await pin.setViewportSize({ width: 1280, height: TALL_ENOUGH_FOR_1000_ROWS });
  await pin.goto('https://app.pin.com/jobs');
  await expect(pin.locator('main a[href^="/jobs/"]')).toHaveCount(1);
  const options = await connectGreenhouse(openOptions);
  await expect(options.section('Greenhouse index').getByRole('status')).toContainText('indexed', {
    timeout: 60_000,
  });
  await enableRule(
    options.page,
    'Large pipeline (1,000 rows)',
    'Senior Backend Engineer (ENG-101)',
    'When they reply to an email',
  );
  // The year: in the browser, and the same people (with their applications) in Greenhouse.
  await seedYear(serviceWorker);
  seedSandboxYear(sandbox);
  // A new worker reads what is stored (the year), not what the last one kept in memory.
  await stopServiceWorkers(context, pin);
  await options.page.reload();
  await expect(options.section('Greenhouse index').getByRole('status')).toContainText(
    '200,000 people indexed',
  );

  // storage.local holds only the small settings: far under half its 10 MB quota.
  const localBytes = await serviceWorker.evaluate(() =>
    (chrome.storage.local as unknown as { getBytesInUse(keys: null): Promise<number> }).getBytesInUse(null),
  );
  expect(localBytes).toBeLessThan(100_000);

  // A cold worker, then the 1,000-row pipeline: every synced candidate of the year still has its badge.
  await stopServiceWorkers(context, pin);
  await pin.goto('https://app.pin.com/jobs/j-large');
  const synced = pin.locator('main').getByRole('link', { name: 'Open in Greenhouse' });
  await expect(synced).toHaveCount(YEAR.pipelineSynced, { timeout: 30_000 });
  await expect(rowNameCell(pin, 'c-gen-1').getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
  await expect(rowNameCell(pin, 'c-gen-995').getByRole('link', { name: 'Open in Greenhouse' })).toHaveCount(
    0,
  );

  // A rule fires from the open pipeline…
  pinApp.event({ jobId: 'j-large', candidateId: 'c-gen-996', type: 'replied' });
  await expect(rowNameCell(pin, 'c-gen-996').getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({
    timeout: 20_000,
  });
  // …and a manual export works from a profile.
  const profile = await context.newPage();
  const panel = await gotoProfile(profile, 'j-large', 'c-gen-995');
  await exportFromProfile(panel, 'Senior Backend Engineer (ENG-101)');
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({ timeout: 20_000 });
  expect(tally(sandbox).candidates).toBe(YEAR.synced + 2);
  expect(sandbox.notes).toHaveLength(2);
  // The year's records are all still there: none was dropped as gone.
  await pin.reload();
  await expect(synced).toHaveCount(YEAR.pipelineSynced + 2, { timeout: 30_000 });
});
