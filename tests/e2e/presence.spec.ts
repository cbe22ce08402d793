import { seedGeneratedPeople } from '../harvest-sandbox/generate';
import type { HarvestSandbox } from '../harvest-sandbox/sandbox';
import { expect, test } from './fixtures';
import { ageStages } from './support/data';
import {
  connectGreenhouse,
  exportFromProfile,
  gotoProfile,
  type OptionsPage,
  rowNameCell,
} from './support/pages';
import { tally } from './support/sandbox-asserts';
import { stopServiceWorkers } from './support/worker';

const _REPLIED = 'When they reply to an email';

/** Waits until the options page's "Greenhouse index" section says the index is built, with `people` in it. */
async function indexBuilt(options: OptionsPage, people: number) {
  await expect(options.section('Greenhouse index').getByRole('status')).toHaveText(
    new RegExp(`^${people.toLocaleString('en-US')} (person|people) indexed`),
    { timeout: 20_000 },
  );
}

/** Pages the presence index asked Greenhouse for (not scope probes or lookups). */
const indexPages = (sandbox: HarvestSandbox) =>
  sandbox.requests.filter(
    (r) =>
      r.method === 'GET' &&
      r.path === '/v3/candidates' &&
      (r.query.per_page === '500' || 'cursor' in r.query),
  );

test('an existing Greenhouse person shows "In Greenhouse" before any export, and Export adds only an application', async ({
  context,
  openOptions,
  sandbox,
}) => {
  // In Greenhouse under another email, with the LinkedIn URL in another form.
  const ada = sandbox.seedCandidate({
    first_name: 'Ada',
    last_name: 'King',
    emails: ['ada@old-employer.example'],
  });
  ada.social_media_addresses = [{ value: 'http://linkedin.com/in/ADA-LOVELACE/' }];
  const options = await connectGreenhouse(openOptions);
  await indexBuilt(options, 1);

  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-ada');
  const inGreenhouse = panel.locator('[data-pgs-state="in_greenhouse"]');
  await expect(inGreenhouse).toContainText('In Greenhouse');
  await expect(inGreenhouse).toContainText('Ada King (matched by LinkedIn)');
  await expect(inGreenhouse.getByRole('link', { name: 'Open in Greenhouse' })).toHaveAttribute(
    'href',
    `https://app.greenhouse.io/people/${ada.id}`,
  );
  // Export to ATS stays, and its dialog says what it will do.
  await panel.getByRole('button', { name: 'Export to ATS' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Export to Greenhouse' });
  await dialog.getByLabel('Greenhouse job').selectOption({ label: 'Senior Backend Engineer (ENG-101)' });
  await expect(dialog).toContainText(
    'Add an application on Senior Backend Engineer to Ada King, who is already in Greenhouse (matched by LinkedIn).',
  );
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(panel.getByText('Linked to an existing Greenhouse candidate')).toBeVisible();
  expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, employments: 0 });
  expect(sandbox.applications[0]).toMatchObject({ candidate_id: ada.id, job_id: 5001 });
  expect(sandbox.writes().filter((w) => w.path === '/v3/candidates' || w.method === 'PATCH')).toHaveLength(0);
});

test('the export dialog previews a new person with counts, and pipeline rows mark people already in Greenhouse', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const wang = sandbox.seedCandidate({
    first_name: '小明',
    last_name: '王',
    emails: ['XIAOMING.WANG@example.cn'],
  });
  const options = await connectGreenhouse(openOptions);
  await indexBuilt(options, 1);
  const page = await context.newPage();
  // A profile seen once is what the pipeline can match later (rows show no emails).
  const wangPanel = await gotoProfile(page, 'j-backend', 'c-wang');
  await expect(wangPanel.locator('[data-pgs-state="in_greenhouse"]')).toContainText('(matched by email)');
  const panel = await gotoProfile(page, 'j-backend', 'c-ada');
  await panel.getByRole('button', { name: 'Export to ATS' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Export to Greenhouse' });
  await expect(dialog).toContainText(
    'Create Ada Lovelace: 2 emails, 1 phone, 4 employments, a Pin resume; an application as a prospect.',
  );
  // Choosing a job keeps the last preview (dimmed) until the new one arrives: the Export button below it never
  // moves while a recruiter reaches for it.
  await page.evaluate(() => {
    const root = document.querySelector('pin-greenhouse-sync')?.shadowRoot;
    const seen: string[] = [];
    (window as unknown as { previewLog: string[] }).previewLog = seen;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.removedNodes)
          if (n instanceof Element && n.matches('.pgs-preview')) seen.push('removed');
    }).observe(root!, { childList: true, subtree: true });
  });
  await dialog.getByLabel('Greenhouse job').selectOption({ label: 'Senior Backend Engineer (ENG-101)' });
  await expect(dialog.locator('.pgs-preview[aria-busy="false"]')).toHaveText(
    'Create Ada Lovelace: 2 emails, 1 phone, 4 employments, a Pin resume; an application on Senior Backend Engineer.',
  );
  expect(await page.evaluate(() => (window as unknown as { previewLog: string[] }).previewLog)).toEqual([]);
  await page.goto('https://app.pin.com/jobs/j-backend');
  const badge = rowNameCell(page, 'c-wang').getByRole('link', { name: 'In Greenhouse' });
  await expect(badge).toHaveAttribute('href', `https://app.greenhouse.io/people/${wang.id}`);
  await expect(page.locator('main').getByRole('link', { name: 'In Greenhouse' })).toHaveCount(1);
});

test("a synced badge shows the application's Greenhouse stage, and a moved application shows its new stage", async ({
  context,
  openOptions,
  sandbox,
}) => {
  const options = await connectGreenhouse(openOptions);
  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-jose');
  await exportFromProfile(panel, 'Senior Backend Engineer (ENG-101)');
  await expect(panel.locator('[data-pgs-stage]')).toHaveText('Application Review · Active');
  // A recruiter moves them in Greenhouse; later (past the 60 s a stage is kept, and the worker has idled out),
  // the profile is opened again.
  const [application] = sandbox.applications;
  sandbox.moveApplication(application!.id, { stage: 'Phone Screen' });
  const age = async () => {
    await ageStages(options.page, 61_000);
    await stopServiceWorkers(context, options.page);
  };
  await age();
  const again = await gotoProfile(page, 'j-backend', 'c-jose');
  await expect(again.locator('[data-pgs-stage]')).toHaveText('Phone Screen · Active');
  sandbox.moveApplication(application!.id, { status: 'rejected' });
  await age();
  await page.goto('https://app.pin.com/jobs/j-backend');
  await expect(rowNameCell(page, 'c-jose').getByRole('link', { name: 'Open in Greenhouse' })).toHaveAttribute(
    'title',
    'Synced to Greenhouse · Rejected',
  );
  const last = await gotoProfile(page, 'j-backend', 'c-jose');
  await expect(last.locator('[data-pgs-stage]')).toHaveText('Rejected');
});

test.describe('a large Greenhouse', () => {
  test.use({ sandboxConfig: { rateLimit: { limit: 1000, windowMs: 30_000 } } });

  test('the index build survives a stopped worker and resumes from its checkpoint; disconnect empties it', async ({
    context,
    openOptions,
    sandbox,
  }) => {
    seedGeneratedPeople(sandbox, 2_100); // five pages of 500
    // Slow pages, so that the worker can be stopped in the middle of the build.
    sandbox.injectFault({
      method: 'GET',
      path: '/v3/candidates',
      times: 40,
      action: { type: 'delay', ms: 400 },
    });
    const options = await connectGreenhouse(openOptions);
    const status = options.section('Greenhouse index').getByRole('status');
    await expect(status).toHaveText(/^Indexing Greenhouse: (500|1,000|1,500) people…/, { timeout: 20_000 });
    await expect
      .poll(() => indexPages(sandbox).filter((r) => r.status === 200).length)
      .toBeGreaterThanOrEqual(2);
    await stopServiceWorkers(context, options.page);
    const beforeRestart = indexPages(sandbox).length;
    // The options page's next status request wakes a new worker, which goes on from the checkpoint.
    await indexBuilt(options, 2_100);
    const pages = indexPages(sandbox);
    expect(pages.filter((r) => !('cursor' in r.query))).toHaveLength(1);
    expect(pages.slice(beforeRestart).every((r) => Object.keys(r.query).join() === 'cursor')).toBe(true);
    // Five pages, and at most the two the stop interrupted asked for again: the page being written and the one
    // already asked for ahead of it.
    expect(pages.length).toBeLessThanOrEqual(7);

    await options.section('Greenhouse').getByRole('button', { name: 'Disconnect' }).click();
    await expect(status).toHaveText('Connect Greenhouse to build the index.');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const stored = await worker.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('pin-greenhouse-sync-presence');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('people').objectStore('people').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(stored).toBe(0);
  });
});
