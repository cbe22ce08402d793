import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** Automation triggers (SPEC §6) and how each reads to a recruiter. */
export const TRIGGERS = ['added_to_sequence', 'replied', 'interested'] as const;
export const triggerSchema = lazySchema(() => z.enum(TRIGGERS));
export type Trigger = z.infer<typeof triggerSchema>;
export const TRIGGER_LABEL: Record<Trigger, string> = {
  added_to_sequence: "When they're added to an outreach sequence",
  replied: 'When they reply to an email',
  interested: 'When they reply to an email and are interested',
};

/** A per-job automation rule (SPEC §6). `enabledAt` is the no-retroactive-sync line. */
export const ruleSchema = lazySchema(() =>
  z.object({
    pinJobId: z.string(),
    pinJobTitle: z.string(),
    greenhouseJobId: z.number().int().nullable(),
    greenhouseJobName: z.string().nullable(),
    trigger: triggerSchema,
    enabled: z.boolean(),
    enabledAt: z.number().nullable(),
    updatedAt: z.number(),
  }),
);
export type Rule = z.infer<typeof ruleSchema>;

/** What the extension knows of one candidate in one Pin job: Pin's event times and when it first saw each level. */
export const observationStateSchema = lazySchema(() =>
  z.object({
    jobId: z.string(),
    candidateId: z.string(),
    status: z.enum(['sourced', 'in_sequence', 'replied', 'interested']),
    eventTimes: z.partialRecord(z.enum(['added_to_sequence', 'replied', 'marked_interested']), z.string()),
    firstSeen: z.partialRecord(triggerSchema, z.number()),
    updatedAt: z.number(),
  }),
);
export type ObservationState = z.infer<typeof observationStateSchema>;
