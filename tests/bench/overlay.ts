import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  type BrowserContext,
  type CDPSession,
  type ConsoleMessage,
  chromium,
  type Page,
} from '@playwright/test';
import { PIN_ORIGIN } from '../../lib/pin/host';
import { CHROMIUM_ARGS, resolveChromiumPath } from '../e2e/support/chromium';
import { connectDemoCredential, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { EXTENSION_DIR, extensionWorker, launchWithExtension } from '../e2e/support/extension';
import { routeOriginToServer } from '../e2e/support/routing';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { PinApp } from '../pin-app/server';
import { seedSandboxYear } from '../year/sandbox';
import { seedYear, type YearSpec } from '../year/seed';
import { CONTROL_DIR } from './control';

const CONTROL_MARKS_DIR = path.resolve(import.meta.dirname, 'control-marks');

import { median, percentile, twoGroupSplit } from './measure';
import { extensionSelfTime } from './page-profile';

const LONG_TASKS = () => {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  // The quiet probe reads the timeline (`getEntriesByName`) only with the extension. A page's first use of a web
  // feature arms Chrome's 100 ms page-metrics timer, which cuts idle periods short: used here, at the document's start,
  // it is counted alike in every mode and never inside a measured stretch.
  performance.getEntriesByName('pgs:rows-done');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/**
 * When Pin's script has put the 1,000 rows in the document (the end of its rendering task, before their first layout):
 * splits a load into what comes before (fetching, scripts, Pin's render) and what comes after (layout, paint, and any
 * content-script work on the rows), which a network hop through Playwright's routing does not move.
 */
const ROWS_AT = () => {
  const w = window as unknown as { __rowsAt: number | null };
  w.__rowsAt = null;
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('main a[href*="/candidates/"]').length < 1000) return;
    w.__rowsAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
};

/**
 * In the page: waits for the 1,000 rows and, with the extension, for the content script's last step on them (rows marked
 * and the news reported: `pgs:rows-done`),
 * then for the main thread to be quiet: two idle periods in a row with at least 45 ms left. Returns when quiet
 * began, in ms from navigation start. No named inner functions: tsx would wrap them in a helper the page lacks.
 */
const UNTIL_QUIET = ({ rows, after }: { rows: number; after: string | null }) =>
  new Promise<number>((resolve, reject) => {
    const deadline = performance.now() + 15_000;
    const ready = () =>
      document.querySelectorAll('main a[href*="/candidates/"]').length >= rows &&
      (after === null || performance.getEntriesByName(after).length > 0);
    let streak = 0;
    let quietFrom = 0;
    const idle = (deadlineInfo: IdleDeadline) => {
      if (performance.now() > deadline) return reject(new Error(`not ready: ${after ?? 'rows'}`));
      if (!ready()) {
        streak = 0;
        requestIdleCallback(idle);
        return;
      }
      if (deadlineInfo.timeRemaining() >= 45) {
        if (streak === 0) quietFrom = performance.now();
        streak += 1;
      } else streak = 0;
      if (streak === 2) resolve(quietFrom);
      else requestIdleCallback(idle);
    };
    requestIdleCallback(idle);
  });

const sessions = new WeakMap<Page, CDPSession>();

/**
 * `BENCH_OVERLAY_COLD=1`: before each load, leaves the last load's page and has V8 collect all it can (CDP
 * `HeapProfiler.collectGarbage`, a memory-pressure collection). Every load then starts from the same heap, so no load
 * meets the earlier loads' garbage, but that collection also drops compiled code: every script on the page, the
 * content script included, is compiled again. So each load is the cold case, not the usual one.
 */
async function freshHeap(page: Page): Promise<void> {
  await page.goto('about:blank');
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  await session.send('HeapProfiler.collectGarbage');
}

async function loadOnce(
  page: Page,
  withExtension: boolean,
): Promise<{ ms: number; rowsAt: number; doneAt: number | null; longTasks: number[] }> {
  if (process.env.BENCH_OVERLAY_COLD === '1') await freshHeap(page);
  await page.goto(`${PIN_ORIGIN}/jobs/j-large`, { waitUntil: 'commit' });
  const ms = await page.evaluate(UNTIL_QUIET, { rows: 1000, after: withExtension ? 'pgs:rows-done' : null });
  const { longTasks, rowsAt, doneAt } = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __rowsAt: number | null };
    const done = performance.getEntriesByName('pgs:rows-done')[0];
    return { longTasks: w.__longTasks, rowsAt: w.__rowsAt, doneAt: done ? done.startTime : null };
  });
  if (rowsAt === null) throw new Error('the rows-drawn probe saw no rows');
  return { ms, rowsAt, doneAt, longTasks };
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
export async function contentScriptTime(
  context: BrowserContext,
  page: Page,
  withExtension = true,
): Promise<{ ms: number; longTasks: number; longTasksTouched: number; measures: Record<string, number> }> {
  const cdp = await context.newCDPSession(page);
  // With BENCH_DEBUG every measure of the load is printed; the listener goes with the load, so none repeats.
  const debug = Boolean(process.env.BENCH_DEBUG);
  const printMeasure = (m: ConsoleMessage) => {
    if (m.text().startsWith('MEASURE')) console.error(m.text());
  };
  if (debug) page.on('console', printMeasure);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  if (process.env.BENCH_CPU) {
    const top = await extensionSelfTime(cdp, async () => {
      await loadOnce(page, withExtension);
    });
    console.error(
      '[bench] content script self time:',
      top
        .slice(0, 25)
        .map(([f, ms]) => `${ms.toFixed(2)} ${f}`)
        .join('\n  '),
    );
  } else await loadOnce(page, withExtension);
  // Summed per name: a page may be read more than once while it renders.
  const measures = await page.evaluate((debug) => {
    const sums: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure'))
      if (m.name.startsWith('pgs:')) sums[m.name] = (sums[m.name] ?? 0) + m.duration;
    sums['badges drawn'] = document.querySelectorAll('[data-pgs-badge]').length;
    if (debug)
      for (const m of performance.getEntriesByType('measure'))
        if (m.name.startsWith('pgs:'))
          console.log('MEASURE', m.name, m.startTime.toFixed(0), m.duration.toFixed(1));
    // The wait for the worker between the read that found the rows and the content script's last step for it (0 when
    // the rows were marked from what was asked for ahead, in the read's own task).
    const done = performance.getEntriesByName('pgs:rows-done')[0];
    const read = performance
      .getEntriesByName('pgs:read-page')
      .filter((m) => done && m.startTime <= done.startTime)
      .at(-1);
    if (read && done) sums['worker wait'] = Math.max(0, done.startTime - (read.startTime + read.duration));
    return sums;
  }, debug);
  page.off('console', printMeasure);
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
  if (process.env.BENCH_DEBUG && total > Number(process.env.BENCH_DEBUG_TOTAL ?? 40_000)) {
    // What ran inside the content script's longest calls: the biggest events nested in them.
    const long = ours.filter((e) => e.dur! > Number(process.env.BENCH_DEBUG_CALL ?? 20_000));
    for (const outer of long) {
      const inner = events
        .filter(
          (e) =>
            e.ph === 'X' &&
            e.tid === outer.tid &&
            e.ts >= outer.ts &&
            e.ts + (e.dur ?? 0) <= outer.ts + outer.dur! &&
            (e.dur ?? 0) > Number(process.env.BENCH_DEBUG_INNER ?? 2_000),
        )
        .map(
          (e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}ms ${(e.args?.data?.url ?? '').slice(-30)}`,
        );
      console.error(
        '[bench] long content-script call',
        outer.name,
        (outer.dur! / 1000).toFixed(1),
        inner.join(' | '),
      );
    }
  }
  if (process.env.BENCH_DEBUG) {
    // Every top-level call into the content script, from its first: when the page was woken for it, and for how long.
    const start = intervals[0]?.[0] ?? 0;
    const calls = ours
      .filter(
        (e) =>
          !ours.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!),
      )
      .map((e) => `${((e.ts - start) / 1000).toFixed(0)}:${e.name}+${(e.dur! / 1000).toFixed(1)}`);
    console.error('[bench] content script calls (ms from its first):', calls.join(' '));
  }
  if (process.env.BENCH_DEBUG) {
    // Style and layout after the content script's first call: what the page redoes for what it changed.
    const first = intervals[0]?.[0] ?? 0;
    const work = events
      .filter((e) => e.ph === 'X' && ['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint'].includes(e.name))
      .filter((e) => e.ts >= first && (e.dur ?? 0) > 1_000)
      .map((e) => `${e.name} ${((e.ts - first) / 1000).toFixed(0)}+${((e.dur ?? 0) / 1000).toFixed(1)}ms`);
    console.error('[bench] rendering after the content script started:', work.join(' | '));
    // Every task on the page's main thread after it (over 0.3 ms), with the longest thing inside it: what keeps the
    // thread from being quiet.
    const tid = ours[0]?.tid;
    const tasks = events
      .filter(
        (e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === tid && e.ts >= first && (e.dur ?? 0) > 300,
      )
      .map((task) => {
        const inner = events
          .filter(
            (e) =>
              e.ph === 'X' &&
              e.tid === tid &&
              e !== task &&
              e.ts >= task.ts &&
              e.ts + (e.dur ?? 0) <= task.ts + task.dur! &&
              e.name !== 'RunTask',
          )
          .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
        const what = inner
          ? `${inner.name}${inner.args?.data?.url ? `(${inner.args.data.url.slice(-25)})` : ''}`
          : '?';
        return `${((task.ts - first) / 1000).toFixed(0)}+${(task.dur! / 1000).toFixed(1)}:${what}`;
      });
    console.error('[bench] main-thread tasks after the content script started:', tasks.join(' '));
  }
  // Main-thread tasks over 50 ms in which the content script ran, and of those, the ones it caused: a task that would
  // not be over 50 ms without the content script's own time in it (its calls, and any style or layout they forced).
  const merged: [number, number][] = [];
  for (const [start, stop] of intervals) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], stop);
    else merged.push([start, stop]);
  }
  const oursWithin = (from: number, to: number) =>
    merged.reduce((sum, [start, stop]) => sum + Math.max(0, Math.min(stop, to) - Math.max(start, from)), 0);
  const touched = events.filter(
    (e) =>
      e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 50_000 && oursWithin(e.ts, e.ts + e.dur!) > 0,
  );
  const longTasks = touched.filter((e) => e.dur! - oursWithin(e.ts, e.ts + e.dur!) <= 50_000).length;
  if (process.env.BENCH_DEBUG) {
    // The page's garbage collection during the load, on any thread of the renderer (ms): the content script shares
    // the page's heap.
    const gc = events
      .filter(
        (e) => e.ph === 'X' && ['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC'].includes(e.name),
      )
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
    console.error(`[bench] garbage collection in the load: ${(gc / 1000).toFixed(1)} ms`);
  }
  return { ms: total / 1000, longTasks, longTasksTouched: touched.length, measures };
}

/** 95 % interval of `compare(median(a), median(b))`, by bootstrap over the loads (seeded: the same loads, the same interval). */
function bootstrapInterval(
  a: number[],
  b: number[],
  compare: (centreA: number, centreB: number) => number,
  centre: (values: number[]) => number = median,
): [number, number] {
  const values: number[] = [];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = (values: number[]) => Array.from(values, () => values[Math.floor(random() * values.length)]!);
  for (let i = 0; i < 2000; i++) values.push(compare(centre(pick(a)), centre(pick(b))));
  return [percentile(values, 2.5), percentile(values, 97.5)];
}

/**
 * A load's rows → quiet falls in one of two groups on this page, whatever the mode: quiet comes about 70 ms after the
 * rows' layout, or more than 100 ms later, when the page's major garbage collection and the sweeping after it come
 * first (a trace of the slower loads shows `MajorGC` and a run of 5 ms sweeping tasks after the layout; `--trace-gc`
 * counts a major GC in about every other load of every mode). The groups are split where the pooled times divide best
 * (`twoGroupSplit`); each mode's share in the slower group says how often its loads waited for that collection. A
 * median of a sample split about evenly between two groups jumps between them, which is most of the ratio's spread.
 */
function rowsToQuietGroups(tails: Record<'with' | 'control' | 'without', number[]>) {
  const split = twoGroupSplit(Object.values(tails).flat());
  if (split === null) return null;
  const all = Object.values(tails).flat();
  const share = (values: number[]) =>
    Number((values.filter((v) => v >= split).length / values.length).toFixed(3));
  return {
    splitMs: Number(split.toFixed(1)),
    fastMedianMs: Number(median(all.filter((v) => v < split)).toFixed(1)),
    slowMedianMs: Number(median(all.filter((v) => v >= split)).toFixed(1)),
    slowShare: { with: share(tails.with), control: share(tails.control), without: share(tails.without) },
  };
}

/** 95 % interval of the median ratio (with ÷ without). */
const ratioInterval = (withMs: number[], withoutMs: number[]) =>
  bootstrapInterval(withMs, withoutMs, (a, b) => a / b);
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
/** The ratio of means: a mode's share of loads in the slower group moves it in proportion, not by a jump. */
const meanRatio = (a: number[], b: number[]) => {
  const [low, high] = bootstrapInterval(a, b, (x, y) => x / y, mean);
  return {
    ratio: Number((mean(a) / mean(b)).toFixed(3)),
    interval95: [Number(low.toFixed(3)), Number(high.toFixed(3))],
  };
};

/**
 * The recruiter's pipeline: its first 600 rows synced to Greenhouse (the rows a load shows first), so each load draws
 * their badges, as a rule that syncs on "added to sequence" leaves a pipeline.
 */
const SYNCED_ROWS: YearSpec = {
  synced: 600,
  pipelineSynced: 600,
  observations: 0,
  finishedItems: 0,
  snapshots: 0,
  indexedPeople: 0,
};

export async function benchOverlay(pinApp: PinApp, loads: number, traced: number) {
  const sandbox = new HarvestSandbox({ rateLimit: { limit: 100_000, windowMs: 30_000 } });
  /** A build of the extension, connected, its index built: the row badges, presence lookups and stage reads run as for a recruiter. */
  const connectedExtension = async (extensionDir?: string) => {
    const context = await launchWithExtension(extensionDir ? { extensionDir } : {});
    await routeWorlds(context, pinApp, sandbox);
    const options = await openOptionsPage(context);
    await connectDemoCredential(options);
    await options
      .getByRole('region', { name: 'Greenhouse index', exact: true })
      .getByRole('status')
      .filter({ hasText: /indexed/ })
      .waitFor({ timeout: 60_000 });
    await seedYear(await extensionWorker(context), SYNCED_ROWS);
    await options.close();
    return context;
  };
  // The control: an empty MV3 extension with a content script on Pin's pages (a button), loaded the same way, the
  // floor; with BENCH_OVERLAY_CONTROL=marks, one whose content script only marks the first 50 rows once they are drawn,
  // each mark taking its width; with BENCH_OVERLAY_CONTROL=marks-overflowing, none (as ours drawn into a laid-out
  // list); with BENCH_OVERLAY_CONTROL=build:DIR, another build of this extension (an A/B of two builds, interleaved).
  const controlKind = process.env.BENCH_OVERLAY_CONTROL ?? 'empty';
  const otherBuild = controlKind.startsWith('build:')
    ? path.resolve(controlKind.slice('build:'.length))
    : null;
  const marks = controlKind === 'marks' || controlKind === 'marks-overflowing' || otherBuild !== null;
  const withExt = await connectedExtension();
  const control = otherBuild
    ? await connectedExtension(otherBuild)
    : await launchWithExtension({
        extensionDir: marks ? CONTROL_MARKS_DIR : CONTROL_DIR,
        opensFirstRunPage: false,
      });
  // After both indexes are built, so that they hold the same people.
  seedSandboxYear(sandbox, SYNCED_ROWS);
  const plain = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-plain-')), {
    executablePath: resolveChromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  await routeOriginToServer(plain, PIN_ORIGIN, pinApp.url);
  if (!otherBuild) await routeOriginToServer(control, PIN_ORIGIN, pinApp.url);
  try {
    const pages = {
      with: await withExt.newPage(),
      control: await control.newPage(),
      without: await plain.newPage(),
    };
    for (const page of Object.values(pages)) {
      await page.addInitScript(LONG_TASKS);
      await page.addInitScript(ROWS_AT);
      // tsx names inner functions with a helper (esbuild keepNames) that pages do not have.
      await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    }
    if (controlKind === 'marks-overflowing')
      await pages.control.addInitScript(() => sessionStorage.setItem('bench-marks', 'overflowing'));
    const modes = ['with', 'control', 'without'] as const;
    const results = Object.fromEntries(
      modes.map((m) => [m, [] as Awaited<ReturnType<typeof loadOnce>>[]]),
    ) as Record<(typeof modes)[number], Awaited<ReturnType<typeof loadOnce>>[]>;
    for (const mode of modes) await loadOnce(pages[mode], mode === 'with' || (marks && mode === 'control'));
    const requestsBefore = sandbox.requests.length;
    // Interleaved, each mode first in turn.
    for (let i = 0; i < loads; i++) {
      for (let k = 0; k < modes.length; k++) {
        const mode = modes[(i + k) % modes.length]!;
        results[mode].push(await loadOnce(pages[mode], mode === 'with' || (marks && mode === 'control')));
      }
    }
    const greenhouseRequests = sandbox.requests.slice(requestsBefore);
    const tracedLoads: Awaited<ReturnType<typeof contentScriptTime>>[] = [];
    for (let i = 0; i < traced; i++) tracedLoads.push(await contentScriptTime(withExt, pages.with));
    if (process.env.BENCH_DEBUG) {
      // The same traces of loads without the extension, for what the page does alone (their script time is 0).
      console.error('[bench] traced loads without the extension:');
      for (let i = 0; i < traced; i++) await contentScriptTime(plain, pages.without, false);
    }
    const scriptMs = tracedLoads.map((t) => t.ms);
    const measureNames = [...new Set(tracedLoads.flatMap((t) => Object.keys(t.measures)))];
    const withMs = results.with.map((r) => r.ms);
    const withoutMs = results.without.map((r) => r.ms);
    const controlMs = results.control.map((r) => r.ms);
    if (process.env.BENCH_DEBUG)
      for (const mode of modes)
        console.error(
          `[bench] ${mode} loads (rows drawn + to quiet [content script done], ms):`,
          results[mode]
            .map(
              (r) =>
                `${r.rowsAt.toFixed(0)}+${(r.ms - r.rowsAt).toFixed(0)}` +
                (r.doneAt === null ? '' : `[${(r.doneAt - r.rowsAt).toFixed(0)}]`),
            )
            .join(' '),
        );
    const [low, high] = ratioInterval(withMs, withoutMs);
    const rowsAtWith = results.with.map((r) => r.rowsAt);
    const rowsAtWithout = results.without.map((r) => r.rowsAt);
    const rowsAtControl = results.control.map((r) => r.rowsAt);
    const tailWith = results.with.map((r) => r.ms - r.rowsAt);
    const tailWithout = results.without.map((r) => r.ms - r.rowsAt);
    const tailExtra = bootstrapInterval(tailWith, tailWithout, (a, b) => a - b);
    const headExtra = bootstrapInterval(rowsAtWith, rowsAtWithout, (a, b) => a - b);
    const headAboveControl = bootstrapInterval(rowsAtWith, rowsAtControl, (a, b) => a - b);
    const tailGroups = rowsToQuietGroups({
      with: tailWith,
      control: results.control.map((r) => r.ms - r.rowsAt),
      without: tailWithout,
    });
    const [controlLow, controlHigh] = ratioInterval(controlMs, withoutMs);
    const [aboveLow, aboveHigh] = ratioInterval(withMs, controlMs);
    const bundle = fs.readFileSync(path.join(EXTENSION_DIR, 'content-scripts/pin.js'));
    const panelBundle = fs.readFileSync(path.join(EXTENSION_DIR, 'overlay-panel.js'));
    return {
      loads,
      heap:
        process.env.BENCH_OVERLAY_COLD === '1'
          ? 'emptied before each load, compiled code included (BENCH_OVERLAY_COLD)'
          : 'as the last load left it',
      syncedRows: SYNCED_ROWS.pipelineSynced,
      medianLoadToIdleMsWith: median(withMs),
      medianLoadToIdleMsWithout: median(withoutMs),
      ratio: Number((median(withMs) / median(withoutMs)).toFixed(3)),
      ratio95: [Number(low.toFixed(3)), Number(high.toFixed(3))],
      /** The empty extension's loads ÷ those without any: what having an extension on the page costs at all. */
      control: otherBuild
        ? `the build in ${otherBuild}`
        : marks
          ? `marks the first 50 rows${controlKind === 'marks-overflowing' ? ', with no width' : ''}`
          : 'empty',
      medianLoadToIdleMsControl: median(controlMs),
      controlRatio: Number((median(controlMs) / median(withoutMs)).toFixed(3)),
      controlRatio95: [Number(controlLow.toFixed(3)), Number(controlHigh.toFixed(3))],
      /** Ours ÷ the empty extension's. */
      ratioAboveControl: Number((median(withMs) / median(controlMs)).toFixed(3)),
      ratioAboveControl95: [Number(aboveLow.toFixed(3)), Number(aboveHigh.toFixed(3))],
      /**
       * The same three as ratios of means. Each load's rows → quiet falls in one of two groups about 140 ms apart
       * (`rowsToQuietGroups`); with about half the loads in each, a median sits between the groups and jumps with a
       * few loads' luck, where a mean moves in proportion to the share.
       */
      meanRatios: {
        withToWithout: meanRatio(withMs, withoutMs),
        controlToWithout: meanRatio(controlMs, withoutMs),
        withToControl: meanRatio(withMs, controlMs),
      },
      /**
       * The same loads split where Pin's rows are in the document: before (fetching through Playwright's routing,
       * scripts, Pin's render) and after (their layout and paint, and the content script's work on them, to quiet).
       * The part after has no network in it, so its spread is far smaller; its difference is the extension's cost there.
       */
      medianNavigationToRowsMs: {
        with: median(rowsAtWith),
        control: median(rowsAtControl),
        without: median(rowsAtWithout),
      },
      medianRowsToQuietMs: { with: median(tailWith), without: median(tailWithout) },
      navigationToRowsExtraMs: Number((median(rowsAtWith) - median(rowsAtWithout)).toFixed(1)),
      navigationToRowsExtraMs95: headExtra.map((v) => Number(v.toFixed(1))),
      /** The same above the control's (with a build as the control: this build's cost before the rows over that one's). */
      navigationToRowsAboveControlMs: Number((median(rowsAtWith) - median(rowsAtControl)).toFixed(1)),
      navigationToRowsAboveControlMs95: headAboveControl.map((v) => Number(v.toFixed(1))),
      rowsToQuietExtraMs: Number((median(tailWith) - median(tailWithout)).toFixed(1)),
      rowsToQuietExtraMs95: tailExtra.map((v) => Number(v.toFixed(1))),
      rowsToQuietGroups: tailGroups,
      longTasksOver50msWith: results.with.flatMap((r) => r.longTasks).filter((d) => d > 50).length,
      longTasksOver50msWithout: results.without.flatMap((r) => r.longTasks).filter((d) => d > 50).length,
      longTasksOver50msControl: results.control.flatMap((r) => r.longTasks).filter((d) => d > 50).length,
      /** Greenhouse requests the worker made during the measured loads (stage refreshes: at most once a minute per row). */
      greenhouseRequests: greenhouseRequests.length,
      greenhouseRequestPaths: [...new Set(greenhouseRequests.map((r) => r.path.replace(/\d+/g, ':id')))],
      tracedLoads: traced,
      contentScriptMainThreadMsMedian: Number(median(scriptMs).toFixed(1)),
      contentScriptMainThreadMsMax: Number(Math.max(...scriptMs).toFixed(1)),
      /** Main-thread tasks over 50 ms the content script caused (not over 50 ms without its time), over the traced loads. */
      contentScriptLongTasks: tracedLoads.reduce((sum, t) => sum + t.longTasks, 0),
      /** Tasks over 50 ms in which the content script ran at all (Pin's own rendering task runs its frame callback). */
      longTasksTouchedByContentScript: tracedLoads.reduce((sum, t) => sum + t.longTasksTouched, 0),
      /** The content script's own marks (page read, row badges), median ms. */
      contentScriptMeasuresMs: Object.fromEntries(
        measureNames.map((name) => [
          name,
          Number(median(tracedLoads.flatMap((t) => t.measures[name] ?? [])).toFixed(1)),
        ]),
      ),
      contentScriptBytes: bundle.length,
      contentScriptGzipBytes: gzipSync(bundle).length,
      /** React and the panel: injected only on pages that show a panel (profiles, unreadable-page notices). */
      panelBytes: panelBundle.length,
      panelGzipBytes: gzipSync(panelBundle).length,
    };
  } finally {
    await withExt.close();
    await control.close();
    await plain.close();
  }
}
