import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { meterRead } from './meter';

/**
 * The presence index at rest (SPEC §11), in the extension origin's IndexedDB: hashed keys → Greenhouse candidate
 * ids, each person's keys (to replace them when the person changes), and the build state. No names or contact
 * details. Writes are batched in one transaction per page, together with the page's checkpoint.
 */
export interface IndexState {
  /** `building`: the first build is under way; `next` is the page to fetch (the Link URL), null to start. */
  phase: 'empty' | 'building' | 'ready';
  next: string | null;
  /** People indexed so far (the first build's progress). */
  people: number;
  /** When the build or the last incremental update started (ISO): the next update asks from 5 minutes before. */
  highWater: string | null;
  /** When the index last finished a build or an update (epoch ms). */
  updatedAt: number | null;
  lastError: string | null;
}

interface PresenceDb extends DBSchema {
  /** Hashed key → the people who have it (two Greenhouse people may share an email). */
  keys: { key: string; value: number[] };
  people: { key: number; value: string[] };
  meta: { key: 'state'; value: IndexState };
}

export const EMPTY_STATE: IndexState = {
  phase: 'empty',
  next: null,
  people: 0,
  highWater: null,
  updatedAt: null,
  lastError: null,
};

export interface IndexedPerson {
  id: number;
  keys: string[];
}

export const PRESENCE_DB_NAME = 'pin-greenhouse-sync-presence';

export class PresenceDatabase {
  private db: Promise<IDBPDatabase<PresenceDb>> | null = null;
  /** The state as last read or written by this worker (only the background writes it). */
  private cachedState: IndexState | null = null;

  constructor(private readonly name = PRESENCE_DB_NAME) {}

  private open() {
    this.db ??= openDB<PresenceDb>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('keys');
        db.createObjectStore('people');
        db.createObjectStore('meta');
      },
      // The browser closed the connection (a full disk, say): the next use opens it again.
      terminated: () => {
        this.db = null;
      },
      // "Erase all data" deletes the database: let it.
      blocking: (_current, _next, event) => {
        (event.target as IDBDatabase).close();
        this.db = null;
        this.cachedState = null;
      },
    });
    return this.db;
  }

  async state(): Promise<IndexState> {
    this.cachedState ??= meterRead(await (await this.open()).get('meta', 'state')) ?? EMPTY_STATE;
    return this.cachedState;
  }

  async setState(state: IndexState): Promise<void> {
    await (await this.open()).put('meta', state, 'state');
    this.cachedState = state;
  }

  /**
   * Writes one page of people (replacing each one's previous keys) and the state that follows it, in one
   * transaction: a worker stopped mid-page leaves the previous checkpoint, and the page is simply read again.
   */
  async applyPage(
    people: readonly IndexedPerson[],
    state: (previous: IndexState, added: number) => IndexState,
  ) {
    const db = await this.open();
    const tx = db.transaction(['keys', 'people', 'meta'], 'readwrite');
    const keys = tx.objectStore('keys');
    const peopleStore = tx.objectStore('people');
    const previousKeys = await Promise.all(people.map((p) => peopleStore.get(p.id)));
    // Every key this page touches, with who holds it now; then this page's changes, then one write per key.
    const touched = new Set<string>();
    for (const [i, person] of people.entries()) {
      for (const key of previousKeys[i] ?? []) touched.add(key);
      for (const key of person.keys) touched.add(key);
    }
    const list = [...touched];
    const holders = new Map(list.map((key, i) => [key, i] as const));
    const current = await Promise.all(list.map((key) => keys.get(key)));
    const next = current.map((ids) => new Set(ids ?? []));
    let added = 0;
    people.forEach((person, i) => {
      if (!previousKeys[i]) added += 1;
      for (const key of previousKeys[i] ?? []) next[holders.get(key)!]!.delete(person.id);
      for (const key of person.keys) next[holders.get(key)!]!.add(person.id);
    });
    const writes: Promise<unknown>[] = list.map((key, i) =>
      next[i]!.size ? keys.put([...next[i]!], key) : keys.delete(key),
    );
    for (const person of people) writes.push(peopleStore.put(person.keys, person.id));
    const previous = (await tx.objectStore('meta').get('state')) ?? EMPTY_STATE;
    const nextState = state(previous, added);
    writes.push(tx.objectStore('meta').put(nextState, 'state'));
    await Promise.all([...writes, tx.done]);
    this.cachedState = nextState;
  }

  /** The Greenhouse candidate ids holding each key (keys nobody holds are left out). */
  async lookup(keys: readonly string[]): Promise<Map<string, number[]>> {
    const db = await this.open();
    const tx = db.transaction('keys');
    const ids = await Promise.all(keys.map((key) => tx.store.get(key)));
    await tx.done;
    const found = new Map<string, number[]>();
    keys.forEach((key, i) => {
      if (ids[i]?.length) found.set(key, ids[i]!);
    });
    return found;
  }

  /** Drops people Greenhouse no longer has (merged or deleted). */
  async remove(ids: readonly number[]): Promise<void> {
    if (!ids.length) return;
    const db = await this.open();
    const tx = db.transaction(['keys', 'people', 'meta'], 'readwrite');
    let removed = 0;
    for (const id of ids) {
      const keys = await tx.objectStore('people').get(id);
      if (!keys) continue;
      removed += 1;
      for (const key of keys) {
        const holders = ((await tx.objectStore('keys').get(key)) ?? []).filter((holder) => holder !== id);
        if (holders.length) await tx.objectStore('keys').put(holders, key);
        else await tx.objectStore('keys').delete(key);
      }
      await tx.objectStore('people').delete(id);
    }
    const state = (await tx.objectStore('meta').get('state')) ?? EMPTY_STATE;
    const next = { ...state, people: Math.max(0, state.people - removed) };
    await tx.objectStore('meta').put(next, 'state');
    await tx.done;
    this.cachedState = next;
  }

  async clear(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['keys', 'people', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('keys').clear(),
      tx.objectStore('people').clear(),
      tx.objectStore('meta').clear(),
      tx.done,
    ]);
  }

  async counts(): Promise<{ people: number; keys: number }> {
    const db = await this.open();
    return { people: await db.count('people'), keys: await db.count('keys') };
  }
}
