import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { watchStatusSchema } from '../model/watch';
import { command, PAGES } from './command';

/**
 * The commands the toolbar popup sends, kept apart from the rest of the protocol (like list-protocol.ts) so that the
 * popup builds only their schemas when it opens (SPEC §13: it opens in under 100 ms).
 */
/** How one enabled rule's Pin job is watched (SPEC §6.1). */
export const watchViewSchema = lazySchema(() =>
  z.object({
    status: watchStatusSchema,
    label: z.string(),
    /** Why, when the rule is not plainly watched (a second line). */
    reason: z.string().nullable(),
    lastCheckAt: z.number().nullable(),
  }),
);
export type WatchView = z.infer<typeof watchViewSchema>;

/** The toolbar popup at a glance (SPEC §13), in one answer so it opens fast. */
export const popupViewSchema = lazySchema(() =>
  z.object({
    connected: z.boolean(),
    actingUserName: z.string().nullable(),
    needsReconnect: z.string().nullable(),
    queue: z.object({
      running: z.number().int(),
      waiting: z.number().int(),
      failed: z.number().int(),
      needsReview: z.number().int(),
    }),
    rules: z.array(
      z.object({
        pinJobId: z.string(),
        pinJobTitle: z.string(),
        greenhouseJobName: z.string().nullable(),
        watch: watchViewSchema.nullable(),
      }),
    ),
    lastSync: z
      .object({
        candidateName: z.string(),
        pinJobTitle: z.string(),
        url: z.string().nullable(),
        at: z.number(),
      })
      .nullable(),
    paused: z.string().nullable(),
  }),
);
export type PopupView = z.infer<typeof popupViewSchema>;

export const popupCommands = {
  'popup.status': command({ from: PAGES, input: () => z.object({}).strict(), output: () => popupViewSchema }),
  /** Puts every failed export back in line (each keeps its journal). */
  'export.retryFailed': command({
    from: PAGES,
    input: () => z.object({}).strict(),
    output: () => z.object({ retried: z.number().int() }),
  }),
};
