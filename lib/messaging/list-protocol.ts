import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { matchReasonSchema } from '../model/match';
import { pinCandidateSchema, pinJobSchema, statusObservationSchema } from '../model/pin';
import { ROW_BUCKETS } from '../model/row-digest';
import { command, PIN } from './command';

/** A pipeline row's mark: synced (with the Greenhouse stage), or already in Greenhouse (and how it matched). */
export const rowBadgeSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('synced'), url: z.string(), stage: z.string().nullable() }),
    z.object({ kind: z.literal('in_greenhouse'), url: z.string(), reasons: z.array(matchReasonSchema) }),
  ]),
);
export type RowBadge = z.infer<typeof rowBadgeSchema>;

/**
 * The commands the content script sends on every Pin page, kept apart from the rest of the protocol so that the
 * content script builds only these schemas when a page loads (the panel, loaded on demand, uses the full list).
 */
export const listCommands = {
  'pin.observe': command({
    from: PIN,
    input: () =>
      z
        .object({
          jobs: z.array(pinJobSchema).max(500),
          observations: z.array(statusObservationSchema).max(5000),
          profiles: z.array(pinCandidateSchema).max(20).optional(),
        })
        .strict(),
    output: () => z.object({ queued: z.number().int() }),
  }),
  'pin.rowBadges': command({
    from: PIN,
    input: () =>
      z
        .object({
          pinCandidateIds: z.array(z.string().max(200)).max(5000),
          /** The pipeline's job: the answer then says which of its rows the extension has taken (`seen`). */
          jobId: z.string().max(200).optional(),
        })
        .strict(),
    output: () =>
      z.object({
        badges: z.record(z.string(), rowBadgeSchema),
        /** The row digest (lib/model/row-digest.ts) of what was taken from these rows, when a job was named. */
        seen: z.array(z.number()).length(ROW_BUCKETS).nullable(),
      }),
  }),
  'pin.jobRows': command({
    from: PIN,
    input: () => z.object({ jobId: z.string().max(200) }).strict(),
    output: () =>
      z.object({
        /** The rows looked up: those a page of this job showed last (and asked `pin.rowBadges` for). */
        covered: z.array(z.string()),
        /** The badges of the covered rows that have one. */
        badges: z.record(z.string(), rowBadgeSchema),
        /** Which covered rows the extension has taken: candidate id → `signatureHash` of what the row said. */
        taken: z.record(z.string(), z.number()),
        /** The job's title as the extension last took it from Pin (null: never): the page reports the job only if it differs. */
        jobTitle: z.string().nullable(),
      }),
  }),
};
