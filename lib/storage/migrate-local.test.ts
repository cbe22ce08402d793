import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExportItem } from '../model/export-item';
import type { ObservationState } from '../model/rule';
import type { SyncRecord } from '../model/sync-record';
import { ObservationStore } from '../sync/observations';
import { SnapshotStore } from '../sync/snapshots';
import { SyncStore } from '../sync/store';
import { openDataDb } from './data-db';
import { DATA_VERSION, moveLegacyData } from './migrate-local';

let databases = 0;
const fresh = () => `migrate-local-${++databases}`;

const record = (i: number): SyncRecord => ({
  pinCandidateId: `c-${i}`,
  greenhouseCandidateId: 10_000 + i,
  linkedToExisting: i % 2 === 0,
  applications: [{ pinJobId: 'j-1', greenhouseJobId: 5001, applicationId: 20_000 + i }],
  syncedAt: i,
});
const observation = (i: number): ObservationState => ({
  jobId: 'j-1',
  candidateId: `c-${i}`,
  status: 'replied',
  eventTimes: { replied: '2026-11-20T10:00:00.000Z' },
  firstSeen: { replied: 5 },
  updatedAt: i,
});
const profile = (i: number) => ({
  id: `c-${i}`,
  name: `Person ${i}`,
  headline: null,
  location: null,
  emails: [{ address: `p${i}@example.com`, type: 'personal' as const }],
  phones: [],
  linkedinUrl: null,
  experience: [],
  education: [],
  skills: [],
  summary: null,
  sourcedByPin: false,
});
function item(i: number, state: ExportItem['state']): ExportItem {
  return {
    v: 3,
    id: `item-${i}`,
    pinCandidateId: `c-${i}`,
    pinJobId: 'j-1',
    pinJobTitle: 'Backend',
    profileUrl: `https://app.pin.com/jobs/j-1/candidates/c-${i}`,
    candidate: profile(i),
    greenhouseJobId: 5001,
    greenhouseJobName: 'Backend',
    reason: { kind: 'manual', at: '2026-11-20T10:00:00.000Z' },
    state,
    steps: state === 'done' ? { person: { status: 'done', id: 10_000 + i, created: true } } : {},
    choice: null,
    review: null,
    attempts: 0,
    nextAttemptAt: state === 'queued' ? 0 : null,
    lastError: null,
    warnings: [],
    createdAt: i,
    updatedAt: i,
    finishedAt: state === 'done' ? i : null,
  };
}

/** `storage.local` as the previous version (data version 1) left it after some use. */
async function previousVersionProfile(counts: { records: number; observations: number; items: number }) {
  const items = Array.from({ length: counts.items }, (_, i) => item(i, i % 10 === 0 ? 'queued' : 'done'));
  await fakeBrowser.storage.local.set({
    connection: { clientId: 'keep-me' },
    'export-index': items.map((i) => i.id),
    ...Object.fromEntries(items.map((i) => [`export:${i.id}`, i])),
    records: Object.fromEntries(Array.from({ length: counts.records }, (_, i) => [`c-${i}`, record(i)])),
    records$: { v: 1 },
    observations: Object.fromEntries(
      Array.from({ length: counts.observations }, (_, i) => [`j-1/c-${i}`, observation(i)]),
    ),
    'pin-candidates': Object.fromEntries([3, 1, 2].map((i) => [`c-${i}`, profile(i)])),
    stages: { '20001': { stage: 'Phone Screen', status: 'in_process', prospect: false, readAt: 7 } },
  });
  return items;
}

describe('data version 2: what grows with use moves from storage.local to IndexedDB', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a profile from the previous version keeps every record, observation, profile, stage and export item', async () => {
    const items = await previousVersionProfile({ records: 2_500, observations: 3_000, items: 120 });
    const dbName = fresh();
    const store = new SyncStore(dbName);
    expect((await store.openItems()).map((i) => i.id)).toEqual(
      items.filter((i) => i.state !== 'done').map((i) => i.id),
    );
    expect(await store.items()).toHaveLength(120);
    expect(await store.finishedCount()).toBe(108);
    for (const i of [0, 1, 1_234, 2_499]) expect(await store.record(`c-${i}`)).toEqual(record(i));
    expect(await store.record('c-2500')).toBeNull();
    const db = await openDataDb(dbName);
    expect(await db.count('records')).toBe(2_500);
    expect(await db.count('observations')).toBe(3_000);
    expect(await new ObservationStore(dbName).get('j-1', 'c-2999')).toEqual(observation(2_999));
    // Profiles keep the order they were last seen in.
    const rows = await new SnapshotStore(dbName).rows(['c-3', 'c-1', 'c-2']);
    expect(rows.map((r) => r?.seenAt)).toEqual([0, 1, 2]);
    expect(await db.get('stages', '20001')).toMatchObject({ stage: 'Phone Screen' });

    // The old keys are gone, the small settings stay, and the version says so.
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).sort()).toEqual(['connection', 'data-version']);
    expect(local['data-version']).toBe(DATA_VERSION);
  });

  it('a worker stopped after the copy copies again without doubling anything; a finished move is not repeated', async () => {
    await previousVersionProfile({ records: 10, observations: 10, items: 5 });
    const dbName = fresh();
    await moveLegacyData(dbName);
    const db = await openDataDb(dbName);
    // Stopped after the copy, before the version was written: the old keys are still there.
    await fakeBrowser.storage.local.remove('data-version');
    await previousVersionProfile({ records: 10, observations: 10, items: 5 });
    await moveLegacyData(dbName);
    expect(await db.count('records')).toBe(10);
    expect(await db.count('exports')).toBe(5);
    expect(await db.count('observations')).toBe(10);
    // Once the version is written, nothing is read or copied again.
    await db.clear('records');
    await moveLegacyData(dbName);
    expect(await db.count('records')).toBe(0);
    expect(await fakeBrowser.storage.local.get('records')).toEqual({});
  });
});
