import { z } from 'zod';
import { lazySchema } from './lazy-schema';

export const scopeStatusSchema = lazySchema(() => z.enum(['granted', 'missing']));
/** The saved Greenhouse connection, without the secret (which lives in the secret store). */
export const connectionSchema = lazySchema(() =>
  z.object({
    clientId: z.string(),
    actAsUserId: z.number().int().nullable(),
    actingUserName: z.string().nullable(),
    scopes: z.record(z.string(), scopeStatusSchema),
    openJobs: z.number().int().nullable(),
    connectedAt: z.number(),
    /** Set when Greenhouse stopped accepting the credential: exports wait until the admin reconnects. */
    needsReconnect: z.string().nullable(),
  }),
);
export type Connection = z.infer<typeof connectionSchema>;

export const settingsSchema = lazySchema(() =>
  z.object({
    noteVisibility: z.enum(['private', 'admin_only', 'public']),
  }),
);
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { noteVisibility: 'private' };
