import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';

/** The most rows remembered per job: a few screens, as a page reads them (lib/pin/read/row-reading.ts). */
export const MAX_SHOWN_ROWS = 300;
/** The most jobs remembered; the one shown longest ago goes first. */
export const MAX_SHOWN_JOBS = 50;

/** What is kept between worker starts: each job with its rows, the job and the row shown last at the end. */
const keptSchema = lazySchema(() => z.array(z.tuple([z.string(), z.array(z.string())])));
export type KeptShownRows = z.infer<typeof keptSchema>;

/** Where the rows are kept while the browser runs (`storage.session`: memory only, closed to content scripts). */
export interface ShownRowsStore {
  load(): Promise<unknown>;
  save(rows: KeptShownRows): Promise<void>;
}

/**
 * Which rows of each pipeline a page showed last (the rows it asked badges for): what a page of that job opened again
 * asks for ahead (`pin.jobRows`) covers these rows, not the whole job, so a 1,000-row pipeline costs the worker a few
 * screens. Kept in `store` too, a moment after each change, because the browser stops an idle worker within a
 * minute, and a recruiter opens a pipeline again later than that. Without a store, or when what it held cannot be
 * read, the page asks for the rows it reads instead: nothing is lost.
 */
export class ShownRows {
  private jobs = new Map<string, Set<string>>();
  private loaded: Promise<void> | null = null;
  private saving: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limits = { rows: MAX_SHOWN_ROWS, jobs: MAX_SHOWN_JOBS },
    private readonly store?: ShownRowsStore,
    private readonly saveAfterMs = 500,
  ) {}

  note(jobId: string, candidateIds: readonly string[]): void {
    this.add(jobId, candidateIds);
    this.trim();
    void this.ready().then(() => this.scheduleSave());
  }

  async of(jobId: string): Promise<string[]> {
    await this.ready();
    return [...(this.jobs.get(jobId) ?? [])];
  }

  private add(jobId: string, candidateIds: Iterable<string>): void {
    const rows = this.jobs.get(jobId) ?? new Set<string>();
    this.jobs.delete(jobId);
    this.jobs.set(jobId, rows);
    for (const id of candidateIds) {
      // Re-added, so that a row shown again counts as shown last.
      rows.delete(id);
      rows.add(id);
    }
    for (const id of rows) {
      if (rows.size <= this.limits.rows) break;
      rows.delete(id);
    }
  }

  private trim(): void {
    for (const job of this.jobs.keys()) {
      if (this.jobs.size <= this.limits.jobs) break;
      this.jobs.delete(job);
    }
  }

  /** What the store kept, read once; rows noted meanwhile stay the ones shown last. */
  private ready(): Promise<void> {
    this.loaded ??= (async () => {
      const kept = keptSchema.safeParse(await this.store?.load().catch(() => null));
      if (!kept.success) return;
      const noted = this.jobs;
      this.jobs = new Map();
      for (const [jobId, ids] of kept.data) this.add(jobId, ids);
      for (const [jobId, ids] of noted) this.add(jobId, ids);
      this.trim();
    })();
    return this.loaded;
  }

  private scheduleSave(): void {
    if (!this.store || this.saving !== undefined) return;
    this.saving = setTimeout(() => {
      this.saving = undefined;
      const rows: KeptShownRows = [...this.jobs].map(([jobId, ids]) => [jobId, [...ids]]);
      // Not kept: the next worker start goes without them.
      void this.store?.save(rows).catch(() => {});
    }, this.saveAfterMs);
  }
}
