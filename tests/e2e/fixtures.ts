import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { PIN_ORIGIN } from '../../lib/pin/host';
import { extensionIdOf, extensionWorker, launchWithExtension } from './support/extension';
import { type RequestHandler, routeOriginToHandler } from './support/routing';

const PAGES_DIR = path.resolve(import.meta.dirname, '../fixtures/pages');

export const staticPageHandler =
  (file: string): RequestHandler =>
  async () => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: fs.readFileSync(path.join(PAGES_DIR, file)),
  });

export const GREENHOUSE_ORIGINS = ['https://auth.greenhouse.io', 'https://harvest.greenhouse.io'] as const;

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Serves https://app.pin.com in this test; later the demo Pin app. */
  pinHandler: RequestHandler;
  /** Serves both Greenhouse hosts in this test; later the Harvest sandbox. */
  greenhouseHandler: RequestHandler;
  openOptions: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  pinHandler: async ({}, use) => use(staticPageHandler('plain.html')),
  greenhouseHandler: async ({}, use) =>
    use(async () => ({
      status: 503,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"No Greenhouse in this test"}',
    })),
  context: async ({ pinHandler, greenhouseHandler }, use) => {
    const context = await launchWithExtension();
    await routeOriginToHandler(context, PIN_ORIGIN, pinHandler);
    for (const origin of GREENHOUSE_ORIGINS) await routeOriginToHandler(context, origin, greenhouseHandler);
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

export { expect };
