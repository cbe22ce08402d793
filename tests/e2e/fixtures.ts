import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { SandboxConfig } from '../harvest-sandbox/types';
import type { Dataset } from '../pin-app/dataset';
import type { Markup } from '../pin-app/render-shared';
import {
  loadDataset,
  type PinApp,
  SAMPLE_DATASET_PATH,
  type SessionCookie,
  startPinApp,
} from '../pin-app/server';
import { routeWorlds } from './support/drive';
import { closeFirstRunPage, extensionIdOf, extensionWorker, launchWithExtension } from './support/extension';
import type { RequestHandler } from './support/routing';

const PAGES_DIR = path.resolve(import.meta.dirname, '../fixtures/pages');

export const staticPageHandler =
  (file: string): RequestHandler =>
  async () => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: fs.readFileSync(path.join(PAGES_DIR, file)),
  });

interface Fixtures {
  /** The dataset the demo Pin app serves in this test (the sample by default). */
  pinDataset: Dataset;
  /** Which markup the demo Pin app writes its pages in (a Playwright project parameter). */
  pinMarkup: Markup;
  /** The demo Pin app's session cookie: `none` reaches the extension's background, `lax` does not (SPEC §6.1). */
  pinSessionCookie: SessionCookie;
  sandboxConfig: SandboxConfig;
  /** The demo Pin app, served at https://app.pin.com inside the browser. */
  pinApp: PinApp;
  /** The Harvest sandbox, answering both Greenhouse hosts inside the browser. */
  sandbox: HarvestSandbox;
  userDataDir: string | undefined;
  /** Keep the options page the extension opens on install (the first-run checklist); closed by default. */
  keepFirstRunPage: boolean;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  openOptions: () => Promise<Page>;
}

const sampleDataset = loadDataset(SAMPLE_DATASET_PATH);

export const test = base.extend<Fixtures>({
  pinDataset: [sampleDataset, { option: true }],
  pinMarkup: ['classic', { option: true }],
  pinSessionCookie: ['none', { option: true }],
  sandboxConfig: [{}, { option: true }],
  userDataDir: [undefined, { option: true }],
  keepFirstRunPage: [false, { option: true }],
  pinApp: async ({ pinDataset, pinMarkup, pinSessionCookie }, use) => {
    const app = await startPinApp({
      dataset: pinDataset,
      markup: pinMarkup,
      sessionCookie: pinSessionCookie,
    });
    await use(app);
    await app.close();
  },
  sandbox: async ({ sandboxConfig }, use) => use(new HarvestSandbox(sandboxConfig)),
  context: async ({ pinApp, sandbox, userDataDir, keepFirstRunPage }, use) => {
    const context = await launchWithExtension({ userDataDir });
    await routeWorlds(context, pinApp, sandbox);
    if (!keepFirstRunPage && !userDataDir) await closeFirstRunPage(context);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => use(await extensionWorker(context)),
  extensionId: async ({ serviceWorker }, use) => use(extensionIdOf(serviceWorker)),
  openOptions: async ({ context, extensionId }, use) =>
    use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    }),
});

export { expect, routeWorlds };
