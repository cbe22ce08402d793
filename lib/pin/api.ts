import { PIN_ORIGIN } from './host';
import { type PinCandidate, pinCandidateSchema } from './types';

/**
 * Pin's candidate JSON endpoint, used when a trigger fires for someone whose profile is not open.
 * ASSUMED: `GET {PIN_ORIGIN}/api/candidates/{id}` with the recruiter's Pin session, answering the same shape as
 * the dataset candidate. Pin does not document its API; the demo app implements this, and a real Pin needs this
 * one function adapted. Returns null when Pin does not answer with a readable candidate.
 */
export async function fetchPinCandidate(
  candidateId: string,
  doFetch: typeof fetch = fetch,
): Promise<PinCandidate | null> {
  try {
    const response = await doFetch(`${PIN_ORIGIN}/api/candidates/${encodeURIComponent(candidateId)}`, {
      credentials: 'include',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return null;
    const parsed = pinCandidateSchema.safeParse(await response.json());
    return parsed.success && parsed.data.id === candidateId ? parsed.data : null;
  } catch {
    return null;
  }
}
