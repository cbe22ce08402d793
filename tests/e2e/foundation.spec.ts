import { expect, staticPageHandler, test } from './fixtures';
import { evaluateInContentScript } from './support/content-script';
import { routeOriginToHandler } from './support/routing';

test('the options page opens and shows the not-connected first screen', async ({ openOptions }) => {
  const page = await openOptions();
  await expect(page.getByRole('heading', { level: 1, name: 'Pin Greenhouse Sync' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Greenhouse', exact: true }).getByRole('status')).toHaveText(
    /Not connected/,
  );
  await expect(page.getByRole('button', { name: 'Disconnect' })).toHaveCount(0);
});

test('the content script mounts its open shadow-root UI on a Pin profile', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs/j-backend/candidates/c-ada');
  const host = page.locator('.candidate-header pin-greenhouse-sync');
  await expect(host).toHaveCount(1);
  expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
  // Not connected yet: the overlay says so and offers the way to connect.
  await expect(host.getByRole('button', { name: 'Connect Greenhouse' })).toBeVisible();
});

test('the content script stays off other hosts', async ({ context }) => {
  await routeOriginToHandler(context, 'https://example.org', staticPageHandler('plain.html'));
  const page = await context.newPage();
  await page.goto('https://example.org/jobs/j-backend/candidates/c-ada');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(evaluateInContentScript(page, '1', 1500)).rejects.toThrow(/not found/);
  await expect(page.locator('pin-greenhouse-sync')).toHaveCount(0);
});

test('the worker answers content-script messages with envelopes, malformed ones with errors', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://app.pin.com/jobs');
  await expect(page.locator('.job-card').first()).toBeVisible();
  const answers = await evaluateInContentScript<unknown[]>(
    page,
    `Promise.all([
      chrome.runtime.sendMessage({ type: 'ping', payload: {} }),
      chrome.runtime.sendMessage({ type: 'ping', payload: { extra: 1 } }),
      chrome.runtime.sendMessage({ kind: 'nonsense' }),
      chrome.runtime.sendMessage({ type: 'no.such.command', payload: {} }),
      chrome.runtime.sendMessage({ type: 'connection.status', payload: {} }),
    ])`,
  );
  expect(answers[0]).toEqual({
    ok: true,
    data: { pong: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
  });
  expect(answers[1]).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(answers[2]).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(answers[3]).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  expect(answers[4]).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
});
