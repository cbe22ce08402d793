import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** What the extension remembers of a synced Pin candidate; kept when the log rotates or Greenhouse disconnects. */
export const syncRecordSchema = lazySchema(() =>
  z.object({
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
  }),
);
export type SyncRecord = z.infer<typeof syncRecordSchema>;
