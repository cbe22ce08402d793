// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadDataset, SAMPLE_DATASET_PATH } from '../../tests/pin-app/server';
import { renderPage } from '../../tests/unit/pin/render-page';
import { readInbox, readJobsList, readPipeline, readProfile } from './read';
import { pageFromUrl } from './routes';

const dataset = loadDataset(SAMPLE_DATASET_PATH);

/** What the page can show: text is trimmed, so a name with padding reads without it. */
function shown<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'string' ? v.trim() : v)));
}
const nullIfEmpty = (location: (typeof dataset.candidates)[number]['location']) =>
  location && (location.city || location.state || location.country) ? location : null;

describe('readProfile on every candidate of the sample dataset', () => {
  for (const entry of dataset.pipeline) {
    const candidate = dataset.candidates.find((c) => c.id === entry.candidateId)!;
    it(`${entry.jobId} / ${candidate.id} (${candidate.name})`, () => {
      const doc = renderPage(dataset, `/jobs/${entry.jobId}/candidates/${candidate.id}`);
      const read = readProfile(doc);
      if (!read.ok) throw new Error(`unreadable: ${read.unreadable}`);
      expect(read.value.candidate).toEqual(
        shown({ ...candidate, location: nullIfEmpty(candidate.location) }),
      );
      expect(read.value.job).toEqual(dataset.jobs.find((j) => j.id === entry.jobId));
      expect(read.value.observation).toEqual({
        jobId: entry.jobId,
        candidateId: candidate.id,
        status: entry.status,
        eventTimes: Object.fromEntries(entry.events.map((e) => [e.type, e.at])),
      });
      expect(read.value.profileUrl).toBe(
        `https://app.pin.com/jobs/${entry.jobId}/candidates/${candidate.id}`,
      );
    });
  }

  it('keeps hostile text as text', () => {
    const doc = renderPage(dataset, '/jobs/j-backend/candidates/c-html');
    expect(doc.querySelector('img, script, svg, marquee')).toBeNull();
    const read = readProfile(doc);
    expect(read.ok && read.value.candidate.name).toBe('<img src=x onerror=alert(1)> Mallory');
  });
});

describe('unreadable pages give a typed answer, never an exception', () => {
  it('names what is missing', () => {
    const doc = renderPage(dataset, '/jobs/j-backend/candidates/c-ada');
    doc.querySelector('.candidate-name')!.remove();
    expect(readProfile(doc)).toEqual({ ok: false, unreadable: "the candidate's name" });
    doc.querySelector('section.contact-info')?.remove();
    doc
      .querySelector('.candidate-header')!
      .append(Object.assign(doc.createElement('h1'), { className: 'candidate-name', textContent: 'X' }));
    expect(readProfile(doc)).toEqual({ ok: false, unreadable: 'the contact section' });
    expect(readProfile(renderPage(dataset, '/jobs'))).toEqual({
      ok: false,
      unreadable: 'the candidate profile',
    });
    expect(readPipeline(renderPage(dataset, '/inbox'))).toEqual({
      ok: false,
      unreadable: 'the job pipeline',
    });
    expect(readInbox(renderPage(dataset, '/jobs'))).toEqual({ ok: false, unreadable: 'the inbox' });
  });
});

describe('pipeline, inbox and jobs list', () => {
  it('reads every pipeline row with its status and event times', () => {
    for (const job of dataset.jobs) {
      const read = readPipeline(renderPage(dataset, `/jobs/${job.id}`));
      if (!read.ok) throw new Error(read.unreadable);
      expect(read.value.job).toEqual(job);
      const expected = dataset.pipeline.filter((p) => p.jobId === job.id);
      expect(read.value.rows.map((r) => r.observation)).toEqual(
        expected.map((p) => ({
          jobId: p.jobId,
          candidateId: p.candidateId,
          status: p.status,
          eventTimes: Object.fromEntries(p.events.map((e) => [e.type, e.at])),
        })),
      );
    }
  });
  it('reads inbox threads', () => {
    const read = readInbox(renderPage(dataset, '/inbox'));
    if (!read.ok) throw new Error(read.unreadable);
    expect(read.value.observations.map((o) => `${o.jobId}/${o.candidateId}:${o.status}`).sort()).toEqual([
      'j-backend/c-long:interested',
      'j-backend/c-multi:replied',
    ]);
  });
  it('reads the jobs list', () => {
    expect(readJobsList(renderPage(dataset, '/jobs'))).toEqual({ ok: true, value: dataset.jobs });
  });
});

describe('pageFromUrl', () => {
  it.each([
    ['https://app.pin.com/jobs', { kind: 'jobs' }],
    ['https://app.pin.com/jobs/j-1', { kind: 'pipeline', jobId: 'j-1' }],
    [
      'https://app.pin.com/jobs/j-1/candidates/c%20x?tab=1',
      { kind: 'profile', jobId: 'j-1', candidateId: 'c x' },
    ],
    ['https://app.pin.com/inbox', { kind: 'inbox' }],
    ['https://app.pin.com/settings', { kind: 'other' }],
    ['https://evil.example/jobs', { kind: 'other' }],
    ['not a url', { kind: 'other' }],
  ])('%s', (url, expected) => {
    expect(pageFromUrl(url)).toEqual(expected);
  });
});
