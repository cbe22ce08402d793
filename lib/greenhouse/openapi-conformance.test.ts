import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADMIN_USER_ID } from '../../tests/harvest-sandbox/fixtures';
import { type ComponentName, componentErrors, OPENAPI_PATH } from '../../tests/harvest-sandbox/openapi';
import { setup } from '../../tests/support/greenhouse-helpers';
import {
  applicationSchema,
  attachmentSchema,
  candidateSchema,
  customFieldOptionSchema,
  educationSchema,
  employmentSchema,
  jobSchema,
  noteSchema,
  sourceSchema,
  userSchema,
} from './schemas';

const ZOD: Record<ComponentName, z.ZodType> = {
  candidate: candidateSchema,
  application: applicationSchema,
  attachment: attachmentSchema,
  note: noteSchema,
  candidate_employment: employmentSchema,
  candidate_education: educationSchema,
  job: jobSchema,
  user: userSchema,
  source: sourceSchema,
  custom_field_option: customFieldOptionSchema,
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  format?: string;
};
const doc = JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) as {
  components: { schemas: Record<string, JsonSchema> };
};

/** A value for a schema: null wherever null is allowed (when `preferNull`), else a plain sample. */
function sample(schema: JsonSchema, preferNull: boolean): unknown {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (preferNull && types.includes('null')) return null;
  if (schema.enum) return schema.enum.find((v) => v !== null);
  const type = types.find((t) => t !== 'null');
  if (type === 'object' || schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, preferNull)]),
    );
  }
  if (type === 'array') return schema.items ? [sample(schema.items, preferNull)] : [];
  if (type === 'integer' || type === 'number') return 7;
  if (type === 'boolean') return true;
  if (schema.format === 'date-time') return '2026-01-02T03:04:05Z';
  if (schema.format === 'date') return '2026-01-02';
  return 'text';
}

describe('the client schemas accept everything the OpenAPI document accepts', () => {
  for (const name of Object.keys(ZOD) as ComponentName[]) {
    const component = doc.components.schemas[name]!;
    const variants = component.oneOf ?? [component];
    it(`${name}: empty, all-null and fully filled objects`, () => {
      for (const variant of variants) {
        // `{}` matches both of the candidate's oneOf branches, so the document itself rejects it there.
        const valid = [{}, sample(variant, true), sample(variant, false)].filter(
          (v) => componentErrors(name, v).length === 0,
        );
        expect(valid.length).toBeGreaterThanOrEqual(2);
        for (const value of valid) {
          const parsed = ZOD[name].safeParse(value);
          expect(parsed.success, `${name} ${JSON.stringify(value)}: ${parsed.error?.message}`).toBe(true);
        }
      }
    });
  }
});

describe('the sandbox answers with objects that validate against the OpenAPI components', () => {
  it('for every object kind the extension reads', async () => {
    const { sandbox, client } = setup();
    // Raw answers, as the sandbox sends them (the client's parsed records are by need, not by the document).
    const raw = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
      (
        await client.http.request({
          method,
          path,
          body,
          scope: 'test',
          schema: z.unknown(),
          actAs: ADMIN_USER_ID,
        })
      ).data as Record<string, unknown> & { id: number };
    const rows = async (path: string) => (await raw('GET', path)) as unknown as unknown[];
    const envelope = (await raw('POST', '/v3/candidates', {
      first_name: 'Valid',
      last_name: 'Object',
      email_addresses: [{ value: 'valid@example.com', type: 'work' }],
      phone_numbers: [{ value: '+14155550100', type: 'mobile' }],
      social_media_addresses: [{ value: 'https://www.linkedin.com/in/valid' }],
      application: { job_id: 5001 },
    })) as unknown as { candidate: { id: number }; application: { id: number } };
    const { candidate, application } = envelope;
    const attachment = await raw('POST', '/v3/attachments', {
      application_id: application.id,
      filename: 'cv.pdf',
      type: 'resume',
      content: 'JVBERg==',
    });
    const note = await raw('POST', '/v3/notes', {
      candidate_id: candidate.id,
      body: 'n',
      visibility: 'admin_only',
      note_type: 'NOTE',
    });
    const employment = await raw('POST', '/v3/candidate_employments', {
      candidate_id: candidate.id,
      company_name: 'Co',
      title: 'T',
      start_date: '2020-01-01',
    });
    const education = await raw('POST', '/v3/candidate_educations', { candidate_id: candidate.id });
    const checks: [ComponentName, unknown[]][] = [
      ['candidate', [candidate, ...(await rows('/v3/candidates?email=valid@example.com'))]],
      ['application', [application, ...(await rows(`/v3/applications?candidate_ids=${candidate.id}`))]],
      ['attachment', [attachment, ...(await rows(`/v3/attachments?application_ids=${application.id}`))]],
      ['note', [note, ...(await rows(`/v3/notes?candidate_ids=${candidate.id}`))]],
      ['candidate_employment', [employment, ...(await rows('/v3/candidate_employments'))]],
      ['candidate_education', [education]],
      ['job', await rows('/v3/jobs')],
      ['user', await rows('/v3/users')],
      ['source', await rows('/v3/sources')],
      ['custom_field_option', await rows('/v3/custom_field_options?custom_field_key=degree')],
    ];
    for (const [name, values] of checks) {
      expect(values.length, name).toBeGreaterThan(0);
      for (const value of values)
        expect(componentErrors(name, value), `${name} ${JSON.stringify(value)}`).toEqual([]);
    }
    expect(sandbox.requests.every((r) => r.status < 400)).toBe(true);
  });

  it('validates request bodies where the document has a request schema', async () => {
    const { sandbox, client } = setup();
    const api = client.api(null);
    const { person } = await api.createCandidate({ first_name: 'Body', last_name: 'Check' });
    await expect(
      api.createApplication({ candidate_id: person.id!, job_id: 5001, prospect: true } as never),
    ).rejects.toMatchObject({ kind: 'validation' });
    expect(sandbox.applications).toHaveLength(0);
  });
});
