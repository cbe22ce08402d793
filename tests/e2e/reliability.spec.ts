import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN_USER_ID, ALL_SCOPES, DEMO_CREDENTIAL } from '../harvest-sandbox/fixtures';
import { expect, routeWorlds, test } from './fixtures';
import { readData } from './support/data';
import { openOptionsPage } from './support/drive';
import { launchWithExtension } from './support/extension';
import { connectGreenhouse, exportFromProfile, gotoProfile, OptionsPage } from './support/pages';
import { tally } from './support/sandbox-asserts';
import { stopServiceWorkers } from './support/worker';

/** Scope probes send empty bodies; an export's writes never do. */
const isRealWrite = (body: unknown) =>
  typeof body === 'object' && body !== null && Object.keys(body).length > 0;

const ONE_OF_EACH = { candidates: 1, applications: 1, attachments: 1, resumes: 1, notes: 1, employments: 4 };

async function _connect(openOptions: () => Promise<import('@playwright/test').Page>) {
  const options = await connectGreenhouse(openOptions);
  return options;
}

// A prospect export (no job) so that every step is its own request: person, application, employments, resume, note.
for (const [step, requestPath] of [
  ['create person', '/v3/candidates'],
  ['application', '/v3/applications'],
  ['employments', '/v3/candidate_employments'],
  ['resume', '/v3/attachments'],
  ['note', '/v3/notes'],
] as const) {
  test(`the worker stopped during "${step}" resumes with one of everything`, async ({
    context,
    openOptions,
    sandbox,
  }) => {
    await connectGreenhouse(openOptions);
    // The request reaches Greenhouse and commits, but its answer comes too late for the stopped worker.
    sandbox.injectFault({ method: 'POST', path: requestPath, action: { type: 'delay', ms: 1500 } });
    const page = await context.newPage();
    const panel = await gotoProfile(page, 'j-backend', 'c-ada');
    await exportFromProfile(panel, null);
    await expect
      .poll(
        () =>
          sandbox.requests.some((r) => r.method === 'POST' && r.path === requestPath && isRealWrite(r.body)),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    await stopServiceWorkers(context, page);
    await page.waitForTimeout(1800);
    // Any Pin page wakes a new worker, which recovers the journal and finishes.
    await page.reload();
    try {
      await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({ timeout: 15_000 });
    } catch (error) {
      const worker = context.serviceWorkers()[0];
      const stored = worker ? await readData(worker, 'exports') : 'no worker';
      throw new Error(
        `${(error as Error).message}\nStored: ${JSON.stringify(stored).slice(0, 3000)}\nSandbox: ${JSON.stringify(tally(sandbox))}\nRequests: ${sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ')}`,
      );
    }
    expect(tally(sandbox)).toEqual(ONE_OF_EACH);
  });
}

test('the browser closed mid-queue and reopened on the same profile finishes the export once', async ({
  pinApp,
  sandbox,
}) => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-restart-'));
  let context = await launchWithExtension({ userDataDir });
  await routeWorlds(context, pinApp, sandbox);
  const options = new OptionsPage(await openOptionsPage(context));
  await options.connect({ actAs: String(ADMIN_USER_ID) });
  await options.expectConnected();
  sandbox.injectFault({ method: 'POST', path: '/v3/candidates', action: { type: 'delay', ms: 1500 } });
  const page = await context.newPage();
  await exportFromProfile(
    await gotoProfile(page, 'j-backend', 'c-jose'),
    'Senior Backend Engineer (ENG-101)',
  );
  await expect
    .poll(() =>
      sandbox.requests.some((r) => r.method === 'POST' && r.path === '/v3/candidates' && isRealWrite(r.body)),
    )
    .toBe(true);
  await context.close();
  await new Promise((resolve) => setTimeout(resolve, 1800));

  context = await launchWithExtension({ userDataDir });
  await routeWorlds(context, pinApp, sandbox);
  const again = await context.newPage();
  const panel = await gotoProfile(again, 'j-backend', 'c-jose');
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({ timeout: 15_000 });
  expect(tally(sandbox)).toEqual({
    candidates: 1,
    applications: 1,
    attachments: 1,
    resumes: 1,
    notes: 1,
    employments: 2,
  });
  // The access token lived in session storage only: the new browser minted another.
  expect(sandbox.requests.filter((r) => r.path === '/token').length).toBeGreaterThanOrEqual(2);
  await context.close();
});

test('a revoked secret pauses the queue with a reconnect message; reconnecting resumes it', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const options = await connectGreenhouse(openOptions);
  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-anna');
  // The recruiter has the export dialog open (its job list loaded) when the secret is revoked in Greenhouse.
  await panel.getByRole('button', { name: 'Export to ATS' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Export to Greenhouse' });
  await dialog.getByLabel('Greenhouse job').selectOption({ label: 'Senior Backend Engineer (ENG-101)' });
  sandbox.revokeCredential(DEMO_CREDENTIAL.clientId);
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(
    panel.getByText('Waiting: Greenhouse needs to be reconnected on the options page.'),
  ).toBeVisible();
  await options.page.reload();
  await expect(options.section('Greenhouse').getByRole('status')).toContainText(
    'Greenhouse stopped accepting this credential',
  );
  expect(tally(sandbox).candidates).toBe(0);

  // The admin rotates the secret in Greenhouse and pastes the new one.
  sandbox.addCredential({
    clientId: DEMO_CREDENTIAL.clientId,
    clientSecret: 'rotated-secret',
    scopes: ALL_SCOPES,
  });
  await options.connect({ clientSecret: 'rotated-secret', actAs: String(ADMIN_USER_ID) });
  await expect(options.section('Greenhouse').getByRole('status')).not.toContainText('stopped accepting');
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({ timeout: 15_000 });
  expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
});

test('tokens that expire mid-queue are minted again without failing the export', async ({
  context,
  openOptions,
  sandbox,
}) => {
  await connectGreenhouse(openOptions);
  sandbox.expireTokens();
  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-yuki');
  await exportFromProfile(panel, 'Senior Backend Engineer (ENG-101)');
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
  expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1, resumes: 1 });
});

test('a Greenhouse 422 on a field names the field and keeps the item for Retry', async ({
  context,
  openOptions,
  sandbox,
}) => {
  await connectGreenhouse(openOptions);
  sandbox.injectFault({
    method: 'POST',
    path: '/v3/candidates',
    action: {
      type: 'status',
      status: 422,
      body: { message: 'Unprocessable Content', errors: [{ email_addresses: 'is blocked by a rule' }] },
    },
  });
  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-nolinkedin');
  await exportFromProfile(panel, null);
  await expect(panel.getByRole('alert')).toContainText('email_addresses: is blocked by a rule');
  await panel.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
  expect(tally(sandbox).candidates).toBe(1);
});
