import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { seedGeneratedPeople } from '../../../tests/harvest-sandbox/generate';
import { harness, request } from '../../../tests/support/sync-harness';

describe('dedupe by email and LinkedIn (SPEC §5 rule 1)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('links a candidate whose email differs but whose LinkedIn matches, in another URL form', async () => {
    const h = harness({ presence: true });
    const existing = h.sandbox.seedCandidate({
      first_name: 'Ada',
      last_name: 'L',
      emails: ['ada@old-work.example'],
    });
    existing.social_media_addresses = [{ value: 'http://linkedin.com/in/ADA-LOVELACE/' }];
    await h.presence!.indexer.refresh();
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    const done = (await h.store.item(item.id))!;
    expect(done.state).toBe('done');
    expect(done.steps.lookup?.reasons).toEqual([['LinkedIn']]);
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, employments: 0 });
    expect(h.sandbox.applications[0]).toMatchObject({ candidate_id: existing.id, job_id: 5001 });
    expect((await h.store.record('c-ada'))!.linkedToExisting).toBe(true);
  });

  it('without an index yet, matches by live email lookups as before', async () => {
    const h = harness({ presence: true });
    const existing = h.sandbox.seedCandidate({
      first_name: 'Ada',
      last_name: 'K',
      emails: ['ADA@lovelace.dev'],
    });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    expect((await h.store.item(item.id))!.steps.lookup).toMatchObject({
      matchIds: [existing.id],
      reasons: [['email']],
    });
    expect(h.tally().candidates).toBe(1);
  });

  it('asks for review with why each matched when email and LinkedIn point at different people', async () => {
    const h = harness({ presence: true });
    const byEmail = h.sandbox.seedCandidate({
      first_name: 'A',
      last_name: 'One',
      emails: ['ada@lovelace.dev'],
    });
    const byLinkedIn = h.sandbox.seedCandidate({ first_name: 'A', last_name: 'Two', emails: [] });
    byLinkedIn.social_media_addresses = [{ value: 'https://www.linkedin.com/in/ada-lovelace' }];
    await h.presence!.indexer.refresh();
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    const review = (await h.store.item(item.id))!;
    expect(review.state).toBe('needs_review');
    expect(review.review?.map((m) => [m.id, m.reasons])).toEqual([
      [byEmail.id, ['email']],
      [byLinkedIn.id, ['LinkedIn']],
    ]);
  });

  it('a matched person already on the chosen job gets no second application; the record points at theirs', async () => {
    const h = harness({ presence: true });
    const existing = h.sandbox.seedCandidate({
      first_name: 'Ada',
      last_name: 'L',
      emails: ['ada@lovelace.dev'],
    });
    // Another recruiter already put them on the job in Greenhouse.
    const app = await h.client.api(null).createApplication({ candidate_id: existing.id, job_id: 5001 });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await h.queue.drain();
    const done = (await h.store.item(item.id))!;
    expect(done.state).toBe('done');
    expect(done.steps.application).toEqual({ status: 'done', id: app.id, existing: true });
    expect(done.steps.resume).toMatchObject({ status: 'skipped' });
    expect(h.sandbox.applications).toHaveLength(1);
    expect((await h.store.record('c-ada'))!.applications).toEqual([
      { pinJobId: 'j-backend', greenhouseJobId: 5001, applicationId: app.id },
    ]);
  });

  it('flags a possible duplicate when another person with the email was created at the same moment', async () => {
    const h = harness({ presence: true });
    // A teammate's browser creates Ada after this one looked her up, just before this one creates her.
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    const realCreate = h.sandbox.handle.bind(h.sandbox);
    let teammate: number | null = null;
    h.sandbox.handle = async (req) => {
      if (
        req.method === 'POST' &&
        req.url.endsWith('/v3/candidates') &&
        teammate === null &&
        req.body?.includes('Ada')
      )
        teammate = h.sandbox.seedCandidate({
          first_name: 'Ada',
          last_name: 'Lovelace',
          emails: ['ada@lovelace.dev'],
        }).id;
      return realCreate(req);
    };
    await h.queue.drain();
    const done = (await h.store.item(item.id))!;
    expect(done.state).toBe('done');
    expect(h.tally().candidates).toBe(2);
    const ours = done.steps.person?.status === 'done' ? done.steps.person.id : 0;
    expect(done.warnings.join('\n')).toContain('Possible duplicate');
    expect(done.warnings.join('\n')).toContain(`https://app.greenhouse.io/people/${ours}`);
    expect(done.warnings.join('\n')).toContain(`https://app.greenhouse.io/people/${teammate}`);
  });

  it('a bulk batch refreshes the index once and then makes no per-candidate lookups', async () => {
    const h = harness({ presence: true, sandbox: { rateLimit: { limit: 10_000, windowMs: 30_000 } } });
    seedGeneratedPeople(h.sandbox, 300);
    await h.presence!.indexer.refresh();
    const before = h.sandbox.requests.length;
    const ids = ['c-ada', 'c-jose', 'c-wang', 'c-yuki', 'c-anna'];
    for (const id of ids) await h.queue.enqueue(request(id, 5001));
    await h.queue.drain();
    const during = h.sandbox.requests.slice(before);
    const lookups = during.filter((r) => r.method === 'GET' && r.path === '/v3/candidates');
    // One incremental index update, then only the post-create re-read (one email each) that spots teammates' dupes.
    expect(lookups.filter((r) => r.query.updated_at)).toHaveLength(1);
    expect(lookups.filter((r) => r.query.email)).toHaveLength(ids.length);
    expect(h.tally().candidates).toBe(300 + ids.length);
  });
});
