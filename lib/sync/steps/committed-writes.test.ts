import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UNREADABLE_BODIES, type UnreadableBody } from '../../../tests/harvest-sandbox/drift';
import { ALL_SCOPES } from '../../../tests/harvest-sandbox/fixtures';
import { harness, pin, request } from '../../../tests/support/sync-harness';

const LIST_SCOPES = [
  'harvest:applications:list',
  'harvest:attachments:list',
  'harvest:notes:list',
  'harvest:candidate_employments:list',
];
const WITHOUT_LISTS = ALL_SCOPES.filter((s) => !LIST_SCOPES.includes(s));

/** Each write Greenhouse accepted, by endpoint and body: none may appear twice. */
function repeatedWrites(h: ReturnType<typeof harness>): string[] {
  const seen = new Map<string, number>();
  for (const w of h.sandbox.writes()) {
    const key = `${w.method} ${w.path} ${JSON.stringify(w.body)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key]) => key.slice(0, 120));
}

async function exportUntilSettled(h: ReturnType<typeof harness>, id: string) {
  await h.queue.drain();
  for (let i = 0; i < 4 && (await h.store.item(id))!.state === 'queued'; i++) await h.drainAll();
  return (await h.store.item(id))!;
}

const STEPS = [
  { step: 'person (with the application)', endpoint: 'POST /v3/candidates', candidate: 'c-ada', job: 5001 },
  { step: 'person without email', endpoint: 'POST /v3/candidates', candidate: 'c-noemail', job: 5002 },
  { step: 'prospect application', endpoint: 'POST /v3/applications', candidate: 'c-jose', job: null },
  { step: 'each employment', endpoint: 'POST /v3/candidate_employments', candidate: 'c-ada', job: 5001 },
  { step: 'resume', endpoint: 'POST /v3/attachments', candidate: 'c-ada', job: 5001 },
  { step: 'note', endpoint: 'POST /v3/notes', candidate: 'c-ada', job: 5001 },
] as const;

describe('a write Greenhouse answered with an unreadable 2xx is done, read back or flagged, and never sent twice', () => {
  beforeEach(() => fakeBrowser.reset());

  for (const { step, endpoint, candidate, job } of STEPS) {
    for (const [scopes, label] of [
      [ALL_SCOPES, 'with the list scopes'],
      [WITHOUT_LISTS, 'without the list scopes'],
    ] as const) {
      for (const body of UNREADABLE_BODIES) {
        it(`${step}, ${label}, answer ${body}`, async () => {
          const h = harness({
            scopes: [...scopes],
            sandbox: { unreadable: [endpoint], unreadableBodies: [body as UnreadableBody] },
          });
          const { item } = await h.queue.enqueue(
            request(candidate, job, job === 5002 ? 'j-design' : 'j-backend'),
          );
          const final = await exportUntilSettled(h, item.id);
          expect(repeatedWrites(h)).toEqual([]);
          expect(h.sandbox.requests.some((r) => r.unreadable === body)).toBe(true);
          expect(final.state).toBe('done');
          // The sandbox refuses employments without a start date by default (a warning, not a failure).
          const experience = pin(candidate).experience.filter((x) => x.start).length;
          expect(h.tally()).toMatchObject({
            candidates: 1,
            applications: 1,
            notes: 1,
            employments: experience,
          });
          const applicationKnown =
            final.steps.application?.status === 'done' && final.steps.application.id !== null;
          // The resume hangs off the application: uploaded once when its id is known, else flagged, never guessed.
          expect(h.sandbox.attachments).toHaveLength(applicationKnown ? 1 : 0);
          const record = await h.store.record(candidate);
          expect(record?.greenhouseCandidateId).toBe(h.sandbox.candidates[0]!.id);
          if (scopes === ALL_SCOPES || (endpoint === 'POST /v3/candidates' && !final.steps.application)) {
            // Read back: every id is known.
            const ids = [
              final.steps.application,
              final.steps.resume,
              final.steps.note,
              ...(final.steps.employments ?? []),
            ].flatMap((s) => (s?.status === 'done' ? [s.id] : []));
            expect(ids).not.toContain(null);
          } else {
            expect(final.warnings.join('\n')).toMatch(/Greenhouse's answer was unreadable/);
          }
        });
      }
    }
  }
});

describe('answers that never arrived', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a lost resume answer without harvest:attachments:list stops for a person, and only Retry sends it again', async () => {
    const h = harness({ scopes: WITHOUT_LISTS });
    h.sandbox.injectFault({ method: 'POST', path: '/v3/attachments', action: { type: 'drop-after-commit' } });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    await exportUntilSettled(h, item.id);
    await h.drainAll();
    const stopped = (await h.store.item(item.id))!;
    expect(stopped).toMatchObject({ state: 'failed', lastError: { code: 'uncertain' } });
    expect(stopped.lastError!.message).toContain('harvest:attachments:list');
    expect(stopped.lastError!.message).toContain('Retry sends it again');
    expect(h.sandbox.attachments).toHaveLength(1);
    await h.queue.retry(item.id);
    await h.queue.drain();
    const after = (await h.store.item(item.id))!;
    expect(after).toMatchObject({ state: 'done', confirmResend: false });
    expect(h.sandbox.attachments).toHaveLength(2);
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, notes: 1, employments: 4 });
  });

  it('lost note and employment answers without their list scopes are flagged, not sent again', async () => {
    const h = harness({ scopes: WITHOUT_LISTS });
    h.sandbox.injectFault({ method: 'POST', path: '/v3/notes', action: { type: 'drop-after-commit' } });
    h.sandbox.injectFault({
      method: 'POST',
      path: '/v3/candidate_employments',
      action: { type: 'drop-after-commit' },
    });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    const final = await exportUntilSettled(h, item.id);
    expect(final.state).toBe('done');
    expect(h.tally()).toEqual({ candidates: 1, applications: 1, attachments: 1, notes: 1, employments: 4 });
    expect(final.warnings).toHaveLength(2);
    expect(final.warnings.join('\n')).toContain('without harvest:notes:list');
    expect(final.warnings.join('\n')).toContain('without harvest:candidate_employments:list');
  });

  it('a lost application answer without harvest:applications:list stops and names the scope', async () => {
    const h = harness({ scopes: WITHOUT_LISTS });
    h.sandbox.injectFault({
      method: 'POST',
      path: '/v3/applications',
      action: { type: 'drop-after-commit' },
    });
    const { item } = await h.queue.enqueue(request('c-jose', null));
    const stopped = await exportUntilSettled(h, item.id);
    expect(stopped).toMatchObject({
      state: 'failed',
      lastError: { code: 'uncertain', scope: 'harvest:applications:list' },
    });
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, attachments: 0 });
  });

  it('a write Greenhouse refused (4xx) is not left pending and is sent again by a retry', async () => {
    const h = harness({ scopes: WITHOUT_LISTS });
    h.sandbox.injectFault({
      method: 'POST',
      path: '/v3/attachments',
      action: { type: 'status', status: 422, body: { errors: [{ filename: 'is blocked' }] } },
    });
    const { item } = await h.queue.enqueue(request('c-ada', 5001));
    const failed = await exportUntilSettled(h, item.id);
    expect(failed).toMatchObject({ state: 'failed', lastError: { code: 'validation' } });
    expect(failed.steps.resume).toEqual({ status: 'todo' });
    await h.queue.retry(item.id);
    await h.queue.drain();
    expect((await h.store.item(item.id))!.state).toBe('done');
    expect(h.sandbox.attachments).toHaveLength(1);
  });
});

describe('employments without a start date', () => {
  beforeEach(() => fakeBrowser.reset());
  const noStart = () => {
    const base = request('c-ada', 5001);
    const experience = base.candidate.experience.map((x, i) => (i === 2 ? { ...x, start: null } : x));
    return { ...base, candidate: { ...base.candidate, experience } };
  };

  it('Greenhouse accepting one (201 with a null start_date) saves all of them', async () => {
    const h = harness({ sandbox: { employmentStartDate: 'optional', drift: true } });
    const { item } = await h.queue.enqueue(noStart());
    const final = await exportUntilSettled(h, item.id);
    expect(final.state).toBe('done');
    expect(final.warnings).toEqual([]);
    expect(h.sandbox.employments).toHaveLength(4);
    expect(h.sandbox.employments.filter((e) => e.start_date === null)).toHaveLength(1);
  });

  it('Greenhouse refusing one (422 naming start_date) gives a ledger warning and the export goes on', async () => {
    const h = harness({ sandbox: { employmentStartDate: 'required' } });
    const { item } = await h.queue.enqueue(noStart());
    const final = await exportUntilSettled(h, item.id);
    expect(final.state).toBe('done');
    expect(h.sandbox.employments).toHaveLength(3);
    expect(final.warnings).toHaveLength(1);
    expect(final.warnings[0]).toMatch(
      /employment .* was not saved: Greenhouse rejected the data: start_date/,
    );
    expect(h.tally()).toMatchObject({ candidates: 1, applications: 1, attachments: 1, notes: 1 });
  });
});

describe('an export against answers that drift from the document everywhere', () => {
  beforeEach(() => fakeBrowser.reset());

  it('finishes once, with every id read, for new, linked and prospect candidates', async () => {
    const h = harness({ sandbox: { drift: true } });
    h.sandbox.seedCandidate({ first_name: 'Sven', last_name: 'A', emails: ['sven@angstrom.example'] });
    const items = [
      (await h.queue.enqueue(request('c-ada', 5001))).item,
      (await h.queue.enqueue(request('c-jose', null))).item,
      (await h.queue.enqueue(request('c-imported', 5003, 'j-sales'))).item,
    ];
    for (const item of items) {
      const final = await exportUntilSettled(h, item.id);
      expect(final.state, item.pinCandidateId).toBe('done');
      expect(final.warnings, item.pinCandidateId).toEqual([]);
    }
    expect(repeatedWrites(h)).toEqual([]);
    expect(h.tally()).toEqual({ candidates: 3, applications: 3, attachments: 2, notes: 3, employments: 6 });
  });
});
