import type { HarvestSandbox } from './sandbox';

/**
 * Seeds a sandbox with `count` Greenhouse people for the presence index: one to three emails each in mixed letter
 * case over several domains, and LinkedIn profile URLs (for about 60 %) in the forms people paste: country hosts,
 * http, trailing slashes, query strings and fragments. Every 50th person shares a LinkedIn slug with the one before,
 * in another URL form (a duplicate already in Greenhouse). Deterministic for a given count.
 */
const FIRST = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Alan',
  'Barbara',
  'Edsger',
  'Frances',
  'Ken',
  'Radia',
  'Sophie',
  'Yukihiro',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Turing',
  'Liskov',
  'Dijkstra',
  'Allen',
  'Thompson',
  'Perlman',
  'Wilson',
  'Matsumoto',
];
const DOMAINS = ['example.com', 'mail.example.org', 'corp.example.net', 'example.co.uk', 'uni.example.edu'];
const FORMS = [
  (slug: string) => `https://www.linkedin.com/in/${slug}`,
  (slug: string) => `http://linkedin.com/in/${slug}/`,
  (slug: string) => `https://uk.linkedin.com/in/${slug.toUpperCase()}?trk=public_profile`,
  (slug: string) => `www.linkedin.com/in/${slug}#experience`,
  (slug: string) => `https://de.linkedin.com/in/${slug}/?originalSubdomain=de`,
];

const nameOf = (i: number) => ({
  first: FIRST[i % FIRST.length]!,
  last: LAST[Math.floor(i / FIRST.length) % LAST.length]!,
});

export function generatedPerson(i: number) {
  const { first, last } = nameOf(i);
  const emails = Array.from({ length: 1 + (i % 3) }, (_, k) => {
    const local = `${first}.${last}.${i}${k ? `+${k}` : ''}`;
    const address = `${local}@${DOMAINS[(i + k) % DOMAINS.length]}`;
    return k === 1 ? address.toUpperCase() : address.toLowerCase();
  });
  const shared = i % 50 === 49;
  const slugOwner = shared ? i - 1 : i;
  const owner = nameOf(slugOwner);
  const slug = `${owner.first}-${owner.last}-${slugOwner}`.toLowerCase();
  const sharedWithNext = i % 50 === 48;
  const linkedin =
    i % 5 < 3 || shared || sharedWithNext ? FORMS[(i + (shared ? 1 : 0)) % FORMS.length]!(slug) : null;
  return { first, last, emails, linkedin };
}

export function seedGeneratedPeople(sandbox: HarvestSandbox, count: number): void {
  for (let i = 0; i < count; i++) {
    const person = generatedPerson(i);
    const record = sandbox.seedCandidate({
      first_name: person.first,
      last_name: person.last,
      emails: person.emails,
    });
    if (person.linkedin) record.social_media_addresses = [{ value: person.linkedin }];
  }
}
