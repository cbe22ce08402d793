import { connectDemoCredential, openOptionsPage, routeWorlds } from '../e2e/support/drive';
import { extensionIdOf, extensionWorker, launchWithExtension } from '../e2e/support/extension';
import { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { PinApp } from '../pin-app/server';
import { median } from './measure';

/** In the popup page: when its answer from the worker is on screen (the queue's counts), from navigation start. */
const READY_PROBE = () => {
  const w = window as unknown as { __pgsReady: number | null };
  w.__pgsReady = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[aria-label="Export queue"]')) {
      w.__pgsReady = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** The toolbar popup, opened `runs` times with a warm worker: navigation start → its status shown (SPEC §13). */
export async function benchPopup(pinApp: PinApp, runs: number) {
  const sandbox = new HarvestSandbox();
  const context = await launchWithExtension();
  try {
    await routeWorlds(context, pinApp, sandbox);
    const id = extensionIdOf(await extensionWorker(context));
    await connectDemoCredential(await openOptionsPage(context));
    // Run by tsx, functions passed to the page are compiled with esbuild's `__name` helper.
    await context.addInitScript('globalThis.__name ??= (f) => f');
    await context.addInitScript(READY_PROBE);
    const page = await context.newPage();
    const times: number[] = [];
    const splits: { script: number; ask: number; answer: number; interactive: number }[] = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.waitForFunction(
        () => (window as unknown as { __pgsReady: number | null }).__pgsReady !== null,
      );
      const ready = await page.evaluate(() => (window as unknown as { __pgsReady: number }).__pgsReady);
      if (i > 0) {
        times.push(ready); // the first open warms the page's code cache
        splits.push(
          await page.evaluate(() => {
            const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
            const nav = performance.getEntriesByType('navigation')[0] as
              | PerformanceNavigationTiming
              | undefined;
            return {
              interactive: nav?.domInteractive ?? Number.NaN,
              script: at('pgs:popup-script'),
              ask: at('pgs:popup-ask'),
              answer: at('pgs:popup-answer'),
            };
          }),
        );
      }
    }
    const m = (pick: (s: (typeof splits)[number]) => number) => Number(median(splits.map(pick)).toFixed(1));
    return {
      opens: runs,
      medianOpenToStatusMs: Number(median(times).toFixed(1)),
      maxMs: Number(Math.max(...times).toFixed(1)),
      /** Navigation start → the page parsed, its code running; and the worker's answer time. */
      medianDomInteractiveMs: m((s) => s.interactive),
      medianScriptStartMs: m((s) => s.script),
      medianWorkerAnswerMs: m((s) => s.answer - s.ask),
    };
  } finally {
    await context.close();
  }
}
