import type { PinMapping } from './mapping/schema';
import type { FieldRead } from './read/reads';

/**
 * The "Copy page report" JSON for a bug report: which mapping and which rule matched each field, with counts. It
 * carries no candidate data (no values, ids or URLs).
 */
export function pageReport(page: string, mapping: PinMapping, reads: readonly FieldRead[]) {
  return {
    report: 'pin-greenhouse-sync page report',
    page,
    mapping: { name: mapping.name, version: mapping.version },
    fields: reads.map((r) => ({ field: r.field, rule: r.rule, count: r.count, found: r.value !== null })),
  };
}
