import { z } from 'zod';
import { applicationSchema, candidateSchema } from './schemas';

/**
 * Every Harvest v3 detail that `reference/harvest-api.md` marks unconfirmed ([U]) or only probable ([P])
 * and that this client depends on lives here, so a sandbox tenant check changes one file.
 */

/** [P] Token response: `expires_at` (ISO); `expires_in` seconds is [U]; the JWT `exp` claim as a fallback. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_at: z.string().optional(),
  expires_in: z.number().optional(),
});
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

/** [P] The create-candidate response is an envelope `{candidate, application|null}`, not a bare candidate. */
export const createCandidateResponseSchema = z.looseObject({
  candidate: candidateSchema,
  application: applicationSchema.nullable().optional(),
});

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

/** [P] Harvest v3's fixed rate-limit window, used only to estimate bulk ETAs (headers give the limit, not the window). */
export const RATE_WINDOW_SECONDS = 30;
