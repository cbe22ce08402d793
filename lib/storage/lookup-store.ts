import type { LookupRow, LookupStore } from '../model/match';
import { lookupsItem } from './session-items';

const MAX_ENTRIES = 200;

/**
 * Live email lookups of the last minute in `storage.session` (memory only, closed to content scripts), so an
 * Export clicked after the worker slept reuses the lookup prefetched when the profile opened. Only what matching
 * shows is kept: ids, names, emails, company and title.
 */
export const sessionLookupStore: LookupStore = {
  async get(email) {
    return (await lookupsItem.getValue())[email] ?? null;
  },
  async set(email, entry) {
    const all = { ...(await lookupsItem.getValue()) };
    all[email] = {
      at: entry.at,
      rows: entry.rows.map(
        (c): LookupRow => ({
          id: c.id,
          first_name: c.first_name,
          last_name: c.last_name,
          company: c.company,
          title: c.title,
          email_addresses: c.email_addresses,
        }),
      ),
    };
    const emails = Object.keys(all);
    for (const old of emails.slice(0, Math.max(0, emails.length - MAX_ENTRIES))) delete all[old];
    await lookupsItem.setValue(all);
  },
};
