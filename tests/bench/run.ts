import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveChromiumPath } from '../e2e/support/chromium';
import { connectDemoCredential, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/extension';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import { startPinApp } from '../pin-app/server';
import { benchBulk } from './bulk';
import { benchControl, controlCarrying } from './control';
import { benchDataset } from './datasets';
import { benchIndexBuild } from './index-build';
import { type ExportSplit, measuredExport, PAGE_PROBES, summarize } from './latency';
import { median } from './measure';
import { benchOverlay } from './overlay';
import { benchPopup } from './popup';
import { benchWatching } from './watching';
import { benchYear } from './year';

/**
 * `npm run bench`: the real extension in headless Chromium against the demo Pin app and the Harvest sandbox.
 * Measures and reports (SPEC §10); nothing here asserts a time. BENCH_ONLY=latency,index,bulk,overlay,watching picks
 * parts.
 */
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 21);
const BULK = Number(process.env.BENCH_BULK ?? 200);
const OVERLAY_LOADS = Number(process.env.BENCH_OVERLAY_LOADS ?? 100);
const OVERLAY_TRACED = Number(process.env.BENCH_OVERLAY_TRACED ?? 10);
const INDEX_SIZES = (process.env.BENCH_INDEX_SIZES ?? '50000,200000').split(',').map(Number);
const WATCH_CHECKS = Number(process.env.BENCH_WATCH_CHECKS ?? 15);
const WATCH_EVENTS = Number(process.env.BENCH_WATCH_EVENTS ?? 5);
const YEAR_RUNS = Number(process.env.BENCH_YEAR_RUNS ?? 11);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'latency,index,bulk,overlay,watching,year,popup').split(','));

const log = (message: string) => console.error(`[bench] ${message}`);

async function benchLatency(pinApp: Awaited<ReturnType<typeof startPinApp>>) {
  log(`latency: ${LATENCY_RUNS} warm and ${LATENCY_RUNS} cold exports, 100 ms added per Greenhouse request`);
  const sandbox = new HarvestSandbox({ latencyMs: 100, rateLimit: { limit: 100_000, windowMs: 30_000 } });
  const context = await launchWithExtension();
  try {
    await routeWorlds(context, pinApp, sandbox);
    await context.addInitScript(PAGE_PROBES);
    const options = await openOptionsPage(context);
    await connectDemoCredential(options);
    await options
      .getByRole('region', { name: 'Greenhouse index', exact: true })
      .getByRole('status')
      .filter({ hasText: /indexed/ })
      .waitFor({ timeout: 60_000 });
    // A recruiter exports from Pin with no extension page open (the year's exports are measured so too): an open
    // options page polls the worker and redraws on every change, in the worker's own process.
    await options.close();
    const page = await context.newPage();
    await measuredExport(context, page, sandbox, 'lat-0', false); // warm-up: fonts, job list, code caches
    const warm: ExportSplit[] = [];
    const cold: ExportSplit[] = [];
    for (let i = 1; i <= LATENCY_RUNS; i++)
      warm.push(await measuredExport(context, page, sandbox, `lat-${i}`, false));
    const coldBytes: number[] = [];
    for (let i = 1; i <= LATENCY_RUNS; i++) {
      cold.push(await measuredExport(context, page, sandbox, `lat-${LATENCY_RUNS + i}`, true));
      const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      const bytes = await worker?.evaluate(
        () =>
          (performance.getEntriesByName('pgs:bytes-before-first-request')[0] as PerformanceMark | undefined)
            ?.detail as number | undefined,
      );
      if (typeof bytes === 'number') coldBytes.push(bytes);
    }
    await context.close();
    log(`latency: the empty-extension control, ${LATENCY_RUNS} warm and ${LATENCY_RUNS} cold clicks`);
    const control = await benchControl(pinApp, LATENCY_RUNS);
    const carrying = async (imports: boolean) => {
      const copy = controlCarrying({ imports });
      log(
        `latency: the control carrying our worker's ${copy.workerBytes} bytes, never run` +
          (imports ? `, and importing our ${copy.importedBytes}-byte résumé builder at install` : ''),
      );
      const result = await benchControl(pinApp, LATENCY_RUNS, copy.dir).finally(() =>
        fs.rmSync(copy.dir, { recursive: true, force: true }),
      );
      return { workerBytes: copy.workerBytes, importedBytes: copy.importedBytes, ...result };
    };
    const controlWithOurBytesResult = await carrying(false);
    const controlWithOurScriptsResult = await carrying(true);
    const ours = { warm: summarize(warm), cold: summarize(cold) };
    const above = (kind: 'warm' | 'cold', floor: typeof control) =>
      Number((ours[kind].medianClickToDispatchMs - floor[kind].medianClickToDispatchMs).toFixed(1));
    return {
      ...ours,
      medianBytesReadBeforeFirstRequestCold: coldBytes.length ? median(coldBytes) : null,
      control,
      /** Our click → first request sent, minus the empty extension's: what this extension adds to Chrome's floor. */
      clickToDispatchAboveControlMs: { warm: above('warm', control), cold: above('cold', control) },
      /** The control carrying our worker's bytes, never run: what the script's size alone costs a click. */
      controlWithOurBytes: controlWithOurBytesResult,
      /** Ours minus the control with our bytes: what our worker's code costs by running (start-up, command, journal). */
      clickToDispatchAboveSizedControlMs: {
        warm: above('warm', controlWithOurBytesResult),
        cold: above('cold', controlWithOurBytesResult),
      },
      /**
       * The control carrying our bytes and importing our résumé builder at install, as ours does: every script Chrome
       * loads for our worker's start, none of ours run.
       */
      controlWithOurScripts: controlWithOurScriptsResult,
      /** Ours minus that control: what our worker's code costs by running, with everything Chrome loads for it taken out. */
      clickToDispatchAboveScriptsControlMs: {
        warm: above('warm', controlWithOurScriptsResult),
        cold: above('cold', controlWithOurScriptsResult),
      },
    };
  } finally {
    await context.close();
  }
}

function bundleSizes() {
  const size = (file: string) => {
    const bytes = fs.readFileSync(path.join(EXTENSION_DIR, file));
    return { bytes: bytes.length, gzip: gzipSync(bytes).length };
  };
  const chunks = fs.existsSync(path.join(EXTENSION_DIR, 'chunks'))
    ? fs
        .readdirSync(path.join(EXTENSION_DIR, 'chunks'))
        .map((f) => ({ file: `chunks/${f}`, ...size(`chunks/${f}`) }))
    : [];
  return { worker: size('background.js'), contentScript: size('content-scripts/pin.js'), chunks };
}

/** The browser's own version line ("Chromium 150.0.7871.100"): machines of one kind get different builds from Debian. */
function browserVersion(): string {
  const binary = resolveChromiumPath();
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 })
      .split(' built ')[0]!
      .trim();
  } catch {
    return path.basename(binary);
  }
}

async function main() {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json')) || process.env.BENCH_BUILD !== '0') {
    log('building the extension');
    execSync('npx wxt build', { stdio: 'ignore' });
  }
  const pinApp = await startPinApp({ dataset: benchDataset(2 * LATENCY_RUNS + 1, BULK) });
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browserVersion()}`,
    bundles: bundleSizes(),
  };
  try {
    if (ONLY.has('latency')) results.latency = await benchLatency(pinApp);
    if (ONLY.has('index')) {
      const builds = [];
      for (const people of INDEX_SIZES) {
        log(`index: first build over ${people.toLocaleString('en-US')} Greenhouse people`);
        builds.push(await benchIndexBuild(pinApp, people));
      }
      results.index = builds;
    }
    if (ONLY.has('bulk')) {
      log(`bulk: ${BULK} candidates meet a trigger at once`);
      results.bulk = await benchBulk(pinApp, BULK);
    }
    if (ONLY.has('overlay')) {
      log(
        `overlay: 1,000-row pipeline, ${OVERLAY_LOADS} interleaved loads each way, ${OVERLAY_TRACED} traced`,
      );
      results.overlay = await benchOverlay(pinApp, OVERLAY_LOADS, OVERLAY_TRACED);
    }
    if (ONLY.has('year')) {
      log(
        `year: a seeded year of use, ${YEAR_RUNS} warm and ${YEAR_RUNS} cold exports, the 1,000-row pipeline`,
      );
      results.year = await benchYear(pinApp, YEAR_RUNS);
    }
    if (ONLY.has('popup')) {
      log('popup: 20 opens with a warm worker');
      results.popup = await benchPopup(pinApp, 20);
    }
    if (ONLY.has('watching')) {
      log(
        `watching: 20 enabled rules, ${WATCH_CHECKS} checks of unchanged pipelines, ${WATCH_EVENTS} events`,
      );
      results.watching = await benchWatching({ checks: WATCH_CHECKS, events: WATCH_EVENTS });
    }
  } catch (error) {
    // What was measured before a part failed is kept, with the failure.
    results.failed = error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    fs.writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    console.log('\nFull results: bench-results.json');
    await pinApp.close();
  }
}

await main();
