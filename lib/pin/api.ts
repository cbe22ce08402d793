import { type PinCandidate, pinCandidateSchema } from '../model/pin';
import { BUILTIN_PIN_MAPPING } from './mapping/builtin';
import type { PinMapping } from './mapping/schema';
import { candidateApiUrl } from './routes';

/**
 * Pin's candidate JSON endpoint, used when a trigger fires for someone whose profile is not open.
 * ASSUMED: `GET {PIN_ORIGIN}{routes.candidateApi}` (built-in `/api/candidates/:candidateId`) with the recruiter's
 * Pin session, answering the same shape as the dataset candidate. Pin does not document its API; the demo app
 * implements it, and the mapping's `routes.candidateApi` moves it. Returns null when Pin does not answer with a
 * readable candidate.
 */
export async function fetchPinCandidate(
  candidateId: string,
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
  doFetch: typeof fetch = fetch,
): Promise<PinCandidate | null> {
  try {
    const response = await doFetch(candidateApiUrl(candidateId, mapping), {
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
