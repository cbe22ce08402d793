import { z } from 'zod';
import { stepsSchema } from '../model/export-item';
import { lazySchema } from '../model/lazy-schema';
import { matchReasonSchema, reviewMatchSchema } from '../model/match';
import { pinJobSchema } from '../model/pin';
import { ruleSchema, triggerSchema } from '../model/rule';
import { pinMappingSchema } from '../pin/mapping/schema';
import { watchViewSchema } from './popup-protocol';

/** Shapes the background answers with; every one is parsed again by the caller (lib/messaging/client.ts). */
export const connectionViewSchema = lazySchema(() =>
  z.object({
    connected: z.boolean(),
    clientId: z.string().nullable(),
    actAsUserId: z.number().int().nullable(),
    actingUserName: z.string().nullable(),
    openJobs: z.number().int().nullable(),
    scopes: z.array(
      z.object({ scope: z.string(), required: z.boolean(), status: z.enum(['granted', 'missing']) }),
    ),
    missingRequired: z.array(z.string()),
    needsReconnect: z.string().nullable(),
    secretSaved: z.boolean(),
  }),
);
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const itemViewSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    pinCandidateId: z.string(),
    candidateName: z.string(),
    pinJobId: z.string(),
    pinJobTitle: z.string(),
    state: z.enum(['queued', 'running', 'needs_review', 'failed', 'done']),
    greenhouseJobId: z.number().int().nullable(),
    greenhouseJobName: z.string().nullable(),
    reason: z.object({
      kind: z.enum(['manual', 'trigger', 'backfill']),
      trigger: triggerSchema.nullable(),
      eventAt: z.string().nullable(),
    }),
    error: z.object({ code: z.string(), message: z.string(), scope: z.string().optional() }).nullable(),
    review: z.array(reviewMatchSchema).nullable(),
    steps: stepsSchema,
    warnings: z.array(z.string()),
    attempts: z.number().int(),
    nextAttemptAt: z.number().nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
    finishedAt: z.number().nullable(),
    greenhouseUrl: z.string().nullable(),
  }),
);
export type ItemView = z.infer<typeof itemViewSchema>;

export const presenceMatchViewSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    reasons: z.array(matchReasonSchema),
    url: z.string(),
  }),
);
export type PresenceMatchView = z.infer<typeof presenceMatchViewSchema>;

export const candidateStateSchema = lazySchema(() =>
  z.object({
    connection: z.enum(['connected', 'not_connected', 'needs_reconnect']),
    missingPermissions: z.array(z.string()),
    synced: z
      .object({
        greenhouseCandidateId: z.number().int(),
        url: z.string(),
        linkedToExisting: z.boolean(),
        /** Where the application stands in Greenhouse ("Phone Screen · Active"), and when that was read. */
        stage: z.object({ label: z.string(), readAt: z.number() }).nullable(),
      })
      .nullable(),

    item: itemViewSchema.nullable(),
    notSyncedReason: z.string().nullable(),
    /** Why exports are paused (the browser refused a storage write), or null. */
    paused: z.string().nullable(),
  }),
);
export type CandidateState = z.infer<typeof candidateStateSchema>;

export const rulesViewSchema = lazySchema(() =>
  z.object({
    /** Pin jobs the extension has seen, by title. */
    pinJobs: z.array(pinJobSchema),
    rules: z.array(ruleSchema),
    /** Per Pin job: how many candidates already met its trigger before the rule and are not synced. */
    backfill: z.record(z.string(), z.number().int()),
    /** Per enabled rule's Pin job: how it is watched, once the watcher has checked it. */
    watch: z.record(z.string(), watchViewSchema),
  }),
);
export type RulesView = z.infer<typeof rulesViewSchema>;

export const activitySummarySchema = lazySchema(() =>
  z.object({
    queued: z.number().int(),
    running: z.number().int(),
    needsReview: z.number().int(),
    failed: z.number().int(),
    done: z.number().int(),
    /** Seconds until the queue is empty at the current Greenhouse rate limit, when known. */
    etaSeconds: z.number().nullable(),
    /** Why exports are paused (the browser refused a storage write), or null. */
    paused: z.string().nullable(),
  }),
);
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const pinMappingViewSchema = lazySchema(() =>
  z.object({
    /** The mapping in use (the built-in one, or the admin's import). */
    mapping: pinMappingSchema,
    builtIn: z.boolean(),
  }),
);
export type PinMappingView = z.infer<typeof pinMappingViewSchema>;

export { type RowBadge, rowBadgeSchema } from './list-protocol';

/** What "Export" will write, shown in the dialog before the click. */
export const exportPreviewSchema = lazySchema(() =>
  z.object({
    action: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('create'),
        name: z.string(),
        emails: z.number().int(),
        phones: z.number().int(),
        employments: z.number().int(),
        resume: z.boolean(),
      }),
      z.object({ kind: z.literal('link'), person: presenceMatchViewSchema, alreadyOnJob: z.boolean() }),
      z.object({ kind: z.literal('review'), matches: z.array(presenceMatchViewSchema) }),
      z.object({ kind: z.literal('synced'), alreadyOnJob: z.boolean() }),
    ]),
    linkedInReady: z.boolean(),
  }),
);
export type ExportPreview = z.infer<typeof exportPreviewSchema>;

export const indexViewSchema = lazySchema(() =>
  z.object({
    phase: z.enum(['empty', 'building', 'ready']),
    people: z.number().int(),
    updatedAt: z.number().nullable(),
    lastError: z.string().nullable(),
  }),
);

/** Who in Greenhouse a Pin candidate already is (by email or LinkedIn), for a profile that is not synced. */
export const presenceViewSchema = lazySchema(() =>
  z.object({
    matches: z.array(presenceMatchViewSchema),
    linkedInReady: z.boolean(),
  }),
);
export type PresenceView = z.infer<typeof presenceViewSchema>;

/** What "Erase all data" erased. */
export const eraseViewSchema = lazySchema(() =>
  z.object({ erased: z.literal(true), droppedQueued: z.number().int() }),
);

export { type PopupView, popupViewSchema, type WatchView, watchViewSchema } from './popup-protocol';
