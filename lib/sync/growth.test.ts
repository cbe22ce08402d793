import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDbName, harness, request } from '../../tests/support/sync-harness';
import type { StatusObservation } from '../model/pin';
import { newsAgainst, unseenRows } from '../model/row-digest';
import { openDataDb } from '../storage/data-db';
import { onStorageWriteFailure, StorageWriteError } from '../storage/write-failure';
import { ObservationStore } from './observations';
import { SnapshotStore } from './snapshots';
import { MAX_FINISHED_ITEMS, SyncStore } from './store';

const DAY = 24 * 3_600_000;
const obs = (
  jobId: string,
  i: number,
  status: StatusObservation['status'] = 'in_sequence',
): StatusObservation => ({
  jobId,
  candidateId: `c-${i}`,
  status,
  eventTimes: status === 'replied' ? { replied: '2026-11-20T10:00:00.000Z' } : {},
});

/** Makes every IndexedDB write fail as a full disk would, while `full.on` is true. */
function fakeQuota() {
  const full = { on: false };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (full.on) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
  return {
    full,
    restore: () => {
      IDBObjectStore.prototype.put = put;
    },
  };
}

describe('storage that stays small and says when it is full (SPEC §9)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a page report of 1,000 unchanged rows reads one digest and writes nothing', async () => {
    const store = new ObservationStore(freshDbName());
    const rows = Array.from({ length: 1_000 }, (_, i) => obs('j-big', i));
    const first = await store.merge(rows, 1);
    expect(first.states).toHaveLength(1_000);
    await store.commit(first.seen);
    const again = await store.merge(rows, 2);
    expect(again.states).toEqual([]);
    // One row changes: only it is merged (and it keeps what was known of it).
    const changed = await store.merge([...rows.slice(1), obs('j-big', 0, 'replied')], 3);
    expect(changed.states).toHaveLength(1);
    expect(changed.states[0]).toMatchObject({
      candidateId: 'c-0',
      status: 'replied',
      firstSeen: { added_to_sequence: 1 },
    });
  });

  it('a page learns which of its rows the extension has taken, so that its next report carries only the news', async () => {
    const store = new ObservationStore(freshDbName());
    const rows = Array.from({ length: 1_000 }, (_, i) => obs('j-big', i));
    const ids = rows.map((o) => o.candidateId);
    expect(unseenRows(rows, await store.seenDigest('j-big', ids))).toHaveLength(1_000);
    await store.commit((await store.merge(rows, 1)).seen);
    expect(unseenRows(rows, await store.seenDigest('j-big', ids))).toEqual([]);
    const replied = [...rows.slice(1), obs('j-big', 0, 'replied')];
    const news = unseenRows(replied, await store.seenDigest('j-big', ids));
    expect(news.map((o) => o.candidateId)).toContain('c-0');
    expect(news.length).toBeLessThan(100);
    // Only what the page names counts: a candidate gone from the pipeline does not make its bucket differ.
    expect(unseenRows(rows.slice(1), await store.seenDigest('j-big', ids.slice(1)))).toEqual([]);
  });

  it('a page that asked ahead for what the extension has taken from a job tells the news row by row', async () => {
    const store = new ObservationStore(freshDbName());
    const rows = Array.from({ length: 1_000 }, (_, i) => obs('j-big', i));
    const ids = [...rows.map((o) => o.candidateId), 'c-1000'];
    expect(await store.takenRows('j-big', ids)).toEqual({});
    await store.commit((await store.merge(rows, 1)).seen);
    const taken = await store.takenRows('j-big', ids);
    expect(Object.keys(taken)).toHaveLength(1_000);
    expect(Object.keys(await store.takenRows('j-big', ['c-1', 'c-2', 'c-1000']))).toEqual(['c-1', 'c-2']);
    expect(newsAgainst(rows, taken)).toEqual([]);
    // Exactly the row that changed, and a row never taken, are news; nothing else is (no bucket shares them).
    const replied = [...rows.slice(1), obs('j-big', 0, 'replied'), obs('j-big', 1_000)];
    expect(newsAgainst(replied, taken).map((o) => o.candidateId)).toEqual(['c-0', 'c-1000']);
    expect(await store.takenRows('j-other', ids)).toEqual({});
  });

  it('prunes observations by age and count, never those of a job with an enabled rule', async () => {
    const store = new ObservationStore(freshDbName());
    await store.merge(
      [0, 1, 2].map((i) => obs('j-old', i)),
      0,
    );
    await store.merge(
      [0, 1].map((i) => obs('j-watched', i)),
      0,
    );
    await store.merge(
      [0, 1, 2, 3].map((i) => obs('j-new', i)),
      200 * DAY,
    );
    const removed = await store.prune(new Set(['j-watched']), 200 * DAY, {
      maxAgeMs: 180 * DAY,
      max: 100_000,
    });
    expect(removed).toBe(3);
    expect(await store.ofJob('j-old')).toEqual([]);
    expect(await store.ofJob('j-watched')).toHaveLength(2);
    // Past the count, the oldest of the unwatched go first.
    expect(await store.prune(new Set(['j-watched']), 200 * DAY, { maxAgeMs: 180 * DAY, max: 4 })).toBe(2);
    expect((await store.ofJob('j-new')).map((s) => s.candidateId).sort()).toEqual(['c-2', 'c-3']);
  });

  it('prunes snapshots by age and count, and the finished log beyond 1,000 (open items stay)', async () => {
    const dbName = freshDbName();
    const snapshots = new SnapshotStore(dbName);
    const h = harness({ store: new SyncStore(dbName) });
    const candidate = (await import('../../tests/support/sync-harness')).pin('c-ada');
    for (let i = 0; i < 5; i++) await snapshots.put([{ ...candidate, id: `s-${i}` }], i * DAY);
    expect(await snapshots.prune(100 * DAY, { maxAgeMs: 97 * DAY, max: 2 })).toBe(3);
    expect((await snapshots.rows(['s-3', 's-4'])).every(Boolean)).toBe(true);

    const db = await openDataDb(dbName);
    const template = (await h.queue.enqueue(request('c-ada', 5001))).item;
    const rows = Array.from({ length: MAX_FINISHED_ITEMS + 10 }, (_, i) => ({
      id: `done-${i}`,
      open: 0 as const,
      pinCandidateId: `c-${i}`,
      createdAt: i,
      item: { ...template, id: `done-${i}`, state: 'done' },
    }));
    const tx = db.transaction('exports', 'readwrite');
    await Promise.all([...rows.map((r) => tx.store.put(r)), tx.done]);
    expect(await h.store.pruneFinished()).toBe(10);
    expect(await h.store.finishedCount()).toBe(MAX_FINISHED_ITEMS);
    expect(await h.store.item('done-9')).toBeNull();
    expect(await h.store.item('done-10')).not.toBeNull();
    expect((await h.store.openItems()).map((i) => i.id)).toEqual([template.id]);
  });

  it('a full disk: the export is refused with a clear message, nothing already journaled is lost, and it resumes', async () => {
    const quota = fakeQuota();
    const failures: StorageWriteError[] = [];
    onStorageWriteFailure((error) => failures.push(error));
    try {
      let paused: string | null = null;
      const h = harness();
      h.deps.paused = () => paused;
      // One export is already journaled (its person created, the rest to go) when the disk fills up.
      const first = (await h.queue.enqueue(request('c-ada', 5001))).item;
      await h.queue.drain();
      expect((await h.store.item(first.id))!.state).toBe('done');
      const second = await h.queue.enqueue(request('c-jose', 5001));
      quota.full.on = true;
      // No export starts without its journal: the third is refused, and says why.
      const third = await h.queue.enqueue(request('c-wang', 5001));
      await expect(third.written).rejects.toThrow(StorageWriteError);
      await expect(third.written).rejects.toThrow(/storage for Pin Greenhouse Sync is full/);
      expect(failures[0]?.quota).toBe(true);
      paused = failures[0]!.message;
      await h.queue.drain();
      expect(h.tally().candidates).toBe(1);

      // Space again: the pause lifts, the journaled export goes on, the refused one was never queued.
      quota.full.on = false;
      paused = null;
      await h.drainAll();
      expect((await h.store.item(second.item.id))!.state).toBe('done');
      expect(await h.store.itemsOf('c-wang')).toEqual([]);
      expect(h.tally()).toMatchObject({ candidates: 2, applications: 2 });
    } finally {
      quota.restore();
      onStorageWriteFailure(() => {});
    }
  });

  it('a write failing mid-export leaves the journal as it was, and the export finishes once, later', async () => {
    const quota = fakeQuota();
    let paused: string | null = null;
    // As the background does: the first failed write pauses the queue.
    onStorageWriteFailure((error) => {
      paused = error.message;
    });
    try {
      const h = harness();
      h.deps.paused = () => paused;
      const { item } = await h.queue.enqueue(request('c-ada', 5001));
      // The disk fills up right after the person's create was journaled as pending.
      const save = h.store.save.bind(h.store);
      h.store.save = async (next) => {
        await save(next);
        if (next.steps.person?.status === 'pending') quota.full.on = true;
      };
      await h.queue.drain();
      // The create was sent (its pending write landed first); its answer could not be journaled.
      expect(h.tally().candidates).toBe(1);
      const fresh = new SyncStore(h.store.dbName);
      expect((await fresh.item(item.id))!.steps.person).toMatchObject({ status: 'pending' });
      expect(paused).toMatch(/full/);
      quota.full.on = false;
      paused = null;
      h.store.save = save;
      await h.drainAll();
      // Read back, not created again.
      expect((await h.store.item(item.id))!.state).toBe('done');
      expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, notes: 1 });
    } finally {
      quota.restore();
      onStorageWriteFailure(() => {});
    }
  });
});
