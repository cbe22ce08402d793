import { OVERLAY_PANEL_GLOBAL } from '../../lib/overlay/panel-contract';
import { expect, test } from './fixtures';
import { evaluateInContentScript } from './support/content-script';
import { BOTH_MARKUPS } from './support/markups';
import { overlay, pipelineLinks } from './support/pages';

test('the content script follows Pin SPA navigation between profiles and a pipeline without reloads', {
  tag: BOTH_MARKUPS,
}, async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs/j-backend');
  await expect(pipelineLinks(page)).toHaveCount(9);
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
  const host = overlay(page);
  for (const [id, name] of [
    ['c-ada', 'Ada Lovelace'],
    ['c-wang', '王小明'],
    ['c-html', '<img src=x onerror=alert(1)> Mallory'],
  ] as const) {
    await page.locator(`main a[href$="/candidates/${id}"]`).click();
    await expect(page.locator('main h1')).toHaveText(name);
    // Inline beside the name, in either markup.
    await expect(page.locator('main h1').locator('xpath=..').locator('pin-greenhouse-sync')).toHaveCount(1);
    await expect(host).toHaveAttribute('data-pgs-for', `j-backend/${id}`);
    await expect(host).toHaveCount(1);
    await page.goBack();
    await expect(pipelineLinks(page)).toHaveCount(9);
    await expect(host).toHaveCount(0);
  }
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test('an unreadable Pin page gets a notice instead of a guess', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs/j-backend/candidates/c-ada');
  await expect(page.locator('.candidate-header pin-greenhouse-sync')).toHaveCount(1);
  await page.evaluate(() => document.querySelector('.candidate-name')?.remove());
  await expect(page.getByText(/cannot read this Pin page \(the candidate's name is missing\)/)).toBeVisible();
});

test('pipeline pages never load the React panel; the first profile imports it into the content-script world, without page errors', async ({
  context,
}) => {
  const page = await context.newPage();
  // The content script defines only the stored values it may read (no `session:` ones, no export log).
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('https://app.pin.com/jobs/j-backend');
  await expect(pipelineLinks(page)).toHaveCount(9);
  const panelLoaded = () =>
    evaluateInContentScript<string>(page, `typeof globalThis.${OVERLAY_PANEL_GLOBAL}`);
  expect(await panelLoaded()).toBe('undefined');
  await page.locator('main a[href$="/candidates/c-ada"]').click();
  await expect(overlay(page)).toHaveAttribute('data-pgs-for', 'j-backend/c-ada');
  expect(await panelLoaded()).toBe('object');
  // Pin's own scripts do not see it.
  expect(await page.evaluate(`typeof globalThis.${OVERLAY_PANEL_GLOBAL}`)).toBe('undefined');
  expect(errors).toEqual([]);
});
