import { describe, expect, it } from 'vitest';
import type { StatusObservation } from '../model/pin';
import type { Rule } from '../model/rule';
import { EMPTY_WATCH_STATE, type PinAnswer, type WatchState } from '../model/watch';
import { parsePipeline } from '../pin/json';
import { BUILTIN_PIN_MAPPING } from '../pin/mapping/builtin';
import { BACKGROUND_RETRY_MS, type PinReader, PipelineWatcher } from './watcher';

const rule = (pinJobId: string, enabled = true): Rule => ({
  pinJobId,
  pinJobTitle: `Job ${pinJobId}`,
  greenhouseJobId: 5001,
  greenhouseJobName: 'Senior Backend Engineer',
  trigger: 'replied',
  enabled,
  enabledAt: 1,
  updatedAt: 1,
});

const pipeline = (jobId: string, status = 'replied') => ({
  job: { id: jobId, title: `Job ${jobId}` },
  rows: [{ candidateId: 'c-1', status, events: [{ type: 'replied', at: '2026-12-01T10:00:00Z' }] }],
});

type Responder = (url: string, etag: string | null) => PinAnswer;
const answer = (status: number, body: unknown = '', extra: Partial<PinAnswer> = {}): PinAnswer => ({
  status,
  etag: null,
  contentType: 'application/json',
  retryAfter: null,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  url: '',
  ...extra,
});

/** A reader that answers from `respond` and records what was asked; `open: false` is a path with no tab. */
function reader(respond: Responder, open = true) {
  const asked: { url: string; etag: string | null }[] = [];
  const calls: number[] = [];
  const r: PinReader & { asked: typeof asked; calls: typeof calls; open: boolean; respond: Responder } = {
    asked,
    calls,
    open,
    respond,
    read: async (requests) => {
      calls.push(requests.length);
      if (!r.open) return null;
      asked.push(...requests);
      return requests.map((q) => ({ ...r.respond(q.url, q.etag), url: q.url }));
    },
  };
  return r;
}

const jobOf = (url: string) => /\/api\/jobs\/([^/]+)\/pipeline$/.exec(url)?.[1] ?? '?';

function setUp(options: { rules: Rule[]; background: Responder; tab?: Responder; tabOpen?: boolean }) {
  let state: WatchState = EMPTY_WATCH_STATE;
  let now = 1_000_000;
  const observed: StatusObservation[][] = [];
  let missing = 0;
  const background = reader(options.background);
  const tab = reader(options.tab ?? (() => answer(500)), options.tabOpen ?? false);
  const watcher = new PipelineWatcher({
    background,
    tab,
    mapping: async () => BUILTIN_PIN_MAPPING,
    rules: async () => options.rules,
    observe: async (observations) => {
      observed.push(observations);
      return { missingProfiles: missing };
    },
    load: async () => state,
    save: async (next) => {
      state = structuredClone(next);
    },
    now: () => now,
  });
  return {
    watcher,
    background,
    tab,
    observed,
    state: () => state,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
    setMissing: (n: number) => {
      missing = n;
    },
  };
}

describe('the background watcher (SPEC §6.1)', () => {
  it('reads each enabled job once, conditionally, through the worker; an unchanged pipeline is a 304', async () => {
    const etags = new Map<string, string>();
    const t = setUp({
      rules: [rule('j-1'), rule('j-2'), rule('j-off', false)],
      background: (url, etag) => {
        const tag = `"v1-${jobOf(url)}"`;
        etags.set(url, tag);
        return etag === tag ? answer(304) : answer(200, pipeline(jobOf(url)), { etag: tag });
      },
    });
    await t.watcher.check();
    expect(t.background.asked.map((q) => jobOf(q.url))).toEqual(['j-1', 'j-2']);
    expect(t.observed.flat().map((o) => `${o.jobId}/${o.candidateId}/${o.status}`)).toEqual([
      'j-1/c-1/replied',
      'j-2/c-1/replied',
    ]);
    expect(t.state().jobs['j-1']).toMatchObject({ status: 'background', etag: '"v1-j-1"', reason: null });
    expect(t.state().backgroundWorked).toBe(true);

    t.advance(60_000);
    await t.watcher.check();
    // Second check: one conditional request per job, both 304, nothing observed again; the disabled job never.
    expect(t.background.asked.slice(2)).toEqual([
      { url: 'https://app.pin.com/api/jobs/j-1/pipeline', etag: '"v1-j-1"' },
      { url: 'https://app.pin.com/api/jobs/j-2/pipeline', etag: '"v1-j-2"' },
    ]);
    expect(t.observed).toHaveLength(2);
    expect(t.state().jobs['j-1']!.lastCheckAt).toBe(t.now());
    expect(t.background.asked.some((q) => q.url.includes('j-off'))).toBe(false);
    expect(t.tab.calls).toEqual([]);
  });

  it('with no enabled rule it asks Pin nothing', async () => {
    const t = setUp({ rules: [rule('j-1', false)], background: () => answer(200, pipeline('j-1')) });
    await t.watcher.check();
    expect(t.background.calls).toEqual([]);
    expect(t.state().jobs).toEqual({});
  });

  it('a refused worker (a SameSite=Lax session) reads through an open Pin tab, one request per job per check', async () => {
    const t = setUp({
      rules: [rule('j-1'), rule('j-2')],
      background: () => answer(401, { error: 'Sign in' }),
      tab: (url) => answer(200, pipeline(jobOf(url))),
      tabOpen: true,
    });
    await t.watcher.check();
    // j-1 proved the worker is refused; j-2 went through the tab at once; j-1 waits for the next check.
    expect(t.background.asked.map((q) => jobOf(q.url))).toEqual(['j-1']);
    expect(t.tab.asked.map((q) => jobOf(q.url))).toEqual(['j-2']);
    expect(t.state().path).toBe('tab');
    expect(t.state().jobs['j-1']!.status).toBe('tab');
    expect(t.state().jobs['j-2']).toMatchObject({ status: 'tab', reason: null });

    t.advance(60_000);
    await t.watcher.check();
    expect(t.background.asked).toHaveLength(1);
    expect(t.tab.asked.slice(1).map((q) => jobOf(q.url))).toEqual(['j-1', 'j-2']);
    expect(t.observed.flat().map((o) => o.jobId)).toEqual(['j-2', 'j-1', 'j-2']);

    // Now and then the worker's own path is tried again, on one job.
    t.advance(BACKGROUND_RETRY_MS);
    await t.watcher.check();
    expect(t.background.asked).toHaveLength(2);
    expect(t.state().path).toBe('tab');
  });

  it('refused with no Pin tab: "Keep a Pin tab open", and the missed event fires once a tab opens', async () => {
    const t = setUp({
      rules: [rule('j-1')],
      background: () => answer(401),
      tab: (url) => answer(200, pipeline(jobOf(url))),
    });
    await t.watcher.check();
    expect(t.state().jobs['j-1']).toMatchObject({ status: 'needs_tab' });
    expect(t.state().jobs['j-1']!.reason).toContain('Pin answered 401');
    expect(t.observed).toHaveLength(0);

    t.tab.open = true;
    t.advance(60_000);
    await t.watcher.check();
    expect(t.state().jobs['j-1']!.status).toBe('tab');
    t.advance(60_000);
    await t.watcher.check();
    expect(t.observed.flat().map((o) => o.candidateId)).toEqual(['c-1']);
    expect(t.state().jobs['j-1']).toMatchObject({ status: 'tab', lastCheckAt: t.now() });
  });

  it('a refusal where Pin answered before is "Sign in to Pin", and it resumes by itself', async () => {
    let signedIn = true;
    const t = setUp({
      rules: [rule('j-1')],
      background: (url) => (signedIn ? answer(200, pipeline(jobOf(url))) : answer(401)),
    });
    await t.watcher.check();
    signedIn = false;
    t.advance(60_000);
    await t.watcher.check();
    expect(t.state().jobs['j-1']!.status).toBe('signed_out');
    // No error loop: one request per check while signed out.
    t.advance(60_000);
    await t.watcher.check();
    expect(t.background.asked).toHaveLength(3);
    signedIn = true;
    t.advance(60_000);
    await t.watcher.check();
    expect(t.state().jobs['j-1']).toMatchObject({ status: 'background', reason: null });
  });

  it('a Pin tab refused too, or a sign-in page after a redirect, is "Sign in to Pin"', async () => {
    const t = setUp({
      rules: [rule('j-1'), rule('j-2')],
      background: (url) =>
        answer(200, '<!doctype html><h1>Sign in to Pin</h1>', {
          contentType: 'text/html',
          url: url.replace(/\/api\/.*/, '/signin'),
        }),
      tab: () => answer(401),
      tabOpen: true,
    });
    // The reader reports the URL it was asked; the redirect is what the worker's fetch saw.
    t.background.read = async (requests) => requests.map((q) => t.background.respond(q.url, q.etag));
    await t.watcher.check();
    expect(t.state().jobs['j-2']).toMatchObject({ status: 'signed_out' });
    expect(t.state().jobs['j-1']!.status).toBe('signed_out');
  });

  it('an unreadable route (404, not JSON, not a pipeline) is "Runs while its pipeline is open in Pin"', async () => {
    for (const [bad, words] of [
      [answer(404, { error: 'no route' }), 'Pin answered 404'],
      [answer(200, 'not json', { contentType: 'text/plain' }), 'is not JSON'],
      [answer(200, { data: [] }), 'is not a pipeline'],
    ] as const) {
      const t = setUp({ rules: [rule('j-1')], background: () => bad });
      await t.watcher.check();
      expect(t.state().jobs['j-1']).toMatchObject({ status: 'unreadable', etag: null });
      expect(t.state().jobs['j-1']!.reason).toContain(words);
    }
  });

  it('backs off on 429 (honouring Retry-After) and 5xx, and asks nothing meanwhile', async () => {
    let status = 429;
    const t = setUp({
      rules: [rule('j-1')],
      background: (url) =>
        status === 200 ? answer(200, pipeline(jobOf(url))) : answer(status, '', { retryAfter: '300' }),
    });
    await t.watcher.check();
    expect(t.state().jobs['j-1']!.backoffUntil).toBe(t.now() + 300_000);
    t.advance(120_000);
    await t.watcher.check();
    expect(t.background.asked).toHaveLength(1);
    t.advance(181_000);
    status = 503;
    await t.watcher.check();
    expect(t.background.asked).toHaveLength(2);
    // The second failure in a row waits 2 minutes by itself, but Pin's Retry-After (5 minutes) is longer: it wins.
    expect(t.state().jobs['j-1']!.backoffUntil).toBe(t.now() + 300_000);
    t.advance(300_000);
    status = 200;
    await t.watcher.check();
    expect(t.state().jobs['j-1']).toMatchObject({ status: 'background', failures: 0, backoffUntil: null });
  });

  it('a rule that fired for someone whose details could not be read sees the pipeline in full next time', async () => {
    const t = setUp({
      rules: [rule('j-1')],
      background: (url, etag) => (etag ? answer(304) : answer(200, pipeline(jobOf(url)), { etag: '"e"' })),
    });
    t.setMissing(1);
    await t.watcher.check();
    expect(t.state().jobs['j-1']!.etag).toBeNull();
    t.setMissing(0);
    await t.watcher.check();
    expect(t.observed).toHaveLength(2);
    expect(t.state().jobs['j-1']!.etag).toBe('"e"');
  });
});

describe("Pin's pipeline JSON, read liberally", () => {
  it('takes words in any case and numeric ids, keeps the latest time per event, and skips what it cannot read', () => {
    const read = parsePipeline(
      {
        job: { id: 'j-1', title: ' Backend ' },
        rows: [
          {
            candidateId: 7,
            status: 'Replied',
            events: [
              { type: 'ADDED_TO_SEQUENCE', at: '2026-11-01T10:00:00Z' },
              { type: 'added_to_sequence', at: '2026-11-03T10:00:00+01:00' },
              { type: 'replied', at: 'yesterday' },
              { type: 'clicked', at: '2026-11-04T10:00:00Z' },
            ],
            extra: true,
          },
          { candidateId: 'c-2', status: 'in sequence' },
          { candidateId: 'c-3', status: 'archived' },
          'nonsense',
        ],
      },
      'j-1',
    );
    expect(read).toEqual({
      job: { id: 'j-1', title: 'Backend' },
      observations: [
        {
          jobId: 'j-1',
          candidateId: '7',
          status: 'replied',
          eventTimes: { added_to_sequence: '2026-11-03T09:00:00.000Z' },
        },
        { jobId: 'j-1', candidateId: 'c-2', status: 'in_sequence', eventTimes: {} },
      ],
      skipped: 2,
    });
    expect(parsePipeline({ candidates: [] }, 'j-1')).toBeNull();
    expect(parsePipeline([], 'j-1')).toBeNull();
  });
});
