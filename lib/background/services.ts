import type { HarvestApi } from '../greenhouse/api';
import type { Connection, Settings } from '../model/connection';
import type { ExportItem } from '../model/export-item';
import type { ExportQueue } from '../sync/queue';
import type { SyncStore } from '../sync/store';
import type { AutomationService } from './automation';
import type { ConnectionService } from './connection';
import type { GreenhouseJobs } from './greenhouse-jobs';
import type { PresenceService } from './presence';
import type { StageService } from './stages';
import type { StorageHealth } from './storage-health';
import type { WatchingService } from './watching';

/** Every service of the background, built once per worker life by `startBackground`. */
export interface Services {
  store: SyncStore;
  connection: ConnectionService;
  presence: PresenceService;
  stages: StageService;
  queue: ExportQueue;
  automation: AutomationService;
  watching: WatchingService;
  greenhouseJobs: GreenhouseJobs;
  /** Whether storage takes writes: a failed one pauses the queue until a probe write goes through. */
  storageHealth: StorageHealth;
  /** The note's settings, read once per worker life; the options page changes them through this worker. */
  settings: { current: () => Promise<Settings>; forget: () => void };
  /** The connection, or a failure that tells the recruiter to connect. */
  requireConnection: () => Promise<Connection>;
  /** Harvest acting as the connected user, when connected and accepted. */
  connectedApi: () => Promise<HarvestApi | null>;
  /** Prunes what grows with use by its rules (observations, profiles, the finished log). */
  maintain: () => Promise<void>;
  /** Drops pending change signals and their stored copies (see `createChangeSignal`). */
  resetChangeSignals: () => void;
  /** Seconds until these items are through at the current rate limit, when known. */
  etaSeconds: (remaining: ExportItem[]) => number | null;
}
