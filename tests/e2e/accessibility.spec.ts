import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectGreenhouse, gotoProfile } from './support/pages';
import { tally } from './support/sandbox-asserts';

async function seriousViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function connected(
  openOptions: () => Promise<Page>,
  context: import('@playwright/test').BrowserContext,
) {
  const pin = await context.newPage();
  await pin.goto('https://app.pin.com/jobs');
  await expect(pin.locator('.job-card')).toHaveCount(3);
  const options = await connectGreenhouse(openOptions);
  return { pin, options };
}

test('the options page has no serious or critical axe violations, connected or not', async ({
  context,
  openOptions,
}) => {
  const first = await openOptions();
  await expect(first.getByRole('region', { name: 'Greenhouse', exact: true }).getByRole('status')).toHaveText(
    /Not connected/,
  );
  expect(await seriousViolations(first)).toEqual([]);
  const { options } = await connected(openOptions, context);
  await expect(options.page.getByRole('group', { name: 'Senior Backend Engineer' })).toBeVisible();
  expect(await seriousViolations(options.page)).toEqual([]);
});

test('the overlay and its export dialog have no serious or critical axe violations', async ({
  context,
  openOptions,
}) => {
  const { pin } = await connected(openOptions, context);
  const panel = await gotoProfile(pin, 'j-backend', 'c-ada');
  expect(await seriousViolations(pin, 'pin-greenhouse-sync')).toEqual([]);
  await panel.getByRole('button', { name: 'Export to ATS' }).click();
  await expect(panel.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(pin, 'pin-greenhouse-sync')).toEqual([]);
  // The diagnostics disclosure, open, with its table and copy button.
  await panel.getByText('What was read from this page').click();
  await expect(panel.getByRole('table')).toBeVisible();
  expect(await seriousViolations(pin, 'pin-greenhouse-sync')).toEqual([]);
});

test('the export dialog works by keyboard alone, with a visible focus ring', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const { pin } = await connected(openOptions, context);
  const panel = await gotoProfile(pin, 'j-backend', 'c-jose');
  const button = panel.getByRole('button', { name: 'Export to ATS' });
  await button.focus();
  await pin.keyboard.press('Enter');
  const dialog = panel.getByRole('dialog', { name: 'Export to Greenhouse' });
  await expect(dialog.getByLabel('Search jobs')).toBeFocused();
  await pin.keyboard.type('ENG-101');
  await pin.keyboard.press('Tab');
  const select = dialog.getByLabel('Greenhouse job');
  await expect(select).toBeFocused();
  expect(await select.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await pin.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('5001');
  await pin.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Export' })).toBeFocused();
  await pin.keyboard.press('Enter');
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
  expect(sandbox.applications[0]).toMatchObject({ job_id: 5001 });
  expect(tally(sandbox).candidates).toBe(1);
});

test('Escape closes the export dialog', async ({ context, openOptions }) => {
  const { pin } = await connected(openOptions, context);
  const panel = await gotoProfile(pin, 'j-backend', 'c-jose');
  await panel.getByRole('button', { name: 'Export to ATS' }).focus();
  await pin.keyboard.press('Enter');
  await expect(panel.getByRole('dialog')).toBeVisible();
  await pin.keyboard.press('Escape');
  await expect(panel.getByRole('dialog')).toHaveCount(0);
});

test('a rule can be set up and enabled by keyboard alone', async ({ context, openOptions }) => {
  const { options } = await connected(openOptions, context);
  const page = options.page;
  const group = page.getByRole('group', { name: 'Senior Backend Engineer' });
  await group.getByLabel('Filter the job list').focus();
  await page.keyboard.type('Designer');
  await page.keyboard.press('Tab');
  const ghJob = group.getByLabel('Greenhouse job');
  await expect(ghJob).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(ghJob).toHaveValue('5002');
  await page.keyboard.press('Tab');
  const trigger = group.getByLabel('Trigger');
  await expect(trigger).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(trigger).toHaveValue('replied');
  await page.keyboard.press('Tab');
  await expect(group.getByRole('button', { name: 'Enable' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(group.getByRole('button', { name: 'Disable' })).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Senior Backend Engineer' }).getByLabel('Trigger'),
  ).toHaveValue('replied');
});
