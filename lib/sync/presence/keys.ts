import { normalizeLinkedIn } from '../mapping/contact';

/**
 * The presence index's keys (SPEC §11): each normalised email and LinkedIn profile slug, hashed with SHA-256 so that
 * no contact detail is kept at rest. A key is a prefix for its kind and the first 96 bits of the hash, base64url
 * (16 characters): small enough for 200 bytes a person, and collision-free in practice at millions of keys.
 */
export type KeyKind = 'email' | 'linkedin';

export const normalizeEmail = (email: string): string | null => {
  const value = email.trim().toLowerCase();
  return value.includes('@') ? value : null;
};

/** The lower-cased slug of a LinkedIn /in/ profile URL in any of its forms (SPEC §5), or null. */
export function linkedInSlug(url: string): string | null {
  const normalized = normalizeLinkedIn(url);
  const match = /^https:\/\/www\.linkedin\.com\/in\/([^/?#]+)$/.exec(normalized);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!).toLowerCase();
  } catch {
    return match[1]!.toLowerCase();
  }
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function hashKey(kind: KeyKind, value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${kind}:${value}`));
  return `${kind === 'email' ? 'e' : 'l'}${base64url(new Uint8Array(digest).subarray(0, 12))}`;
}

/** The keys of a person from their emails and LinkedIn URLs, with what each one is, deduplicated. */
export async function keysOf(person: {
  emails: readonly string[];
  linkedInUrls: readonly string[];
}): Promise<{ key: string; kind: KeyKind }[]> {
  const wanted = new Map<string, KeyKind>();
  for (const email of person.emails) {
    const value = normalizeEmail(email);
    if (value) wanted.set(`email\u0000${value}`, 'email');
  }
  for (const url of person.linkedInUrls) {
    const slug = linkedInSlug(url);
    if (slug) wanted.set(`linkedin\u0000${slug}`, 'linkedin');
  }
  return Promise.all(
    [...wanted].map(async ([tagged, kind]) => ({
      key: await hashKey(kind, tagged.split('\u0000')[1]!),
      kind,
    })),
  );
}
