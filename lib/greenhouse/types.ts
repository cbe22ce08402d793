/**
 * The shapes a Harvest call answers with, apart from the client that makes the calls, so that `unconfirmed.ts`
 * can name them without importing the client.
 */

/** A row of a list answer: rows without a usable id fail the answer (see `withNeeds`). */
export type Listed<T> = T & { id: number };

/**
 * What a write's 2xx answer tells: the new object's id, or that the answer could not be read. Either way the
 * write happened; with `id: null` the caller reads it back where it can and never sends it again by itself.
 */
export type Committed<T> = { id: number; record: T } | { id: null; unreadable: string };

export function committed<T extends { id?: number | undefined }>(
  answer: { data: T | null; unreadable: string | null },
  what: string,
): Committed<T> {
  const { data } = answer;
  if (data && typeof data.id === 'number') return { id: data.id, record: data };
  return { id: null, unreadable: answer.unreadable ?? `the ${what} in the answer has no usable id` };
}
