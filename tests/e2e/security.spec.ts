import fs from 'node:fs';
import path from 'node:path';
import { DEMO_CREDENTIAL } from '../harvest-sandbox/fixtures';
import { expect, test } from './fixtures';
import { evaluateInContentScript } from './support/content-script';
import { EXTENSION_DIR } from './support/extension';
import { connectGreenhouse, exportFromProfile, gotoProfile } from './support/pages';
import { tally } from './support/sandbox-asserts';

test('the shipped manifest asks for exactly the permissions in the spec', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions.sort()).toEqual(['alarms', 'storage']);
  // One web-accessible file, the lazily imported overlay panel: for Pin's origin only, by the session's URL.
  expect(manifest.web_accessible_resources).toEqual([
    { resources: ['overlay-panel.js'], matches: ['https://app.pin.com/*'], use_dynamic_url: true },
  ]);
  expect(manifest.host_permissions.sort()).toEqual([
    'https://app.pin.com/*',
    'https://auth.greenhouse.io/*',
    'https://harvest.greenhouse.io/*',
  ]);
  expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([
    ['https://app.pin.com/*'],
  ]);
  expect(manifest.externally_connectable).toBeUndefined();
  // Firefox-only keys stay in the Firefox build (Chrome warns about unknown keys).
  expect(manifest.browser_specific_settings).toBeUndefined();
});

test('after saving, the secret cannot be read from a content script or any extension page', async ({
  context,
  openOptions,
}) => {
  const options = await connectGreenhouse(openOptions);
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs');
  await expect(page.locator('.job-card').first()).toBeVisible();

  const fromContent = await evaluateInContentScript<string>(
    page,
    `(async () => {
      const found = [];
      found.push(JSON.stringify(await chrome.storage.local.get(null)));
      try { found.push(JSON.stringify(await chrome.storage.session.get(null))); } catch (e) { found.push('session:' + e.message); }
      found.push(JSON.stringify(await indexedDB.databases()));
      for (const type of ['connection.status', 'settings.get', 'activity.list']) {
        found.push(JSON.stringify(await chrome.runtime.sendMessage({ type, payload: {} })));
      }
      return found.join('\\n');
    })()`,
  );
  expect(fromContent).not.toContain(DEMO_CREDENTIAL.clientSecret);
  expect(fromContent).toContain('forbidden_sender');

  // The options page gets a masked state only: no command answers with the secret, and no storage area holds it.
  const fromPage = await options.page.evaluate(async () => {
    const answers = [];
    for (const type of ['connection.status', 'settings.get', 'activity.list', 'rules.list']) {
      answers.push(JSON.stringify(await chrome.runtime.sendMessage({ type, payload: {} })));
    }
    answers.push(JSON.stringify(await chrome.storage.local.get(null)));
    answers.push(JSON.stringify(await chrome.storage.session.get(null)));
    return answers.join('\n');
  });
  expect(fromPage).toContain('"secretSaved":true');
  expect(fromPage).not.toContain(DEMO_CREDENTIAL.clientSecret);
});

test('privileged commands are refused from content scripts', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs');
  await expect(page.locator('.job-card').first()).toBeVisible();
  const answers = await evaluateInContentScript<{ ok: boolean; error?: { code: string } }[]>(
    page,
    `Promise.all([
      chrome.runtime.sendMessage({ type: 'connection.connect', payload: { clientId: 'x', clientSecret: 'y', actAsUserId: null } }),
      chrome.runtime.sendMessage({ type: 'connection.disconnect', payload: {} }),
      chrome.runtime.sendMessage({ type: 'settings.set', payload: { noteVisibility: 'public' } }),
      chrome.runtime.sendMessage({ type: 'rules.save', payload: { pinJobId: 'j-backend', greenhouseJobId: 5001, trigger: 'replied', enabled: true } }),
      chrome.runtime.sendMessage({ type: 'rules.backfill', payload: { pinJobId: 'j-backend', expected: 1 } }),
    ])`,
  );
  for (const answer of answers)
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
});

test("Pin's own scripts cannot reach extension data or start an export", async ({
  context,
  openOptions,
  sandbox,
}) => {
  const _options = await connectGreenhouse(openOptions);
  const page = await context.newPage();
  const panel = await gotoProfile(page, 'j-backend', 'c-ada');
  await expect(panel.getByRole('button', { name: 'Export to ATS' })).toBeVisible();

  const result = await page.evaluate(async () => {
    const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } };
    const host = document.querySelector('pin-greenhouse-sync');
    // Synthetic clicks, DOM events and postMessage from the page.
    for (const button of host?.shadowRoot?.querySelectorAll('button') ?? [])
      (button as HTMLButtonElement).click();
    window.postMessage({ type: 'pin.export', payload: { greenhouseJobId: 5001 } }, '*');
    document.dispatchEvent(
      new CustomEvent('pin-greenhouse-sync:export', { detail: { candidateId: 'c-ada' } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      canMessage: typeof w.chrome?.runtime?.sendMessage === 'function',
      dialogOpened: Boolean(host?.shadowRoot?.querySelector('[role="dialog"]')),
    };
  });
  expect(result.dialogOpened).toBe(false);
  // Web pages have no messaging channel to this extension (no externally_connectable).
  if (result.canMessage) {
    const answer = await page.evaluate(async () => {
      try {
        const w = window as unknown as {
          chrome: { runtime: { sendMessage: (id: string, m: unknown) => Promise<unknown> } };
        };
        return await w.chrome.runtime.sendMessage('any', { type: 'pin.export', payload: {} });
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    });
    expect(String(answer)).toMatch(/refused/);
  }
  await page.waitForTimeout(500);
  expect(tally(sandbox).candidates).toBe(0);
  // A real click still works.
  await exportFromProfile(panel, null);
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
});

test('hostile Pin text stays text in the overlay and in Greenhouse, and only app.greenhouse.io links appear', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const _options = await connectGreenhouse(openOptions);
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __pwned: number }).__pwned = 0;
    window.alert = () => {
      (window as unknown as { __pwned: number }).__pwned += 1;
    };
  });
  const panel = await gotoProfile(page, 'j-backend', 'c-html');
  await exportFromProfile(panel, null);
  await expect(panel.getByRole('link', { name: 'Open in Greenhouse' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
  expect(sandbox.candidates[0]).toMatchObject({
    first_name: '<img src=x onerror=alert(1)>',
    last_name: 'Mallory',
  });
  const hrefs = await page
    .locator('pin-greenhouse-sync')
    .evaluate((host) =>
      [...(host.shadowRoot?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href')),
    );
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https:\/\/app\.greenhouse\.io\//);
});
