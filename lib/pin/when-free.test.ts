import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { whenPageFree } from './when-free';

type Posted = { task: () => void; priority: string; signal?: AbortSignal };

let posted: Posted[] = [];
const postTask = vi.fn((task: () => void, options: { priority: string; signal?: AbortSignal }) => {
  posted.push({ task, ...options });
  return new Promise<void>((resolve) => queueMicrotask(resolve));
});

beforeEach(() => {
  posted = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  postTask.mockClear();
});

it('runs the task as a background-priority task, once, and no longer waits for the timeout after it ran', () => {
  vi.stubGlobal('scheduler', { postTask });
  const task = vi.fn();
  whenPageFree(task, 150, new AbortController().signal);
  expect(posted.map((p) => p.priority)).toEqual(['background']);
  expect(task).not.toHaveBeenCalled();
  posted[0]!.task();
  expect(task).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(200);
  expect(task).toHaveBeenCalledTimes(1);
});

it('runs the task after at most the given wait when Pin keeps the page busy, and not again', () => {
  vi.stubGlobal('scheduler', { postTask });
  const task = vi.fn();
  whenPageFree(task, 150, new AbortController().signal);
  vi.advanceTimersByTime(149);
  expect(task).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(task).toHaveBeenCalledTimes(1);
  posted[0]!.task();
  expect(task).toHaveBeenCalledTimes(1);
});

it('does not run a cancelled task, whether cancelled by its caller or by the content script ending', () => {
  vi.stubGlobal('scheduler', { postTask });
  const task = vi.fn();
  const cancel = whenPageFree(task, 150, new AbortController().signal);
  cancel();
  const ending = new AbortController();
  whenPageFree(task, 150, ending.signal);
  ending.abort();
  for (const p of posted) p.task();
  vi.advanceTimersByTime(200);
  expect(task).not.toHaveBeenCalled();
});

it('never aborts a posted task: one no longer wanted runs as a no-op (Chrome reports a first abort to the browser)', () => {
  vi.stubGlobal('scheduler', { postTask });
  const task = vi.fn();
  const cancel = whenPageFree(task, 150, new AbortController().signal);
  whenPageFree(task, 150, new AbortController().signal);
  cancel();
  vi.advanceTimersByTime(150); // the second runs from its timer while its posted task is still pending
  expect(task).toHaveBeenCalledTimes(1);
  expect(posted.map((p) => p.signal)).toEqual([undefined, undefined]);
  for (const p of posted) p.task();
  expect(task).toHaveBeenCalledTimes(1);
});

it('falls back to an idle callback with the wait as its timeout where there is no Scheduler API', () => {
  vi.stubGlobal('scheduler', undefined);
  const idle: { run: () => void; timeout?: number }[] = [];
  vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) => {
    idle.push({ run, timeout: options?.timeout });
    return idle.length;
  });
  const cancelled: number[] = [];
  vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle));
  const task = vi.fn();
  whenPageFree(task, 150, new AbortController().signal);
  expect(idle.map((i) => i.timeout)).toEqual([150]);
  idle[0]!.run();
  expect(task).toHaveBeenCalledTimes(1);
  const cancel = whenPageFree(task, 150, new AbortController().signal);
  cancel();
  expect(cancelled).toEqual([2]);
});

it('falls back to an idle callback when the scheduler refuses the task, at once or by rejecting it', async () => {
  const idle: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
  vi.stubGlobal('cancelIdleCallback', () => {});
  const task = vi.fn();
  vi.stubGlobal('scheduler', {
    postTask: () => {
      throw new TypeError('refused');
    },
  });
  whenPageFree(task, 150, new AbortController().signal);
  vi.stubGlobal('scheduler', { postTask: () => Promise.reject(new TypeError('refused')) });
  whenPageFree(task, 150, new AbortController().signal);
  await Promise.resolve();
  await Promise.resolve();
  expect(idle).toHaveLength(2);
  for (const run of idle) run();
  expect(task).toHaveBeenCalledTimes(2);
  vi.advanceTimersByTime(200);
  expect(task).toHaveBeenCalledTimes(2);
});
