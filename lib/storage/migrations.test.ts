import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncStore } from '../sync/store';
import { openDataDb } from './data-db';
import { migrateExportItem } from './migrations';

/** An export item as the previous version (v1) wrote it: one employment sent, one not yet. */
const v1Item = {
  v: 1,
  id: 'legacy-1',
  pinCandidateId: 'c-ada',
  pinJobId: 'j-backend',
  pinJobTitle: 'Senior Backend Engineer',
  profileUrl: 'https://app.pin.com/jobs/j-backend/candidates/c-ada',
  candidate: {
    id: 'c-ada',
    name: 'Ada Lovelace',
    headline: null,
    location: null,
    emails: [{ address: 'ada@lovelace.dev', type: 'personal' }],
    phones: [],
    linkedinUrl: null,
    experience: [
      { title: 'Engineer', company: 'A', start: '2020-01', end: null },
      { title: 'Intern', company: 'B', start: '2019-01', end: '2019-06' },
    ],
    education: [],
    skills: [],
    summary: null,
    sourcedByPin: false,
  },
  greenhouseJobId: 5001,
  greenhouseJobName: 'Senior Backend Engineer',
  reason: { kind: 'manual', at: '2026-11-28T10:00:00.000Z' },
  state: 'queued',
  steps: {
    person: { status: 'done', candidateId: 42, created: true },
    application: { status: 'done', applicationId: 7 },
    employments: [
      { status: 'pending', since: '2026-11-28T10:00:01.000Z' },
      { status: 'pending', since: '' },
    ],
  },
  choice: null,
  review: null,
  attempts: 1,
  nextAttemptAt: 0,
  lastError: null,
  warnings: [],
  createdAt: 1,
  updatedAt: 1,
  finishedAt: null,
};

describe('stored data is versioned and upgrades', () => {
  beforeEach(() => fakeBrowser.reset());

  it('upgrades a v1 export item: unsent employments become "todo", sent ones stay pending, ids are named id', () => {
    const item = migrateExportItem(v1Item);
    expect(item?.v).toBe(3);
    expect(item?.steps.employments).toEqual([
      { status: 'pending', since: '2026-11-28T10:00:01.000Z' },
      { status: 'todo' },
    ]);
    expect(item?.steps.person).toEqual({ status: 'done', id: 42, created: true });
    expect(item?.steps.application).toEqual({ status: 'done', id: 7 });
    expect(migrateExportItem(item)).toEqual(item);
  });

  it('upgrades a v2 export item: done steps carry `id`, and the 0 that meant "unknown" becomes null', () => {
    const v2 = {
      ...v1Item,
      v: 2,
      steps: {
        person: { status: 'done', candidateId: 42, created: false },
        application: { status: 'done', applicationId: 7 },
        employments: [
          { status: 'done', employmentId: 0 },
          { status: 'warning', message: 'refused' },
        ],
        educations: [{ status: 'done', educationId: 9 }],
        resume: { status: 'done', attachmentId: 11 },
        note: { status: 'pending', since: '2026-11-28T10:00:02.000Z' },
      },
    };
    expect(migrateExportItem(v2)?.steps).toEqual({
      person: { status: 'done', id: 42, created: false },
      application: { status: 'done', id: 7 },
      employments: [
        { status: 'done', id: null },
        { status: 'warning', message: 'refused' },
      ],
      educations: [{ status: 'done', id: 9 }],
      resume: { status: 'done', id: 11 },
      note: { status: 'pending', since: '2026-11-28T10:00:02.000Z' },
    });
  });

  it('reads v1 items written to storage by the previous version, and leaves unknown data in place', async () => {
    await fakeBrowser.storage.local.set({
      'export-index': ['legacy-1', 'future-1'],
      'export:legacy-1': v1Item,
      'export:future-1': { ...v1Item, id: 'future-1', v: 99 },
    });
    const dbName = 'migrations-test-data';
    const items = await new SyncStore(dbName).items();
    expect(items.map((i) => [i.id, i.v])).toEqual([['legacy-1', 3]]);
    // The newer item moved with the rest, as it was: never dropped.
    const raw = await (await openDataDb(dbName)).get('exports', 'future-1');
    expect(raw?.item).toMatchObject({ v: 99 });
  });
});
