import { expect, staticPageHandler, test } from './fixtures';
import { evaluateInContentScript } from './support/content-script';
import { routeOriginToHandler } from './support/routing';

test('the options page opens and shows the not-connected first screen', async ({ openOptions }) => {
  const page = await openOptions();
  await expect(page.getByRole('heading', { level: 1, name: 'Pin Greenhouse Sync' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Greenhouse' }).getByRole('status')).toHaveText(
    /Not connected/,
  );
});

test('the content script mounts its shadow-root UI on Pin and talks to the worker', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs');
  const host = page.locator('pin-greenhouse-sync');
  await expect(host).toHaveCount(1);
  expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
  // The overlay pings the worker on mount and shows the version from its envelope.
  await expect(host.locator('[data-pgs-link]')).toHaveText(/Extension ready \(v\d+\.\d+\.\d+\)/);
});

test('the content script stays off other hosts', async ({ context }) => {
  await routeOriginToHandler(context, 'https://example.org', staticPageHandler('plain.html'));
  const page = await context.newPage();
  await page.goto('https://example.org/jobs');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.locator('pin-greenhouse-sync')).toHaveCount(0);
});

test('the worker answers content-script messages with envelopes, malformed ones with errors', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs');
  await expect(page.locator('pin-greenhouse-sync')).toHaveCount(1);
  const answers = await evaluateInContentScript<unknown[]>(
    page,
    `Promise.all([
      chrome.runtime.sendMessage({ type: 'ping', payload: {} }),
      chrome.runtime.sendMessage({ type: 'ping', payload: { extra: 1 } }),
      chrome.runtime.sendMessage({ kind: 'nonsense' }),
      chrome.runtime.sendMessage({ type: 'no.such.command', payload: {} }),
    ])`,
  );
  expect(answers[0]).toEqual({
    ok: true,
    data: { pong: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
  });
  expect(answers[1]).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(answers[2]).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(answers[3]).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
});
