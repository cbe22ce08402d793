import { preferredFirst } from '../dom';
import type { PinMapping } from '../mapping/schema';

/**
 * Pin's pages read by meaning (SPEC §3): ids from the route, the name from the main heading, emails from mailto:
 * and phones from tel: links (else the contact section's text), LinkedIn from linkedin.com links, sections by their
 * heading words, statuses by their visible words, times from <time datetime>. The mapping's selectors are tried
 * first. Every reader reports, per field, what it found and which rule matched (the diagnostics panel).
 */
export interface FieldRead {
  field: string;
  /** The value as text (lists joined), or null when nothing was found. */
  value: string | null;
  /** The rule that matched, e.g. `selector .candidate-name` or `heading "Experience"`; null when none did. */
  rule: string | null;
  count: number;
}

export type Read<T> =
  | { ok: true; value: T; reads: FieldRead[] }
  | { ok: false; unreadable: string; reads: FieldRead[] };

export class Reads {
  readonly list: FieldRead[] = [];
  note(field: string, value: string | null, rule: string | null, count = value === null ? 0 : 1) {
    this.list.push({ field, value, rule: value === null && count === 0 ? null : rule, count });
  }
  fail(what: string): { ok: false; unreadable: string; reads: FieldRead[] } {
    return { ok: false, unreadable: what, reads: this.list };
  }
}

export function mainOf(root: ParentNode, mapping: PinMapping): Element | null {
  return (
    preferredFirst(root, mapping.selectors.main)?.element ??
    ('body' in root ? (root as Document).body : (root as Element))
  );
}
