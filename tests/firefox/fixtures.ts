import { test as base, expect } from '@playwright/test';
import type { Mockttp } from 'mockttp';
import type { Browser, Page } from 'puppeteer-core';
import { PIN_ORIGIN } from '../../lib/pin/host';
import { ADMIN_USER_ID, DEMO_CREDENTIAL } from '../harvest-sandbox/fixtures';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { SandboxConfig } from '../harvest-sandbox/types';
import {
  loadDataset,
  type PinApp,
  SAMPLE_DATASET_PATH,
  type SessionCookie,
  startPinApp,
} from '../pin-app/server';
import { click, fill, waitForText } from './support/dom';
import { findExtensionPage, launchFirefox } from './support/firefox';
import { startProxy } from './support/proxy';

/**
 * Firefox end to end: Debian's stock firefox-esr driven by puppeteer-core over WebDriver BiDi, with the production
 * Firefox build installed as a temporary add-on (Playwright cannot install an extension into a stock Firefox).
 * Playwright Test is only the runner here; pages are puppeteer pages.
 */
interface Fixtures {
  sandboxConfig: SandboxConfig;
  /** The demo Pin app's session cookie (SPEC §6.1): `none` (default) or `lax`. */
  pinSessionCookie: SessionCookie;
  /** A build directory to install instead of `.output/firefox-mv3` (one security test uses a probing copy). */
  extensionDir: string | undefined;
  pinApp: PinApp;
  sandbox: HarvestSandbox;
  interceptor: Mockttp;
  firefox: Browser;
  /** Opens a Pin URL path in a new tab; on a profile, waits for the overlay's shadow root. */
  openPin: (path: string) => Promise<Page>;
  /** Opens the options page the way a user does, from the overlay's "Connect Greenhouse", and connects. */
  connectFromOverlay: () => Promise<Page>;
}

const dataset = loadDataset(SAMPLE_DATASET_PATH);

export const test = base.extend<Fixtures>({
  sandboxConfig: [{}, { option: true }],
  extensionDir: [undefined, { option: true }],
  pinSessionCookie: ['none', { option: true }],
  pinApp: async ({ pinSessionCookie }, use) => {
    const app = await startPinApp({ dataset, sessionCookie: pinSessionCookie });
    await use(app);
    await app.close();
  },
  sandbox: async ({ sandboxConfig }, use) => use(new HarvestSandbox(sandboxConfig)),
  interceptor: async ({ pinApp, sandbox }, use) => {
    const proxy = await startProxy(pinApp, sandbox);
    await use(proxy);
    await proxy.stop();
  },
  firefox: async ({ interceptor, extensionDir }, use) => {
    const browser = await launchFirefox({ proxyPort: interceptor.port, extensionDir });
    await use(browser);
    await browser.close();
  },
  openPin: async ({ firefox }, use) =>
    use(async (path) => {
      const page = await firefox.newPage();
      await page.goto(`${PIN_ORIGIN}${path}`);
      await page.waitForSelector(path.includes('/candidates/') ? 'pin-greenhouse-sync' : 'main h1', {
        timeout: 15_000,
      });
      return page;
    }),
  connectFromOverlay: async ({ firefox, openPin }, use) =>
    use(async () => {
      const pin = await openPin('/jobs/j-backend/candidates/c-ada');
      await click(pin, 'Connect Greenhouse', { scope: 'overlay' });
      const options = await findExtensionPage(firefox, 10_000, { inFront: true });
      await fill(options, 'Client ID', DEMO_CREDENTIAL.clientId);
      await fill(options, 'Client Secret', DEMO_CREDENTIAL.clientSecret);
      await fill(options, 'Act as user ID', String(ADMIN_USER_ID));
      await click(options, 'Connect', { selector: 'button' });
      await waitForText(options, 'Connected as Avery Admin');
      await pin.close();
      return options;
    }),
});

export { expect };
