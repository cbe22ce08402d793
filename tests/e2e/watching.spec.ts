import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, routeWorlds, test } from './fixtures';
import { openOptionsPage } from './support/drive';
import { extensionWorker, launchWithExtension } from './support/extension';
import { connectGreenhouse, enableRule } from './support/pages';
import { tally } from './support/sandbox-asserts';
import { watchEvery } from './support/watch';

const REPLIED = 'When they reply to an email';
const BACKEND = 'Senior Backend Engineer';
const BACKEND_GH = 'Senior Backend Engineer (ENG-101)';
const PIPELINE_JSON = '/api/jobs/j-backend/pipeline';

/** Opens Pin's jobs list (the extension learns the jobs; the demo app signs the recruiter in), connects, enables. */
async function ruleOnBackend(context: BrowserContext, openOptions: () => Promise<Page>) {
  const pin = await context.newPage();
  await pin.goto('https://app.pin.com/jobs');
  await expect(pin.locator('main a[href^="/jobs/"]')).toHaveCount(3);
  const options = await connectGreenhouse(openOptions);
  const group = await enableRule(options.page, BACKEND, BACKEND_GH, REPLIED);
  return { pin, options, group };
}

const pinTabs = (context: BrowserContext) =>
  context.pages().filter((p) => p.url().startsWith('https://app.pin.com'));

test.describe('watching Pin with no page of the job open', () => {
  test('every Pin tab closed: a reply becomes an application from the background, and no tab is opened', async ({
    context,
    openOptions,
    pinApp,
    sandbox,
    serviceWorker,
  }) => {
    const { pin, group } = await ruleOnBackend(context, openOptions);
    await pin.close();
    await watchEvery(serviceWorker, 2);
    await expect(group).toContainText('Watching in the background', { timeout: 15_000 });
    await expect(group).toContainText('last checked');
    const pages = context.pages().length;

    const at = Date.now();
    pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
    await expect
      .poll(() => tally(sandbox), { timeout: 90_000 })
      .toMatchObject({ candidates: 1, applications: 1, notes: 1 });
    expect(sandbox.applications[0]).toMatchObject({ job_id: 5001 });
    expect(sandbox.notes[0]!.body).toContain('Synced automatically by the rule');
    expect(Date.now() - at).toBeLessThan(90_000);
    expect(context.pages()).toHaveLength(pages);
    expect(pinTabs(context)).toHaveLength(0);
    // The candidate's details came from Pin's candidate JSON, read by the worker with the session cookie.
    const candidateJson = pinApp.requests.filter((r) => r.path === '/api/candidates/c-wang');
    expect(candidateJson.length).toBeGreaterThanOrEqual(1);
    expect(candidateJson.every((r) => r.withSession && r.status === 200)).toBe(true);
  });

  test('an unchanged pipeline costs a 304, and a job without an enabled rule is never requested', async ({
    context,
    openOptions,
    pinApp,
    serviceWorker,
  }) => {
    const { pin, group } = await ruleOnBackend(context, openOptions);
    await pin.close();
    await watchEvery(serviceWorker, 1);
    await expect(group).toContainText('Watching in the background', { timeout: 15_000 });
    await expect
      .poll(() => pinApp.requests.filter((r) => r.path === PIPELINE_JSON && r.status === 304).length, {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    const reads = pinApp.requests.filter((r) => r.path.startsWith('/api/jobs/'));
    // Only the enabled rule's job; every read after the first is conditional and answered 304.
    expect(new Set(reads.map((r) => r.path))).toEqual(new Set([PIPELINE_JSON]));
    expect(reads[0]!.status).toBe(200);
    for (const r of reads.slice(1)) expect(r).toMatchObject({ status: 304, withSession: true });
    expect(reads.slice(1).every((r) => r.ifNoneMatch?.startsWith('"'))).toBe(true);
    // At most one read of the job per check.
    const checks = await serviceWorker.evaluate(() => performance.getEntriesByName('pgs:watch-check').length);
    const readsNow = pinApp.requests.filter((r) => r.path.startsWith('/api/jobs/')).length;
    expect(readsNow).toBeLessThanOrEqual(checks + 1); // one may be on its way
  });

  test('signed out: "Sign in to Pin", nothing exported, no error loop; after signing in the missed reply syncs once', async ({
    context,
    openOptions,
    pinApp,
    sandbox,
    serviceWorker,
  }) => {
    const { pin, group } = await ruleOnBackend(context, openOptions);
    await pin.close();
    await watchEvery(serviceWorker, 1);
    await expect(group).toContainText('Watching in the background', { timeout: 15_000 });

    pinApp.signOut();
    pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
    await expect(group.getByRole('link', { name: 'Sign in to Pin' })).toBeVisible({ timeout: 15_000 });
    await expect(group.getByRole('link', { name: 'Sign in to Pin' })).toHaveAttribute(
      'href',
      /^https:\/\/app\.pin\.com/,
    );
    await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toContain('!');
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.action.getTitle({})))
      .toContain(`Rule “${BACKEND}” is not watched: Sign in to Pin`);
    const refusedFrom = pinApp.requests.length;
    await group.page().waitForTimeout(4_000);
    const refused = pinApp.requests.slice(refusedFrom);
    // One read per check (about four), each refused; no retries in between and nothing sent to Greenhouse.
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeLessThanOrEqual(6);
    expect(refused.every((r) => r.status === 401)).toBe(true);
    expect(tally(sandbox).candidates).toBe(0);

    pinApp.signIn();
    await expect(group).toContainText('Watching in the background', { timeout: 15_000 });
    await expect.poll(() => tally(sandbox).applications, { timeout: 30_000 }).toBe(1);
    await group.page().waitForTimeout(3_000);
    expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
    await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });

  test('Pin\'s pipeline JSON answers 404: "Runs while its pipeline is open in Pin", and an open pipeline still fires the rule', async ({
    context,
    openOptions,
    pinApp,
    sandbox,
    serviceWorker,
  }) => {
    pinApp.setPipelineApi(false);
    const { pin, group } = await ruleOnBackend(context, openOptions);
    await watchEvery(serviceWorker, 1);
    await expect(group).toContainText('Runs while its pipeline is open in Pin', { timeout: 15_000 });
    await expect(group).toContainText(`Pin answered 404 at ${PIPELINE_JSON}`);
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 })
      .toContain('!');

    await pin.goto('https://app.pin.com/jobs/j-backend');
    pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
    await expect.poll(() => tally(sandbox).applications, { timeout: 15_000 }).toBe(1);
  });
});

test.describe('a SameSite=Lax Pin session, which the background cannot use', () => {
  test.use({ pinSessionCookie: 'lax' });

  test('one Pin tab on the jobs list: "Watching through an open Pin tab", and a reply becomes an application', async ({
    context,
    openOptions,
    pinApp,
    sandbox,
    serviceWorker,
  }) => {
    const { pin, group } = await ruleOnBackend(context, openOptions);
    await watchEvery(serviceWorker, 1);
    await expect(group).toContainText('Watching through an open Pin tab', { timeout: 20_000 });
    expect(new URL(pin.url()).pathname).toBe('/jobs');

    pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
    await expect
      .poll(() => tally(sandbox), { timeout: 90_000 })
      .toMatchObject({ candidates: 1, applications: 1, notes: 1 });
    // The worker's own reads were refused (no cookie); the tab's carried the session.
    const reads = pinApp.requests.filter((r) => r.path === PIPELINE_JSON);
    expect(reads.some((r) => r.status === 401 && !r.withSession)).toBe(true);
    expect(reads.some((r) => r.status === 200 && r.withSession)).toBe(true);
    expect(pinTabs(context)).toHaveLength(1);
  });

  test('no Pin tab: "Keep a Pin tab open to run this rule"; once a tab opens, the missed reply syncs once', async ({
    context,
    openOptions,
    pinApp,
    sandbox,
    serviceWorker,
  }) => {
    const { pin, group } = await ruleOnBackend(context, openOptions);
    await pin.close();
    await watchEvery(serviceWorker, 1);
    await expect(group).toContainText('Keep a Pin tab open to run this rule', { timeout: 15_000 });
    await expect(group).toContainText("Pin's session does not reach the extension's background");

    pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
    await group.page().waitForTimeout(3_000);
    expect(tally(sandbox).candidates).toBe(0);

    const tab = await context.newPage();
    await tab.goto('https://app.pin.com/jobs');
    await expect.poll(() => tally(sandbox).applications, { timeout: 30_000 }).toBe(1);
    await expect(group).toContainText('Watching through an open Pin tab', { timeout: 15_000 });
    await tab.waitForTimeout(3_000);
    expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
  });
});

test('the browser closed while replies arrived: each fires once at the next start; one dated before the rule never', async ({
  pinApp,
  sandbox,
}) => {
  // Two browser starts, and a first check that may wait for a name lookup of Pin before the test's routes are in.
  test.setTimeout(120_000);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-restart-'));
  const first = await launchWithExtension({ userDataDir });
  await routeWorlds(first, pinApp, sandbox);
  const worker = await extensionWorker(first);
  // c-multi replied on 2026-11-21, long before the rule is enabled.
  const { group } = await ruleOnBackend(first, () => openOptionsPage(first));
  await watchEvery(worker, 1);
  await expect(group).toContainText('Watching in the background', { timeout: 15_000 });
  await first.close();

  for (const candidateId of ['c-wang', 'c-ada'])
    expect(pinApp.event({ jobId: 'j-backend', candidateId, type: 'replied' })).toEqual({ ok: true });
  expect(tally(sandbox).candidates).toBe(0);

  const second = await launchWithExtension({ userDataDir });
  try {
    // The worker checks at start-up; Pin is reachable once the test's routes are in (a check before that finds no
    // answer and simply tries again at the next one).
    await routeWorlds(second, pinApp, sandbox);
    await watchEvery(await extensionWorker(second), 1);
    await expect
      .poll(() => tally(sandbox), { timeout: 60_000 })
      .toMatchObject({ candidates: 2, applications: 2, notes: 2 });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(tally(sandbox)).toMatchObject({ candidates: 2, applications: 2, notes: 2 });
    expect(sandbox.candidates.map((c) => c.last_name).sort()).toEqual(['Lovelace', '王']);
  } finally {
    await second.close();
  }
});
