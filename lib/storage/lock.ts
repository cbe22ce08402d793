/** Runs tasks one after another: read-modify-write of a storage item must not interleave. */
export function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function withLock<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}
