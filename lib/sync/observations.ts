import type { StatusObservation } from '../model/pin';
import { observationSignature, rowDigest, signatureHash } from '../model/row-digest';
import type { ObservationState } from '../model/rule';
import { openDataDb, readMany, readOne, writing } from '../storage/data-db';
import { migrateLegacyStorage } from '../storage/migrate-local';
import { mergeObservation } from './triggers';

/** Observations of jobs without an enabled rule are forgotten after this long unseen… */
export const OBSERVATION_MAX_AGE_MS = 180 * 24 * 3_600_000;
/** …and past this many, the oldest of them go first. */
export const MAX_OBSERVATIONS = 100_000;

const keyOf = (jobId: string, candidateId: string) => `${jobId}/${candidateId}`;

/**
 * What the extension knows of each candidate's outreach in each Pin job (lib/model/rule.ts), one IndexedDB row per
 * job and candidate, plus one small digest per job of what each row said last: a page report or a pipeline read in
 * which nothing changed costs one read, whatever the size of the job.
 */
export class ObservationStore {
  constructor(private readonly dbName?: string) {}

  private async db() {
    await migrateLegacyStorage(this.dbName);
    return openDataDb(this.dbName);
  }

  /**
   * Merges the observations that say something new (by the job digests) into the stored states and writes those.
   * Returns the merged states, and the digest entries to keep once the caller has acted on them (`commit`).
   */
  async merge(
    observations: readonly StatusObservation[],
    now: number,
  ): Promise<{ states: ObservationState[]; seen: Map<string, Record<string, string>> }> {
    const db = await this.db();
    const jobs = [...new Set(observations.map((o) => o.jobId))];
    const digests = await readMany(db, 'digests', jobs);
    const digestOf = new Map(jobs.map((job, i) => [job, digests[i] ?? {}] as const));
    const fresh: StatusObservation[] = [];
    const seen = new Map<string, Record<string, string>>();
    for (const o of observations) {
      const sig = observationSignature(o);
      if (digestOf.get(o.jobId)![o.candidateId] === sig) continue;
      fresh.push(o);
      const entries = seen.get(o.jobId) ?? {};
      entries[o.candidateId] = sig;
      seen.set(o.jobId, entries);
    }
    if (!fresh.length) return { states: [], seen };
    const previous = await readMany(
      db,
      'observations',
      fresh.map((o) => keyOf(o.jobId, o.candidateId)),
    );
    const states = fresh.map((o, i) => mergeObservation(previous[i], o, now));
    await writing('what Pin showed', async () => {
      const tx = db.transaction('observations', 'readwrite');
      await Promise.all([...states.map((s) => tx.store.put(s, keyOf(s.jobId, s.candidateId))), tx.done]);
    });
    return { states, seen };
  }

  /** Remembers these rows as handled: the next report that says the same is skipped. */
  async commit(seen: Map<string, Record<string, string>>): Promise<void> {
    if (!seen.size) return;
    const db = await this.db();
    await writing('what Pin showed', async () => {
      const tx = db.transaction('digests', 'readwrite');
      for (const [jobId, entries] of seen) {
        const current = (await tx.store.get(jobId)) ?? {};
        await tx.store.put({ ...current, ...entries }, jobId);
      }
      await tx.done;
    });
  }

  /**
   * The row digest (lib/model/row-digest.ts) of what the extension has taken from these candidates' rows in a job,
   * so that a page sends only the rows it says something new about.
   */
  async seenDigest(jobId: string, candidateIds: readonly string[]): Promise<number[]> {
    const entries = (await readOne(await this.db(), 'digests', jobId)) ?? {};
    return rowDigest(
      candidateIds.flatMap((id) => (entries[id] === undefined ? [] : [[id, entries[id]] as const])),
    );
  }

  /** Which of these rows of a job the extension has taken: candidate id → `signatureHash` of what the row said last. */
  async takenRows(jobId: string, candidateIds: readonly string[]): Promise<Record<string, number>> {
    const entries = (await readOne(await this.db(), 'digests', jobId)) ?? {};
    const out: Record<string, number> = {};
    for (const id of candidateIds) if (Object.hasOwn(entries, id)) out[id] = signatureHash(entries[id]!);
    return out;
  }

  async get(jobId: string, candidateId: string): Promise<ObservationState | null> {
    return (await readOne(await this.db(), 'observations', keyOf(jobId, candidateId))) ?? null;
  }

  /** Every candidate the extension has seen in a job (the opt-in backfill). */
  async ofJob(jobId: string): Promise<ObservationState[]> {
    return (await this.db()).getAllFromIndex('observations', 'job', jobId);
  }

  /**
   * Forgets observations of jobs without an enabled rule that were not seen for `maxAgeMs`, then the oldest of them
   * beyond `max`. Those jobs' digests go too, so what is seen again is merged again. Observations of jobs with an
   * enabled rule stay: an event seen again with no time from Pin must not look new (no retroactive sync).
   */
  async prune(
    watchedJobs: ReadonlySet<string>,
    now: number,
    limits = { maxAgeMs: OBSERVATION_MAX_AGE_MS, max: MAX_OBSERVATIONS },
  ): Promise<number> {
    const db = await this.db();
    let total = await db.count('observations');
    let removed = 0;
    const touchedJobs = new Set<string>();
    await writing('what Pin showed', async () => {
      const tx = db.transaction(['observations', 'digests'], 'readwrite');
      let cursor = await tx.objectStore('observations').index('updated').openCursor();
      while (cursor) {
        const state = cursor.value;
        const tooOld = now - state.updatedAt > limits.maxAgeMs;
        if (!tooOld && total <= limits.max) break;
        if (!watchedJobs.has(state.jobId)) {
          await cursor.delete();
          touchedJobs.add(state.jobId);
          total -= 1;
          removed += 1;
        }
        cursor = await cursor.continue();
      }
      for (const job of touchedJobs) await tx.objectStore('digests').delete(job);
      await tx.done;
    });
    return removed;
  }
}
