import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { PinCandidate } from '../../lib/model/pin';
import type { Dataset } from './dataset';

/** A dataset with one job of `rows` candidates, for overlay performance work. */
export function generateLargeDataset(rows = 1000): Dataset {
  const candidates: PinCandidate[] = Array.from({ length: rows }, (_, i) => ({
    id: `c-gen-${i + 1}`,
    name: `Generated Candidate ${i + 1}`,
    headline: `Engineer #${i + 1}`,
    location: { city: 'Springfield', state: null, country: 'United States' },
    emails: [{ address: `candidate${i + 1}@example.com`, type: 'personal' }],
    phones: [],
    linkedinUrl: `https://www.linkedin.com/in/generated-${i + 1}`,
    experience: [
      { title: 'Engineer', company: `Company ${i % 50}`, start: '2020-01', end: null },
      { title: 'Junior Engineer', company: 'First Co', start: '2017-01', end: '2019-12' },
    ],
    education: [],
    skills: ['TypeScript'],
    summary: null,
    sourcedByPin: i % 3 !== 0,
  }));
  return {
    jobs: [{ id: 'j-large', title: 'Large pipeline (1,000 rows)' }],
    candidates,
    pipeline: candidates.map((c, i) => ({
      jobId: 'j-large',
      candidateId: c.id,
      status: i % 4 === 0 ? 'in_sequence' : 'sourced',
      events: i % 4 === 0 ? [{ type: 'added_to_sequence', at: '2026-11-01T10:00:00.000Z' }] : [],
    })),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1000' }, out: { type: 'string' } },
  });
  const json = JSON.stringify(generateLargeDataset(Number(values.rows)), null, 2);
  if (values.out) fs.writeFileSync(values.out, json);
  else process.stdout.write(json);
}
