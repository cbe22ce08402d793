import { z } from 'zod';
import { GreenhouseError } from './errors';
import type { HarvestHttp } from './http';
import {
  type Application,
  applicationSchema,
  attachmentSchema,
  type Candidate,
  candidateSchema,
  customFieldOptionSchema,
  educationSchema,
  employmentSchema,
  type Job,
  jobSchema,
  noteSchema,
  sourceSchema,
  type User,
  userSchema,
} from './schemas';
import { SCOPE_PROBES, type Scope } from './scopes';
import {
  type CreateAttachmentBody,
  type CreateCandidateBody,
  type CreateEducationBody,
  type CreateEmploymentBody,
  type CreateNoteBody,
  createCandidateResponseSchema,
  WRITE_PROBE_GRANTED_STATUSES,
} from './unconfirmed';

const MAX_IDS = 50;

/** The id of a record Greenhouse just returned; a record without one is unusable. */
export function requireId(record: { id?: number | undefined }, what: string): number {
  if (typeof record.id !== 'number') {
    throw new GreenhouseError({
      kind: 'bad_response',
      message: `Greenhouse returned a ${what} without an id`,
    });
  }
  return record.id;
}

export type ProspectApplicationBody = {
  candidate_id: number;
  prospect: true;
  job_ids?: number[];
  source_id?: number;
};
export type CandidateApplicationBody = { candidate_id: number; job_id: number; source_id?: number };

/** Typed Harvest v3 endpoints used by the extension. `actAs` is the Greenhouse user id the token acts as. */
export class HarvestApi {
  constructor(
    private readonly http: HarvestHttp,
    private readonly actAs: number | null,
  ) {}

  private async list<S extends z.ZodType>(
    path: string,
    scope: string,
    item: S,
    query: Record<string, string | number | boolean | undefined> = {},
  ) {
    const out: z.output<S>[] = [];
    for await (const row of this.http.paginate({ path, scope, actAs: this.actAs, item, query }))
      out.push(row);
    return out;
  }

  private async write<S extends z.ZodType>(
    method: 'POST' | 'PATCH',
    path: string,
    scope: string,
    schema: S,
    body: unknown,
  ) {
    const { data } = await this.http.request({ method, path, body, scope, schema, actAs: this.actAs });
    return data;
  }

  // Candidates
  findCandidatesByEmail(email: string): Promise<Candidate[]> {
    return this.list('/v3/candidates', 'harvest:candidates:list', candidateSchema, { email });
  }
  async getCandidates(ids: readonly number[]): Promise<Candidate[]> {
    const out: Candidate[] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      out.push(
        ...(await this.list('/v3/candidates', 'harvest:candidates:list', candidateSchema, {
          ids: ids.slice(i, i + MAX_IDS).join(','),
        })),
      );
    }
    return out;
  }
  /** Candidates created at or after `since` (ISO): the read-back after a lost create response. */
  candidatesCreatedSince(since: string): Promise<Candidate[]> {
    return this.list('/v3/candidates', 'harvest:candidates:list', candidateSchema, {
      created_at: `gte|${since}`,
    });
  }
  async createCandidate(body: CreateCandidateBody) {
    const data = await this.write(
      'POST',
      '/v3/candidates',
      'harvest:candidates:create',
      createCandidateResponseSchema,
      body,
    );
    return { candidate: data.candidate, application: data.application ?? null };
  }
  updateCandidate(id: number, body: Partial<CreateCandidateBody>): Promise<Candidate> {
    return this.write('PATCH', `/v3/candidates/${id}`, 'harvest:candidates:update', candidateSchema, body);
  }

  // Applications
  createApplication(body: CandidateApplicationBody | ProspectApplicationBody): Promise<Application> {
    return this.write('POST', '/v3/applications', 'harvest:applications:create', applicationSchema, body);
  }
  applicationsOfCandidate(candidateId: number): Promise<Application[]> {
    return this.list('/v3/applications', 'harvest:applications:list', applicationSchema, {
      candidate_ids: candidateId,
    });
  }

  // Attachments, notes, employments, educations
  createAttachment(body: CreateAttachmentBody) {
    return this.write('POST', '/v3/attachments', 'harvest:attachments:create', attachmentSchema, body);
  }
  attachmentsOfApplication(applicationId: number) {
    return this.list('/v3/attachments', 'harvest:attachments:list', attachmentSchema, {
      application_ids: applicationId,
    });
  }
  notesOfCandidate(candidateId: number) {
    return this.list('/v3/notes', 'harvest:notes:list', noteSchema, { candidate_ids: candidateId });
  }
  employmentsOfCandidate(candidateId: number) {
    return this.list('/v3/candidate_employments', 'harvest:candidate_employments:list', employmentSchema, {
      candidate_ids: candidateId,
    });
  }
  createNote(body: CreateNoteBody) {
    return this.write('POST', '/v3/notes', 'harvest:notes:create', noteSchema, body);
  }
  createEmployment(body: CreateEmploymentBody) {
    return this.write(
      'POST',
      '/v3/candidate_employments',
      'harvest:candidate_employments:create',
      employmentSchema,
      body,
    );
  }
  createEducation(body: CreateEducationBody) {
    return this.write(
      'POST',
      '/v3/candidate_educations',
      'harvest:candidate_educations:create',
      educationSchema,
      body,
    );
  }

  // Reference data
  listJobs(status?: 'open' | 'draft' | 'closed'): Promise<Job[]> {
    return this.list('/v3/jobs', 'harvest:jobs:list', jobSchema, { status });
  }
  listUsers(query: { ids?: number[]; primary_email?: string } = {}): Promise<User[]> {
    return this.list('/v3/users', 'harvest:users:list', userSchema, {
      ids: query.ids?.join(','),
      primary_email: query.primary_email,
    });
  }
  listSources() {
    return this.list('/v3/sources', 'harvest:sources:list', sourceSchema);
  }
  listCustomFieldOptions(customFieldKey: 'school_name' | 'degree' | 'discipline') {
    return this.list(
      '/v3/custom_field_options',
      'harvest:custom_field_options:list',
      customFieldOptionSchema,
      {
        custom_field_key: customFieldKey,
      },
    );
  }

  /** Tells whether the token carries `scope`, with a call that reads one row or writes nothing. */
  async probeScope(scope: Scope): Promise<'granted' | 'missing'> {
    const probe = SCOPE_PROBES[scope];
    try {
      await this.http.request({
        method: probe.method,
        path: probe.path,
        body: probe.method === 'GET' ? undefined : {},
        scope,
        schema: z.unknown(),
        actAs: this.actAs,
      });
      return 'granted';
    } catch (error) {
      if (!(error instanceof GreenhouseError)) throw error;
      if (error.kind === 'forbidden') return 'missing';
      if (error.status !== undefined && WRITE_PROBE_GRANTED_STATUSES.has(error.status)) return 'granted';
      throw error;
    }
  }
}
