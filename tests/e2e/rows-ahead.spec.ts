import { expect, test } from './fixtures';
import { readData } from './support/data';
import { extensionWorker } from './support/extension';
import {
  connectGreenhouse,
  exportFromProfile,
  gotoProfile,
  pipelineLinks,
  rowNameCell,
} from './support/pages';
import { stopServiceWorkers } from './support/worker';

/**
 * In the page: records whether a row badge was there when the browser first laid out Pin's rows (a ResizeObserver's
 * first callback comes right after the layout of the frame that first draws the table).
 */
const BADGE_AT_FIRST_LAYOUT = () => {
  const w = window as unknown as { __badgeAtFirstLayout?: boolean };
  new MutationObserver((_, observer) => {
    const table = document.querySelector('main table');
    if (!table) return;
    observer.disconnect();
    const sizes = new ResizeObserver(() => {
      sizes.disconnect();
      w.__badgeAtFirstLayout = document.querySelector('main [data-pgs-badge]') !== null;
    });
    sizes.observe(table);
  }).observe(document, { childList: true, subtree: true });
};

/** Where the content script's first read of a pipeline ended, and where its last step on the rows began (ms). */
const FIRST_READ = () => {
  const done = performance.getEntriesByName('pgs:rows-done')[0];
  const read = performance
    .getEntriesByName('pgs:read-page')
    .filter((m) => done && m.startTime <= done.startTime)
    .at(-1);
  return done && read ? { done: done.startTime, readEnd: read.startTime + read.duration } : null;
};

test('a pipeline opened again, after the worker stopped, is badged before its rows are first laid out and marked in the read itself, and a row that changed while it was closed is still reported', async ({
  context,
  openOptions,
  pinApp,
  serviceWorker,
}) => {
  await connectGreenhouse(openOptions);
  const first = await context.newPage();
  const panel = await gotoProfile(first, 'j-backend', 'c-ada');
  await exportFromProfile(panel, 'Senior Backend Engineer (ENG-101)');
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({ timeout: 15_000 });
  await first.goto('https://app.pin.com/jobs/j-backend');
  await expect(pipelineLinks(first)).toHaveCount(9);
  // The stage read this page asked for is done (its change signal, which drops an answer held, has come and gone).
  await expect(rowNameCell(first, 'c-ada').getByRole('link', { name: 'Open in Greenhouse' })).toHaveAttribute(
    'title',
    /^Synced to Greenhouse · ./,
  );
  const statusOf = async (candidateId: string) =>
    (
      await readData<{ status: string } | undefined>(
        await extensionWorker(context),
        'observations',
        `j-backend/${candidateId}`,
      )
    )?.status;
  await expect.poll(() => statusOf('c-wang')).toBe('in_sequence');
  // The rows this page showed are kept for the next worker (storage.session); then Chrome stops the idle worker,
  // as it does within a minute, and what it held in memory is gone.
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.session.get('shown-rows'))),
    )
    .toContain('"j-backend"');
  await stopServiceWorkers(context, first);
  await first.close();

  // While no Pin page is open (and no rule watches this job), Pin records a reply.
  expect(pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' })).toEqual({ ok: true });
  const again = await context.newPage();
  // Pin's list is held until the page has the extension's answer for the job, so that the read is the one to use it.
  await again.route(
    '**/api/state*',
    async (route) => {
      await expect
        .poll(() => again.evaluate(() => performance.getEntriesByName('pgs:job-rows').length))
        .toBe(1);
      await route.fallback();
    },
    { times: 1 },
  );
  await again.addInitScript(BADGE_AT_FIRST_LAYOUT);
  await again.goto('https://app.pin.com/jobs/j-backend');
  await expect(pipelineLinks(again)).toHaveCount(9);
  // Badged before the frame that first draws Pin's rows laid them out, so the table is laid out once, with the badge.
  await expect
    .poll(() =>
      again.evaluate(() => (window as unknown as { __badgeAtFirstLayout?: boolean }).__badgeAtFirstLayout),
    )
    .toBe(true);
  await expect(rowNameCell(again, 'c-ada').getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
  await expect(again.locator('main').getByRole('link', { name: 'Open in Greenhouse' })).toHaveCount(1);
  // Marked, and the news decided, in the read's own task: no round trip to the worker after the read.
  const timing = await again.evaluate(FIRST_READ);
  expect(timing).not.toBeNull();
  expect(timing!.done).toBeLessThanOrEqual(timing!.readEnd);
  // The reply is news to the extension, so the page reported it.
  await expect.poll(() => statusOf('c-wang')).toBe('replied');
  expect(await statusOf('c-ada')).toBe('sourced');

  // The page reports the job only when the extension has not taken it as it is: renamed in Pin, the new title reaches
  // the extension from a read marked with what was asked for ahead.
  const jobTitle = async () =>
    (await extensionWorker(context)).evaluate(async () => {
      const jobs = (await chrome.storage.local.get('pin-jobs'))['pin-jobs'] as Record<
        string,
        { title: string }
      >;
      return jobs['j-backend']?.title;
    });
  expect(await jobTitle()).toBe('Senior Backend Engineer');
  pinApp.state().jobs.find((job) => job.id === 'j-backend')!.title = 'Staff Backend Engineer';
  const renamed = await context.newPage();
  await renamed.route(
    '**/api/state*',
    async (route) => {
      await expect
        .poll(() => renamed.evaluate(() => performance.getEntriesByName('pgs:job-rows').length))
        .toBe(1);
      await route.fallback();
    },
    { times: 1 },
  );
  await renamed.goto('https://app.pin.com/jobs/j-backend');
  await expect(renamed.getByRole('heading', { name: 'Staff Backend Engineer' })).toBeVisible();
  await expect.poll(() => renamed.evaluate(FIRST_READ)).not.toBeNull();
  const renamedTiming = await renamed.evaluate(FIRST_READ);
  expect(renamedTiming!.done).toBeLessThanOrEqual(renamedTiming!.readEnd);
  await expect.poll(jobTitle).toBe('Staff Backend Engineer');
});

/** In the page: the widths of the pipeline table's columns when the browser first laid out Pin's rows. */
const COLUMNS_AT_FIRST_LAYOUT = () => {
  const w = window as unknown as { __columnsAtFirstLayout?: number[] };
  new MutationObserver((_, observer) => {
    const table = document.querySelector('main table');
    if (!table) return;
    observer.disconnect();
    const sizes = new ResizeObserver(() => {
      sizes.disconnect();
      w.__columnsAtFirstLayout = [...table.querySelectorAll('th')].map(
        (th) => th.getBoundingClientRect().width,
      );
    });
    sizes.observe(table);
  }).observe(document, { childList: true, subtree: true });
};

test("a badge drawn into a pipeline Pin has laid out leaves the table's columns as they were, and sits after the name", async ({
  context,
  openOptions,
  sandbox,
}) => {
  // The row with the widest name, which sets its column's width, is of a person in Greenhouse already.
  const mallory = sandbox.seedCandidate({
    first_name: 'Mallory',
    last_name: 'Html',
    emails: ['mallory@example.com'],
  });
  const options = await connectGreenhouse(openOptions);
  await expect(options.section('Greenhouse index').getByRole('status')).toHaveText(/^1 person indexed/, {
    timeout: 20_000,
  });
  const page = await context.newPage();
  // A profile seen once is what a pipeline row can be matched by (rows show no emails).
  const panel = await gotoProfile(page, 'j-backend', 'c-html');
  await expect(panel.locator('[data-pgs-state="in_greenhouse"]')).toBeVisible();
  // The job's pipeline was never shown, so its badges come after Pin laid its rows out.
  await page.addInitScript(COLUMNS_AT_FIRST_LAYOUT);
  await page.goto('https://app.pin.com/jobs/j-backend');
  const cell = rowNameCell(page, 'c-html');
  const badge = cell.getByRole('link', { name: 'In Greenhouse' });
  await expect(badge).toHaveAttribute('href', `https://app.greenhouse.io/people/${mallory.id}`);
  await expect(badge).toBeVisible();
  const columns = await page.evaluate(() =>
    [...document.querySelectorAll('main th')].map((th) => th.getBoundingClientRect().width),
  );
  expect(columns).toHaveLength(4);
  expect(
    await page.evaluate(
      () => (window as unknown as { __columnsAtFirstLayout?: number[] }).__columnsAtFirstLayout,
    ),
  ).toEqual(columns);
  // Where an in-flow badge would be: after the name, on its line, inside the table.
  const name = (await cell.locator('a[href*="/candidates/"]').boundingBox())!;
  const logo = (await badge.boundingBox())!;
  expect(logo.x).toBeGreaterThanOrEqual(name.x + name.width);
  expect(Math.abs(logo.y + logo.height / 2 - (name.y + name.height / 2))).toBeLessThan(name.height);
  const table = (await page.locator('main table').boundingBox())!;
  expect(logo.x + logo.width).toBeLessThanOrEqual(table.x + table.width);
});
