import type { HarvestApi } from '../greenhouse/api';
import type { ExportItem } from '../model/export-item';
import type { IndexMatch, LookupStore } from '../model/match';
import { PresenceDatabase } from '../storage/presence-db';
import { PresenceIndexer, STALE_AFTER_MS } from '../sync/presence/indexer';
import { LOOKUP_TTL_MS, PresenceMatcher } from '../sync/presence/matcher';
import type { RunContext } from '../sync/queue';
import type { SnapshotStore } from '../sync/snapshots';

/** How the options page shows the index. */
export interface IndexView {
  phase: 'empty' | 'building' | 'ready';
  people: number;
  updatedAt: number | null;
  lastError: string | null;
}

/**
 * Knowing who is already in Greenhouse (SPEC §11): the presence index and the matcher, wired for the background.
 * Bulk batches refresh the index once and then match by it alone; single exports also look emails up live (a lookup
 * prefetched when the profile opened).
 */
export class PresenceService {
  readonly indexer: PresenceIndexer;
  readonly matcher: PresenceMatcher;
  /** Until then, exports of the current batch match by the just-refreshed index alone. */
  private indexOnlyUntil = 0;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly deps: {
      api: () => Promise<HarvestApi | null>;
      /** The index changed (progress, done, cleared): the options page refreshes. */
      changed: () => void;
      db?: PresenceDatabase;
      snapshots: SnapshotStore;
      lookups?: LookupStore;
      now?: () => number;
    },
  ) {
    this.indexer = new PresenceIndexer({
      db: deps.db ?? new PresenceDatabase(),
      api: deps.api,
      now: deps.now,
      onProgress: () => deps.changed(),
    });
    this.matcher = new PresenceMatcher({ indexer: this.indexer, now: deps.now, store: deps.lookups });
  }

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  async view(): Promise<IndexView> {
    const state = await this.indexer.state();
    return {
      phase: state.phase,
      people: state.people,
      updatedAt: state.updatedAt,
      lastError: state.lastError,
    };
  }

  /** Builds, resumes or updates the index unless it is fresh; never throws, and does nothing while not connected. */
  refreshIfStale(maxAgeMs = STALE_AFTER_MS): void {
    void (async () => {
      if (!(await this.deps.api())) return;
      await this.indexer.refreshIfStale(maxAgeMs);
    })().catch(() => {});
  }

  /** Forgets what this worker remembers (after "Erase all data" deleted the index's database). */
  forget(): void {
    this.indexOnlyUntil = 0;
    this.matcher.forgetAll();
  }

  refreshNow(): Promise<IndexView> {
    return this.indexer
      .refresh()
      .catch(() => {})
      .then(() => this.view());
  }

  /**
   * Before a bulk batch (two or more due exports) and as it goes on: one incremental update, then a minute of
   * matching by the index alone. Within that minute it does nothing.
   */
  async beforeBatch(due: ExportItem[]): Promise<void> {
    if (this.now() < this.indexOnlyUntil) return;
    if (this.renewing) return this.renewing;
    if (due.length < 2 || (await this.indexer.state()).phase !== 'ready') return;
    this.renewing = this.indexer.refresh().then(() => {
      this.indexOnlyUntil = this.now() + LOOKUP_TTL_MS;
    });
    try {
      await this.renewing;
    } finally {
      this.renewing = null;
    }
  }

  /** What the queue's runs use to match candidates. */
  runContext(api: HarvestApi): NonNullable<RunContext['presence']> {
    return {
      match: (candidate, { live }) =>
        this.matcher.match(api, candidate, { indexOnly: this.now() < this.indexOnlyUntil, fresh: live }),
      created: (candidate) => this.matcher.forget(candidate),
    };
  }

  /**
   * Pipeline rows: people in Greenhouse by the index alone (no request per row), from profiles seen on Pin. A
   * profile's keys are hashed once and kept with its snapshot; all rows are looked up in one read of the index.
   */
  async rowsInGreenhouse(pinCandidateIds: readonly string[]): Promise<Record<string, IndexMatch>> {
    if (!pinCandidateIds.length || (await this.indexer.state()).phase !== 'ready') return {};
    const rows = (await this.deps.snapshots.rows(pinCandidateIds)).filter((r) => r !== undefined);
    const missing = rows.filter((row) => !row.keys);
    for (const row of missing) row.keys = await this.indexer.keysFor(row.profile);
    if (missing.length) void this.deps.snapshots.setKeys(missing).catch(() => {});
    return this.indexer.lookupMany(rows.map((row) => ({ id: row.id, keys: row.keys ?? [] })));
  }

  async clear(): Promise<void> {
    this.indexOnlyUntil = 0;
    await this.indexer.clear();
    this.deps.changed();
  }
}
