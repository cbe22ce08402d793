import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../.output/firefox-mv3');
export const GECKO_ID = 'pin-greenhouse-sync@pin-greenhouse-sync.dev';
/** Pinned with `extensions.webextensions.uuids`, so the extension's origin is the same in every run. */
export const EXTENSION_UUID = '5d0c6f3e-7a1b-4c2d-9e8f-0a1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** FIREFOX_PATH, else Debian's firefox-esr, else a `firefox` on the usual paths. */
export function resolveFirefoxPath(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`FIREFOX_PATH points to a missing file: ${fromEnv}`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('No Firefox found. Install Debian\'s "firefox-esr" package or set FIREFOX_PATH.');
}

/**
 * Stock Firefox driven over WebDriver BiDi, every https request sent through the intercepting proxy on
 * `proxyPort` (which routes Pin and Greenhouse to the stand-ins and answers everything else 404).
 */
export async function launchFirefox(options: { proxyPort: number; extensionDir?: string }): Promise<Browser> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(`No Firefox build at ${extensionDir}: run "npm run build:firefox" first.`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: resolveFirefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Optional permission requests (host access) are granted without a prompt no test could click.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
    // Installing opens the options page (the first-run checklist) a moment later, and Firefox opens a tab into the
    // current one when that is blank: a Pin page a test opened meanwhile would be taken over and its navigation never
    // end (seen once: a test's first page.goto hung for 90 s). So the browser is handed over once that page is open.
    await findExtensionPage(browser, 30_000);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * The open extension page (options), found by its real location: BiDi reports moz-extension tabs as about:blank.
 * With `inFront`, only once it is the tab in front with focus, as a user sees it after the overlay opened it (the
 * options tab opened at install sits behind Pin's tab until Firefox switches to it).
 */
export async function findExtensionPage(
  browser: Browser,
  timeoutMs = 10_000,
  options: { inFront?: boolean } = {},
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const where = await page
        .evaluate(() => ({
          href: location.href,
          inFront: document.visibilityState === 'visible' && document.hasFocus(),
        }))
        .catch(() => ({ href: '', inFront: false }));
      if (where.href.startsWith(EXTENSION_ORIGIN) && (!options.inFront || where.inFront)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(options.inFront ? 'No extension page came to the front' : 'No extension page opened');
}
