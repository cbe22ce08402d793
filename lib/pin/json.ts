import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import {
  PIN_EVENT_TYPES,
  PIN_STATUSES,
  type PinCandidate,
  type PinEventType,
  type PinJob,
  type PinStatus,
  pinCandidateSchema,
  type StatusObservation,
} from '../model/pin';
import type { PinAnswer } from '../model/watch';

/**
 * Pin's JSON, as Pin's own web app loads it (ASSUMED: Pin documents no API; the routes are data in the Pin page
 * mapping, `routes.pipelineApi` and `routes.candidateApi`). Read by the background watcher, from the worker with the
 * recruiter's session or through an open Pin tab (SPEC §6.1). Read liberally: words in any letter case, unknown
 * statuses and events skipped, extra fields ignored.
 */
/** What an answer means for the watcher, before its body is read. */
export type AnswerKind =
  | { kind: 'ok'; json: unknown }
  | { kind: 'unchanged' }
  /** 401/403, or a sign-in page Pin redirected to: the session does not reach this path. */
  | { kind: 'refused'; reason: string }
  /** 404, not JSON, another 4xx: the mapped route is not Pin's JSON. */
  | { kind: 'unreadable'; reason: string }
  /** 429 or 5xx: back off, honouring Retry-After (ms, when Pin sent one). */
  | { kind: 'throttled'; reason: string; retryAfterMs: number | null }
  /** No answer at all (offline, a dropped connection). */
  | { kind: 'unavailable'; reason: string };

const pathOf = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

export function classifyAnswer(answer: PinAnswer, requested: string, now = Date.now()): AnswerKind {
  const where = pathOf(requested);
  const { status } = answer;
  if (status === 0) return { kind: 'unavailable', reason: `Pin did not answer at ${where}` };
  if (status === 304) return { kind: 'unchanged' };
  if (status === 401 || status === 403)
    return { kind: 'refused', reason: `Pin answered ${status} at ${where}` };
  if (status === 429 || status >= 500)
    return {
      kind: 'throttled',
      reason: `Pin answered ${status} at ${where}`,
      retryAfterMs: retryAfterMs(answer.retryAfter, now),
    };
  if (status < 200 || status >= 300)
    return { kind: 'unreadable', reason: `Pin answered ${status} at ${where}` };
  const html = /html/i.test(answer.contentType ?? '') || /^\s*</.test(answer.body);
  if (html && pathOf(answer.url) !== where)
    return { kind: 'refused', reason: `Pin sent its sign-in page (${pathOf(answer.url)}) for ${where}` };
  try {
    return { kind: 'ok', json: JSON.parse(answer.body) };
  } catch {
    return { kind: 'unreadable', reason: `Pin's answer at ${where} is not JSON` };
  }
}

const word = <T extends string>(values: readonly T[]) =>
  z.string().transform((v, ctx): T => {
    const found = values.find(
      (value) =>
        value ===
        v
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_'),
    );
    if (found) return found;
    ctx.addIssue({ code: 'custom', message: `unknown "${v}"` });
    return z.NEVER;
  });

const rowSchema = lazySchema(() =>
  z.looseObject({
    candidateId: z.union([z.string().min(1), z.number().transform(String)]),
    status: z.string(),
    events: z.array(z.unknown()).nullish(),
  }),
);
const eventSchema = lazySchema(() =>
  z.looseObject({
    type: word<PinEventType>(PIN_EVENT_TYPES),
    at: z.iso.datetime({ offset: true }),
  }),
);
const pipelineSchema = lazySchema(() =>
  z.looseObject({
    job: z
      .looseObject({ id: z.union([z.string(), z.number()]).optional(), title: z.string().optional() })
      .nullish(),
    rows: z.array(z.unknown()),
  }),
);
const statusWord = lazySchema(() => word<PinStatus>(PIN_STATUSES));

/** A job's pipeline from Pin's JSON: one observation per readable row; null when the answer is not that shape. */
export function parsePipeline(
  json: unknown,
  jobId: string,
): { job: PinJob | null; observations: StatusObservation[]; skipped: number } | null {
  const parsed = pipelineSchema.safeParse(json);
  if (!parsed.success) return null;
  const observations: StatusObservation[] = [];
  let skipped = 0;
  for (const raw of parsed.data.rows) {
    const row = rowSchema.safeParse(raw);
    const status = row.success ? statusWord.safeParse(row.data.status) : null;
    if (!row.success || !status?.success) {
      skipped += 1;
      continue;
    }
    const eventTimes: StatusObservation['eventTimes'] = {};
    for (const rawEvent of row.data.events ?? []) {
      const event = eventSchema.safeParse(rawEvent);
      if (!event.success) continue;
      const at = new Date(event.data.at).toISOString();
      // The latest time Pin gives for an event type wins (a candidate can be re-added to a sequence).
      if (!eventTimes[event.data.type] || eventTimes[event.data.type]! < at) eventTimes[event.data.type] = at;
    }
    observations.push({ jobId, candidateId: row.data.candidateId, status: status.data, eventTimes });
  }
  const title = parsed.data.job?.title?.trim();
  return { job: title ? { id: jobId, title } : null, observations, skipped };
}

/**
 * One candidate from Pin's candidate JSON (`routes.candidateApi`), read when a rule fires for someone whose profile is
 * not open: the same shape as the demo dataset's candidate. Null when the answer is not that candidate.
 */
export function parseCandidate(json: unknown, candidateId: string): PinCandidate | null {
  const parsed = pinCandidateSchema.safeParse(json);
  return parsed.success && parsed.data.id === candidateId ? parsed.data : null;
}
