import type { HarvestApi } from '../greenhouse/api';
import type { SyncRecord } from '../model/sync-record';
import { openDataDb, readMany, type StageRow, writing } from '../storage/data-db';
import { migrateLegacyStorage } from '../storage/migrate-local';

/** Stages are read again when a profile or pipeline opens and what is known is older than this. */
export const STAGE_TTL_MS = 60_000;
/** Asks within this share a read even after a quiet while (a pipeline page asks for many rows at once). */
const GATHER_MS = 30;

export type StageEntry = StageRow;

const stagesDb = async (name?: string) => {
  await migrateLegacyStorage(name);
  return openDataDb(name);
};

/** "Phone Screen · Active", "Rejected", "Hired": how a synced badge says where the application stands. */
export function stageLabel(entry: Pick<StageEntry, 'stage' | 'status' | 'prospect'>): string | null {
  switch (entry.status) {
    case 'rejected':
      return 'Rejected';
    case 'hired':
      return 'Hired';
    case 'converted':
      return 'Converted to a candidate';
    case 'in_process':
      return `${entry.stage ?? (entry.prospect ? 'Prospect' : 'In process')} · Active`;
    default:
      return entry.stage;
  }
}

/**
 * The stage and status of synced candidates' applications, from `GET /v3/applications?candidate_ids=…` (50 ids a
 * request; needs harvest:applications:list). A refresh reads only candidates whose data is older than 60 s.
 */
export class StageService {
  private inFlight = new Set<number>();
  /** Candidates waiting for the next read, with the Pin candidates to signal. */
  private pending = new Map<number, string>();
  private flushing: Promise<void> | null = null;
  private lastReadAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: {
      now?: () => number;
      changed: (pinCandidateIds: string[]) => void;
      /**
       * Reads start at least this far apart; asks in between share the next read (a bulk run signals after every
       * export). The first ask after a quiet while is read almost at once.
       */
      minIntervalMs?: number;
      /** The data database (unit tests give each service its own). */
      dbName?: string;
      /**
       * Synced people whose applications Greenhouse no longer lists (Greenhouse candidate id → Pin candidate id):
       * perhaps merged or deleted. The background checks and forgets their records if they are gone.
       */
      vanished?: (people: Map<number, string>) => void;
    },
  ) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  /** Stages this worker has read or written (the background is their only writer). */
  private readonly cache = new Map<string, StageEntry | null>();

  async get(applicationId: number | null): Promise<StageEntry | null> {
    return (await this.getMany([applicationId]))[0] ?? null;
  }

  /**
   * Reads stale stages of these synced candidates in the background; signals the overlays when they change. Asks
   * close together share one read (50 candidates a request).
   */
  async refresh(api: HarvestApi, records: readonly SyncRecord[]): Promise<void> {
    const ids = [
      ...new Set(
        records.flatMap((r) =>
          r.applications.flatMap((a) => (a.applicationId === null ? [] : [a.applicationId])),
        ),
      ),
    ].map(String);
    const found = await this.getMany(ids.map(Number));
    const stages = new Map(ids.map((id, i) => [id, found[i]] as const));
    for (const record of records) {
      const stale = record.applications.some((a) => {
        const known = a.applicationId === null ? null : stages.get(String(a.applicationId));
        return a.applicationId !== null && (!known || this.now() - known.readAt > STAGE_TTL_MS);
      });
      if (stale && !this.inFlight.has(record.greenhouseCandidateId))
        this.pending.set(record.greenhouseCandidateId, record.pinCandidateId);
    }
    if (!this.pending.size) return this.flushing ?? undefined;
    const wait = Math.max(GATHER_MS, this.lastReadAt + (this.deps.minIntervalMs ?? 2_000) - Date.now());
    this.flushing ??= new Promise<void>((resolve) => setTimeout(resolve, wait))
      .then(() => this.flush(api))
      .finally(() => {
        this.flushing = null;
        // Asked for while that read was out: the next one.
        if (this.pending.size) void this.refresh(api, []).catch(() => {});
      });
    return this.flushing;
  }

  private async flush(api: HarvestApi): Promise<void> {
    const batch = new Map(this.pending);
    this.pending.clear();
    const wanted = [...batch.keys()];
    this.lastReadAt = Date.now();
    for (const id of wanted) this.inFlight.add(id);
    try {
      const applications = await api.applicationsOfCandidates(wanted);
      const readAt = this.now();
      const db = await stagesDb(this.deps.dbName);
      const rows = applications.map((a) => ({
        id: String(a.id),
        row: { stage: a.stage_name ?? null, status: a.status ?? null, prospect: a.prospect === true, readAt },
      }));
      await writing('Greenhouse stages', async () => {
        const tx = db.transaction('stages', 'readwrite');
        await Promise.all([...rows.map(({ id, row }) => tx.store.put(row, id)), tx.done]);
      });
      for (const { id, row } of rows) this.cache.set(id, row);
      this.deps.changed([...batch.values()]);
      const listed = new Set(applications.map((a) => a.candidate_id));
      const vanished = new Map([...batch].filter(([id]) => !listed.has(id)));
      if (vanished.size) this.deps.vanished?.(vanished);
    } finally {
      for (const id of wanted) this.inFlight.delete(id);
    }
  }

  async clear(): Promise<void> {
    this.cache.clear();
    const db = await stagesDb(this.deps.dbName);
    await writing('Greenhouse stages', () => db.clear('stages'));
  }

  /** The stages of many applications (pipeline row badges): from memory, the rest in one read. */
  async getMany(applicationIds: readonly (number | null)[]): Promise<(StageEntry | null)[]> {
    const missing = [
      ...new Set(
        applicationIds.flatMap((id) => (id === null || this.cache.has(String(id)) ? [] : [String(id)])),
      ),
    ];
    if (missing.length) {
      const found = await readMany(await stagesDb(this.deps.dbName), 'stages', missing);
      missing.forEach((id, i) => {
        if (this.cache.size >= 50_000) this.cache.clear();
        this.cache.set(id, found[i] ?? null);
      });
    }
    return applicationIds.map((id) => (id === null ? null : (this.cache.get(String(id)) ?? null)));
  }
}
