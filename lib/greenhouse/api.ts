import { z } from 'zod';
import { GreenhouseError } from './errors';
import { type HarvestHttp, nextLink } from './http';
import {
  type Application,
  type Attachment,
  type Candidate,
  type CustomFieldOption,
  type Education,
  type Employment,
  type Job,
  type Note,
  type ObjectKind,
  type Source,
  type User,
  withNeeds,
} from './schemas';
import { SCOPE_PROBES, type Scope } from './scopes';
import { type Committed, committed, type Listed } from './types';
import {
  type CreateAttachmentBody,
  type CreateCandidateBody,
  type CreateEducationBody,
  type CreateEmploymentBody,
  type CreateNoteBody,
  DELETE_GONE_STATUS,
  readCreateCandidateAnswer,
  WRITE_PROBE_GRANTED_STATUSES,
} from './unconfirmed';

const MAX_IDS = 50;

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

  private async list<K extends ObjectKind>(
    path: string,
    scope: string,
    kind: K,
    query: Record<string, string | number | boolean | undefined> = {},
  ) {
    const item = withNeeds(kind);
    const out: z.output<typeof item>[] = [];
    for await (const row of this.http.paginate({ path, scope, actAs: this.actAs, item, query }))
      out.push(row);
    return out;
  }

  private async write<K extends ObjectKind>(
    method: 'POST' | 'PATCH',
    path: string,
    scope: string,
    kind: K,
    body: unknown,
    onDispatched?: () => void,
  ) {
    const answer = await this.http.write({
      method,
      path,
      body,
      scope,
      schema: withNeeds(kind),
      actAs: this.actAs,
      ...(onDispatched ? { onDispatched } : {}),
    });
    return committed(answer, kind.replace('_', ' '));
  }

  // Candidates
  findCandidatesByEmail(email: string): Promise<Listed<Candidate>[]> {
    return this.list('/v3/candidates', 'harvest:candidates:list', 'candidate', { email });
  }
  async getCandidates(ids: readonly number[]): Promise<Listed<Candidate>[]> {
    const out: Listed<Candidate>[] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      out.push(
        ...(await this.list('/v3/candidates', 'harvest:candidates:list', 'candidate', {
          ids: ids.slice(i, i + MAX_IDS).join(','),
        })),
      );
    }
    return out;
  }
  /** Candidates created at or after `since` (ISO): the read-back after a lost create response. */
  candidatesCreatedSince(since: string): Promise<Listed<Candidate>[]> {
    return this.list('/v3/candidates', 'harvest:candidates:list', 'candidate', {
      created_at: `gte|${since}`,
    });
  }
  /**
   * One page of candidates for the presence index: the first (all, or `updated_at` ≥ `updatedSince`), or the `next`
   * Link URL of the previous page, verbatim. Runs at background priority in the rate governor.
   */
  async candidatesPage(
    from: { next: string } | { updatedSince: string | null },
  ): Promise<{ rows: Listed<Candidate>[]; next: string | null }> {
    const schema = z.array(withNeeds('candidate'));
    const page = await this.http.request({
      method: 'GET',
      scope: 'harvest:candidates:list',
      actAs: this.actAs,
      schema,
      priority: 'background',
      ...('next' in from
        ? { path: from.next }
        : {
            path: '/v3/candidates',
            query: {
              per_page: 500,
              ...(from.updatedSince ? { updated_at: `gte|${from.updatedSince}` } : {}),
            },
          }),
    });
    return { rows: page.data, next: nextLink(page.headers.get('link')) };
  }
  /** Applications of up to 50 candidates at a time (the stage on synced badges; needs applications:list). */
  async applicationsOfCandidates(candidateIds: readonly number[]): Promise<Listed<Application>[]> {
    const out: Listed<Application>[] = [];
    for (let i = 0; i < candidateIds.length; i += MAX_IDS) {
      out.push(
        ...(await this.list('/v3/applications', 'harvest:applications:list', 'application', {
          candidate_ids: candidateIds.slice(i, i + MAX_IDS).join(','),
        })),
      );
    }
    return out;
  }
  /** The person, and the application created with them (see `readCreateCandidateAnswer`). */
  async createCandidate(
    body: CreateCandidateBody,
    onDispatched?: () => void,
  ): Promise<{ person: Committed<Candidate>; application: Committed<Application> | null | undefined }> {
    const answer = await this.http.write({
      method: 'POST',
      path: '/v3/candidates',
      body,
      scope: 'harvest:candidates:create',
      schema: z.unknown(),
      actAs: this.actAs,
      ...(onDispatched ? { onDispatched } : {}),
    });
    return readCreateCandidateAnswer(answer, withNeeds('candidate'), withNeeds('application'));
  }
  /**
   * Removes a person (SPEC §6.2: only one this same export created moments before). `removed` when Greenhouse
   * answered 2xx, `gone` when it has no such person any more (see `DELETE_GONE_STATUS`).
   */
  async deleteCandidate(id: number): Promise<'removed' | 'gone'> {
    try {
      await this.http.write({
        method: 'DELETE',
        path: `/v3/candidates/${encodeURIComponent(String(id))}`,
        scope: 'harvest:candidates:destroy',
        schema: z.unknown(),
        actAs: this.actAs,
      });
      return 'removed';
    } catch (error) {
      if (error instanceof GreenhouseError && error.status === DELETE_GONE_STATUS) return 'gone';
      throw error;
    }
  }
  updateCandidate(id: number, body: Partial<CreateCandidateBody>): Promise<Committed<Candidate>> {
    return this.write('PATCH', `/v3/candidates/${id}`, 'harvest:candidates:update', 'candidate', body);
  }

  // Applications
  createApplication(
    body: CandidateApplicationBody | ProspectApplicationBody,
    onDispatched?: () => void,
  ): Promise<Committed<Application>> {
    return this.write(
      'POST',
      '/v3/applications',
      'harvest:applications:create',
      'application',
      body,
      onDispatched,
    );
  }
  applicationsOfCandidate(candidateId: number): Promise<Listed<Application>[]> {
    return this.list('/v3/applications', 'harvest:applications:list', 'application', {
      candidate_ids: candidateId,
    });
  }

  // Attachments, notes, employments, educations
  createAttachment(body: CreateAttachmentBody): Promise<Committed<Attachment>> {
    return this.write('POST', '/v3/attachments', 'harvest:attachments:create', 'attachment', body);
  }
  attachmentsOfApplication(applicationId: number): Promise<Listed<Attachment>[]> {
    return this.list('/v3/attachments', 'harvest:attachments:list', 'attachment', {
      application_ids: applicationId,
    });
  }
  notesOfCandidate(candidateId: number): Promise<Listed<Note>[]> {
    return this.list('/v3/notes', 'harvest:notes:list', 'note', { candidate_ids: candidateId });
  }
  employmentsOfCandidate(candidateId: number): Promise<Listed<Employment>[]> {
    return this.list(
      '/v3/candidate_employments',
      'harvest:candidate_employments:list',
      'candidate_employment',
      {
        candidate_ids: candidateId,
      },
    );
  }
  createNote(body: CreateNoteBody): Promise<Committed<Note>> {
    return this.write('POST', '/v3/notes', 'harvest:notes:create', 'note', body);
  }
  createEmployment(body: CreateEmploymentBody): Promise<Committed<Employment>> {
    return this.write(
      'POST',
      '/v3/candidate_employments',
      'harvest:candidate_employments:create',
      'candidate_employment',
      body,
    );
  }
  createEducation(body: CreateEducationBody): Promise<Committed<Education>> {
    return this.write(
      'POST',
      '/v3/candidate_educations',
      'harvest:candidate_educations:create',
      'candidate_education',
      body,
    );
  }

  // Reference data
  listJobs(status?: 'open' | 'draft' | 'closed'): Promise<Listed<Job>[]> {
    return this.list('/v3/jobs', 'harvest:jobs:list', 'job', { status });
  }
  listUsers(query: { ids?: number[]; primary_email?: string } = {}): Promise<Listed<User>[]> {
    return this.list('/v3/users', 'harvest:users:list', 'user', {
      ids: query.ids?.join(','),
      primary_email: query.primary_email,
    });
  }
  listSources(): Promise<Listed<Source>[]> {
    return this.list('/v3/sources', 'harvest:sources:list', 'source');
  }
  listCustomFieldOptions(
    customFieldKey: 'school_name' | 'degree' | 'discipline',
  ): Promise<Listed<CustomFieldOption>[]> {
    return this.list('/v3/custom_field_options', 'harvest:custom_field_options:list', 'custom_field_option', {
      custom_field_key: customFieldKey,
    });
  }

  /** Tells whether the token carries `scope`, with a call that reads one row or writes nothing. */
  async probeScope(scope: Scope): Promise<'granted' | 'missing'> {
    const probe = SCOPE_PROBES[scope];
    try {
      await this.http.request({
        method: probe.method,
        path: probe.path,
        body: probe.method === 'GET' || probe.method === 'DELETE' ? undefined : {},
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
