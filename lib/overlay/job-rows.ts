import type { RowBadge } from '../messaging/views';
import type { PinJob, StatusObservation } from '../model/pin';
import { newsAgainst } from '../model/row-digest';
import { pageMoment } from '../pin/page-timeline';
import type { PipelineRow } from '../pin/read/lists';

/** What the extension holds of some rows of a pipeline (`pin.jobRows`): their badges, and what it took from each. */
export interface JobRows {
  /** The rows looked up (those a page of the job showed last). */
  covered: string[];
  /** The badges of the covered rows that have one. */
  badges: Record<string, RowBadge>;
  /** Candidate id → `signatureHash` of what the row said when the extension took it (covered rows only). */
  taken: Record<string, number>;
  /** The job's title as the extension last took it (null: never). */
  jobTitle: string | null;
}

/**
 * A pipeline's rows asked for ahead: when the page starts loading, while Pin fetches and renders its list, so that the
 * rows read are marked in the same task as the read instead of after a round trip to the worker. An answer holds
 * until the extension signals a change (`drop`); one that arrives after a change was signalled is not used.
 */
export class JobRowsAhead {
  private jobId: string | null = null;
  private answer: JobRows | null = null;
  private asked = 0;

  constructor(private readonly ask: (jobId: string) => Promise<JobRows>) {}

  /** Asks for this job's rows, unless they were asked for already and still hold. */
  want(jobId: string): void {
    if (this.jobId === jobId) return;
    this.jobId = jobId;
    this.answer = null;
    const mine = ++this.asked;
    this.ask(jobId).then(
      (answer) => {
        if (mine !== this.asked) return;
        this.answer = answer;
        // On the page's performance timeline, so that a test can hold Pin's list until the answer is here.
        pageMoment('pgs:job-rows');
      },
      // Nothing is lost: the page then asks for the rows it reads (`pin.rowBadges`).
      () => {},
    );
  }

  /** The answer for this job, when it has arrived and nothing changed since it was asked for. */
  ready(jobId: string): JobRows | null {
    return this.jobId === jobId ? this.answer : null;
  }

  /** The extension changed something (an export, a stage, the index): what was asked for before may be out of date. */
  drop(): void {
    this.asked += 1;
    this.jobId = null;
    this.answer = null;
  }
}

/**
 * The badges and the news for these rows of `job` from an answer, when it covers every one of them (else null: the
 * page asks for the rows it read). The news: the observations the extension has not taken, and the job when the
 * extension has not taken it as it is (so a page whose rows and job are all known sends the worker nothing).
 */
export function markFromJobRows(
  rows: readonly PipelineRow[],
  answer: JobRows,
  job: PinJob,
): { badges: Record<string, RowBadge>; news: StatusObservation[]; jobs: PinJob[] } | null {
  const covered = new Set(answer.covered);
  const observations: StatusObservation[] = [];
  for (const row of rows) {
    if (!covered.has(row.candidateId)) return null;
    if (row.observation) observations.push(row.observation);
  }
  return {
    badges: answer.badges,
    news: newsAgainst(observations, answer.taken),
    jobs: answer.jobTitle === job.title ? [] : [job],
  };
}
