import { expect, routeWorlds, test } from './fixtures';
import { openOptionsPage } from './support/drive';
import { extensionWorker, launchWithExtension } from './support/extension';
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
    const options = await connectGreenhouse(() => openOptionsPage(context));
    const page = await context.newPage();
    const panel = await gotoProfile(page, 'j-backend', 'c-ada');
    await panel.getByRole('button', { name: 'Export to ATS' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Export to Greenhouse' });
    await dialog.getByLabel('Greenhouse job').selectOption({ label: 'Senior Backend Engineer (ENG-101)' });

    // A scratch database of the extension's origin, made while there is room (see below).
    await worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('pgs-test-scratch', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('fill');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
        }),
    );
    disk.keepFull();
    // Files the browser has open keep a little room in their last page, where small writes still fit: use it up from
    // the extension's own origin (a scratch database, which shares the origin's files) in smaller and smaller writes
    // of random (incompressible) bytes, until the origin cannot even open a database. Only then can no write of the
    // export land, whatever its size: a single 4 KiB fill could leave room where the export's first journal write (the
    // item with its first entry, one commit) fitted, and CI once saw that request go out before the pause.
    const fillRounds = await worker.evaluate(async () => {
      const reopen = () =>
        new Promise<IDBDatabase | null>((resolve) => {
          const open = indexedDB.open('pgs-test-scratch', 1);
          open.onerror = () => resolve(null);
          open.onsuccess = () => resolve(open.result);
        });
      const fill = (db: IDBDatabase, size: number) =>
        new Promise<number>((resolve) => {
          let written = 0;
          const next = () => {
            if (written >= 4_000) return resolve(written);
            const tx = db.transaction('fill', 'readwrite');
            tx.objectStore('fill').put(crypto.getRandomValues(new Uint8Array(size)), `${size}-${written}`);
            tx.oncomplete = () => {
              written += 1;
              next();
            };
            tx.onabort = () => resolve(written);
          };
          next();
        });
      const rounds: number[] = [];
      for (const size of [4_096, 4_096, 512, 64, 8, 1, 1, 1]) {
        const db = await reopen();
        if (!db) return rounds;
        rounds.push(await fill(db, size));
        db.close();
      }
      return null;
    });
    expect(fillRounds, 'the scratch writes should leave the origin unable to open a database').not.toBeNull();
    expect(fillRounds!.every((written) => written < 4_000)).toBe(true);
    await dialog.getByRole('button', { name: 'Export' }).click();
    // No Greenhouse write goes out without its journal. Depending on which write of the export's journal the full
    // disk refuses first, the click is refused with why, or the export is held in the queue; either way exports pause.
    const paused = options.section('Activity').getByRole('alert').filter({ hasText: 'Exports paused' });
    try {
      await expect(paused).toContainText('Exports are paused until it can write again', { timeout: 20_000 });
    } catch (e) {
      // What the recruiter would see, for the report.
      const overlay = await page.evaluate(
        () =>
          document.querySelector('main pin-greenhouse-sync')?.shadowRoot?.querySelector('section')
            ?.textContent,
      );
      const title = await worker.evaluate(() => chrome.action.getTitle({})).catch(String);
      const summary = await options.page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'activity.summary', payload: {} }),
      );
      console.log(
        `Sandbox ${JSON.stringify(tally(sandbox))}; toolbar "${title}"; summary ${JSON.stringify(summary)}; overlay "${overlay?.slice(0, 400)}"`,
      );
      throw e;
    }
    await expect.poll(() => worker.evaluate(() => chrome.action.getTitle({}))).toContain('Exports paused');
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toContain('!');
    await page.waitForTimeout(2_000);
    expect(sandbox.writes().filter((r) => r.path === '/v3/candidates')).toHaveLength(0);
    // Whether the export was held in the queue: the worker's own activity log says (the open items are in memory).
    const held = await options.page.evaluate(async () => {
      const answer = (await chrome.runtime.sendMessage({ type: 'activity.summary', payload: {} })) as {
        data: { queued: number; running: number };
      };
      return answer.data.queued + answer.data.running > 0;
    });
    const refused = !held;
    // The overlay says so too: the refused click in its dialog, a held export as paused.
    await expect(panel.getByRole('alert').first()).toContainText(
      'Exports are paused until it can write again',
    );

    // Space again: the pause lifts by itself and the export goes through once (by itself if it was held; the
    // recruiter clicks again if it was refused, on a fresh page).
    await disk.empty();
    await expect(paused).toHaveCount(0, { timeout: 20_000 });
    if (refused) {
      const again = await gotoProfile(await context.newPage(), 'j-backend', 'c-ada');
      await exportFromProfile(again, 'Senior Backend Engineer (ENG-101)');
    }
    await expect
      .poll(() => tally(sandbox), { timeout: 30_000 })
      .toMatchObject({ candidates: 1, applications: 1, notes: 1, resumes: 1 });
    await page.waitForTimeout(2_000);
    expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1, notes: 1, resumes: 1 });
  } finally {
    await context.close();
    await disk.unmount();
  }
});
