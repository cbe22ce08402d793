/** The most rows remembered per job: a few screens, as a page reads them (lib/pin/read/row-reading.ts). */
export const MAX_SHOWN_ROWS = 300;
/** The most jobs remembered; the one shown longest ago goes first. */
export const MAX_SHOWN_JOBS = 50;

/**
 * Which rows of each pipeline a page showed last (the rows it asked badges for), kept in the worker's memory: what a
 * page of that job opened again asks for ahead (`pin.jobRows`) covers these rows, not the whole job, so a 1,000-row
 * pipeline costs the worker a few screens. Lost when the worker stops; the page then asks for the rows it reads.
 */
export class ShownRows {
  private readonly jobs = new Map<string, Set<string>>();

  constructor(private readonly limits = { rows: MAX_SHOWN_ROWS, jobs: MAX_SHOWN_JOBS }) {}

  note(jobId: string, candidateIds: readonly string[]): void {
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
    for (const job of this.jobs.keys()) {
      if (this.jobs.size <= this.limits.jobs) break;
      this.jobs.delete(job);
    }
  }

  of(jobId: string): string[] {
    return [...(this.jobs.get(jobId) ?? [])];
  }
}
