import type { PinEventType, StatusObservation } from './pin';

/**
 * What a pipeline row says (its status and event times) as one string, and a digest of many rows in a few numbers,
 * so that a page and the worker can tell which rows the worker has not seen yet without sending them all. Pure and
 * schema-free: the content script loads it with every Pin page.
 */
/** Event types in the order signatures list them (alphabetical, as stored signatures have them). */
const EVENT_ORDER = [
  'added_to_sequence',
  'marked_interested',
  'replied',
] as const satisfies readonly PinEventType[];

export function observationSignature(o: Pick<StatusObservation, 'status' | 'eventTimes'>): string {
  let times = '';
  for (const type of EVENT_ORDER) {
    const at = o.eventTimes[type];
    if (at !== undefined) times += `${times ? ',' : ''}${type}=${at}`;
  }
  return `${o.status}|${times}`;
}

/** Rows fall into this many buckets by candidate id; a page resends only the rows of buckets that differ. */
export const ROW_BUCKETS = 32;

/** 32-bit FNV-1a. */
function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export const bucketOf = (candidateId: string) => fnv(candidateId) % ROW_BUCKETS;

/** A row's signature in one number, for a page to tell row by row what the extension has taken (`newsAgainst`). */
export const signatureHash = (signature: string): number => fnv(signature);

/** The observations whose signature is not the one taken (`taken`: candidate id → `signatureHash`): the news. */
export function newsAgainst<T extends Pick<StatusObservation, 'candidateId' | 'status' | 'eventTimes'>>(
  observations: readonly T[],
  taken: Readonly<Record<string, number>>,
): T[] {
  return observations.filter(
    (o) =>
      !Object.hasOwn(taken, o.candidateId) || taken[o.candidateId] !== signatureHash(observationSignature(o)),
  );
}

/**
 * One number per bucket: the sum (mod 2³²) of its rows' hashes of candidate id and signature, so the order of rows
 * does not matter. Equal digests mean, but for a 2⁻³² chance, the same rows saying the same.
 */
export function rowDigest(rows: Iterable<readonly [candidateId: string, signature: string]>): number[] {
  const buckets = new Array<number>(ROW_BUCKETS).fill(0);
  for (const [candidateId, sig] of rows) {
    const bucket = bucketOf(candidateId);
    buckets[bucket] = (buckets[bucket]! + fnv(`${candidateId}\n${sig}`)) >>> 0;
  }
  return buckets;
}

/** The observations in buckets whose digest differs from `seen` (what the extension has taken): the news. */
export function unseenRows<T extends Pick<StatusObservation, 'candidateId' | 'status' | 'eventTimes'>>(
  observations: readonly T[],
  seen: readonly number[],
): T[] {
  const page = rowDigest(observations.map((o) => [o.candidateId, observationSignature(o)] as const));
  const differs = page.map((value, bucket) => value !== seen[bucket]);
  return observations.filter((o) => differs[bucketOf(o.candidateId)]);
}
