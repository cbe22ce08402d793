import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/**
 * How the extension watches a rule's Pin job without a page of it open (SPEC §6.1), as one state per job.
 * - `background`: the worker reads Pin's JSON itself, with the recruiter's Pin session;
 * - `tab`: an open Pin tab's content script reads it (same-origin) for the worker;
 * - `signed_out`: Pin refused a path that worked before, or refused an open tab: the recruiter must sign in;
 * - `needs_tab`: the worker is refused (Pin's session does not reach it) and no Pin tab is open;
 * - `unreadable`: Pin's JSON cannot be read at the mapped route (404, not JSON, not the mapped shape): the rule runs
 *   only while a page of the job is open.
 */
export const WATCH_STATUSES = ['background', 'tab', 'signed_out', 'needs_tab', 'unreadable'] as const;
export const watchStatusSchema = lazySchema(() => z.enum(WATCH_STATUSES));
export type WatchStatus = z.infer<typeof watchStatusSchema>;

/** The words a rule row and the popup show for each state (SPEC §6.1). */
export const WATCH_LABEL: Record<WatchStatus, string> = {
  background: 'Watching in the background',
  tab: 'Watching through an open Pin tab',
  signed_out: 'Sign in to Pin',
  needs_tab: 'Keep a Pin tab open to run this rule',
  unreadable: 'Runs while its pipeline is open in Pin',
};

/** States in which a rule fires only while a Pin page shows the event. */
export const UNWATCHED: ReadonlySet<WatchStatus> = new Set(['signed_out', 'needs_tab', 'unreadable']);

export const jobWatchSchema = lazySchema(() =>
  z.object({
    status: watchStatusSchema,
    /** Why, in words, when the state is not a plain "watching" (the rule row's second line). */
    reason: z.string().nullable(),
    /** The last check that read the pipeline (200 or 304), epoch ms. */
    lastCheckAt: z.number().nullable(),
    /** Pin's ETag of the pipeline as last read: the next read is conditional. */
    etag: z.string().nullable(),
    /** No request for this job before then (a 429 or 5xx, with Retry-After when Pin sent one). */
    backoffUntil: z.number().nullable(),
    /** Failed reads in a row, for the backoff. */
    failures: z.number().int(),
  }),
);
export type JobWatch = z.infer<typeof jobWatchSchema>;

/** What the watcher remembers across checks: the path that works, and one state per watched job. */
export const watchStateSchema = lazySchema(() =>
  z.object({
    /** The path the last successful read used; a refused background path is tried again now and then. */
    path: z.enum(['background', 'tab']).nullable(),
    /** The worker's own reads worked at least once: a later refusal there means the session ended. */
    backgroundWorked: z.boolean(),
    /** When the background path was last tried after it had been refused (epoch ms). */
    backgroundTriedAt: z.number().nullable(),
    jobs: z.record(z.string(), jobWatchSchema),
  }),
);
export type WatchState = z.infer<typeof watchStateSchema>;
export const EMPTY_WATCH_STATE: WatchState = {
  path: null,
  backgroundWorked: false,
  backgroundTriedAt: null,
  jobs: {},
};

/** An answer from Pin to one JSON read, by either path: what the watcher decides on. */
export const pinAnswerSchema = lazySchema(() =>
  z.object({
    /** 0 when the request failed before any answer (offline, a dropped connection). */
    status: z.number().int(),
    etag: z.string().nullable(),
    contentType: z.string().nullable(),
    retryAfter: z.string().nullable(),
    /** The body as text (empty for 304); capped by the reader. */
    body: z.string(),
    /** The URL that answered, after redirects (a sign-in page is often a redirect). */
    url: z.string(),
  }),
);
export type PinAnswer = z.infer<typeof pinAnswerSchema>;
