import { z } from 'zod';
import { pinCandidateSchema } from '../pin/types';
import { matchReasonSchema } from './match-reason';

/** Automation triggers (SPEC §6) and how each reads to a recruiter. */
export const TRIGGERS = ['added_to_sequence', 'replied', 'interested'] as const;
export const triggerSchema = z.enum(TRIGGERS);
export type Trigger = z.infer<typeof triggerSchema>;
export const TRIGGER_LABEL: Record<Trigger, string> = {
  added_to_sequence: "When they're added to an outreach sequence",
  replied: 'When they reply to an email',
  interested: 'When they reply to an email and are interested',
};

export const exportReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual'), at: z.string() }),
  z.object({ kind: z.literal('trigger'), trigger: triggerSchema, eventAt: z.string() }),
  z.object({ kind: z.literal('backfill'), trigger: triggerSchema, eventAt: z.string().nullable() }),
]);
export type ExportReason = z.infer<typeof exportReasonSchema>;

export { matchReasonSchema };

/**
 * The journal of one Greenhouse write (lib/sync/steps/write.ts): `pending` is written before the request is sent,
 * so a later run knows it must read back before sending again; `done` with `id: null` means Greenhouse committed it
 * but its answer was unreadable.
 */
const todo = z.object({ status: z.literal('todo') });
const pending = z.object({
  status: z.literal('pending'),
  since: z.string(),
  /** Greenhouse answered it (a 5xx): the request is over there, so a read-back need not wait for it to land. */
  answered: z.boolean().optional(),
});
const done = z.object({
  status: z.literal('done'),
  id: z.number().int().nullable(),
  /** The record already existed in Greenhouse (an application on the chosen job): nothing was written. */
  existing: z.boolean().optional(),
});
const warning = z.object({ status: z.literal('warning'), message: z.string() });
const skipped = z.object({ status: z.literal('skipped'), reason: z.string() });
export const writeStateSchema = z.discriminatedUnion('status', [todo, pending, done, warning, skipped]);
export type WriteState = z.infer<typeof writeStateSchema>;

export const personStateSchema = z.discriminatedUnion('status', [
  pending,
  z.object({ status: z.literal('done'), id: z.number().int(), created: z.boolean() }),
]);
export type PersonState = z.infer<typeof personStateSchema>;

export const stepsSchema = z.object({
  lookup: z
    .object({
      status: z.literal('done'),
      matchIds: z.array(z.number().int()),
      /** How each match was found, in matchIds' order. */
      reasons: z.array(z.array(matchReasonSchema)).optional(),
    })
    .optional(),
  person: personStateSchema.optional(),
  application: writeStateSchema.optional(),
  educations: z.array(writeStateSchema).optional(),
  employments: z.array(writeStateSchema).optional(),
  resume: writeStateSchema.optional(),
  note: writeStateSchema.optional(),
});
export type Steps = z.infer<typeof stepsSchema>;

export const reviewMatchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  emails: z.array(z.string()),
  company: z.string().nullable(),
  title: z.string().nullable(),
  /** Why this person matched; items written before the presence index matched by email only. */
  reasons: z.array(matchReasonSchema).default(['email']),
});
export type ReviewMatch = z.infer<typeof reviewMatchSchema>;

export const ITEM_STATES = ['queued', 'running', 'needs_review', 'failed', 'done'] as const;
export const itemErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  scope: z.string().optional(),
});
export type ItemError = z.infer<typeof itemErrorSchema>;

export const EXPORT_ITEM_VERSION = 3;
export const exportItemSchema = z.object({
  v: z.literal(EXPORT_ITEM_VERSION),
  id: z.string(),
  pinCandidateId: z.string(),
  pinJobId: z.string(),
  pinJobTitle: z.string(),
  profileUrl: z.string(),
  candidate: pinCandidateSchema,
  greenhouseJobId: z.number().int().nullable(),
  greenhouseJobName: z.string().nullable(),
  reason: exportReasonSchema,
  state: z.enum(ITEM_STATES),
  steps: stepsSchema,
  /** The recruiter's answer to "needs review": a Greenhouse candidate id, or "new" to create a person. */
  choice: z.union([z.number().int(), z.literal('new')]).nullable(),
  review: z.array(reviewMatchSchema).nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.number().nullable(),
  lastError: itemErrorSchema.nullable(),
  warnings: z.array(z.string()),
  /**
   * Set by the recruiter's Retry after the export stopped on a write whose answer was lost and cannot be checked:
   * this once, such writes are sent again. Cleared after the run.
   */
  confirmResend: z.boolean().optional(),
  /** The re-read by email after creating the person ran (steps/duplicate.ts). */
  duplicateChecked: z.boolean().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type ExportItem = z.infer<typeof exportItemSchema>;
export type ItemState = ExportItem['state'];

/** What the extension remembers of a synced Pin candidate; kept when the log rotates or Greenhouse disconnects. */
export const syncRecordSchema = z.object({
  pinCandidateId: z.string(),
  greenhouseCandidateId: z.number().int(),
  linkedToExisting: z.boolean(),
  applications: z.array(
    z.object({
      pinJobId: z.string(),
      greenhouseJobId: z.number().int().nullable(),
      /** Null when Greenhouse made the application but its answer was unreadable. */
      applicationId: z.number().int().nullable(),
    }),
  ),
  syncedAt: z.number(),
});
export type SyncRecord = z.infer<typeof syncRecordSchema>;

export function greenhouseProfileUrl(candidateId: number, applicationId?: number | null): string {
  const base = `https://app.greenhouse.io/people/${encodeURIComponent(String(candidateId))}`;
  return applicationId ? `${base}?application_id=${encodeURIComponent(String(applicationId))}` : base;
}
