import { DEMO_CREDENTIAL } from '../harvest-sandbox/fixtures';
import { expect, test } from './fixtures';
import { makeProbeBuild } from './support/probe-build';

test.use({ extensionDir: makeProbeBuild() });

test('after connecting, the secret cannot be read from the content script', async ({
  connectFromOverlay,
  openPin,
}) => {
  const options = await connectFromOverlay();
  const pin = await openPin('/jobs');
  await pin.evaluate(() => document.documentElement.setAttribute('data-pgs-probe-go', ''));
  await pin.waitForSelector('html[data-pgs-probe-result]', { timeout: 15_000 });
  const result = JSON.parse(
    (await pin.evaluate(() => document.documentElement.getAttribute('data-pgs-probe-result')))!,
  ) as Record<string, string>;
  const all = Object.values(result).join('\n');
  expect(all).not.toContain(DEMO_CREDENTIAL.clientSecret);
  // The probe really reads what the content script can (the saved connection is there), and the secret is not.
  expect(result['storage.local']).toContain('"clientId":"demo-client-id"');
  // Session storage (tokens) is closed to content scripts.
  expect(result['storage.session']).toMatch(/^error|^\{\}$/);
  // The page's IndexedDB is Pin's, not the extension's: the secret store is not there.
  expect(result['secret store']).toBe('[]');
  // Extension-page commands are refused to content scripts.
  expect(result['connection.status']).toContain('forbidden_sender');
  expect(result['settings.get']).toContain('forbidden_sender');

  // The extension page itself sees only a masked state.
  const fromPage = await options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const answers = [
      JSON.stringify(await api.runtime.sendMessage({ type: 'connection.status', payload: {} })),
      JSON.stringify(await api.storage.local.get(null)),
      JSON.stringify(await api.storage.session.get(null)),
    ];
    return answers.join('\n');
  });
  expect(fromPage).toContain('"secretSaved":true');
  expect(fromPage).not.toContain(DEMO_CREDENTIAL.clientSecret);
});
