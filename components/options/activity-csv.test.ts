import { describe, expect, it } from 'vitest';
import type { ItemView } from '@/lib/messaging/views';
import { activityCsv } from './activity-csv';

const item: ItemView = {
  id: 'i1',
  pinCandidateId: 'c1',
  candidateName: '=HYPERLINK("https://evil.example","x")',
  pinJobId: 'j1',
  pinJobTitle: 'Backend, "Senior"',
  state: 'failed',
  greenhouseJobId: 5001,
  greenhouseJobName: 'Senior Backend Engineer',
  reason: { kind: 'trigger', trigger: 'replied', eventAt: '2026-11-21T16:42:00.000Z' },
  error: { code: 'validation', message: 'Greenhouse rejected the data: last_name: blank' },
  review: null,
  steps: {
    person: { status: 'done', id: 42, created: true },
    application: { status: 'done', id: 7 },
  },
  warnings: [],
  attempts: 2,
  nextAttemptAt: null,
  createdAt: Date.parse('2026-11-28T10:00:00Z'),
  updatedAt: 0,
  finishedAt: null,
  greenhouseUrl: 'https://app.greenhouse.io/people/42?application_id=7',
};

describe('activityCsv', () => {
  it('quotes every cell, escapes quotes and defuses spreadsheet formulas', () => {
    const [header, row] = activityCsv([item]).split('\r\n');
    expect(header).toContain('"greenhouse_candidate_id"');
    expect(row).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(row).toContain('"Backend, ""Senior"""');
    expect(row).toContain('"trigger:replied"');
    expect(row).toContain('"42","7"');
    expect(row).toContain('"Greenhouse rejected the data: last_name: blank"');
  });
});
