import type { Page } from 'puppeteer-core';
import { expect, test } from './fixtures';
import { choose, click, find, textOf, waitForText, waitUntil } from './support/dom';

const ONE_OF_EACH = { candidates: 1, applications: 1, attachments: 1, notes: 1, employments: 4 };
const tally = (sandbox: import('../harvest-sandbox/sandbox').HarvestSandbox) => ({
  candidates: sandbox.candidates.length,
  applications: sandbox.applications.length,
  attachments: sandbox.attachments.length,
  notes: sandbox.notes.length,
  employments: sandbox.employments.length,
});

/**
 * Exports the open profile through the overlay's dialog, choosing a Greenhouse job by its label. Export is clicked
 * once the preview names that job, as a recruiter reads it first: puppeteer clicks at coordinates taken a round trip
 * earlier, so a preview still arriving could move the button from under the click.
 */
async function exportFromOverlay(pin: Page, jobLabel: string) {
  await click(pin, 'Export to ATS', { scope: 'overlay' });
  await choose(pin, 'Greenhouse job', jobLabel, { scope: 'overlay' });
  const jobName = jobLabel.replace(/ \([^)]*\)$/, '');
  await waitUntil(
    pin,
    (name) => {
      const preview = document
        .querySelector('pin-greenhouse-sync')
        ?.shadowRoot?.querySelector('.pgs-preview');
      return preview?.getAttribute('aria-busy') === 'false' && (preview.textContent ?? '').includes(name);
    },
    { timeout: 15_000, polling: 100 },
    jobName,
  );
  await click(pin, 'Export', { scope: 'overlay', selector: 'button' });
}

const overlayHosts = (pin: Page) =>
  pin.evaluate(() => document.querySelectorAll('pin-greenhouse-sync').length);

const badge = (pin: Page) => find(pin, 'a', 'Open in Greenhouse', { scope: 'overlay', timeout: 20_000 });

/** The link of a pipeline row's synced badge (in its own shadow root), once it is drawn. */
const rowBadgeHref = async (pin: Page, candidateId: string) =>
  (
    await waitUntil(
      pin,
      (id) =>
        document
          .querySelector(`tr[data-candidate-id="${id}"] [data-pgs-badge]`)
          ?.shadowRoot?.querySelector('a[aria-label="Open in Greenhouse"]')
          ?.getAttribute('href') ?? false,
      { timeout: 20_000 },
      candidateId,
    )
  ).jsonValue();

test('the overlay mounts on a Pin profile in its open shadow root and offers to connect', async ({
  openPin,
}) => {
  const pin = await openPin('/jobs/j-backend/candidates/c-ada');
  await waitForText(pin, 'Greenhouse is not connected.', { scope: 'overlay' });
  expect(
    await pin.evaluate(() => document.querySelector('.candidate-header pin-greenhouse-sync') !== null),
  ).toBe(true);
  // Not on the Pin page itself: Pin's own DOM is untouched apart from the host element.
  expect(await textOf(pin)).not.toContain('Greenhouse is not connected');
});

test('connect from the overlay: site access, the acting user and the scope checklist', async ({
  connectFromOverlay,
  sandbox,
}) => {
  const options = await connectFromOverlay();
  const text = await textOf(options);
  expect(text).toContain('Access to Pin and Greenhouse: granted');
  expect(text).toContain('Connected as Avery Admin · 3 open jobs');
  expect(text).toMatch(/harvest:candidates:create\s*granted/);
  // The background reached Greenhouse through Firefox's network stack: token, probes, user and jobs.
  expect(sandbox.requests.filter((r) => r.path === '/token').length).toBeGreaterThanOrEqual(1);
  expect(sandbox.requests.some((r) => r.path === '/v3/users' && r.status === 200)).toBe(true);
});

test('a manual export ends with the badge and exactly one of each record, and the pipeline marks the row', async ({
  connectFromOverlay,
  openPin,
  sandbox,
}) => {
  await connectFromOverlay();
  const pin = await openPin('/jobs/j-backend/candidates/c-ada');
  await exportFromOverlay(pin, 'Senior Backend Engineer (ENG-101)');
  const link = await badge(pin);
  expect(tally(sandbox)).toEqual(ONE_OF_EACH);
  const [person] = sandbox.candidates;
  const [application] = sandbox.applications;
  expect(await link.evaluate((a) => a.getAttribute('href'))).toBe(
    `https://app.greenhouse.io/people/${person!.id}?application_id=${application!.id}`,
  );
  // In E.164: the event page read the numbering plans from its own package (lib/background/phone-plans.ts).
  expect(person!.phone_numbers).toEqual([{ value: '+442079460958', type: 'mobile' }]);
  expect(sandbox.attachments[0]).toMatchObject({ type: 'resume', filename: 'Ada Lovelace - Pin resume.pdf' });
  expect(sandbox.attachments[0]!.content!.subarray(0, 5).toString()).toBe('%PDF-');
  // A reload shows the badge from the stored sync record, and no second export button.
  await pin.reload();
  await badge(pin);
  expect(await textOf(pin, 'overlay')).not.toContain('Export to ATS');
  // The pipeline marks the row: the first time after Pin laid its rows out, then (the rows asked for ahead) before.
  for (let visit = 0; visit < 2; visit++) {
    await pin.goto('https://app.pin.com/jobs/j-backend');
    expect(await rowBadgeHref(pin, 'c-ada')).toBe(`https://app.greenhouse.io/people/${person!.id}`);
  }
});

test('a rule fires when a reply arrives on an open pipeline, with no click', async ({
  connectFromOverlay,
  openPin,
  pinApp,
  sandbox,
}) => {
  const options = await connectFromOverlay();
  // Opening the pipeline teaches the extension the Pin job, and keeps a Pin page open for events.
  const pipeline = await openPin('/jobs/j-backend');
  const group = 'Senior Backend Engineer';
  await choose(options, 'Greenhouse job', 'Senior Backend Engineer (ENG-101)', { group });
  await choose(options, 'Trigger', 'When they reply to an email', { group });
  await click(options, 'Enable', { selector: 'fieldset button' });
  await find(options, 'fieldset button', 'Disable');
  expect(pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' })).toEqual({ ok: true });
  await expect.poll(() => sandbox.candidates.length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => tally(sandbox).notes, { timeout: 20_000 }).toBe(1);
  expect(sandbox.candidates[0]).toMatchObject({ first_name: '小明', last_name: '王' });
  expect(sandbox.notes[0]!.body).toContain('When they reply to an email');
  await pipeline.close();
  const profile = await openPin('/jobs/j-backend/candidates/c-wang');
  await badge(profile);
});

test('the queue resumes after the background is reloaded mid-export, with one of everything', async ({
  connectFromOverlay,
  firefox,
  openPin,
  sandbox,
}) => {
  const options = await connectFromOverlay();
  // The note commits, but its answer comes too late for the background that sent it.
  sandbox.injectFault({
    method: 'POST',
    path: '/v3/notes',
    action: { type: 'delay-after-commit', ms: 4000 },
  });
  const pin = await openPin('/jobs/j-backend/candidates/c-ada');
  await exportFromOverlay(pin, 'Senior Backend Engineer (ENG-101)');
  await expect.poll(() => sandbox.notes.length, { timeout: 15_000 }).toBe(1);
  // Reload the extension's background (its event page) from an extension page, as a crash or update would.
  await options.evaluate(() => {
    setTimeout(() =>
      (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
    );
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  // The profile that was open all along: Firefox injects the new content script into it, and the panel the old one
  // left (gone with its extension, so it cannot clean up, frozen on "Exporting…") is replaced, not joined.
  await badge(pin);
  expect(await overlayHosts(pin)).toBe(1);
  const again = await firefox.newPage();
  await again.goto('https://app.pin.com/jobs/j-backend/candidates/c-ada');
  await again.waitForSelector('pin-greenhouse-sync', { timeout: 15_000 });
  await badge(again);
  expect(await overlayHosts(again)).toBe(1);
  expect(tally(sandbox)).toEqual(ONE_OF_EACH);
  // The new background read the note back instead of writing it again.
  expect(sandbox.requests.some((r) => r.method === 'GET' && r.path === '/v3/notes')).toBe(true);
});

test('host access that Firefox has not granted is asked for from the options page', async ({
  connectFromOverlay,
}) => {
  const options = await connectFromOverlay();
  const removed = await options.evaluate(() =>
    (
      globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }
    ).browser.permissions.remove({ origins: ['https://harvest.greenhouse.io/*'] }),
  );
  expect(removed).toBe(true);
  await waitForText(options, 'Access to Pin and Greenhouse: not granted');
  await click(options, 'Allow access to Pin and Greenhouse', { selector: 'button' });
  await waitForText(options, 'Access to Pin and Greenhouse: granted');
  const origins = await options.evaluate(
    async () =>
      (
        await (
          globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins: string[] }> } } }
        ).browser.permissions.getAll()
      ).origins,
  );
  expect(origins).toEqual(
    expect.arrayContaining([
      'https://app.pin.com/*',
      'https://harvest.greenhouse.io/*',
      'https://auth.greenhouse.io/*',
    ]),
  );
});

/** Opens the job's pipeline once (the extension learns it), closes it, and enables a reply rule checked every second. */
async function backgroundRule(options: Page, openPin: (path: string) => Promise<Page>) {
  const pipeline = await openPin('/jobs/j-backend');
  await pipeline.close();
  const group = 'Senior Backend Engineer';
  await choose(options, 'Greenhouse job', 'Senior Backend Engineer (ENG-101)', { group });
  await choose(options, 'Trigger', 'When they reply to an email', { group });
  await click(options, 'Enable', { selector: 'fieldset button' });
  await find(options, 'fieldset button', 'Disable');
  // Check every second (a temporarily installed add-on may); the product keeps about a minute.
  await options.evaluate(() =>
    (
      globalThis as unknown as {
        browser: { alarms: { create(name: string, info: { when: number; periodInMinutes: number }): void } };
      }
    ).browser.alarms.create('pgs-watch', { when: Date.now() + 100, periodInMinutes: 1 / 60 }),
  );
}

test('a rule fires from the background with no Pin tab open (the event page reads Pin with its session)', async ({
  connectFromOverlay,
  firefox,
  openPin,
  pinApp,
  sandbox,
}) => {
  const options = await connectFromOverlay();
  await backgroundRule(options, openPin);
  await waitForText(options, 'Watching in the background', { timeout: 20_000 });
  expect(pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' })).toEqual({ ok: true });
  await expect.poll(() => tally(sandbox).notes, { timeout: 30_000 }).toBe(1);
  expect(tally(sandbox)).toMatchObject({ candidates: 1, applications: 1 });
  expect(sandbox.notes[0]!.body).toContain('When they reply to an email');
  const pinPages = [];
  for (const page of await firefox.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href.startsWith('https://app.pin.com')) pinPages.push(href);
  }
  expect(pinPages).toEqual([]);
});

test.describe('a SameSite=Lax Pin session', () => {
  test.use({ pinSessionCookie: 'lax' });

  test("still reaches Firefox's event page: the rule is watched from the background, no tab needed", async ({
    connectFromOverlay,
    openPin,
    pinApp,
    sandbox,
  }) => {
    const options = await connectFromOverlay();
    await backgroundRule(options, openPin);
    await waitForText(options, 'Watching in the background', { timeout: 20_000 });
    const reads = pinApp.requests.filter((r) => r.path === '/api/jobs/j-backend/pipeline');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.withSession && (r.status === 200 || r.status === 304))).toBe(true);
    pinApp.event({ jobId: 'j-backend', candidateId: 'c-wang', type: 'replied' });
    await expect.poll(() => tally(sandbox).notes, { timeout: 30_000 }).toBe(1);
  });
});
