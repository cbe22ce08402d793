import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectGreenhouse, enableRule, exportFromProfile, gotoProfile, OptionsPage } from './support/pages';
import { tally } from './support/sandbox-asserts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const openPopup = async (page: Page, extensionId: string) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'Pin Greenhouse Sync' })).toBeVisible();
};

test.describe('first run', () => {
  test.use({ keepFirstRunPage: true });

  test('the options page opens with a three-step checklist ticked from real state, and can be reopened', async ({
    context,
    extensionId,
  }) => {
    // Installing the extension opened its options page by itself.
    await expect
      .poll(() => context.pages().some((p) => p.url() === `chrome-extension://${extensionId}/options.html`))
      .toBe(true);
    const page = context.pages().find((p) => p.url().endsWith('/options.html'))!;
    const setup = page.getByRole('region', { name: 'Get started' });
    await expect(setup).toContainText('0 of 3 done');
    const step = (name: string) => setup.getByRole('listitem').filter({ hasText: name });
    await expect(step('Connect Greenhouse')).toContainText('(to do)');
    expect(await seriousViolations(page)).toEqual([]);

    const options = new OptionsPage(page);
    await options.connect({ actAs: '' });
    await options.expectConnected();
    await expect(step('Connect Greenhouse')).toContainText('(done)');
    await expect(setup).toContainText('1 of 3 done');

    const pin = await context.newPage();
    await pin.goto('https://app.pin.com/jobs');
    await expect(step('Open Pin’s jobs once')).toContainText('(done)', { timeout: 15_000 });
    await enableRule(
      page,
      'Senior Backend Engineer',
      'Senior Backend Engineer (ENG-101)',
      'When they reply to an email',
    );
    // All three done: the checklist goes away, and the header's "Setup checklist" shows it again.
    await expect(setup).toHaveCount(0);
    await page.getByRole('button', { name: 'Setup checklist' }).click();
    await expect(page.getByRole('region', { name: 'Get started' })).toContainText('3 of 3 done');
  });
});

test('the popup shows the connection, the queue with Retry all failed, each rule and how it is watched, and the last sync', async ({
  context,
  extensionId,
  openOptions,
  sandbox,
}) => {
  const options = await connectGreenhouse(openOptions);
  const pin = await context.newPage();
  await pin.goto('https://app.pin.com/jobs/j-backend');
  await enableRule(
    options.page,
    'Senior Backend Engineer',
    'Senior Backend Engineer (ENG-101)',
    'When they reply to an email',
  );
  // One export synced, one refused by Greenhouse (422) and failed.
  await exportFromProfile(await gotoProfile(pin, 'j-backend', 'c-ada'), 'Senior Backend Engineer (ENG-101)');
  await expect.poll(() => tally(sandbox).notes, { timeout: 15_000 }).toBe(1);
  sandbox.injectFault({
    method: 'POST',
    path: '/v3/candidates',
    action: { type: 'status', status: 422, body: { errors: [{ last_name: 'is too long' }] } },
  });
  const jose = await gotoProfile(pin, 'j-backend', 'c-jose');
  await exportFromProfile(jose, 'Senior Backend Engineer (ENG-101)');
  await expect(jose.getByRole('alert')).toContainText('Export failed', { timeout: 15_000 });

  const popup = await context.newPage();
  await openPopup(popup, extensionId);
  await expect(popup.getByRole('status').first()).toContainText('Connected as Avery Admin');
  const queue = popup.getByRole('list', { name: 'Export queue' });
  await expect(queue).toContainText('1 failed');
  const rules = popup.getByRole('region', { name: 'Rules' });
  await expect(rules).toContainText('Senior Backend Engineer');
  await expect(rules).toContainText('Watching in the background', { timeout: 15_000 });
  const last = popup.getByRole('region', { name: 'Last sync' }).getByRole('link', { name: 'Ada Lovelace' });
  await expect(last).toHaveAttribute('href', /^https:\/\/app\.greenhouse\.io\/people\/\d+/);
  expect(await seriousViolations(popup)).toEqual([]);

  // Keyboard alone: Tab reaches "Retry all failed", Enter retries; the export then goes through.
  for (let i = 0; i < 10; i++) {
    await popup.keyboard.press('Tab');
    if ((await popup.evaluate(() => document.activeElement?.textContent)) === 'Retry all failed') break;
  }
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'back in line' })).toContainText(
    '1 export back in line',
  );
  await expect.poll(() => tally(sandbox).candidates, { timeout: 15_000 }).toBe(2);
  await expect(queue).toContainText('0 failed', { timeout: 15_000 });
});

test('"Erase all data" names what is still queued, asks first, then leaves nothing behind', async ({
  context,
  openOptions,
  sandbox,
  serviceWorker,
}) => {
  const options = await connectGreenhouse(openOptions);
  const pin = await context.newPage();
  await exportFromProfile(await gotoProfile(pin, 'j-backend', 'c-ada'), 'Senior Backend Engineer (ENG-101)');
  await expect.poll(() => tally(sandbox).notes, { timeout: 15_000 }).toBe(1);
  // A second export waits on Greenhouse (a 503 and a retry later): still queued when the data is erased.
  sandbox.injectFault({
    method: 'POST',
    path: '/v3/candidates',
    times: 20,
    action: { type: 'status', status: 503 },
  });
  await exportFromProfile(await gotoProfile(pin, 'j-backend', 'c-jose'), 'Senior Backend Engineer (ENG-101)');

  const data = options.section('Your data');
  await expect(data.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute(
    'href',
    /\/privacy\.html$/,
  );
  await data.getByRole('button', { name: 'Erase all data' }).click();
  const confirm = data.getByRole('alertdialog', { name: 'Erase all data' });
  await expect(confirm).toContainText('1 export is still queued or unfinished and will not be sent.', {
    timeout: 10_000,
  });
  // Pin pages left open would only read (and find nothing); the check below is of the worker alone.
  await pin.close();
  await confirm.getByRole('button', { name: 'Erase everything' }).click();
  await expect(options.page.getByRole('heading', { name: 'All data erased' })).toBeVisible();
  await expect(options.page.getByRole('status')).toContainText(
    'Everything the extension kept in this browser is gone',
  );
  const worker = serviceWorker;
  const left = await worker.evaluate(async () => {
    const databases = await indexedDB.databases();
    const rows: Record<string, number> = {};
    for (const { name } of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames)
        rows[`${name}/${store}`] = await new Promise<number>((resolve) => {
          const count = db.transaction(store).objectStore(store).count();
          count.onsuccess = () => resolve(count.result);
        });
      db.close();
    }
    return {
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      alarms: await (chrome as unknown as { alarms: { getAll(): Promise<unknown[]> } }).alarms.getAll(),
      databases: databases.map((d) => d.name),
      rows: Object.values(rows).reduce((sum, n) => sum + n, 0),
    };
  });
  expect(left).toEqual({ local: {}, session: {}, alarms: [], databases: [], rows: 0 });
  // And the worker goes on working from nothing: the settings page sets it up again.
  await options.page.getByRole('button', { name: 'Set it up again' }).click();
  await expect(options.page.getByRole('region', { name: 'Get started' })).toContainText('0 of 3 done');
});
