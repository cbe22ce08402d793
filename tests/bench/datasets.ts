import type { PinCandidate } from '../../lib/model/pin';
import type { Dataset } from '../pin-app/dataset';
import { generateLargeDataset } from '../pin-app/generate-large';

function candidate(prefix: string, i: number): PinCandidate {
  return {
    id: `${prefix}-${i}`,
    name: `Bench Person ${prefix.toUpperCase()}${i}`,
    headline: 'Engineer',
    location: { city: 'Berlin', state: null, country: 'Germany' },
    emails: [{ address: `${prefix}${i}@bench.example`, type: 'personal' }],
    phones: ['030 1234567'],
    linkedinUrl: `https://www.linkedin.com/in/${prefix}-${i}`,
    // A current job and three previous ones (SPEC §10).
    experience: [
      { title: 'Staff Engineer', company: 'Now GmbH', start: '2022-01', end: null },
      { title: 'Senior Engineer', company: 'Before AG', start: '2019-01', end: '2021-12' },
      { title: 'Engineer', company: 'Earlier KG', start: '2016-01', end: '2018-12' },
      { title: 'Junior Engineer', company: 'First OHG', start: '2014-01', end: '2015-12' },
    ],
    education: [],
    skills: ['Go'],
    summary: null,
    sourcedByPin: true,
  };
}

/** Latency: `count` new Pin-sourced candidates with three previous jobs each. Bulk: `bulk` candidates in one job. */
export function benchDataset(count: number, bulk: number): Dataset {
  const latency = Array.from({ length: count }, (_, i) => candidate('lat', i));
  const many = Array.from({ length: bulk }, (_, i) => ({
    ...candidate('bulk', i),
    experience: candidate('bulk', i).experience.slice(0, 2),
  }));
  const large = generateLargeDataset(1000);
  return {
    jobs: [{ id: 'j-latency', title: 'Latency bench' }, { id: 'j-bulk', title: 'Bulk bench' }, ...large.jobs],
    candidates: [...latency, ...many, ...large.candidates],
    pipeline: [
      ...latency.map((c) => ({
        jobId: 'j-latency',
        candidateId: c.id,
        status: 'sourced' as const,
        events: [],
      })),
      ...many.map((c) => ({ jobId: 'j-bulk', candidateId: c.id, status: 'sourced' as const, events: [] })),
      ...large.pipeline,
    ],
  };
}
