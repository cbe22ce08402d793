import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ADMIN_USER_ID } from '../../tests/harvest-sandbox/fixtures';
import { generatedPerson, seedGeneratedPeople } from '../../tests/harvest-sandbox/generate';
import { setup } from '../../tests/support/greenhouse-helpers';
import type { ExportItem } from '../model/export-item';
import { PresenceDatabase } from '../storage/presence-db';
import { SnapshotStore } from '../sync/snapshots';
import { PresenceService } from './presence';

const due = [{ id: 'a' }, { id: 'b' }] as ExportItem[];

describe('bulk batches and the presence index', () => {
  it('match by the index alone for a minute after one update, and a long batch renews it once a minute', async () => {
    const { sandbox, client } = setup();
    seedGeneratedPeople(sandbox, 20);
    const api = client.api(ADMIN_USER_ID);
    let now = Date.parse('2026-11-29T10:00:00Z');
    const presence = new PresenceService({
      api: async () => api,
      changed: () => {},
      db: new PresenceDatabase('background-presence-test'),
      snapshots: new SnapshotStore('background-presence-test-data'),
      now: () => now,
    });
    await presence.refreshNow();
    const updates = () =>
      sandbox.requests.filter((r) => r.path === '/v3/candidates' && r.query.updated_at).length;
    const emailLookups = () => sandbox.requests.filter((r) => r.query.email).length;
    const run = presence.runContext(api);
    const person = generatedPerson(4);
    const candidate = {
      id: 'c-bulk',
      name: 'Bulk Person',
      headline: null,
      location: null,
      emails: [{ address: person.emails[0]!, type: 'personal' as const }],
      phones: [],
      linkedinUrl: null,
      experience: [],
      education: [],
      skills: [],
      summary: null,
      sourcedByPin: true,
    };

    await presence.beforeBatch(due);
    expect(updates()).toBe(1);
    expect((await run.match(candidate, { live: true })).matches).toHaveLength(1);
    now += 30_000;
    await presence.beforeBatch(due); // the batch goes on within the minute: no second update
    expect(updates()).toBe(1);
    expect(emailLookups()).toBe(0);

    now += 31_000;
    await presence.beforeBatch(due);
    expect(updates()).toBe(2);
    expect((await run.match({ ...candidate, id: 'c-bulk-2' }, { live: true })).matches).toHaveLength(1);
    expect(emailLookups()).toBe(0);
    // A single export (one due item) is not a batch: it looks the email up live once the window has passed.
    now += 61_000;
    await presence.beforeBatch([due[0]!]);
    expect(updates()).toBe(2);
    await run.match({ ...candidate, id: 'c-single' }, { live: true });
    expect(emailLookups()).toBe(1);
  });
});
