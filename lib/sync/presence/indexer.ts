import type { HarvestApi } from '../../greenhouse/api';
import type { IndexMatch, MatchReason } from '../../model/match';
import type { PinCandidate } from '../../model/pin';
import { EMPTY_STATE, type IndexState, type PresenceDatabase } from '../../storage/presence-db';
import { type KeyKind, keysOf } from './keys';

/** An incremental update asks for people changed since 5 minutes before the last one started (clock skew). */
export const OVERLAP_MS = 5 * 60_000;
/** The index counts as stale after this long: a Pin page opening, or the alarm, refreshes it. */
export const STALE_AFTER_MS = 10 * 60_000;

const REASON: Record<KeyKind, MatchReason> = { email: 'email', linkedin: 'LinkedIn' };

/**
 * Keeps the presence index (SPEC §11): a first build that pages through every Greenhouse person (checkpointed after
 * each page, so a stopped worker or a restart continues where it stopped), then incremental updates by
 * `updated_at`. One run at a time; every request yields to exports in the rate governor.
 */
export class PresenceIndexer {
  private running: Promise<IndexState> | null = null;
  /** Bumped by `clear()`: a run of an older generation stops before its next write. */
  private generation = 0;

  constructor(
    private readonly deps: {
      db: PresenceDatabase;
      /** Greenhouse as the connected credential, or null while not connected. */
      api: () => Promise<HarvestApi | null>;
      now?: () => number;
      /** Called after every page, for progress on the options page. */
      onProgress?: (state: IndexState) => void;
    },
  ) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  state(): Promise<IndexState> {
    return this.deps.db.state();
  }

  /** Whether the index is built and was updated within `maxAgeMs`. */
  async isFresh(maxAgeMs: number): Promise<boolean> {
    const state = await this.state();
    return state.phase === 'ready' && state.updatedAt !== null && this.now() - state.updatedAt <= maxAgeMs;
  }

  /** Builds or continues building the index, else updates it incrementally. Joins a run already under way. */
  refresh(): Promise<IndexState> {
    this.running ??= this.run(this.generation).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Refreshes when the index is not built or older than `maxAgeMs`; never throws (the error is kept in the state). */
  async refreshIfStale(maxAgeMs = STALE_AFTER_MS): Promise<IndexState> {
    if (await this.isFresh(maxAgeMs)) return this.state();
    return this.refresh().catch(() => this.state());
  }

  private async run(generation: number): Promise<IndexState> {
    const cleared = () => generation !== this.generation;
    const api = await this.deps.api();
    if (!api || cleared()) return this.state();
    const { db } = this.deps;
    let state = await db.state();
    try {
      if (state.phase === 'empty') {
        if (cleared()) return EMPTY_STATE;
        state = { ...EMPTY_STATE, phase: 'building', highWater: new Date(this.now()).toISOString() };
        await db.setState(state);
      }
      if (state.phase === 'building') {
        // The checkpoint says which page comes next; the first build goes on from there.
        let coming = api.candidatesPage(state.next ? { next: state.next } : { updatedSince: null });
        for (;;) {
          const page = await coming;
          const next = page.next;
          const done = next === null;
          if (cleared()) return EMPTY_STATE;
          // The next page is asked for while this one is hashed and written (the checkpoint still names it).
          if (next !== null) {
            coming = api.candidatesPage({ next });
            coming.catch(() => {});
          }
          await db.applyPage(await this.people(page.rows), (previous, added) => ({
            ...previous,
            phase: done ? 'ready' : 'building',
            next,
            people: previous.people + added,
            updatedAt: done ? this.now() : previous.updatedAt,
            lastError: null,
          }));
          state = await db.state();
          this.deps.onProgress?.(state);
          if (done) return state;
        }
      }
      // Ready: one incremental pass, from a little before the last one started.
      const startedAt = this.now();
      const since = new Date(
        Date.parse(state.highWater ?? new Date(0).toISOString()) - OVERLAP_MS,
      ).toISOString();
      let coming = api.candidatesPage({ updatedSince: since });
      for (;;) {
        const page = await coming;
        const last = page.next === null;
        if (cleared()) return EMPTY_STATE;
        if (!last) {
          coming = api.candidatesPage({ next: page.next! });
          coming.catch(() => {});
        }
        await db.applyPage(await this.people(page.rows), (previous, added) => ({
          ...previous,
          people: previous.people + added,
          ...(last
            ? { highWater: new Date(startedAt).toISOString(), updatedAt: this.now(), lastError: null }
            : {}),
        }));
        if (last) break;
      }
      state = await db.state();
      this.deps.onProgress?.(state);
      return state;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.setState({ ...(await db.state()), lastError: message });
      this.deps.onProgress?.(await db.state());
      throw error;
    }
  }

  private people(
    rows: {
      id: number;
      email_addresses?: { value: string }[];
      social_media_addresses?: { value: string }[];
    }[],
  ) {
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        keys: (
          await keysOf({
            emails: (row.email_addresses ?? []).map((e) => e.value),
            linkedInUrls: (row.social_media_addresses ?? []).map((s) => s.value),
          })
        ).map((k) => k.key),
      })),
    );
  }

  /** The Greenhouse people the index holds for a Pin candidate's emails and LinkedIn URL, with why each matched. */
  async lookup(candidate: Pick<PinCandidate, 'emails' | 'linkedinUrl'>): Promise<IndexMatch[]> {
    const keys = await keysOf({
      emails: candidate.emails.map((e) => e.address),
      linkedInUrls: candidate.linkedinUrl ? [candidate.linkedinUrl] : [],
    });
    if (!keys.length) return [];
    const found = await this.deps.db.lookup(keys.map((k) => k.key));
    const byId = new Map<number, Set<MatchReason>>();
    for (const { key, kind } of keys) {
      for (const id of found.get(key) ?? []) {
        if (!byId.has(id)) byId.set(id, new Set());
        byId.get(id)!.add(REASON[kind]);
      }
    }
    return [...byId].map(([id, reasons]) => ({ id, reasons: [...reasons] }));
  }

  /**
   * Many people at once (pipeline rows), by keys computed earlier (`keysFor`): one read of the index for all of them.
   * Returns, per person id given, the first Greenhouse person found and why.
   */
  async lookupMany(
    people: readonly { id: string; keys: readonly { key: string; reason: MatchReason }[] }[],
  ): Promise<Record<string, IndexMatch>> {
    const found = await this.deps.db.lookup([...new Set(people.flatMap((p) => p.keys.map((k) => k.key)))]);
    const out: Record<string, IndexMatch> = {};
    for (const person of people) {
      const byId = new Map<number, Set<MatchReason>>();
      for (const { key, reason } of person.keys)
        for (const id of found.get(key) ?? []) byId.set(id, (byId.get(id) ?? new Set()).add(reason));
      const [first] = byId;
      if (first) out[person.id] = { id: first[0], reasons: [...first[1]] };
    }
    return out;
  }

  /** A Pin candidate's presence-index keys, with what each one matches as. */
  async keysFor(
    candidate: Pick<PinCandidate, 'emails' | 'linkedinUrl'>,
  ): Promise<{ key: string; reason: MatchReason }[]> {
    const keys = await keysOf({
      emails: candidate.emails.map((e) => e.address),
      linkedInUrls: candidate.linkedinUrl ? [candidate.linkedinUrl] : [],
    });
    return keys.map(({ key, kind }) => ({ key, reason: REASON[kind] }));
  }

  /** Drops people that a lookup showed are gone from Greenhouse (merged or deleted). */
  drop(ids: readonly number[]): Promise<void> {
    return this.deps.db.remove(ids);
  }

  /** Empties the index (disconnect); a run under way stops before its next write. */
  async clear(): Promise<void> {
    this.generation += 1;
    await this.deps.db.clear();
  }
}
