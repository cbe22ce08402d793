import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { PIN_ORIGIN } from '../../lib/pin/host';
import { CHROMIUM_ARGS, resolveChromiumPath } from '../e2e/support/chromium';
import { routeWorlds } from '../e2e/support/drive';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/extension';
import { routeOriginToServer } from '../e2e/support/routing';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { PinApp } from '../pin-app/server';
import { median, percentile } from './measure';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const LONG_TASKS = () => {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

async function loadOnce(page: Page): Promise<{ ms: number; longTasks: number[] }> {
  const started = Date.now();
  await page.goto(`${PIN_ORIGIN}/jobs/j-large`, { waitUntil: 'load' });
  await page.locator('main a[href*="/candidates/"]').nth(999).waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  const ms = Date.now() - started;
  await sleep(300); // the content script's settle timer and reads
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return { ms, longTasks };
}

type TraceEvent = {
  ph: string;
  name: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string } };
};

/**
 * The content script's own main-thread time in one load, from a Chromium trace: script evaluation, compilation and
 * function calls attributed to a chrome-extension:// URL, overlapping intervals merged.
 */
async function contentScriptTime(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await loadOnce(page);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const ours = events.filter((e) => {
    const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
    return e.ph === 'X' && url.startsWith('chrome-extension://') && typeof e.dur === 'number';
  });
  const intervals = ours.map((e) => [e.ts, e.ts + e.dur!] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  for (const [start, stop] of intervals) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total / 1000;
}

/** 95 % interval of the median ratio (with ÷ without), by bootstrap over the interleaved pairs. */
function ratioInterval(withMs: number[], withoutMs: number[]): [number, number] {
  const ratios: number[] = [];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = (values: number[]) => Array.from(values, () => values[Math.floor(random() * values.length)]!);
  for (let i = 0; i < 2000; i++) ratios.push(median(pick(withMs)) / median(pick(withoutMs)));
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}

export async function benchOverlay(pinApp: PinApp, loads: number, traced: number) {
  const sandbox = new HarvestSandbox();
  const withExt = await launchWithExtension();
  await routeWorlds(withExt, pinApp, sandbox);
  const plain = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-plain-')), {
    executablePath: resolveChromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  await routeOriginToServer(plain, PIN_ORIGIN, pinApp.url);
  try {
    const pages = { with: await withExt.newPage(), without: await plain.newPage() };
    for (const page of Object.values(pages)) await page.addInitScript(LONG_TASKS);
    const results = {
      with: [] as Awaited<ReturnType<typeof loadOnce>>[],
      without: [] as Awaited<ReturnType<typeof loadOnce>>[],
    };
    await loadOnce(pages.with);
    await loadOnce(pages.without);
    for (let i = 0; i < loads; i++) {
      for (const mode of i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const))
        results[mode].push(await loadOnce(pages[mode]));
    }
    const scriptMs: number[] = [];
    for (let i = 0; i < traced; i++) scriptMs.push(await contentScriptTime(withExt, pages.with));
    const withMs = results.with.map((r) => r.ms);
    const withoutMs = results.without.map((r) => r.ms);
    const [low, high] = ratioInterval(withMs, withoutMs);
    const bundle = fs.readFileSync(path.join(EXTENSION_DIR, 'content-scripts/pin.js'));
    const panelBundle = fs.readFileSync(path.join(EXTENSION_DIR, 'overlay-panel.js'));
    return {
      loads,
      medianLoadToIdleMsWith: median(withMs),
      medianLoadToIdleMsWithout: median(withoutMs),
      ratio: Number((median(withMs) / median(withoutMs)).toFixed(3)),
      ratio95: [Number(low.toFixed(3)), Number(high.toFixed(3))],
      longTasksOver50msWith: results.with.flatMap((r) => r.longTasks).filter((d) => d > 50).length,
      longTasksOver50msWithout: results.without.flatMap((r) => r.longTasks).filter((d) => d > 50).length,
      tracedLoads: traced,
      contentScriptMainThreadMsMedian: Number(median(scriptMs).toFixed(1)),
      contentScriptMainThreadMsMax: Number(Math.max(...scriptMs).toFixed(1)),
      contentScriptBytes: bundle.length,
      contentScriptGzipBytes: gzipSync(bundle).length,
      /** React and the panel: injected only on pages that show a panel (profiles, unreadable-page notices). */
      panelBytes: panelBundle.length,
      panelGzipBytes: gzipSync(panelBundle).length,
    };
  } finally {
    await withExt.close();
    await plain.close();
  }
}
