import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ADMIN_USER_ID,
  ALL_SCOPES,
  DEMO_CREDENTIAL,
  RECRUITER_USER_ID,
} from '../../tests/harvest-sandbox/fixtures';
import { setup } from '../../tests/support/greenhouse-helpers';
import { createHarvestClient } from './client';
import { GreenhouseError } from './errors';
import { nextLink } from './http';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from './scopes';
import { memoryTokenCache } from './token';
import type { Committed } from './types';

/** The record a write answered with; fails the test when the answer was unreadable. */
function written<T>(result: Committed<T>): T & { id: number } {
  if (result.id === null) throw new Error(`unreadable answer: ${result.unreadable}`);
  return { ...result.record, id: result.id };
}

async function failure(promise: Promise<unknown>): Promise<GreenhouseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GreenhouseError) return error;
    throw error;
  }
  throw new Error('expected a GreenhouseError, got success');
}

describe('Harvest client against the sandbox', () => {
  afterEach(() => vi.useRealTimers());

  it('creates a candidate with an application and finds them by email, case-insensitively', async () => {
    const { sandbox, client } = setup();
    const api = client.api(ADMIN_USER_ID);
    const created = await api.createCandidate({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email_addresses: [{ value: 'Ada@Example.com', type: 'personal' }],
      application: { job_id: 5001 },
    });
    const person = written(created.person);
    expect(person.id).toBeTypeOf('number');
    expect(written(created.application!).job_id).toBe(5001);
    const found = await api.findCandidatesByEmail('ada@example.COM');
    expect(found.map((c) => c.id)).toEqual([person.id]);
    expect(await api.findCandidatesByEmail('ada@example.co')).toEqual([]);
    expect((await api.getCandidates([person.id]))[0]?.last_name).toBe('Lovelace');
    const patched = written(await api.updateCandidate(person.id, { title: 'Analyst' }));
    expect(patched.title).toBe('Analyst');
    expect(sandbox.requests.filter((r) => r.path === '/token')).toHaveLength(1);
    const token = sandbox.requests.find((r) => r.path === '/token')!;
    expect(token.body).toContain('grant_type=client_credentials');
    expect(token.body).toContain(`sub=${ADMIN_USER_ID}`);
  });

  it('creates prospect and job applications, attachments, notes, employments and educations', async () => {
    const { sandbox, client } = setup();
    const api = client.api(ADMIN_USER_ID);
    const candidateId = written(
      (await api.createCandidate({ first_name: 'Grace', last_name: 'Hopper' })).person,
    ).id;
    const prospect = written(
      await api.createApplication({ candidate_id: candidateId, prospect: true, job_ids: [] }),
    );
    expect(prospect.prospect).toBe(true);
    const application = written(await api.createApplication({ candidate_id: candidateId, job_id: 5002 }));
    expect(application.job_id).toBe(5002);
    expect((await api.applicationsOfCandidate(candidateId)).map((a) => a.id).sort()).toEqual(
      [prospect.id, application.id].sort(),
    );
    const attachment = written(
      await api.createAttachment({
        application_id: application.id,
        filename: 'resume.pdf',
        type: 'resume',
        content: Buffer.from('%PDF-1.7 hello').toString('base64'),
      }),
    );
    expect(attachment.type).toBe('resume');
    expect(sandbox.attachments[0]?.content?.toString()).toBe('%PDF-1.7 hello');
    const note = written(
      await api.createNote({
        candidate_id: candidateId,
        application_id: application.id,
        user_id: ADMIN_USER_ID,
        body: 'Hi',
        visibility: 'private',
        note_type: 'NOTE',
      }),
    );
    expect(note.visibility).toBe('privately_visible');
    const employment = written(
      await api.createEmployment({
        candidate_id: candidateId,
        company_name: 'Navy',
        title: 'Rear Admiral',
        start_date: '1943-01-01',
        end_date: null,
      }),
    );
    expect(employment.latest).toBe(true);
    const schools = await api.listCustomFieldOptions('school_name');
    expect(schools.length).toBeGreaterThan(0);
    const education = written(
      await api.createEducation({
        candidate_id: candidateId,
        school_name_custom_field_option_id: schools[0]!.id,
      }),
    );
    expect(education.school_name_custom_field_option_id).toBe(schools[0]!.id);
    expect((await api.listSources()).map((s) => s.name)).toContain('Pin');
    const users = await api.listUsers({ ids: [ADMIN_USER_ID] });
    expect(users[0]?.name).toBe('Avery Admin');
  });

  it('pages through 1,201 jobs with the cursor sent alone', async () => {
    const { sandbox, client } = setup({ extraJobs: 1196 });
    const jobs = await client.api(null).listJobs();
    expect(jobs).toHaveLength(1201);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(1201);
    const pages = sandbox.requests.filter((r) => r.path === '/v3/jobs');
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query).toEqual({ per_page: '500' });
    for (const page of pages.slice(1)) expect(Object.keys(page.query)).toEqual(['cursor']);
    const open = await client.api(null).listJobs('open');
    expect(open.every((j) => j.status === 'open')).toBe(true);
  });

  it('re-mints once when the token expires mid-run', async () => {
    const { sandbox, client } = setup();
    const api = client.api(null);
    await api.listJobs();
    sandbox.expireTokens();
    await api.listJobs();
    expect(sandbox.requests.filter((r) => r.path === '/token')).toHaveLength(2);
    expect(sandbox.requests.filter((r) => r.path === '/v3/jobs').map((r) => r.status)).toEqual([
      200, 401, 200,
    ]);
  });

  it('gives up after one re-mint when Greenhouse keeps answering 401', async () => {
    const { sandbox, client } = setup();
    sandbox.injectFault({
      path: '/v3/jobs',
      times: 5,
      action: { type: 'status', status: 401, body: { message: 'Unauthorized' } },
    });
    const error = await failure(client.api(null).listJobs());
    expect(error.kind).toBe('unauthorized');
    expect(sandbox.requests.filter((r) => r.path === '/token')).toHaveLength(2);
    expect(sandbox.requests.filter((r) => r.path === '/v3/jobs')).toHaveLength(2);
  });

  it('says "Invalid client ID or secret" for a wrong secret', async () => {
    const { client } = setup(
      {},
      { credential: { clientId: DEMO_CREDENTIAL.clientId, clientSecret: 'wrong' } },
    );
    const error = await failure(client.api(null).listJobs());
    expect(error.kind).toBe('invalid_credentials');
    expect(error.message).toMatch(/^Invalid client ID or secret/);
  });

  it('names the missing scope and the probe tells granted from missing', async () => {
    const limited = {
      clientId: 'limited',
      clientSecret: 's3cret',
      scopes: ALL_SCOPES.filter((s) => s !== 'harvest:notes:create' && s !== 'harvest:jobs:list'),
    };
    const { sandbox, client } = setup({ credentials: [limited] }, { credential: limited });
    const api = client.api(null);
    const candidate = written((await api.createCandidate({ first_name: 'No', last_name: 'Notes' })).person);
    const error = await failure(
      api.createNote({ candidate_id: candidate.id, body: 'x', visibility: 'private', note_type: 'NOTE' }),
    );
    expect(error.kind).toBe('forbidden');
    expect(error.scope).toBe('harvest:notes:create');
    expect(error.message).toContain('harvest:notes:create');
    const writesBefore = sandbox.candidates.length;
    const results = Object.fromEntries(
      await Promise.all(
        [...REQUIRED_SCOPES, ...OPTIONAL_SCOPES].map(async (s) => [s, await api.probeScope(s)]),
      ),
    );
    expect(results['harvest:notes:create']).toBe('missing');
    expect(results['harvest:jobs:list']).toBe('missing');
    expect(results['harvest:candidates:create']).toBe('granted');
    expect(results['harvest:candidates:update']).toBe('granted');
    expect(results['harvest:attachments:create']).toBe('granted');
    expect(sandbox.candidates.length).toBe(writesBefore);
    expect(sandbox.notes).toHaveLength(0);
  });

  it('refuses lists for an act-as user who is not a Site Admin', async () => {
    const { client } = setup();
    const error = await failure(client.api(RECRUITER_USER_ID).listJobs());
    expect(error.kind).toBe('forbidden');
    expect(await client.api(ADMIN_USER_ID).listJobs()).not.toHaveLength(0);
  });

  it("surfaces Greenhouse's 422 field messages", async () => {
    const { client } = setup();
    const error = await failure(client.api(null).createCandidate({ first_name: 'Solo', last_name: '' }));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([{ field: 'last_name', message: "can't be blank" }]);
    expect(error.message).toContain("last_name: can't be blank");
    expect(error.retryable).toBe(false);
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const { sandbox, client } = setup();
    sandbox.injectFault({
      path: '/v3/jobs',
      action: { type: 'status', status: 429, body: { message: 'Too Many Requests' }, retryAfterSeconds: 7 },
    });
    const started = Date.now();
    let done = false;
    const jobs = client
      .api(null)
      .listJobs()
      .finally(() => {
        done = true;
      });
    await vi.advanceTimersByTimeAsync(6_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect((await jobs).length).toBeGreaterThan(0);
    const calls = sandbox.requests.filter((r) => r.path === '/v3/jobs');
    expect(calls.map((r) => r.status)).toEqual([429, 200]);
    expect(calls[1]!.at - started).toBeGreaterThanOrEqual(7_000);
  });

  it('never exceeds the rate limit over 500 calls and keeps close to it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-28T10:00:00.000Z'));
    const limit = 25;
    const windowMs = 5_000;
    const { sandbox, client } = setup({ rateLimit: { limit, windowMs } });
    const api = client.api(null);
    let finished = 0;
    const worker = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await api.getCandidates([1]);
        finished += 1;
      }
    };
    const all = Promise.all(Array.from({ length: 10 }, () => worker(50)));
    while (finished < 500) await vi.advanceTimersByTimeAsync(100);
    await all;
    const calls = sandbox.requests.filter((r) => r.path === '/v3/candidates');
    expect(calls.filter((r) => r.status === 429)).toHaveLength(0);
    const perWindow = new Map<number, number>();
    for (const call of calls)
      perWindow.set(Math.floor(call.at / windowMs), (perWindow.get(Math.floor(call.at / windowMs)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(limit);
    // 500 calls at 25 per 5 s need 20 windows; allow a little slack for the learning request.
    expect(perWindow.size).toBeLessThanOrEqual(22);
  });

  it('turns malformed JSON and unexpected shapes into typed errors', async () => {
    const { sandbox, client } = setup();
    sandbox.injectFault({ path: '/v3/jobs', action: { type: 'status', status: 200, rawBody: '{"oops":' } });
    expect((await failure(client.api(null).listJobs())).kind).toBe('bad_response');
    sandbox.injectFault({
      path: '/v3/jobs',
      action: { type: 'status', status: 200, rawBody: '{"not":"an array"}' },
    });
    expect((await failure(client.api(null).listJobs())).kind).toBe('bad_response');
  });

  it('reports 5xx as transient and a dropped connection as unreachable', async () => {
    const { sandbox, client } = setup();
    sandbox.injectFault({ path: '/v3/jobs', action: { type: 'status', status: 503 } });
    const transient = await failure(client.api(null).listJobs());
    expect([transient.kind, transient.retryable]).toEqual(['transient', true]);
    sandbox.injectFault({ path: '/v3/candidates', method: 'POST', action: { type: 'drop-after-commit' } });
    const dropped = await failure(
      client.api(null).createCandidate({ first_name: 'Lost', last_name: 'Answer' }),
    );
    expect(dropped.kind).toBe('unreachable');
    expect(dropped.message).toBe("Can't reach Greenhouse");
    expect(sandbox.candidates).toHaveLength(1);
  });

  it('refuses to follow a next link off the Harvest host', async () => {
    expect(nextLink('<https://harvest.greenhouse.io/v3/jobs?cursor=abc>; rel="next"')).toBe(
      'https://harvest.greenhouse.io/v3/jobs?cursor=abc',
    );
    expect(nextLink('<https://x/y>; rel="prev"')).toBeNull();
    const { sandbox } = setup();
    const leaky: typeof fetch = async (input, init) => {
      const response = await sandbox.fetch(input, init);
      if (!String(input instanceof Request ? input.url : input).includes('/v3/jobs')) return response;
      return new Response('[]', {
        status: 200,
        headers: { link: '<https://evil.example/v3/jobs?cursor=x>; rel="next"' },
      });
    };
    const leakyClient = createHarvestClient({
      credentials: async () => DEMO_CREDENTIAL,
      tokenCache: memoryTokenCache(),
      fetch: leaky,
    });
    expect((await failure(leakyClient.api(null).listJobs())).kind).toBe('bad_response');
    expect(sandbox.requests.some((r) => r.host === 'evil.example')).toBe(false);
  });
});

describe('the rate governor gives exports priority over background work', () => {
  it('never lets the index delay an export by more than one request, and leaves exports a reserve', async () => {
    const { RateGovernor, reserveFor } = await import('./governor');
    const now = 0;
    const sleeps: number[] = [];
    // A clock that stands still: a sleep never ends by itself, so a waiting request stays waiting.
    const governor = new RateGovernor({
      now: () => now,
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise(() => {});
      },
    });
    const headers = (remaining: number) =>
      new Headers({
        'x-ratelimit-limit': '40',
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': '30',
      });
    const first = await governor.acquire('export');
    governor.observe(headers(39), 200);
    first();
    // One background request is out; a second background request waits for it, an export does not.
    const background = await governor.acquire('background');
    let secondStarted = false;
    const second = governor.acquire('background').then((release) => {
      secondStarted = true;
      return release;
    });
    const exportRelease = await governor.acquire('export');
    await Promise.resolve();
    expect(secondStarted).toBe(false);
    exportRelease();
    background();
    (await second)();
    expect(secondStarted).toBe(true);
    // With the window nearly used, background work stops at the reserve and exports still go.
    governor.observe(headers(reserveFor(40)), 200);
    const waiting = governor.acquire('background');
    let backgroundGot = false;
    void waiting.then(() => {
      backgroundGot = true;
    });
    await Promise.resolve();
    const stillFree = await governor.acquire('export');
    stillFree();
    expect(backgroundGot).toBe(false);
    expect(reserveFor(40)).toBe(5);
    // It waits for the window to reset, not for an answer.
    expect(sleeps.at(-1)).toBeGreaterThan(29_000);
  });
});
