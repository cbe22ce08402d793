type PostTask = (task: () => void, options: { priority: 'background' }) => Promise<void>;

/**
 * Runs `task` once the page has no other work queued: a background-priority task (`scheduler.postTask`, Chrome and
 * Firefox ≥ 142), which runs after Pin's pending tasks but, unlike an idle callback, does not wait for the start of the
 * next idle period (up to 50 ms away on a quiet page). At most `maxWaitMs` later in any case. Without the Scheduler
 * API, an idle callback. Returns a cancel function; `signal` (the content script's) cancels too.
 *
 * A posted task that is no longer wanted is left to run as a no-op rather than aborted: Chrome counts a page's first
 * aborted `postTask` as a web feature first used, and reports that to the browser behind a 100 ms timer on the page's
 * main thread, which ends the page's idle periods early until it fires.
 */
export function whenPageFree(task: () => void, maxWaitMs: number, signal: AbortSignal): () => void {
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const cancel = () => {
    settled = true;
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    signal.removeEventListener('abort', cancel);
  };
  const run = () => {
    if (settled) return;
    idle = undefined; // it ran, or it is the one running
    cancel();
    task();
  };
  signal.addEventListener('abort', cancel, { once: true });
  if (signal.aborted) return cancel;
  const whenIdle = () => {
    if (!settled) idle = requestIdleCallback(run, { timeout: maxWaitMs });
  };
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (!scheduler?.postTask) {
    whenIdle();
    return cancel;
  }
  timer = setTimeout(run, maxWaitMs);
  try {
    // Refused (a browser whose content scripts cannot use the page's scheduler, say): an idle callback instead.
    scheduler.postTask(run, { priority: 'background' }).catch(whenIdle);
  } catch {
    whenIdle();
  }
  return cancel;
}
