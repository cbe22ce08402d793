import type { PinAnswer } from '../model/watch';

/**
 * One GET of Pin's JSON, as Pin's own web app loads it. Used by the worker (with the recruiter's session,
 * `credentials: 'include'`) and by the content script of an open Pin tab (same-origin): it carries no schema, so the
 * content script stays small; the worker reads the answer (lib/pin/json.ts).
 */
const MAX_BODY_CHARS = 20_000_000;
const TIMEOUT_MS = 15_000;

/** One GET of Pin's JSON, conditional on `etag`; never throws (a failed request answers status 0). */
export async function readPinJson(
  url: string,
  options: { etag: string | null; credentials: RequestCredentials; fetch?: typeof fetch },
): Promise<PinAnswer> {
  const doFetch = options.fetch ?? fetch;
  try {
    const response = await doFetch(url, {
      credentials: options.credentials,
      headers: { accept: 'application/json', ...(options.etag ? { 'if-none-match': options.etag } : {}) },
      cache: 'no-cache',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = response.status === 304 ? '' : await response.text();
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      contentType: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
      body: body.length > MAX_BODY_CHARS ? '' : body,
      url: response.url || url,
    };
  } catch {
    return { status: 0, etag: null, contentType: null, retryAfter: null, body: '', url };
  }
}
