import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { PIN_ORIGIN } from '../../lib/pin/host';
import { RESUME_BUILDER_FILE } from '../../lib/resume/builder';
import { routeWorlds } from '../e2e/support/drive';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/extension';
import { stopServiceWorkers } from '../e2e/support/worker';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { PinApp } from '../pin-app/server';
import { PAGE_PROBES } from './latency';
import { median } from './measure';

export const CONTROL_DIR = path.resolve(import.meta.dirname, 'control-extension');

async function workerMarks(context: BrowserContext, names: string[]): Promise<number[][]> {
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    (wanted) =>
      wanted.map((name) =>
        performance.getEntriesByName(name).map((m) => performance.timeOrigin + m.startTime),
      ),
    names,
  );
}

async function oneClick(context: BrowserContext, page: Page, sandbox: HarvestSandbox, cold: boolean) {
  if (cold) {
    await stopServiceWorkers(context, page);
    await page.waitForTimeout(300);
  }
  const before = sandbox.requests.length;
  const button = page.locator('#bench-control');
  await page.evaluate(() => {
    delete (document.getElementById('bench-control') as HTMLElement).dataset.answer;
  });
  await button.click();
  await page.waitForFunction(
    () => (document.getElementById('bench-control') as HTMLElement).dataset.answer,
    null,
    {
      polling: 5,
      timeout: 15_000,
    },
  );
  const clickAt = await page.evaluate(
    () => (window as unknown as { __pgsClicks: number[] }).__pgsClicks.at(-1)!,
  );
  const [command, fetchCall, dispatch] = await workerMarks(context, [
    'pgs:command:control.fetch',
    'pgs:fetch',
    'pgs:request',
  ]);
  const arrived = sandbox.requests.slice(before).find((r) => r.path === '/v3/users');
  if (!arrived) throw new Error('the control request never reached the sandbox');
  return {
    clickToWorker: command!.at(-1)! - clickAt,
    clickToDispatch: dispatch!.at(-1)! - clickAt,
    fetchCall: dispatch!.at(-1)! - fetchCall!.at(-1)!,
    clickToArrive: arrived.at - clickAt,
  };
}

/**
 * A copy of the control that carries what Chrome loads for our worker, none of it run: our built `background.js` inside
 * a function that is never called and, with `imports`, our résumé builder imported in the worker's `install` event as
 * ours imports it (lib/background/resume-loader.ts). Chrome keeps a script imported at install with the worker and
 * loads it again at every start, so this copy's cold clicks minus the empty control's are what those bytes cost a
 * click before any of our code runs.
 */
export function controlCarrying({ imports }: { imports: boolean }): {
  dir: string;
  workerBytes: number;
  importedBytes: number;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-control-sized-'));
  for (const file of fs.readdirSync(CONTROL_DIR))
    fs.copyFileSync(path.join(CONTROL_DIR, file), path.join(dir, file));
  const ours = fs.readFileSync(path.join(EXTENSION_DIR, 'background.js'), 'utf8');
  const control = fs.readFileSync(path.join(CONTROL_DIR, 'background.js'), 'utf8');
  let importedBytes = 0;
  let install = '';
  if (imports) {
    const builder = RESUME_BUILDER_FILE.slice(1);
    fs.copyFileSync(path.join(EXTENSION_DIR, builder), path.join(dir, builder));
    importedBytes = fs.statSync(path.join(dir, builder)).size;
    install = `self.addEventListener('install', () => importScripts(${JSON.stringify(RESUME_BUILDER_FILE)}));\n`;
  }
  fs.writeFileSync(
    path.join(dir, 'background.js'),
    `${install}${control}\nfunction neverCalled() {\n${ours}\n}\n`,
  );
  return { dir, workerBytes: Buffer.byteLength(ours), importedBytes };
}

/**
 * Chrome's own floor for the click path: an empty MV3 extension (tests/bench/control-extension, or `extensionDir`)
 * loaded the same way, a button in the page, a message to the worker, one fetch. Warm, and cold (the worker stopped
 * before the click).
 */
export async function benchControl(pinApp: PinApp, runs: number, extensionDir = CONTROL_DIR) {
  const sandbox = new HarvestSandbox({ rateLimit: { limit: 100_000, windowMs: 30_000 } });
  const context = await launchWithExtension({ extensionDir, opensFirstRunPage: false });
  try {
    await routeWorlds(context, pinApp, sandbox);
    await context.addInitScript(PAGE_PROBES);
    const page = await context.newPage();
    await page.goto(`${PIN_ORIGIN}/jobs`);
    await oneClick(context, page, sandbox, false);
    const warm: Awaited<ReturnType<typeof oneClick>>[] = [];
    const cold: typeof warm = [];
    for (let i = 0; i < runs; i++) warm.push(await oneClick(context, page, sandbox, false));
    for (let i = 0; i < runs; i++) cold.push(await oneClick(context, page, sandbox, true));
    const summary = (list: typeof warm) => ({
      medianClickToWorkerMs: Number(median(list.map((r) => r.clickToWorker)).toFixed(1)),
      medianClickToDispatchMs: Number(median(list.map((r) => r.clickToDispatch)).toFixed(1)),
      /** Of which the call to `fetch` itself (Chrome's, with the DevTools routing attached). */
      medianFetchCallMs: Number(median(list.map((r) => r.fetchCall)).toFixed(2)),
      medianClickToFirstRequestMs: Number(median(list.map((r) => r.clickToArrive)).toFixed(1)),
    });
    return { runs, warm: summary(warm), cold: summary(cold) };
  } finally {
    await context.close();
  }
}
