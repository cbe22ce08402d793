import type { HarvestApi } from '../../greenhouse/api';
import type { Connection, Settings } from '../../model/connection';
import type { ExportItem } from '../../model/export-item';
import type { MatchResult } from '../../model/match';
import type { SyncRecord } from '../../model/sync-record';
import type { PhonePlans } from '../mapping/contact';
import type { EducationOptions } from '../mapping/education';

/** What every step of one export run gets: the item (its journal), Greenhouse, and the run's helpers. */
export interface StepContext {
  item: ExportItem;
  api: HarvestApi;
  connection: Connection;
  settings: Settings;
  /** The sync record of this Pin candidate, if an earlier export already synced them. */
  record: SyncRecord | null;
  granted: (scope: string) => boolean;
  /** Persists the item (its journal) now. */
  save: () => Promise<void>;
  /** Adds a line to the item's ledger warnings (once). */
  warn: (message: string) => void;
  now: () => number;
  /** Waits (a timer in the product; instant in unit tests). */
  sleep: (ms: number) => Promise<void>;
  /**
   * The Pin-generated resume (Pin-sourced candidates; null otherwise); later calls return the same promise. With
   * `onlyIfPrepared` it takes a PDF made ahead and starts no work (steps call it as their first write goes out).
   */
  startResume: (onlyIfPrepared: boolean) => Promise<{ filename: string; bytes: Uint8Array }> | null;
  /** Greenhouse's school, degree and discipline options, when education can be sent. */
  educationOptions: Promise<EducationOptions> | null;
  /** The numbering plans phone numbers are read with (null: sent as given), when the candidate has a phone. */
  phonePlans: Promise<PhonePlans | null> | null;
  /** Who in Greenhouse this candidate already is (index and live lookups); absent: live email lookups only. */
  findMatches?: () => Promise<MatchResult>;
  /** After this export created a person: cached lookups of their emails are stale. */
  created?: () => void;
}

export const iso = (ms: number) => new Date(ms).toISOString();
