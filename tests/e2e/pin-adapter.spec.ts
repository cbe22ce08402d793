import { expect, test } from './fixtures';
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
