import { describe, expect, it } from 'vitest';
import type { RowBadge } from '../messaging/views';
import type { PinJob, StatusObservation } from '../model/pin';
import { observationSignature, signatureHash } from '../model/row-digest';
import type { PipelineRow } from '../pin/read/lists';
import { type JobRows, JobRowsAhead, markFromJobRows } from './job-rows';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const badge: RowBadge = { kind: 'synced', url: 'https://app.greenhouse.io/people/7', stage: 'Offer' };
const job: PinJob = { id: 'j-1', title: 'Backend Engineer' };
const answer = (
  taken: Record<string, number> = {},
  covered = Object.keys(taken),
  jobTitle: string | null = job.title,
): JobRows => ({
  covered,
  badges: { 'c-1': badge },
  taken,
  jobTitle,
});

const observation = (candidateId: string, status: StatusObservation['status']): StatusObservation => ({
  jobId: 'j-1',
  candidateId,
  status,
  eventTimes: {},
});
const row = (candidateId: string, status: StatusObservation['status'] | null): PipelineRow =>
  ({
    candidateId,
    jobId: 'j-1',
    read: true,
    observation: status ? observation(candidateId, status) : null,
  }) as unknown as PipelineRow;
const hashOf = (status: StatusObservation['status']) =>
  signatureHash(observationSignature({ status, eventTimes: {} }));

describe('JobRowsAhead', () => {
  it('holds a job’s answer once it has arrived, and asks once per job', async () => {
    const asks: string[] = [];
    const pending = deferred<JobRows>();
    const ahead = new JobRowsAhead((jobId) => {
      asks.push(jobId);
      return pending.promise;
    });
    ahead.want('j-1');
    ahead.want('j-1');
    expect(ahead.ready('j-1')).toBeNull();
    pending.resolve(answer());
    await pending.promise;
    expect(ahead.ready('j-1')).toEqual(answer());
    expect(ahead.ready('j-2')).toBeNull();
    expect(asks).toEqual(['j-1']);
  });

  it('drops an answer on a change, and never uses one asked for before the change', async () => {
    const answers = [deferred<JobRows>(), deferred<JobRows>()];
    let asked = 0;
    const ahead = new JobRowsAhead(() => answers[asked++]!.promise);
    ahead.want('j-1');
    ahead.drop();
    answers[0]!.resolve(answer());
    await answers[0]!.promise;
    expect(ahead.ready('j-1')).toBeNull();
    // Asked again after the change: that answer holds until the next change.
    ahead.want('j-1');
    answers[1]!.resolve(answer({ 'c-1': 1 }));
    await answers[1]!.promise;
    expect(ahead.ready('j-1')?.taken).toEqual({ 'c-1': 1 });
    ahead.drop();
    expect(ahead.ready('j-1')).toBeNull();
    expect(asked).toBe(2);
  });

  it('a failed ask leaves nothing held (the page then asks for the rows it reads)', async () => {
    const failing = deferred<JobRows>();
    const ahead = new JobRowsAhead(() => failing.promise);
    ahead.want('j-1');
    failing.reject(new Error('the worker is restarting'));
    await failing.promise.catch(() => {});
    expect(ahead.ready('j-1')).toBeNull();
  });
});

describe('markFromJobRows', () => {
  it('marks covered rows and reports only those that say something new, or that the extension never took', () => {
    const held = answer(
      { 'c-1': hashOf('in_sequence'), 'c-2': hashOf('in_sequence'), 'c-3': hashOf('sourced') },
      ['c-1', 'c-2', 'c-3', 'c-4'],
    );
    const marked = markFromJobRows(
      [row('c-1', 'in_sequence'), row('c-2', 'replied'), row('c-3', null), row('c-4', 'sourced')],
      held,
      job,
    );
    expect(marked?.badges).toEqual({ 'c-1': badge });
    expect(marked?.news.map((o) => o.candidateId)).toEqual(['c-2', 'c-4']);
  });

  it('does not answer for a row it did not look up (its badge is not known)', () => {
    const held = answer({ 'c-1': hashOf('in_sequence') });
    expect(markFromJobRows([row('c-1', 'in_sequence'), row('c-9', 'in_sequence')], held, job)).toBeNull();
    expect(markFromJobRows([], held, job)).toEqual({ badges: held.badges, news: [], jobs: [] });
  });

  it('reports the job only when the extension never took it or took another title', () => {
    const rows = [row('c-1', 'in_sequence')];
    const taken = { 'c-1': hashOf('in_sequence') };
    expect(markFromJobRows(rows, answer(taken), job)?.jobs).toEqual([]);
    expect(markFromJobRows(rows, answer(taken, ['c-1'], null), job)?.jobs).toEqual([job]);
    expect(markFromJobRows(rows, answer(taken, ['c-1'], 'Backend Engineer (old)'), job)?.jobs).toEqual([job]);
  });
});
