import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { driftAnswer, driftObject, inScope } from '../../tests/harvest-sandbox/drift';
import { ADMIN_USER_ID } from '../../tests/harvest-sandbox/fixtures';
import { setup } from '../../tests/support/greenhouse-helpers';
import { NEEDS, OBJECT_KINDS, type ObjectKind, withNeeds } from './schemas';

/** One raw sandbox object of every kind the product reads, as the sandbox sends it in normal mode. */
async function samples(): Promise<Record<ObjectKind, Record<string, unknown>[]>> {
  const { client } = setup({ employmentStartDate: 'optional' });
  const raw = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
    (await client.http.request({ method, path, body, scope: 's', schema: z.unknown(), actAs: ADMIN_USER_ID }))
      .data as never;
  const { candidate, application } = await raw('POST', '/v3/candidates', {
    first_name: 'Drift',
    last_name: 'Test',
    company: 'Co',
    title: 'T',
    email_addresses: [{ value: 'drift@example.com', type: 'work' }],
    phone_numbers: [{ value: '+14155550100', type: 'mobile' }],
    addresses: [{ value: 'Paris', type: 'home' }],
    social_media_addresses: [{ value: 'https://www.linkedin.com/in/drift' }],
    tags: ['a'],
    application: { job_id: 5001 },
  });
  const c = candidate as { id: number };
  const a = application as { id: number };
  return {
    candidate: [candidate],
    application: [application],
    attachment: [
      await raw('POST', '/v3/attachments', {
        application_id: a.id,
        filename: 'cv.pdf',
        type: 'resume',
        content: 'JVBERg==',
      }),
    ],
    note: [
      await raw('POST', '/v3/notes', {
        candidate_id: c.id,
        body: 'n',
        visibility: 'private',
        note_type: 'NOTE',
      }),
    ],
    candidate_employment: [
      await raw('POST', '/v3/candidate_employments', {
        candidate_id: c.id,
        company_name: 'Co',
        title: 'T',
        start_date: '2020-01-01',
      }),
      await raw('POST', '/v3/candidate_employments', {
        candidate_id: c.id,
        company_name: 'Co',
        title: 'Intern',
      }),
    ],
    candidate_education: [await raw('POST', '/v3/candidate_educations', { candidate_id: c.id })],
    job: await raw('GET', '/v3/jobs'),
    user: await raw('GET', '/v3/users'),
    source: await raw('GET', '/v3/sources'),
    custom_field_option: await raw('GET', '/v3/custom_field_options'),
  };
}

describe('drifted answers', () => {
  it('the client schemas accept every drifted object of every kind, and read its needed fields unchanged', async () => {
    const all = await samples();
    for (const kind of OBJECT_KINDS) {
      const schema = withNeeds(kind);
      expect(all[kind].length, kind).toBeGreaterThan(0);
      for (const original of all[kind]) {
        const expected = schema.parse(original) as Record<string, unknown>;
        const changedKeys = new Set<string>();
        for (let seed = 0; seed < 24; seed++) {
          const drifted = driftObject(kind, original, seed);
          for (const key of Object.keys(original))
            if (JSON.stringify(drifted[key]) !== JSON.stringify(original[key])) changedKeys.add(key);
          const parsed = schema.safeParse(drifted);
          expect(parsed.success, `${kind} seed ${seed}: ${parsed.error?.message}`).toBe(true);
          for (const field of Object.keys(NEEDS[kind].read))
            expect((parsed.data as Record<string, unknown>)[field], `${kind}.${field}`).toEqual(
              expected[field],
            );
        }
        // Drift really changes every field the product does not need.
        const notNeeded = Object.keys(original).filter((k) => !(k in NEEDS[kind].read));
        expect([...changedKeys].sort(), kind).toEqual(notNeeded.sort());
      }
    }
  });

  it('needed fields are read liberally: numeric strings, enum words in other cases, bare strings for values', () => {
    const job = withNeeds('job').parse({ id: '5001', name: 42, status: 'OPEN', requisition_id: null });
    expect(job).toMatchObject({ id: 5001, name: '42', status: 'open', requisition_id: null });
    const candidate = withNeeds('candidate').parse({
      id: 7,
      email_addresses: ['a@b.c', { value: 'd@e.f' }, 3],
    });
    expect(candidate.email_addresses).toEqual([{ value: 'a@b.c' }, { value: 'd@e.f' }]);
    expect(withNeeds('application').parse({ id: 1, prospect: 'true', job_id: '9' })).toMatchObject({
      prospect: true,
      job_id: 9,
    });
  });

  it('an object without a usable id is refused, by one schema per kind built once', () => {
    for (const id of [undefined, null, 'abc', 0, -3, 1.5, [1]])
      expect(withNeeds('note').safeParse({ id, body: 'x' }).success, String(id)).toBe(false);
    expect(withNeeds('note')).toBe(withNeeds('note'));
    expect(withNeeds('job')).not.toBe(withNeeds('note'));
  });

  it('the create-candidate envelope drifts as two objects, and scopes pick endpoints', () => {
    const body = {
      candidate: { id: 1, first_name: 'A', private: false },
      application: { id: 2, status: 'in_process' },
    };
    const drifted = driftAnswer('/v3/candidates', body, 3) as { candidate: Record<string, unknown> };
    expect(drifted.candidate.id).toBe(1);
    expect(drifted.candidate.first_name).toBe('A');
    expect(drifted.candidate.private).not.toBe(false);
    expect(inScope(['POST /v3/notes'], 'POST', '/v3/notes')).toBe(true);
    expect(inScope(['POST /v3/notes'], 'GET', '/v3/notes')).toBe(false);
    expect(inScope(['/v3/candidates/{id}'], 'PATCH', '/v3/candidates/12')).toBe(true);
    expect(inScope(true, 'GET', '/v3/jobs')).toBe(true);
    expect(inScope(false, 'GET', '/v3/jobs')).toBe(false);
  });
});
