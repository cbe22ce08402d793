import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { matchReasonSchema, reviewMatchSchema } from './match';
import { pinCandidateSchema } from './pin';
import { triggerSchema } from './rule';

export const exportReasonSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('manual'), at: z.string() }),
    z.object({ kind: z.literal('trigger'), trigger: triggerSchema, eventAt: z.string() }),
    z.object({ kind: z.literal('backfill'), trigger: triggerSchema, eventAt: z.string().nullable() }),
  ]),
);
export type ExportReason = z.infer<typeof exportReasonSchema>;

/**
 * The journal of one Greenhouse write (lib/sync/steps/write.ts): `pending` is written before the request is sent,
 * so a later run knows it must read back before sending again; `done` with `id: null` means Greenhouse committed it
 * but its answer was unreadable.
 */
const todo = lazySchema(() => z.object({ status: z.literal('todo') }));
const pending = lazySchema(() =>
  z.object({
    status: z.literal('pending'),
    since: z.string(),
    /** Greenhouse answered it (a 5xx): the request is over there, so a read-back need not wait for it to land. */
    answered: z.boolean().optional(),
  }),
);
const done = lazySchema(() =>
  z.object({
    status: z.literal('done'),
    id: z.number().int().nullable(),
    /** The record already existed in Greenhouse (an application on the chosen job): nothing was written. */
    existing: z.boolean().optional(),
  }),
);
const warning = lazySchema(() => z.object({ status: z.literal('warning'), message: z.string() }));
const skipped = lazySchema(() => z.object({ status: z.literal('skipped'), reason: z.string() }));
export const writeStateSchema = lazySchema(() =>
  z.discriminatedUnion('status', [todo, pending, done, warning, skipped]),
);
export type WriteState = z.infer<typeof writeStateSchema>;

export const personStateSchema = lazySchema(() =>
  z.discriminatedUnion('status', [
    pending,
    z.object({ status: z.literal('done'), id: z.number().int(), created: z.boolean() }),
  ]),
);
export type PersonState = z.infer<typeof personStateSchema>;

export const stepsSchema = lazySchema(() =>
  z.object({
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
    /**
     * Teams (SPEC §6.2), after an automated create: `checked` (this export's person stands, or only a warning was
     * possible), or the removal of this export's own person for a teammate's older one: `removing` is journaled before
     * the DELETE is sent, `removed` after. `own` is always the person this export created.
     */
    converge: z
      .discriminatedUnion('status', [
        z.object({ status: z.literal('checked') }),
        z.object({
          status: z.literal('removing'),
          since: z.string(),
          own: z.number().int(),
          winner: z.number().int(),
        }),
        z.object({ status: z.literal('removed'), own: z.number().int(), winner: z.number().int() }),
      ])
      .optional(),
  }),
);
export type Steps = z.infer<typeof stepsSchema>;

export const ITEM_STATES = ['queued', 'running', 'needs_review', 'failed', 'done'] as const;
export const itemErrorSchema = lazySchema(() =>
  z.object({
    code: z.string(),
    message: z.string(),
    retryable: z.boolean(),
    scope: z.string().optional(),
  }),
);
export type ItemError = z.infer<typeof itemErrorSchema>;

export const EXPORT_ITEM_VERSION = 3;
export const exportItemSchema = lazySchema(() =>
  z.object({
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
  }),
);
export type ExportItem = z.infer<typeof exportItemSchema>;
export type ItemState = ExportItem['state'];
