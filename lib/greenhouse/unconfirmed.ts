import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import type { Application, Candidate } from './schemas';
import type { Committed } from './types';

/**
 * Every Harvest v3 detail that `reference/harvest-api.md` marks unconfirmed ([U]) or only probable ([P])
 * and that this client depends on lives here, so a sandbox tenant check changes one file.
 */

/** [P] Token response: `expires_at` (ISO); `expires_in` seconds is [U]; the JWT `exp` claim as a fallback. */
export const tokenResponseSchema = lazySchema(() =>
  z.looseObject({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_at: z.string().optional(),
    expires_in: z.number().optional(),
  }),
);
export const DEFAULT_TOKEN_LIFETIME_MS = 3_600_000;

function jwtExpiryMs(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}

export function tokenExpiryMs(response: z.infer<typeof tokenResponseSchema>, now: number): number {
  if (response.expires_at) {
    const at = Date.parse(response.expires_at);
    if (Number.isFinite(at)) return at;
  }
  if (typeof response.expires_in === 'number' && response.expires_in > 0)
    return now + response.expires_in * 1000;
  return jwtExpiryMs(response.access_token) ?? now + DEFAULT_TOKEN_LIFETIME_MS;
}

/** [P] `X-RateLimit-Reset` is epoch seconds; a small number is read as seconds from now, to be safe. */
export function rateLimitResetMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) return null;
  return n > 1_000_000_000 ? n * 1000 : now + n * 1000;
}

/** [P] Create-candidate request: profile fields plus an optional single `application: {job_id}`. */
export interface CreateCandidateBody {
  first_name: string;
  last_name: string;
  company?: string;
  title?: string;
  email_addresses?: { value: string; type: 'personal' | 'work' | 'other' }[];
  phone_numbers?: { value: string; type: 'home' | 'work' | 'mobile' | 'skype' | 'other' }[];
  addresses?: { value: string; type: 'home' | 'work' | 'other' }[];
  social_media_addresses?: { value: string }[];
  website_addresses?: { value: string; type: string }[];
  tags?: string[];
  application?: { job_id: number };
}

/**
 * [P] The create-candidate answer is an envelope `{candidate, application|null}`, not a bare candidate. Read
 * liberally: a bare candidate object is taken as the person too. The person is committed whenever the answer is a
 * 2xx. The application is `null` when the answer says none was made (`application: null`), `undefined` when the
 * answer does not say (a bare candidate), and unreadable whenever the person is.
 */
export function readCreateCandidateAnswer(
  answer: { data: unknown; unreadable: string | null },
  person: z.ZodType<Candidate & { id: number }>,
  application: z.ZodType<Application & { id: number }>,
): { person: Committed<Candidate>; application: Committed<Application> | null | undefined } {
  const body = answer.data;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const unreadable = answer.unreadable ?? 'the answer was not an object';
    return { person: { id: null, unreadable }, application: { id: null, unreadable } };
  }
  const envelope = body as { candidate?: unknown; application?: unknown };
  const candidateValue = 'candidate' in envelope ? envelope.candidate : body;
  const parsedPerson = person.safeParse(candidateValue);
  if (!parsedPerson.success) {
    const unreadable = answer.unreadable ?? 'the new person in the answer has no usable id';
    return { person: { id: null, unreadable }, application: { id: null, unreadable } };
  }
  const personResult: Committed<Candidate> = { id: parsedPerson.data.id, record: parsedPerson.data };
  if (!('candidate' in envelope)) return { person: personResult, application: undefined };
  if (envelope.application === null || envelope.application === undefined) {
    return { person: personResult, application: null };
  }
  const parsedApplication = application.safeParse(envelope.application);
  return {
    person: personResult,
    application: parsedApplication.success
      ? { id: parsedApplication.data.id, record: parsedApplication.data }
      : { id: null, unreadable: 'the new application in the answer has no usable id' },
  };
}

/** [U] Employment request fields mirror the response object; dates are `YYYY-MM-DD`. */
export interface CreateEmploymentBody {
  candidate_id: number;
  company_name: string;
  title: string;
  start_date?: string;
  end_date?: string | null;
}

/** [U] Education request fields mirror the response object (option ids, month/year parts). */
export interface CreateEducationBody {
  candidate_id: number;
  school_name_custom_field_option_id?: number;
  degree_custom_field_option_id?: number;
  discipline_custom_field_option_id?: number;
  start_date_year?: number;
  end_date_year?: number;
}

/** [P] Note request: request visibility words differ from the response's `*_visible` forms. */
export type NoteVisibility = 'admin_only' | 'private' | 'public';
export interface CreateNoteBody {
  candidate_id: number;
  application_id?: number;
  user_id?: number;
  body: string;
  visibility: NoteVisibility;
  note_type: 'NOTE';
}

/** [C] fields; [U] whether `content_type` is accepted, so it is not sent. */
export interface CreateAttachmentBody {
  application_id: number;
  filename: string;
  type: 'resume' | 'cover_letter' | 'other';
  content: string;
}

/**
 * [U] Scope probes for write scopes: a POST/PATCH with an empty body is refused with 403 when the scope is
 * missing and fails validation (422) or lookup (404) when it is granted, so nothing is written. Greenhouse
 * documents one scope per endpoint and 403 for a missing scope; the order of the checks is assumed.
 */
export const WRITE_PROBE_GRANTED_STATUSES: ReadonlySet<number> = new Set([400, 404, 422]);

/**
 * [U] `DELETE /v3/candidates/{id}` (reference/harvest-api.md §3.13): any 2xx removed the person, 200 with a body or
 * 204 with none (the body is not read); this status means the person is gone already, which counts as removed. The
 * scope probe deletes person 0, who does not exist, so a granted scope answers with it.
 */
export const DELETE_GONE_STATUS = 404;

/** [P] Harvest v3's fixed rate-limit window, used only to estimate bulk ETAs (headers give the limit, not the window). */
export const RATE_WINDOW_SECONDS = 30;
