import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExportItem } from '../model/export-item';
import type { SyncRecord } from '../model/sync-record';
import { openDataDb } from '../storage/data-db';
import { SyncStore } from './store';

let databases = 0;
const fresh = () => `sync-store-${++databases}`;

function item(id: string, candidateId = 'c-1'): ExportItem {
  return {
    v: 3,
    id,
    pinCandidateId: candidateId,
    pinJobId: 'j-1',
    pinJobTitle: 'Backend',
    profileUrl: `https://app.pin.com/jobs/j-1/candidates/${candidateId}`,
    candidate: {
      id: candidateId,
      name: 'Ada Lovelace',
      headline: null,
      location: null,
      emails: [{ address: 'ada@example.com', type: 'personal' }],
      phones: [],
      linkedinUrl: null,
      experience: [],
      education: [],
      skills: [],
      summary: null,
      sourcedByPin: false,
    },
    greenhouseJobId: 5001,
    greenhouseJobName: 'Backend',
    reason: { kind: 'manual', at: '2026-12-01T10:00:00.000Z' },
    state: 'queued',
    steps: {},
    choice: null,
    review: null,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    warnings: [],
    createdAt: 1,
    updatedAt: 1,
    finishedAt: null,
  };
}

/** The item as IndexedDB holds it (what a new worker would find), read around the store under test. */
async function stored(dbName: string, id: string): Promise<ExportItem | undefined> {
  return (await (await openDataDb(dbName)).get('exports', id))?.item as ExportItem | undefined;
}

describe('SyncStore writes', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.useRealTimers());

  it('a held first write is carried by the item’s first save: one write with the journaled state', async () => {
    const dbName = fresh();
    const store = new SyncStore(dbName);
    const added = item('i-1');
    const { written } = await store.add(added, { holdMs: 60_000 });
    let settled = false;
    void written.then(() => {
      settled = true;
    });
    // Reads in this worker see it at once; IndexedDB does not have it yet, and `written` waits.
    expect((await store.openItems()).map((i) => i.id)).toEqual(['i-1']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stored(dbName, 'i-1')).toBeUndefined();
    expect(settled).toBe(false);

    added.state = 'running';
    added.steps = { person: { status: 'pending', since: '2026-12-01T10:00:01.000Z' } };
    await store.save(added);
    await written;
    expect(store.isWritten('i-1')).toBe(true);
    expect((await stored(dbName, 'i-1'))?.steps.person).toEqual({
      status: 'pending',
      since: '2026-12-01T10:00:01.000Z',
    });
  });

  it('a held first write goes out alone when no save comes within the hold', async () => {
    const dbName = fresh();
    const store = new SyncStore(dbName);
    const { written } = await store.add(item('i-2'), { holdMs: 5 });
    await written;
    expect((await stored(dbName, 'i-2'))?.state).toBe('queued');
    expect(store.isWritten('i-2')).toBe(true);
  });

  it('without a hold, the first write starts at once', async () => {
    const dbName = fresh();
    const store = new SyncStore(dbName);
    const { written } = await store.add(item('i-3'));
    await written;
    expect((await stored(dbName, 'i-3'))?.state).toBe('queued');
  });

  it('finish writes the done item and the merged record together; a new worker sees both', async () => {
    const dbName = fresh();
    const store = new SyncStore(dbName);
    const earlier: SyncRecord = {
      pinCandidateId: 'c-1',
      greenhouseCandidateId: 42,
      linkedToExisting: false,
      applications: [{ pinJobId: 'j-0', greenhouseJobId: 5000, applicationId: 7 }],
      syncedAt: 1,
    };
    await store.updateRecord('c-1', () => earlier);
    const done = item('i-4');
    await (await store.add(done)).written;
    done.state = 'done';
    done.finishedAt = 2;
    await store.finish(done, (current) => ({
      ...current!,
      applications: [...current!.applications, { pinJobId: 'j-1', greenhouseJobId: 5001, applicationId: 8 }],
    }));

    const next = new SyncStore(dbName);
    expect((await next.item('i-4'))?.state).toBe('done');
    expect(await next.openItems()).toEqual([]);
    expect((await next.record('c-1'))?.applications.map((a) => a.applicationId)).toEqual([7, 8]);
    // The worker that finished it answers the overlay from memory, the next one from IndexedDB: the same item.
    expect((await store.latestOf('c-1'))?.id).toBe('i-4');
    expect((await next.latestOf('c-1'))?.id).toBe('i-4');
  });

  it('latestOf prefers the export under way over a newer finished one', async () => {
    const store = new SyncStore(fresh());
    const finished = { ...item('i-5'), createdAt: 5 };
    await (await store.add(finished)).written;
    finished.state = 'done';
    await store.finish(finished, null);
    const open = { ...item('i-6'), createdAt: 3 };
    await (await store.add(open)).written;
    expect((await store.latestOf('c-1'))?.id).toBe('i-6');
    expect(await store.latestOf('c-unknown')).toBeNull();
  });
});
