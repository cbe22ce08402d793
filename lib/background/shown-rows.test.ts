import { describe, expect, it, vi } from 'vitest';
import { type KeptShownRows, ShownRows, type ShownRowsStore } from './shown-rows';

/** A store like `storage.session`: what was saved is what the next worker start loads. */
function memoryStore(initial: unknown = null): ShownRowsStore & { kept: unknown; saves: number } {
  return {
    kept: initial,
    saves: 0,
    async load() {
      return this.kept;
    },
    async save(rows: KeptShownRows) {
      this.saves += 1;
      this.kept = structuredClone(rows);
    },
  };
}

describe('ShownRows', () => {
  it('remembers the rows a page of each job showed, the ones shown last kept within the limit', async () => {
    const shown = new ShownRows({ rows: 3, jobs: 2 });
    expect(await shown.of('j-1')).toEqual([]);
    shown.note('j-1', ['c-1', 'c-2', 'c-3']);
    shown.note('j-1', ['c-1', 'c-4']);
    expect((await shown.of('j-1')).sort()).toEqual(['c-1', 'c-3', 'c-4']);
  });

  it('forgets the job shown longest ago first', async () => {
    const shown = new ShownRows({ rows: 3, jobs: 2 });
    shown.note('j-1', ['c-1']);
    shown.note('j-2', ['c-2']);
    shown.note('j-1', ['c-3']);
    shown.note('j-3', ['c-4']);
    expect(await shown.of('j-2')).toEqual([]);
    expect((await shown.of('j-1')).sort()).toEqual(['c-1', 'c-3']);
    expect(await shown.of('j-3')).toEqual(['c-4']);
  });

  it('keeps them across a worker start, saved once a moment after a burst of changes', async () => {
    vi.useFakeTimers();
    try {
      const store = memoryStore();
      const first = new ShownRows({ rows: 3, jobs: 2 }, store, 500);
      first.note('j-1', ['c-1', 'c-2']);
      first.note('j-2', ['c-9']);
      await vi.advanceTimersByTimeAsync(499);
      expect(store.saves).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(store.saves).toBe(1);
      // The worker stopped; a new one starts with an empty memory.
      const next = new ShownRows({ rows: 3, jobs: 2 }, store, 500);
      expect(await next.of('j-1')).toEqual(['c-1', 'c-2']);
      expect(await next.of('j-2')).toEqual(['c-9']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('what was noted before the kept rows were read stays the newest', async () => {
    const store = memoryStore([
      ['j-1', ['c-1', 'c-2', 'c-3']],
      ['j-2', ['c-8']],
    ]);
    const shown = new ShownRows({ rows: 3, jobs: 2 }, store, 0);
    shown.note('j-3', ['c-7']);
    shown.note('j-1', ['c-4']);
    // j-2 was shown longest ago; c-1 is the oldest row of j-1.
    expect(await shown.of('j-2')).toEqual([]);
    expect(await shown.of('j-1')).toEqual(['c-2', 'c-3', 'c-4']);
    expect(await shown.of('j-3')).toEqual(['c-7']);
  });

  it('starts empty when what was kept cannot be read or is not what it wrote', async () => {
    for (const store of [
      memoryStore({ 'j-1': ['c-1'] }),
      memoryStore([['j-1', [1]]]),
      { load: () => Promise.reject(new Error('no session storage')), save: async () => {} },
    ]) {
      const shown = new ShownRows(undefined, store, 0);
      expect(await shown.of('j-1')).toEqual([]);
      shown.note('j-1', ['c-2']);
      expect(await shown.of('j-1')).toEqual(['c-2']);
    }
  });
});
