import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADMIN_USER_ID, ALL_SCOPES } from '../../tests/harvest-sandbox/fixtures';
import { DyingStore, harness, pin, request } from '../../tests/support/sync-harness';
import type { ExportItem } from '../model/export-item';
import { ExportQueue } from './queue';
import { IN_FLIGHT_SETTLE_MS } from './steps/write';
import { SyncStore } from './store';

describe('the export queue and engine', () => {
  beforeEach(() => fakeBrowser.reset());

  it('exports a new candidate in one pass and records the sync', async () => {
    const h = harness();
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    const done = (await h.store.item(item.id))!;
    expect(done.state).toBe('done');
    expect(h.tally()).toEqual({ candidates: 1, applications: 1, attachments: 1, notes: 1, employments: 4 });
    const record = await h.store.record('c-ada');
    expect(record).toMatchObject({
      greenhouseCandidateId: h.sandbox.candidates[0]!.id,
      linkedToExisting: false,
    });
    expect(record!.applications).toEqual([
      { pinJobId: 'j-backend', greenhouseJobId: 5001, applicationId: h.sandbox.applications[0]!.id },
    ]);
  });

  it('sends phone numbers in E.164 with the numbering plans, and as given when they could not be read', async () => {
    const h = harness();
    await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    expect(h.sandbox.candidates[0]!.phone_numbers).toEqual([{ value: '+442079460958', type: 'mobile' }]);

    const without = harness();
    const queue = new ExportQueue({ ...without.deps, phonePlans: async () => null });
    await queue.enqueue(request('c-ada', 5001));
    await queue.drain();
    expect(without.sandbox.candidates[0]!.phone_numbers).toEqual([
      { value: '020 7946 0958', type: 'mobile' },
    ]);
  });

  it('dedupes repeated requests and gives an already-synced candidate only an application on another job', async () => {
    const h = harness();
    const first = await h.queue.enqueue(request('c-ada', 5001));
    expect((await h.queue.enqueue(request('c-ada', 5001))).duplicate).toBe(true);
    await h.queue.drain();
    expect((await h.queue.enqueue(request('c-ada', 5001))).item.id).toBe(first.item.id);
    await h.queue.enqueue(request('c-ada', 5002, 'j-design'));
    await h.queue.drain();
    expect(h.tally()).toEqual({ candidates: 1, applications: 2, attachments: 2, notes: 2, employments: 4 });
    expect(h.sandbox.writes().filter((w) => w.method === 'PATCH')).toHaveLength(0);
    expect((await h.store.record('c-ada'))!.applications.map((a) => a.greenhouseJobId)).toEqual([5001, 5002]);
  });

  it('reads back a person whose create answer was lost instead of creating a second one', async () => {
    const h = harness();
    h.sandbox.injectFault({ method: 'POST', path: '/v3/candidates', action: { type: 'drop-after-commit' } });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    const waiting = (await h.store.item(item.id))!;
    expect(waiting).toMatchObject({ state: 'queued', lastError: { code: 'unreachable' } });
    expect(waiting.steps.person).toMatchObject({ status: 'pending' });
    await h.drainAll();
    expect((await h.store.item(item.id))!.state).toBe('done');
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, attachments: 1, notes: 1 });
  });

  it('reads back a person without email by name and creation time', async () => {
    const h = harness();
    h.sandbox.injectFault({ method: 'POST', path: '/v3/candidates', action: { type: 'drop-after-commit' } });
    await h.queue.enqueue(request('c-noemail', 5002, 'j-design'));
    await h.queue.drain();
    await h.drainAll();
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1 });
  });

  it('reads back a lost prospect application and a lost resume upload', async () => {
    const h = harness();
    h.sandbox.injectFault({
      method: 'POST',
      path: '/v3/applications',
      action: { type: 'drop-after-commit' },
    });
    h.sandbox.injectFault({ method: 'POST', path: '/v3/attachments', action: { type: 'drop-after-commit' } });
    const { item } = await h.queue.enqueue(request('c-jose', null));
    await h.queue.drain();
    await h.drainAll();
    await h.drainAll();
    expect((await h.store.item(item.id))!.state).toBe('done');
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, attachments: 1, notes: 1 });
    expect(h.sandbox.applications[0]).toMatchObject({ prospect: true });
  });

  for (const [label, dieAt] of [
    ['before the create is sent', (i: ExportItem) => i.steps.person?.status === 'pending'],
    [
      'after the create committed, before its answer was journaled',
      (i: ExportItem) => i.steps.person?.status === 'done',
    ],
    [
      'while the resume, note and employments were in flight',
      (i: ExportItem) => i.steps.note?.status === 'pending',
    ],
  ] as const) {
    it(`resumes after the worker stopped ${label}, with one of everything`, async () => {
      const dying = new DyingStore(dieAt);
      const first = harness({ store: dying });
      const { item } = await first.queue.enqueue(request('c-ada', 5001));
      void first.queue.drain();
      await expect.poll(() => dying.dead).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // A new worker: fresh memory, same storage and the same Greenhouse.
      const revived = new ExportQueue({ ...first.deps, store: new SyncStore(dying.dbName) });
      await revived.recover();
      await revived.drain();
      const after = (await new SyncStore(dying.dbName).item(item.id))!;
      expect(after.state).toBe('done');
      expect(first.tally()).toEqual({
        candidates: 1,
        applications: 1,
        attachments: 1,
        notes: 1,
        employments: 4,
      });
    });
  }

  it('waits for a note a stopped worker left with Greenhouse to land before deciding to send it again', async () => {
    // The note's `pending` is journaled and its request sent; the worker stops; Greenhouse commits it 300 ms later.
    const dying = new DyingStore((i) => i.steps.note?.status === 'pending', true);
    const first = harness({ store: dying });
    first.sandbox.injectFault({ method: 'POST', path: '/v3/notes', action: { type: 'delay', ms: 300 } });
    const { item } = await first.queue.enqueue(request('c-ada', 5001));
    void first.queue.drain();
    await expect.poll(() => first.sandbox.requests.some((r) => r.path === '/v3/notes')).toBe(true);
    expect(first.sandbox.notes).toHaveLength(0);
    const sleeps: number[] = [];
    const revived = new ExportQueue({
      ...first.deps,
      store: new SyncStore(dying.dbName),
      sleep: async (ms) => {
        sleeps.push(ms);
        await expect.poll(() => first.sandbox.notes.length).toBe(1);
      },
    });
    await revived.recover();
    await revived.drain();
    expect((await new SyncStore(dying.dbName).item(item.id))!.state).toBe('done');
    expect(first.sandbox.notes).toHaveLength(1);
    expect(sleeps.length).toBeGreaterThan(0);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(IN_FLIGHT_SETTLE_MS);
  });

  it('reads employments again after waiting for a stopped worker’s requests to land (not the list read before)', async () => {
    // Employments are journaled `pending` and sent; the worker stops; Greenhouse commits them 300 ms later. The new
    // worker's first read-back finds none of them, waits, and must list again rather than reuse that first list.
    const dying = new DyingStore(
      (i) => i.steps.employments?.some((s) => s.status === 'pending') ?? false,
      true,
    );
    const first = harness({ store: dying });
    first.sandbox.injectFault({
      method: 'POST',
      path: '/v3/candidate_employments',
      times: 4,
      action: { type: 'delay', ms: 300 },
    });
    const { item } = await first.queue.enqueue(request('c-ada', 5001));
    void first.queue.drain();
    const sentEmployments = () =>
      first.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v3/candidate_employments')
        .length;
    await expect.poll(sentEmployments).toBeGreaterThan(0);
    expect(first.sandbox.employments).toHaveLength(0);
    const revived = new ExportQueue({
      ...first.deps,
      store: new SyncStore(dying.dbName),
      sleep: async () => {
        await expect.poll(() => first.sandbox.employments.length).toBe(sentEmployments());
      },
    });
    await revived.recover();
    await revived.drain();
    expect((await new SyncStore(dying.dbName).item(item.id))!.state).toBe('done');
    expect(first.tally()).toMatchObject({ employments: 4 });
  });

  it('reads back lost note and employment answers instead of writing them twice', async () => {
    const h = harness();
    h.sandbox.injectFault({ method: 'POST', path: '/v3/notes', action: { type: 'drop-after-commit' } });
    h.sandbox.injectFault({
      method: 'POST',
      path: '/v3/candidate_employments',
      times: 2,
      action: { type: 'drop-after-commit' },
    });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    await h.drainAll();
    expect((await h.store.item(item.id))!.state).toBe('done');
    expect(h.tally()).toEqual({ candidates: 1, applications: 1, attachments: 1, notes: 1, employments: 4 });
  });

  it('treats timeouts and a network outage as transient and finishes once it is back', async () => {
    const h = harness();
    h.sandbox.injectFault({ path: /^\/v3\//, times: 6, action: { type: 'drop-before' } });
    const { item } = await h.queue.enqueue(request('c-yuki', 5001));
    for (let i = 0; i < 8 && (await h.store.item(item.id))!.state !== 'done'; i++) await h.drainAll();
    expect((await h.store.item(item.id))!).toMatchObject({ state: 'done' });
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, attachments: 1, notes: 1 });
  });

  it('sends an education only where the school matches a Greenhouse option', async () => {
    const h = harness();
    const matching = {
      ...request('c-jose', 5001),
      candidate: { ...pin('c-jose'), id: 'c-edu-match', emails: [] },
    };
    const other = { ...request('c-ada', 5001), candidate: { ...pin('c-ada'), id: 'c-edu-none', emails: [] } };
    await h.queue.enqueue(matching);
    await h.queue.enqueue(other);
    await h.queue.drain();
    expect(h.sandbox.educations).toHaveLength(1);
    const [education] = h.sandbox.educations;
    expect(education).toMatchObject({
      start_date_year: 2008,
      end_date_year: 2013,
      degree_custom_field_option_id: null,
    });
    expect(education!.school_name_custom_field_option_id).toBeTypeOf('number');
    expect(education!.discipline_custom_field_option_id).toBeTypeOf('number');
    const none = (await h.store.items()).find((i) => i.pinCandidateId === 'c-edu-none')!;
    expect(none.steps.educations).toEqual([{ status: 'skipped', reason: 'No matching Greenhouse school' }]);
  });

  it('rides out a 429 storm without failing', async () => {
    const h = harness();
    h.sandbox.injectFault({
      path: /^\/v3\//,
      times: 4,
      action: { type: 'status', status: 429, retryAfterSeconds: 1 },
    });
    const { item } = await h.queue.enqueue(request('c-wang', 5001));
    await h.queue.drain();
    expect((await h.store.item(item.id))!.state).toBe('done');
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1 });
  });

  it('fails before writing anything when a needed scope is missing, and keeps the item', async () => {
    const h = harness({ scopes: ALL_SCOPES.filter((s) => s !== 'harvest:attachments:create') });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    expect(await h.store.item(item.id)).toMatchObject({
      state: 'failed',
      lastError: { code: 'missing_scope', message: 'Missing permissions: harvest:attachments:create' },
    });
    expect(h.sandbox.writes()).toHaveLength(0);
  });

  it('pauses on a revoked credential and resumes after reconnecting', async () => {
    const h = harness();
    h.sandbox.revokeCredential('demo-client-id');
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    expect(await h.store.item(item.id)).toMatchObject({
      state: 'queued',
      nextAttemptAt: null,
      lastError: { code: 'reconnect' },
    });
    expect(h.events.rejected).toHaveLength(1);
    h.sandbox.addCredential({
      clientId: 'demo-client-id',
      clientSecret: 'demo-client-secret',
      scopes: ALL_SCOPES,
    });
    await h.client.tokens.invalidate(ADMIN_USER_ID);
    await h.queue.resumeAfterReconnect();
    await h.queue.drain();
    expect((await h.store.item(item.id))!.state).toBe('done');
  });

  it('retries 5xx with growing backoff and gives up readably after ten tries', async () => {
    const h = harness();
    h.sandbox.injectFault({
      method: 'POST',
      path: '/v3/candidates',
      times: 100,
      action: { type: 'status', status: 503 },
    });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = Date.now();
      await h.drainAll();
      const current = (await h.store.item(item.id))!;
      if (current.nextAttemptAt) delays.push(current.nextAttemptAt - before);
    }
    const final = (await h.store.item(item.id))!;
    expect(final.state).toBe('failed');
    expect(final.lastError?.message).toMatch(
      /^Gave up after 10 tries: Greenhouse is having trouble \(HTTP 503\)/,
    );
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(h.tally().candidates).toBe(0);
    // Retry puts it back in line with its journal intact.
    h.sandbox.faults.length = 0;
    await h.queue.retry(item.id);
    await h.queue.drain();
    expect((await h.store.item(item.id))!.state).toBe('done');
  });

  it('asks for review on several email matches and links the chosen person', async () => {
    const h = harness();
    h.sandbox.seedCandidate({ first_name: 'P', last_name: 'One', emails: ['priya@example.in'] });
    const chosen = h.sandbox.seedCandidate({
      first_name: 'P',
      last_name: 'Two',
      emails: ['P.Raghunathan@alumni.example.edu'],
    });
    const { item } = await h.queue.enqueue(request('c-multi', 5003, 'j-sales'));
    await h.queue.drain();
    const review = (await h.store.item(item.id))!;
    expect(review.state).toBe('needs_review');
    expect(review.review?.map((m) => m.name).sort()).toEqual(['P One', 'P Two']);
    expect(await h.queue.resolveReview(item.id, 999_999)).toBeNull();
    await h.queue.resolveReview(item.id, chosen.id);
    await h.queue.drain();
    expect(h.tally()).toMatchObject({ candidates: 2, applications: 1, employments: 0 });
    expect(h.sandbox.applications[0]!.candidate_id).toBe(chosen.id);
    expect((await h.store.record('c-multi'))!.linkedToExisting).toBe(true);
  });
});
