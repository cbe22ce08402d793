// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUILTIN_PIN_MAPPING } from './mapping/builtin';
import { type PinPageState, watchPinPage } from './watch';

let frames: (() => void)[] = [];
let tasks: (() => void)[] = [];

const fakeContext = () =>
  ({
    signal: new AbortController().signal,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    addEventListener: () => {},
    onInvalidated: () => {},
  }) as unknown as ContentScriptContext;

const runFrame = () => {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
};

beforeEach(() => {
  frames = [];
  tasks = [];
  vi.stubGlobal('scheduler', {
    postTask: (task: () => void) => {
      tasks.push(task);
      return new Promise<void>(() => {});
    },
  });
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(
    'https://app.pin.com/jobs/j-backend',
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

it('reads a page Pin has not drawn yet at once: the pipeline is known to be loading before its rows come', () => {
  document.body.innerHTML = '<main></main>';
  const states: PinPageState['kind'][] = [];
  const watcher = watchPinPage(
    fakeContext(),
    (state) => states.push(state.kind),
    () => false,
    () => BUILTIN_PIN_MAPPING,
  );
  expect(states).toEqual(['loading']);
  watcher.stop();
});

it("reads a page Pin drew before the script started only after Pin's next frame, once Pin has no task queued", () => {
  document.body.innerHTML =
    '<main><h1 class="job-header__title">Backend</h1><table><tr><td><a href="/jobs/j-backend/candidates/c-1">Ada</a></td></tr></table></main>';
  const states: PinPageState['kind'][] = [];
  const watcher = watchPinPage(
    fakeContext(),
    (state) => states.push(state.kind),
    () => false,
    () => BUILTIN_PIN_MAPPING,
  );
  expect(states).toEqual([]);
  expect(tasks).toHaveLength(0);
  runFrame();
  expect(states).toEqual([]);
  expect(tasks).toHaveLength(1);
  tasks[0]!();
  expect(states).toHaveLength(1);
  expect(states[0]).not.toBe('loading');
  watcher.stop();
});
