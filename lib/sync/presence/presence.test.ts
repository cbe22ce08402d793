import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ADMIN_USER_ID } from '../../../tests/harvest-sandbox/fixtures';
import { generatedPerson, seedGeneratedPeople } from '../../../tests/harvest-sandbox/generate';
import { setup } from '../../../tests/support/greenhouse-helpers';
import { PresenceDatabase } from '../../storage/presence-db';
import { PresenceIndexer } from './indexer';
import { hashKey, keysOf, linkedInSlug, normalizeEmail } from './keys';
import { PresenceMatcher } from './matcher';

let dbCount = 0;
function harness(people = 0, sandboxConfig = {}) {
  const { sandbox, client } = setup(sandboxConfig);
  seedGeneratedPeople(sandbox, people);
  const db = new PresenceDatabase(`presence-test-${++dbCount}`);
  let now = Date.parse('2026-11-29T10:00:00Z');
  const api = client.api(ADMIN_USER_ID);
  const indexer = new PresenceIndexer({ db, api: async () => api, now: () => now });
  const matcher = new PresenceMatcher({ indexer, now: () => now });
  return { sandbox, client, api, db, indexer, matcher, advance: (ms: number) => (now += ms) };
}

const pinCandidate = (emails: string[], linkedinUrl: string | null = null) => ({
  id: 'c-x',
  name: 'X Y',
  headline: null,
  location: null,
  emails: emails.map((address) => ({ address, type: 'personal' as const })),
  phones: [],
  linkedinUrl,
  experience: [],
  education: [],
  skills: [],
  summary: null,
  sourcedByPin: true,
});

describe('presence keys', () => {
  it('normalises emails and LinkedIn slugs in every URL form to one key', async () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(normalizeEmail('not an email')).toBeNull();
    const forms = [
      'https://www.linkedin.com/in/ada-lovelace',
      'http://linkedin.com/in/Ada-Lovelace/',
      'https://uk.linkedin.com/in/ADA-LOVELACE?trk=public_profile',
      'www.linkedin.com/in/ada-lovelace#about',
      'https://de.linkedin.com/in/ada-lovelace/?originalSubdomain=de',
    ];
    for (const form of forms) expect(linkedInSlug(form), form).toBe('ada-lovelace');
    expect(linkedInSlug('https://www.linkedin.com/company/pin')).toBeNull();
    expect(linkedInSlug('https://evil.example/in/ada')).toBeNull();
    const keys = await Promise.all(
      forms.map(async (f) => (await keysOf({ emails: [], linkedInUrls: [f] }))[0]!.key),
    );
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps only short hashes, never the email or slug, and tells kinds apart', async () => {
    const [email] = await keysOf({ emails: ['Ada@Example.com'], linkedInUrls: [] });
    expect(email!.key).toMatch(/^e[A-Za-z0-9_-]{16}$/);
    expect(email!.key).not.toContain('ada');
    expect(await hashKey('email', 'ada')).not.toBe(await hashKey('linkedin', 'ada'));
    expect(email!.key).toBe(await hashKey('email', 'ada@example.com'));
    const both = await keysOf({
      emails: ['a@b.c', 'A@B.C'],
      linkedInUrls: ['https://www.linkedin.com/in/x', 'not a url'],
    });
    expect(both.map((k) => k.kind).sort()).toEqual(['email', 'linkedin']);
  });
});

describe('the presence index', () => {
  it('builds page by page, checkpointing, and resumes where a stopped worker left off', async () => {
    const h = harness(1_201);
    let pages = 0;
    // The worker "stops" after the second page was written: the next call of fetch never answers.
    const realPage = h.api.candidatesPage.bind(h.api);
    h.api.candidatesPage = async (from) => {
      pages += 1;
      if (pages === 3) throw new Error('worker stopped');
      return realPage(from);
    };
    await expect(h.indexer.refresh()).rejects.toThrow('worker stopped');
    const midway = await h.db.state();
    expect(midway).toMatchObject({ phase: 'building', people: 1_000 });
    expect(midway.next).toMatch(/cursor=/);
    // A new worker: same database, fresh memory; it asks for the third page only.
    const revived = new PresenceIndexer({ db: h.db, api: async () => h.client.api(ADMIN_USER_ID) });
    const before = h.sandbox.requests.filter((r) => r.path === '/v3/candidates').length;
    const done = await revived.refresh();
    expect(done).toMatchObject({ phase: 'ready', people: 1_201, next: null });
    const after = h.sandbox.requests.filter((r) => r.path === '/v3/candidates');
    expect(after.length - before).toBe(1);
    expect(Object.keys(after.at(-1)!.query)).toEqual(['cursor']);
    expect(await h.db.counts()).toMatchObject({ people: 1_201 });
  });

  it('matches by any email or the LinkedIn slug, with why, and two people sharing a slug', async () => {
    const h = harness(100);
    await h.indexer.refresh();
    const p7 = generatedPerson(7);
    const byEmail = await h.indexer.lookup(pinCandidate([p7.emails.at(-1)!.toUpperCase()]));
    expect(byEmail).toEqual([{ id: h.sandbox.candidates[7]!.id, reasons: ['email'] }]);
    const p49 = generatedPerson(49);
    const shared = await h.indexer.lookup(pinCandidate(['someone-else@example.com'], p49.linkedin));
    expect(shared.map((m) => m.id).sort()).toEqual(
      [h.sandbox.candidates[48]!.id, h.sandbox.candidates[49]!.id].sort(),
    );
    expect(shared.every((m) => m.reasons.join() === 'LinkedIn')).toBe(true);
    expect(await h.indexer.lookup(pinCandidate(['nobody@example.com']))).toEqual([]);
  });

  it('merges incremental updates: changed emails move, new people appear, from 5 minutes before the last run', async () => {
    const h = harness(10);
    await h.indexer.refresh();
    const person = h.sandbox.candidates[3]!;
    const oldEmail = person.email_addresses[0]!.value;
    h.advance(10 * 60_000);
    person.email_addresses = [{ value: 'moved@example.com', type: 'personal' }];
    person.updated_at = new Date(Date.now() + 60_000).toISOString();
    const added = h.sandbox.seedCandidate({
      first_name: 'New',
      last_name: 'Person',
      emails: ['new@example.com'],
    });
    await h.indexer.refresh();
    const last = h.sandbox.requests.filter((r) => r.path === '/v3/candidates').at(-1)!;
    expect(last.query.updated_at).toBe(
      `gte|${new Date(Date.parse('2026-11-29T10:00:00Z') - 5 * 60_000).toISOString()}`,
    );
    expect(await h.indexer.lookup(pinCandidate([oldEmail]))).toEqual([]);
    expect(await h.indexer.lookup(pinCandidate(['MOVED@example.com']))).toEqual([
      { id: person.id, reasons: ['email'] },
    ]);
    expect(await h.indexer.lookup(pinCandidate(['new@example.com']))).toEqual([
      { id: added.id, reasons: ['email'] },
    ]);
    expect(await h.db.state()).toMatchObject({ people: 11 });
  });

  it('the matcher confirms index matches, drops people Greenhouse no longer has, and reads emails live', async () => {
    const h = harness(5);
    await h.indexer.refresh();
    const p2 = generatedPerson(2);
    const gone = h.sandbox.candidates[2]!;
    h.sandbox.candidates.splice(2, 1); // merged away in Greenhouse
    const result = await h.matcher.match(h.api, {
      ...pinCandidate(['fresh@example.com'], p2.linkedin),
      id: 'c-1',
    });
    expect(result).toEqual({ matches: [], linkedInReady: true });
    expect(await h.indexer.lookup(pinCandidate(p2.emails))).toEqual([]);
    expect(gone.id).toBeGreaterThan(0);
    // Live email lookups find people the index does not know yet.
    const live = h.sandbox.seedCandidate({
      first_name: 'Live',
      last_name: 'Only',
      emails: ['live@example.com'],
    });
    const found = await h.matcher.match(h.api, pinCandidate(['Live@Example.com']));
    expect(found.matches).toMatchObject([{ id: live.id, name: 'Live Only', reasons: ['email'] }]);
  });

  it('the matcher answers a profile once a minute (presence, preview, Export), and again when the index changes', async () => {
    const h = harness(3);
    await h.indexer.refresh();
    const reads = () => h.sandbox.requests.filter((r) => r.path === '/v3/candidates').length;
    const candidate = pinCandidate(['later@example.com']);
    expect((await h.matcher.match(h.api, candidate)).matches).toEqual([]);
    const afterFirst = reads();
    expect((await h.matcher.match(h.api, candidate)).matches).toEqual([]);
    expect(reads()).toBe(afterFirst);
    // A teammate adds them; the next index update changes the answer at once, without waiting out the minute.
    h.advance(5_000);
    const added = h.sandbox.seedCandidate({
      first_name: 'La',
      last_name: 'Ter',
      emails: ['later@example.com'],
    });
    await h.indexer.refresh();
    const again = await h.matcher.match(h.api, candidate);
    expect(again.matches.map((m) => m.id)).toEqual([added.id]);
    // And after a minute it asks Greenhouse again, index or not.
    const before = reads();
    h.advance(61_000);
    await h.matcher.match(h.api, candidate);
    expect(reads()).toBeGreaterThan(before);
  });

  it('clearing empties it, and a build under way stops before writing more', async () => {
    const h = harness(1_100);
    const run = h.indexer.refresh();
    await h.indexer.clear();
    await run.catch(() => {});
    expect(await h.db.counts()).toEqual({ people: 0, keys: 0 });
    expect((await h.db.state()).phase).toBe('empty');
  });

  it('stores well under 200 bytes a person (keys and people, as written)', async () => {
    const h = harness(2_000);
    await h.indexer.refresh();
    const { keys, people } = await h.db.counts();
    expect(people).toBe(2_000);
    // Each key is 17 characters and maps to an id; each person lists their keys.
    const bytes = keys * (17 + 8) + people * (8 + (keys / people) * 17);
    expect(bytes / people).toBeLessThan(200);
  });
});
