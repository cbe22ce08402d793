import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { readData } from './support/data';
import { BOTH_MARKUPS } from './support/markups';
import { connectGreenhouse, enableRule, gotoProfile, pipelineLinks, rowNameCell } from './support/pages';
import { tally } from './support/sandbox-asserts';

const TRIGGERS = {
  added_to_sequence: "When they're added to an outreach sequence",
  replied: 'When they reply to an email',
  interested: 'When they reply to an email and are interested',
} as const;

async function setUp(openOptions: () => Promise<Page>, context: import('@playwright/test').BrowserContext) {
  // The extension learns Pin jobs as the recruiter browses: open the jobs list first.
  const pin = await context.newPage();
  await pin.goto('https://app.pin.com/jobs');
  await expect(pin.locator('main a[href^="/jobs/"]')).toHaveCount(3);
  const options = await connectGreenhouse(openOptions);
  return { pin, options };
}

/** Waits until the extension has recorded a candidate's status as Pin shows it now. */
async function waitForObservation(worker: Worker, key: string, status: string) {
  await expect
    .poll(async () => (await readData<{ status: string } | undefined>(worker, 'observations', key))?.status, {
      timeout: 10_000,
    })
    .toBe(status);
}

const cases = [
  { trigger: 'added_to_sequence', candidate: 'c-ada', event: 'added_to_sequence', status: 'in_sequence' },
  { trigger: 'replied', candidate: 'c-wang', event: 'replied', status: 'replied' },
  { trigger: 'interested', candidate: 'c-multi', event: 'marked_interested', status: 'interested' },
] as const;

for (const c of cases) {
  test(`rule "${TRIGGERS[c.trigger]}" syncs the candidate within seconds and the badge appears without a click`, {
    // One trigger also runs on the second markup: reading statuses by their words, not the demo's classes.
    tag: c.trigger === 'replied' ? BOTH_MARKUPS : [],
  }, async ({ context, openOptions, pinApp, sandbox }) => {
    const { pin, options } = await setUp(openOptions, context);
    await pin.goto('https://app.pin.com/jobs/j-backend');
    await expect(pipelineLinks(pin)).toHaveCount(9);
    await enableRule(
      options.page,
      'Senior Backend Engineer',
      'Senior Backend Engineer (ENG-101)',
      TRIGGERS[c.trigger],
    );

    const firedAt = Date.now();
    expect(pinApp.event({ jobId: 'j-backend', candidateId: c.candidate, type: c.event })).toEqual({
      ok: true,
    });
    await expect(rowNameCell(pin, c.candidate).getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible(
      {
        timeout: 10_000,
      },
    );
    expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
    expect(sandbox.applications[0]).toMatchObject({ job_id: 5001 });
    const createdAt = sandbox.requests.find(
      (r) => r.path === '/v3/candidates' && r.method === 'POST' && r.status === 201,
    )!.at;
    expect(createdAt - firedAt).toBeLessThan(5_000);
    expect(sandbox.notes[0]!.body).toContain('Synced automatically by the rule');
  });
}

test('a plain reply does not fire the "interested" rule', async ({
  context,
  openOptions,
  pinApp,
  sandbox,
  serviceWorker,
}) => {
  const { pin, options } = await setUp(openOptions, context);
  await pin.goto('https://app.pin.com/jobs/j-backend');
  await enableRule(
    options.page,
    'Senior Backend Engineer',
    'Senior Backend Engineer (ENG-101)',
    TRIGGERS.interested,
  );
  pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
  await waitForObservation(serviceWorker, 'j-backend/c-wang', 'replied');
  await pin.waitForTimeout(500);
  expect(tally(sandbox).candidates).toBe(0);
  // …and the interested mark then does.
  pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'marked_interested' });
  await expect.poll(() => tally(sandbox).candidates, { timeout: 10_000 }).toBe(1);
});

test('an event from before the rule was enabled does not sync, and the overlay says why', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const { pin, options } = await setUp(openOptions, context);
  await pin.goto('https://app.pin.com/jobs/j-backend');
  await expect(pin.locator('tr.pipeline-row')).toHaveCount(9);
  await enableRule(
    options.page,
    'Senior Backend Engineer',
    'Senior Backend Engineer (ENG-101)',
    TRIGGERS.replied,
  );
  const panel = await gotoProfile(pin, 'j-backend', 'c-multi');
  await expect(panel).toContainText(
    "Not synced automatically: they replied on 2026-11-21 16:42 UTC, before this job's rule was enabled",
  );
  await expect(panel.getByRole('button', { name: 'Export to ATS' })).toBeVisible();
  expect(tally(sandbox).candidates).toBe(0);
});

test('disabling a rule stops syncing', async ({ context, openOptions, pinApp, sandbox, serviceWorker }) => {
  const { pin, options } = await setUp(openOptions, context);
  await pin.goto('https://app.pin.com/jobs/j-backend');
  const group = await enableRule(
    options.page,
    'Senior Backend Engineer',
    'Senior Backend Engineer (ENG-101)',
    TRIGGERS.added_to_sequence,
  );
  await group.getByRole('button', { name: 'Disable' }).click();
  await expect(group.getByRole('button', { name: 'Enable' })).toBeVisible();
  pinApp.event({ jobId: 'j-backend', candidateId: 'c-ada', type: 'added_to_sequence' });
  await waitForObservation(serviceWorker, 'j-backend/c-ada', 'in_sequence');
  await pin.waitForTimeout(500);
  expect(tally(sandbox).candidates).toBe(0);
});

test('two tabs on the same job produce one export, and the toolbar badge counts the queue', async ({
  context,
  openOptions,
  pinApp,
  sandbox,
  serviceWorker,
}) => {
  const { pin, options } = await setUp(openOptions, context);
  await pin.goto('https://app.pin.com/jobs/j-backend');
  const second = await context.newPage();
  await second.goto('https://app.pin.com/jobs/j-backend');
  await enableRule(
    options.page,
    'Senior Backend Engineer',
    'Senior Backend Engineer (ENG-101)',
    TRIGGERS.added_to_sequence,
  );
  sandbox.injectFault({ method: 'POST', path: '/v3/candidates', action: { type: 'delay', ms: 1500 } });
  pinApp.event({ jobId: 'j-backend', candidateId: 'c-jose', type: 'added_to_sequence' });
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 })
    .toBe('1');
  await expect(
    pin
      .locator('tr.pipeline-row[data-candidate-id="c-jose"]')
      .getByRole('link', { name: 'Open in Greenhouse' }),
  ).toBeVisible({ timeout: 10_000 });
  await expect(
    second
      .locator('tr.pipeline-row[data-candidate-id="c-jose"]')
      .getByRole('link', { name: 'Open in Greenhouse' }),
  ).toBeVisible();
  expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});

test('the backfill exports exactly the candidates it announced', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const { pin, options } = await setUp(openOptions, context);
  await pin.goto('https://app.pin.com/jobs/j-backend');
  await expect(pin.locator('tr.pipeline-row')).toHaveCount(9);
  await enableRule(
    options.page,
    'Senior Backend Engineer',
    'Senior Backend Engineer (ENG-101)',
    TRIGGERS.added_to_sequence,
  );
  // c-wang, c-multi and c-long had met the trigger before the rule existed.
  await options.page.reload();
  const group = options.page.getByRole('group', { name: 'Senior Backend Engineer' });
  await group.getByRole('button', { name: 'Export 3 candidates who already met this trigger' }).click();
  const confirm = group.getByRole('alertdialog', { name: 'Confirm export' });
  await expect(confirm).toContainText('Export 3 candidates of “Senior Backend Engineer”');
  expect(tally(sandbox).candidates).toBe(0);
  await confirm.getByRole('button', { name: 'Export 3' }).click();
  await expect(group.getByRole('status').filter({ hasText: 'Queued 3 exports' })).toBeVisible();
  await expect.poll(() => tally(sandbox).candidates, { timeout: 15_000 }).toBe(3);
  expect(sandbox.candidates.map((c) => c.last_name).sort()).toEqual(['Raghunathan', 'Schmidt-Müller', '王']);
  expect(tally(sandbox).applications).toBe(3);
  await expect(group.getByRole('button', { name: /already met this trigger/ })).toHaveCount(0);
});
