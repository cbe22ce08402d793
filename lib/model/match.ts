import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** Why a Greenhouse person matched a Pin candidate. */
export const matchReasonSchema = lazySchema(() => z.enum(['email', 'LinkedIn']));
export type MatchReason = z.infer<typeof matchReasonSchema>;

/** A Greenhouse person the presence index holds a key of (SPEC §11), and which keys matched. */
export interface IndexMatch {
  id: number;
  reasons: MatchReason[];
}

/** A Greenhouse person who matched, as the overlay and the review show them. */
export const reviewMatchSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    emails: z.array(z.string()),
    company: z.string().nullable(),
    title: z.string().nullable(),
    /** Why this person matched; items written before the presence index matched by email only. */
    reasons: z.array(matchReasonSchema).default(['email']),
  }),
);
export type ReviewMatch = z.infer<typeof reviewMatchSchema>;

export interface MatchResult {
  matches: ReviewMatch[];
  /** False while the index is not built: only emails were compared (the dialog says LinkedIn comes later). */
  linkedInReady: boolean;
}

/** What a live email lookup keeps of each person it found: only what matching shows. */
export const lookupRowSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    first_name: z.string().nullable().optional(),
    last_name: z.string().nullable().optional(),
    company: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    email_addresses: z
      .array(z.object({ value: z.string() }).loose())
      .nullable()
      .optional(),
  }),
);
export type LookupRow = z.infer<typeof lookupRowSchema>;
export interface LookupEntry {
  at: number;
  rows: LookupRow[];
}

/** Lookups kept across worker restarts (storage.session in the extension): a cold Export can still reuse them. */
export interface LookupStore {
  get(email: string): Promise<LookupEntry | null>;
  set(email: string, entry: LookupEntry): Promise<void>;
}
