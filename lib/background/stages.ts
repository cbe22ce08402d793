import type { HarvestApi } from '../greenhouse/api';
import { stagesItem } from '../storage/items';
import type { SyncRecord } from '../sync/model';

/** Stages are read again when a profile or pipeline opens and what is known is older than this. */
export const STAGE_TTL_MS = 60_000;

export type StageEntry = Awaited<ReturnType<typeof stagesItem.getValue>>[string];

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

  constructor(private readonly deps: { now?: () => number; changed: (pinCandidateIds: string[]) => void }) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  async get(applicationId: number | null): Promise<StageEntry | null> {
    if (applicationId === null) return null;
    return (await stagesItem.getValue())[String(applicationId)] ?? null;
  }

  /** Reads stale stages of these synced candidates in the background; signals the overlays when they change. */
  async refresh(api: HarvestApi, records: readonly SyncRecord[]): Promise<void> {
    const stages = await stagesItem.getValue();
    const stale = records.filter((record) =>
      record.applications.some((a) => {
        const known = a.applicationId === null ? null : stages[String(a.applicationId)];
        return a.applicationId !== null && (!known || this.now() - known.readAt > STAGE_TTL_MS);
      }),
    );
    const wanted = [...new Set(stale.map((r) => r.greenhouseCandidateId))].filter(
      (id) => !this.inFlight.has(id),
    );
    if (!wanted.length) return;
    for (const id of wanted) this.inFlight.add(id);
    try {
      const applications = await api.applicationsOfCandidates(wanted);
      const readAt = this.now();
      const next = { ...(await stagesItem.getValue()) };
      for (const a of applications) {
        next[String(a.id)] = {
          stage: a.stage_name ?? null,
          status: a.status ?? null,
          prospect: a.prospect === true,
          readAt,
        };
      }
      await stagesItem.setValue(next);
      this.deps.changed(stale.map((r) => r.pinCandidateId));
    } finally {
      for (const id of wanted) this.inFlight.delete(id);
    }
  }

  clear(): Promise<void> {
    return stagesItem.setValue({});
  }
}
