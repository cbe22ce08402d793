import type { HarvestSandbox } from '../harvest-sandbox/sandbox';
import { YEAR, type YearSpec } from './seed';

/** Greenhouse's side of the year: every synced person and their application (ids as `seedYear` recorded them). */
export function seedSandboxYear(sandbox: HarvestSandbox, spec: YearSpec = YEAR): void {
  const created = new Date(Date.now() - 365 * 24 * 3_600_000).toISOString();
  for (let i = 0; i < spec.synced; i++) {
    sandbox.candidates.push({
      id: 7_000_000 + i,
      created_at: created,
      updated_at: created,
      first_name: 'Year',
      last_name: `Person ${i}`,
      company: null,
      title: null,
      tags: [],
      phone_numbers: [],
      addresses: [],
      email_addresses: [{ value: `year${i}@example.com`, type: 'personal' }],
      website_addresses: [],
      social_media_addresses: [],
    });
    sandbox.applications.push({
      id: 8_000_000 + i,
      created_at: created,
      updated_at: created,
      candidate_id: 7_000_000 + i,
      job_id: 5001,
      prospect: false,
      prospective_job_ids: [],
      source_id: null,
      status: 'in_process',
      stage_id: 2,
      stage_name: 'Phone Screen',
      rejected_at: null,
    });
  }
}
