import type { HarvestApi } from '../../greenhouse/api';
import type {
  IndexMatch,
  LookupRow,
  LookupStore,
  MatchReason,
  MatchResult,
  ReviewMatch,
} from '../../model/match';
import type { PinCandidate } from '../../model/pin';
import type { PresenceIndexer } from './indexer';
import { normalizeEmail } from './keys';

/** A live email lookup is reused for this long: a profile's lookup is prefetched when it opens. */
export const LOOKUP_TTL_MS = 60_000;

function display(c: LookupRow, reasons: MatchReason[]): ReviewMatch {
  return {
    id: c.id,
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || `Candidate ${c.id}`,
    emails: (c.email_addresses ?? []).map((e) => e.value),
    company: c.company ?? null,
    title: c.title ?? null,
    reasons,
  };
}

/**
 * Who in Greenhouse a Pin candidate already is (SPEC §5 rule 1): any email (live lookup, exact and
 * case-insensitive) or the LinkedIn slug (the presence index) matching. Index-only matches are confirmed with one
 * `?ids=` read, which also drops people Greenhouse no longer has from the index.
 */
export class PresenceMatcher {
  private readonly lookups = new Map<string, { at: number; rows: Promise<LookupRow[]> }>();
  /** Whole answers of the last minute (the profile's presence, the dialog's preview, then Export reuse one). */
  private readonly answers = new Map<
    string,
    { at: number; stamp: string | null; result: Promise<MatchResult> }
  >();

  constructor(
    private readonly deps: { indexer: PresenceIndexer | null; now?: () => number; store?: LookupStore },
  ) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  /**
   * People with this email, from a lookup of the last 60 s when there is one (this worker's, or a stored one), unless
   * `fresh` (an automated create asks Greenhouse now: a teammate's browser may have just created the person).
   */
  private byEmail(api: HarvestApi, email: string, fresh = false): Promise<LookupRow[]> {
    const cached = this.lookups.get(email);
    if (!fresh && cached && this.now() - cached.at < LOOKUP_TTL_MS) return cached.rows;
    const at = this.now();
    const store = this.deps.store;
    const rows = (async () => {
      const stored = fresh ? null : await store?.get(email).catch(() => null);
      if (stored && this.now() - stored.at < LOOKUP_TTL_MS) return stored.rows;
      const found = await api.findCandidatesByEmail(email);
      void store?.set(email, { at, rows: found }).catch(() => {});
      return found;
    })();
    this.lookups.set(email, { at, rows });
    rows.catch(() => this.lookups.delete(email));
    if (this.lookups.size > 500) this.lookups.delete(this.lookups.keys().next().value!);
    return rows;
  }

  /** Starts the live lookups of a profile that just opened, so that Export needs no lookup round trip. */
  prefetch(api: HarvestApi, candidate: Pick<PinCandidate, 'emails'>): void {
    for (const email of emailsOf(candidate)) this.byEmail(api, email).catch(() => {});
  }

  /** Forgets every cached lookup and answer. */
  forgetAll(): void {
    this.lookups.clear();
    this.answers.clear();
  }

  /** Forgets cached lookups of these emails (after this browser created someone with them). */
  forget(candidate: Pick<PinCandidate, 'emails'>): void {
    this.answers.clear();
    for (const email of emailsOf(candidate)) {
      this.lookups.delete(email);
      void this.deps.store?.set(email, { at: 0, rows: [] }).catch(() => {});
    }
  }

  /**
   * Matches by the index and, unless `indexOnly` (a bulk batch that has just refreshed the index), by live email
   * lookups too; `fresh` lookups ask Greenhouse now instead of reusing the last minute's (an automated create).
   */
  async match(
    api: HarvestApi,
    candidate: PinCandidate,
    options: { indexOnly?: boolean; fresh?: boolean } = {},
  ): Promise<MatchResult> {
    const indexer = this.deps.indexer;
    const state = indexer ? await indexer.state() : null;
    const ready = state?.phase === 'ready';
    // The index changes only by pages applied (people, updatedAt) or entries dropped (forget clears the memo).
    const stamp = ready ? `${state.updatedAt}:${state.people}` : null;
    const key = JSON.stringify([emailsOf(candidate), candidate.linkedinUrl ?? null, !!options.indexOnly]);
    const memo = this.answers.get(key);
    if (!options.fresh && memo && memo.stamp === stamp && this.now() - memo.at < LOOKUP_TTL_MS)
      return memo.result;
    const result = this.matchNow(api, candidate, ready, options);
    this.answers.set(key, { at: this.now(), stamp, result });
    result.catch(() => this.answers.delete(key));
    if (this.answers.size > 200) this.answers.delete(this.answers.keys().next().value!);
    return result;
  }

  private async matchNow(
    api: HarvestApi,
    candidate: PinCandidate,
    ready: boolean,
    options: { indexOnly?: boolean; fresh?: boolean },
  ): Promise<MatchResult> {
    const indexer = this.deps.indexer;
    const [indexed, live] = await Promise.all([
      indexer && ready ? indexer.lookup(candidate) : Promise.resolve<IndexMatch[]>([]),
      options.indexOnly && ready
        ? Promise.resolve<LookupRow[]>([])
        : Promise.all(emailsOf(candidate).map((email) => this.byEmail(api, email, options.fresh))).then((r) =>
            r.flat(),
          ),
    ]);
    const reasons = new Map<number, Set<MatchReason>>();
    const add = (id: number, reason: MatchReason) => {
      if (!reasons.has(id)) reasons.set(id, new Set());
      reasons.get(id)!.add(reason);
    };
    const rows = new Map<number, LookupRow>();
    for (const row of live) {
      rows.set(row.id, row);
      add(row.id, 'email');
    }
    for (const match of indexed) for (const reason of match.reasons) add(match.id, reason);
    const unseen = [...reasons.keys()].filter((id) => !rows.has(id));
    if (unseen.length) {
      for (const row of await api.getCandidates(unseen)) rows.set(row.id, row);
      const gone = unseen.filter((id) => !rows.has(id));
      if (gone.length) {
        await indexer?.drop(gone);
        for (const id of gone) reasons.delete(id);
      }
    }
    const order = (r: Set<MatchReason>) => (r.has('email') ? 0 : 1);
    const matches = [...reasons]
      .sort(([a, ra], [b, rb]) => order(ra) - order(rb) || a - b)
      .map(([id, why]) => display(rows.get(id)!, [...why].sort()));
    return { matches, linkedInReady: ready };
  }
}

function emailsOf(candidate: Pick<PinCandidate, 'emails'>): string[] {
  return [...new Set(candidate.emails.flatMap((e) => normalizeEmail(e.address) ?? []))];
}
