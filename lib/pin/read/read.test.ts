// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MARKUPS } from '../../../tests/pin-app/render-shared';
import { loadDataset, SAMPLE_DATASET_PATH } from '../../../tests/pin-app/server';
import { renderPage } from '../../../tests/support/render-page';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import { pageFromUrl } from '../routes';
import { readInbox } from './inbox';
import { readJobsList } from './jobs';
import { readPipeline } from './pipeline';
import { phonesInText, readProfile } from './profile';

const dataset = loadDataset(SAMPLE_DATASET_PATH);

/** What the page can show: text is trimmed, so a name with padding reads without it. */
function shown<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'string' ? v.trim() : v)));
}
const nullIfEmpty = (location: (typeof dataset.candidates)[number]['location']) =>
  location && (location.city || location.state || location.country) ? location : null;
const eventTimes = (events: { type: string; at: string }[]) =>
  Object.fromEntries(events.map((e) => [e.type, new Date(e.at).toISOString()]));

for (const markup of MARKUPS) {
  describe(`readProfile on every candidate of the sample dataset (${markup} markup)`, () => {
    for (const entry of dataset.pipeline) {
      const candidate = dataset.candidates.find((c) => c.id === entry.candidateId)!;
      it(`${entry.jobId} / ${candidate.id} (${candidate.name})`, () => {
        const doc = renderPage(dataset, `/jobs/${entry.jobId}/candidates/${candidate.id}`, markup);
        const read = readProfile(doc, { jobId: entry.jobId, candidateId: candidate.id });
        if (!read.ok) throw new Error(`unreadable: ${read.unreadable}`);
        expect(read.value.candidate).toEqual(
          shown({ ...candidate, location: nullIfEmpty(candidate.location) }),
        );
        expect(read.value.job).toEqual(dataset.jobs.find((j) => j.id === entry.jobId));
        expect(read.value.observation).toEqual({
          jobId: entry.jobId,
          candidateId: candidate.id,
          status: entry.status,
          eventTimes: eventTimes(entry.events),
        });
        expect(read.value.profileUrl).toBe(
          `https://app.pin.com/jobs/${entry.jobId}/candidates/${candidate.id}`,
        );
        expect(read.value.anchor.querySelector('h1')?.textContent).toBe(candidate.name);
      });
    }
  });

  describe(`pipeline, inbox and jobs list (${markup} markup)`, () => {
    it('reads every pipeline row with its status and event times', () => {
      for (const job of dataset.jobs) {
        const read = readPipeline(renderPage(dataset, `/jobs/${job.id}`, markup), { jobId: job.id });
        if (!read.ok) throw new Error(read.unreadable);
        expect(read.value.job).toEqual(job);
        const expected = dataset.pipeline.filter((p) => p.jobId === job.id);
        expect(read.value.rows.map((r) => r.observation)).toEqual(
          expected.map((p) => ({
            jobId: p.jobId,
            candidateId: p.candidateId,
            status: p.status,
            eventTimes: eventTimes(p.events),
          })),
        );
        for (const row of read.value.rows) expect(row.nameCell.querySelector('a')).not.toBeNull();
      }
    });
    it('reads inbox threads', () => {
      const read = readInbox(renderPage(dataset, '/inbox', markup));
      if (!read.ok) throw new Error(read.unreadable);
      expect(read.value.observations.map((o) => `${o.jobId}/${o.candidateId}:${o.status}`).sort()).toEqual([
        'j-backend/c-long:interested',
        'j-backend/c-multi:replied',
      ]);
    });
    it('reads the jobs list', () => {
      const read = readJobsList(renderPage(dataset, '/jobs', markup));
      expect(read.ok && read.value).toEqual(dataset.jobs);
    });
  });
}

describe('the two markups read identically', () => {
  it('for every candidate, field by field', () => {
    for (const entry of dataset.pipeline) {
      const path = `/jobs/${entry.jobId}/candidates/${entry.candidateId}`;
      const page = { jobId: entry.jobId, candidateId: entry.candidateId };
      const classic = readProfile(renderPage(dataset, path, 'classic'), page);
      const classicValue = classic.ok ? { ...classic.value, anchor: null, reads: null } : classic;
      const utility = readProfile(renderPage(dataset, path, 'utility'), page);
      const utilityValue = utility.ok ? { ...utility.value, anchor: null, reads: null } : utility;
      expect(utilityValue, path).toEqual(classicValue);
    }
  });
});

describe('hostile text and unreadable pages', () => {
  it('keeps hostile text as text', () => {
    for (const markup of MARKUPS) {
      const doc = renderPage(dataset, '/jobs/j-backend/candidates/c-html', markup);
      expect(doc.querySelector('img, script, svg, marquee')).toBeNull();
      const read = readProfile(doc, { jobId: 'j-backend', candidateId: 'c-html' });
      expect(read.ok && read.value.candidate.name).toBe('<img src=x onerror=alert(1)> Mallory');
    }
  });

  it('names what is missing, and never throws', () => {
    const page = { jobId: 'j-backend', candidateId: 'c-ada' };
    for (const markup of MARKUPS) {
      const doc = renderPage(dataset, '/jobs/j-backend/candidates/c-ada', markup);
      doc.querySelector('main h1')!.remove();
      expect(readProfile(doc, page)).toMatchObject({ ok: false, unreadable: "the candidate's name" });
      const again = renderPage(dataset, '/jobs/j-backend/candidates/c-ada', markup);
      for (const link of again.querySelectorAll('a[href^="mailto:"]')) link.closest('section')?.remove();
      expect(readProfile(again, page)).toMatchObject({ ok: false, unreadable: 'the contact section' });
      const noOutreach = renderPage(dataset, '/jobs/j-backend/candidates/c-ada', markup);
      [...noOutreach.querySelectorAll('h2')].find((h) => h.textContent === 'Outreach')!.remove();
      expect(readProfile(noOutreach, page)).toMatchObject({ ok: false, unreadable: 'the outreach status' });
    }
    expect(readProfile(renderPage(dataset, '/jobs'), page)).toMatchObject({ ok: false });
    const untitled = renderPage(dataset, '/jobs/j-backend');
    untitled.querySelector('main h1')!.remove();
    expect(readPipeline(untitled, { jobId: 'j-backend' })).toMatchObject({
      ok: false,
      unreadable: "the job's title",
    });
  });

  it('a broken selector in an imported mapping matches nothing instead of throwing', () => {
    const broken = {
      ...BUILTIN_PIN_MAPPING,
      selectors: { ...BUILTIN_PIN_MAPPING.selectors, name: ['h1[[['], headline: ['::nope('] },
    };
    const read = readProfile(
      renderPage(dataset, '/jobs/j-backend/candidates/c-ada'),
      { jobId: 'j-backend', candidateId: 'c-ada' },
      broken,
    );
    expect(read.ok && read.value.candidate.name).toBe('Ada Lovelace');
    expect(read.reads.find((r) => r.field === 'name')?.rule).toBe('main heading <h1>');
  });
});

describe('contact details without mailto: or tel: links', () => {
  it('come from the labelled Contact section’s text, phone-like numbers only', () => {
    document.body.innerHTML = `<main>
      <h1>Grace Hopper</h1>
      <section><h2>Contact info</h2>
        <p>Email: grace@navy.example (work) · Phone: +1 212 555 0199 · Ref 12345</p>
        <p>grace.h@home.example</p>
      </section>
      <section><h2>Outreach</h2><span>Replied</span></section>
    </main>`;
    const read = readProfile(document, { jobId: 'j-1', candidateId: 'c-1' });
    if (!read.ok) throw new Error(read.unreadable);
    expect(read.value.candidate.emails).toEqual([
      { address: 'grace@navy.example', type: 'work' },
      { address: 'grace.h@home.example', type: 'personal' },
    ]);
    expect(read.value.candidate.phones).toEqual(['+1 212 555 0199']);
    expect(read.value.observation.status).toBe('replied');
    expect(read.reads.find((r) => r.field === 'phones')?.rule).toBe('phone numbers in the contact text');
    expect(read.reads.find((r) => r.field === 'emails')?.rule).toBe('addresses in the contact text');
  });
});

describe('phonesInText', () => {
  it('finds phone-like numbers and leaves references, years and ranges of years', () => {
    expect(
      phonesInText('Call (415) 555-0100 or +44 20 7946 0958 · Ref 12345 · 2019-2021 · since 2020 · 555 0100'),
    ).toEqual(['(415) 555-0100', '+44 20 7946 0958', '555 0100']);
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

  it('follows the mapping’s routes', () => {
    const mapping = {
      ...BUILTIN_PIN_MAPPING,
      routes: {
        ...BUILTIN_PIN_MAPPING.routes,
        profile: '/p/:candidateId/in/:jobId',
        pipeline: '/searches/:jobId',
      },
    };
    expect(pageFromUrl('https://app.pin.com/p/c-1/in/j-2', mapping)).toEqual({
      kind: 'profile',
      jobId: 'j-2',
      candidateId: 'c-1',
    });
    expect(pageFromUrl('https://app.pin.com/searches/j-2', mapping)).toEqual({
      kind: 'pipeline',
      jobId: 'j-2',
    });
    expect(pageFromUrl('https://app.pin.com/jobs/j-2', mapping)).toEqual({ kind: 'other' });
  });
});
