type PostTask = (task: () => void, options: { priority: 'background'; signal: AbortSignal }) => Promise<void>;

/**
 * Runs `task` once the page has no other work queued: a background-priority task (`scheduler.postTask`, Chrome and
 * Firefox ≥ 142), which runs after Pin's pending tasks but, unlike an idle callback, does not wait for the start of the
 * next idle period (up to 50 ms away on a quiet page). At most `maxWaitMs` later in any case. Without the Scheduler
 * API, an idle callback. Returns a cancel function; `signal` (the content script's) cancels too.
 */
export function whenPageFree(task: () => void, maxWaitMs: number, signal: AbortSignal): () => void {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const cancel = () => {
    abort.abort();
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    signal.removeEventListener('abort', cancel);
  };
  const run = () => {
    if (abort.signal.aborted) return;
    idle = undefined; // it ran, or it is the one running
    cancel();
    task();
  };
  signal.addEventListener('abort', cancel, { once: true });
  if (signal.aborted) return cancel;
  const whenIdle = () => {
    if (!abort.signal.aborted) idle = requestIdleCallback(run, { timeout: maxWaitMs });
  };
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (!scheduler?.postTask) {
    whenIdle();
    return cancel;
  }
  timer = setTimeout(run, maxWaitMs);
  try {
    // Rejected when cancelled; refused for any other reason (a browser whose content scripts cannot hand this
    // signal to the page's scheduler, say), an idle callback instead.
    scheduler.postTask(run, { priority: 'background', signal: abort.signal }).catch(whenIdle);
  } catch {
    whenIdle();
  }
  return cancel;
}
