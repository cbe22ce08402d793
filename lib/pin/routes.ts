import { PIN_ORIGIN } from './host';

/** Pin page kinds by URL: the routes the extension expects on Pin (assumed; see README). */
export type PinPage =
  | { kind: 'jobs' }
  | { kind: 'pipeline'; jobId: string }
  | { kind: 'profile'; jobId: string; candidateId: string }
  | { kind: 'inbox' }
  | { kind: 'other' };

export function pageFromUrl(href: string): PinPage {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'other' };
  }
  if (url.origin !== PIN_ORIGIN) return { kind: 'other' };
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 1 && parts[0] === 'jobs') return { kind: 'jobs' };
  if (parts.length === 1 && parts[0] === 'inbox') return { kind: 'inbox' };
  if (parts[0] === 'jobs' && parts.length === 2) return { kind: 'pipeline', jobId: parts[1]! };
  if (parts[0] === 'jobs' && parts.length === 4 && parts[2] === 'candidates') {
    return { kind: 'profile', jobId: parts[1]!, candidateId: parts[3]! };
  }
  return { kind: 'other' };
}
