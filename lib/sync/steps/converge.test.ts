import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_SCOPES } from '../../../tests/harvest-sandbox/fixtures';
import { HarvestSandbox } from '../../../tests/harvest-sandbox/sandbox';
import { DyingStore, harness, request, triggered } from '../../../tests/support/sync-harness';
import { SyncStore } from '../store';

const WITHOUT_DESTROY = ALL_SCOPES.filter((s) => s !== 'harvest:candidates:destroy');

/** Holds both browsers' creates of the same person until both have arrived: the race, made explicit. */
function holdCreatesUntil(sandbox: HarvestSandbox, count: number) {
  sandbox.injectFault({
    method: 'POST',
    path: '/v3/candidates',
    times: count,
    action: { type: 'gather', count, timeoutMs: 5_000 },
  });
}

const personOf = (item: { steps: { person?: { status: string; id?: number } } }) =>
  item.steps.person?.status === 'done' ? item.steps.person.id : null;

describe('teams converge to one person (SPEC §6.2)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('two browsers create at the same moment: the higher id removes its own person and links to the other', async () => {
    const sandbox = new HarvestSandbox({ rateLimit: { limit: 10_000, windowMs: 30_000 } });
    const a = harness({ sandbox });
    const b = harness({ sandbox });
    holdCreatesUntil(sandbox, 2);
    const [itemA, itemB] = [
      (await a.queue.enqueue(triggered('c-ada', 5001))).item,
      (await b.queue.enqueue(triggered('c-ada', 5001))).item,
    ];
    await Promise.all([a.queue.drain(), b.queue.drain()]);
    expect(sandbox.gathered).toEqual([{ key: 'POST /v3/candidates', released: 'count', held: 2 }]);

    const done = [(await a.store.item(itemA.id))!, (await b.store.item(itemB.id))!];
    expect(done.map((i) => i.state)).toEqual(['done', 'done']);
    expect(sandbox.candidates).toHaveLength(1);
    const survivor = sandbox.candidates[0]!.id;
    expect(sandbox.applications.filter((x) => x.job_id === 5001)).toHaveLength(1);
    expect(sandbox.notes).toHaveLength(1);
    expect(sandbox.deleted).toHaveLength(1);
    const removed = sandbox.deleted[0]!;
    expect(removed).toBeGreaterThan(survivor);
    // Both exports point at the one person; the one that gave way says what it did, with both links.
    expect(done.map(personOf)).toEqual([survivor, survivor]);
    const loser = done.find((i) => i.steps.converge?.status === 'removed')!;
    expect(loser.steps.converge).toEqual({ status: 'removed', own: removed, winner: survivor });
    expect(loser.warnings.join('\n')).toContain(`https://app.greenhouse.io/people/${removed}`);
    expect(loser.warnings.join('\n')).toContain(`https://app.greenhouse.io/people/${survivor}`);
    const winner = done.find((i) => i !== loser)!;
    expect(winner.steps.converge).toEqual({ status: 'checked' });
    // Nothing but the person (and the application sent with it) was ever written by the browser that gave way.
    const writes = sandbox.writes().map((r) => `${r.method} ${r.path}`);
    expect(writes.filter((w) => w === 'POST /v3/notes')).toHaveLength(1);
    expect(writes.filter((w) => w.startsWith('DELETE'))).toEqual([`DELETE /v3/candidates/${removed}`]);
  });

  it('without harvest:candidates:destroy, both people stay and the later one is flagged with both links', async () => {
    const sandbox = new HarvestSandbox({ rateLimit: { limit: 10_000, windowMs: 30_000 } });
    const a = harness({ sandbox, scopes: WITHOUT_DESTROY });
    const b = harness({ sandbox, scopes: WITHOUT_DESTROY });
    holdCreatesUntil(sandbox, 2);
    const itemA = (await a.queue.enqueue(triggered('c-ada', 5001))).item;
    const itemB = (await b.queue.enqueue(triggered('c-ada', 5001))).item;
    await Promise.all([a.queue.drain(), b.queue.drain()]);
    expect(sandbox.candidates).toHaveLength(2);
    expect(sandbox.deleted).toEqual([]);
    const [first, second] = sandbox.candidates.map((c) => c.id);
    const warnings = [(await a.store.item(itemA.id))!, (await b.store.item(itemB.id))!].flatMap(
      (i) => i.warnings,
    );
    const flagged = warnings.filter((w) => w.startsWith('Possible duplicate'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toContain(`https://app.greenhouse.io/people/${first}`);
    expect(flagged[0]).toContain(`https://app.greenhouse.io/people/${second}`);
  });

  it('a worker stopped during the removal removes the person once and never anyone else', async () => {
    const sandbox = new HarvestSandbox({ rateLimit: { limit: 10_000, windowMs: 30_000 } });
    const teammate = sandbox.seedCandidate({ first_name: 'Ada', last_name: 'Lovelace', emails: [] });
    // The teammate's person gets the email only once this browser has looked it up: they raced.
    const dying = new DyingStore((item) => item.steps.converge?.status === 'removing', true);
    const a = harness({ sandbox, store: dying });
    const realHandle = sandbox.handle.bind(sandbox);
    sandbox.handle = async (req) => {
      if (req.method === 'POST' && req.url.endsWith('/v3/candidates'))
        teammate.email_addresses = [{ value: 'ada@lovelace.dev', type: 'personal' }];
      return realHandle(req);
    };
    const { item } = await a.queue.enqueue(triggered('c-ada', 5001));
    void a.queue.drain();
    await expect.poll(() => dying.dead).toBe(true);
    // What the stopped worker journaled before it stopped: its DELETE went out, its answer was never journaled.
    const journaled = (await new SyncStore(dying.dbName).item(item.id))!.steps.converge;
    expect(journaled).toMatchObject({ status: 'removing', winner: teammate.id });
    const own = journaled?.status === 'removing' ? journaled.own : 0;
    expect(own).toBeGreaterThan(teammate.id);

    // A new worker on the same storage goes on from the journal: `removing`, so the DELETE is sent (again).
    const fresh = harness({ sandbox, store: new SyncStore(dying.dbName) });
    await fresh.queue.recover();
    await fresh.drainAll();
    const done = (await fresh.store.item(item.id))!;
    expect(done.state).toBe('done');
    expect(done.steps.converge).toEqual({ status: 'removed', own, winner: teammate.id });
    expect(sandbox.candidates.map((c) => c.id)).toEqual([teammate.id]);
    const deletes = sandbox.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.every((r) => r.path === `/v3/candidates/${own}`)).toBe(true);
    // Sent again after the stop, it finds the person gone: removed once.
    expect(deletes.map((r) => r.status)).toEqual([204, 404]);
    expect(sandbox.deleted).toEqual([own]);
  });

  it('a person the export linked to (not created) is never removed, even when another matches', async () => {
    const sandbox = new HarvestSandbox();
    const existing = sandbox.seedCandidate({
      first_name: 'Ada',
      last_name: 'L',
      emails: ['ada@lovelace.dev'],
    });
    sandbox.seedCandidate({ first_name: 'Ada', last_name: 'L2', emails: ['ada.other@example.com'] });
    const a = harness({ sandbox });
    const { item } = await a.queue.enqueue(triggered('c-ada', 5001));
    await a.queue.drain();
    const done = (await a.store.item(item.id))!;
    expect(personOf(done)).toBe(existing.id);
    expect(done.steps.converge).toBeUndefined();
    expect(sandbox.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('a manual export only flags, beside its other writes (the click stays at two round trips)', async () => {
    const sandbox = new HarvestSandbox({ rateLimit: { limit: 10_000, windowMs: 30_000 } });
    const a = harness({ sandbox });
    const b = harness({ sandbox });
    holdCreatesUntil(sandbox, 2);
    const itemA = (await a.queue.enqueue(request('c-ada', 5001))).item;
    const itemB = (await b.queue.enqueue(request('c-ada', 5001))).item;
    await Promise.all([a.queue.drain(), b.queue.drain()]);
    expect(sandbox.candidates).toHaveLength(2);
    expect(sandbox.deleted).toEqual([]);
    const items = [(await a.store.item(itemA.id))!, (await b.store.item(itemB.id))!];
    expect(items.every((i) => i.steps.converge === undefined)).toBe(true);
    expect(items.flatMap((i) => i.warnings).some((w) => w.startsWith('Possible duplicate'))).toBe(true);
  });
});
