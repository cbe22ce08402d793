import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromiumPath } from './chromium';

/** The build under test: the production build, or another one an A/B run of the bench points at (PGS_EXTENSION_DIR). */
export const EXTENSION_DIR =
  process.env.PGS_EXTENSION_DIR ?? path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  /** An unpacked extension other than the production build (the Chrome zip, unpacked). */
  extensionDir?: string;
  /** Whether the extension opens a first-run page on install (ours does; the bench's empty control does not). */
  opensFirstRunPage?: boolean;
}

/** Launches Chromium with the production build loaded, the way a user loads the unpacked extension. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No production build at ${dir}: run "npm run build" first.`);
  }
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: resolveChromiumPath(),
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  // A profile made here goes with its browser, once the browser has exited (it writes its state files until then); a
  // caller that passes its own keeps it, to open it again.
  if (!options.userDataDir) {
    const close = context.close.bind(context);
    context.close = async (...args) => {
      await close(...args);
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    };
  }
  // Installing the extension opens its options page (the first-run checklist) a moment after launch, and Chrome puts
  // it in the active tab when that tab is blank: a page a test opened meanwhile would be taken over mid-navigation.
  // So the profile is handed over once that page is open. A reopened profile too: Chrome installs an extension loaded
  // with --load-extension again at every start (onInstalled says "install"; a recruiter's installed copy does not),
  // which took over the page of a test that reopened a profile in 2 of 10 runs.
  if (options.opensFirstRunPage !== false && !(await firstRunPage(context, 60_000))) {
    await context.close();
    throw new Error(
      'Installing the extension did not open its options page (the first-run checklist) within 60 s',
    );
  }
  return context;
}

const isOptionsUrl = (url: string) => url.startsWith('chrome-extension://') && url.endsWith('/options.html');

/**
 * The options page the extension opened on install, once it is open, or null if none opened within `waitMs`. On a
 * busy machine (three browsers starting at once per test worker) it can take more than ten seconds.
 */
async function firstRunPage(context: BrowserContext, waitMs = 10_000): Promise<Page | null> {
  for (const started = Date.now(); Date.now() - started < waitMs; ) {
    const page = context.pages().find((p) => isOptionsUrl(p.url()));
    if (page) {
      await page.waitForLoadState();
      return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  return existing ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

export function extensionIdOf(worker: Worker): string {
  const id = new URL(worker.url()).host;
  if (!id) throw new Error(`Cannot read the extension id from ${worker.url()}`);
  return id;
}

/**
 * Installing the extension opens its options page (the first-run checklist) a moment after launch. Tests that do not
 * look at it close it, so it never takes the focus from the page they drive.
 */
export async function closeFirstRunPage(context: BrowserContext): Promise<void> {
  await (await firstRunPage(context))?.close();
}
