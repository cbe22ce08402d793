import { expect, routeWorlds, test } from './fixtures';
import { extensionIdOf, extensionWorker, launchWithExtension } from './support/extension';
import { connectGreenhouse, exportFromProfile, gotoProfile } from './support/pages';
import { tally } from './support/sandbox-asserts';
import { SmallDisk } from './support/small-disk';

test('a full disk pauses exports with a message on the options page and the toolbar, and nothing is lost', async ({
  pinApp,
  sandbox,
}) => {
  const disk = SmallDisk.mount();
  const context = await launchWithExtension({ userDataDir: disk.profileDir });
  try {
    await routeWorlds(context, pinApp, sandbox);
    const worker = await extensionWorker(context);
    const options = await connectGreenhouse(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionIdOf(worker)}/options.html`);
      return page;
    });
    const page = await context.newPage();
    const panel = await gotoProfile(page, 'j-backend', 'c-ada');
    await panel.getByRole('button', { name: 'Export to ATS' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Export to Greenhouse' });
    await dialog.getByLabel('Greenhouse job').selectOption({ label: 'Senior Backend Engineer (ENG-101)' });

    disk.fill();
    await dialog.getByRole('button', { name: 'Export' }).click();
    // No export starts without its journal: the click is refused, and says why.
    await expect(dialog.getByRole('alert')).toContainText('Exports are paused until it can write again');
    const paused = options.section('Activity').getByRole('alert').filter({ hasText: 'Exports paused' });
    await expect(paused).toContainText('Exports paused', { timeout: 20_000 });
    await expect.poll(() => worker.evaluate(() => chrome.action.getTitle({}))).toContain('Exports paused');
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toContain('!');
    expect(tally(sandbox).candidates).toBe(0);

    // Space again: the pause lifts by itself, and the export goes through once.
    disk.empty();
    await expect(paused).toHaveCount(0, { timeout: 20_000 });
    // The recruiter tries again (a page that was open while the disk was full is not relied on).
    const again = await gotoProfile(await context.newPage(), 'j-backend', 'c-ada');
    await exportFromProfile(again, 'Senior Backend Engineer (ENG-101)');
    await expect(again.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible({ timeout: 20_000 });
    expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
  } finally {
    await context.close();
    disk.unmount();
  }
});
