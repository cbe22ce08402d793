import type { PinStatus } from '../../lib/model/pin';

/** What both markups of the demo Pin app share: the DOM builder, routes and status labels. */
export type Markup = 'classic' | 'utility';
export const MARKUPS: readonly Markup[] = ['classic', 'utility'];

export type Child = Node | string | null | undefined | false;

export function h(
  doc: Document,
  tag: string,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(key, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

export const STATUS_LABEL: Record<PinStatus, string> = {
  sourced: 'Not in sequence',
  in_sequence: 'In sequence',
  replied: 'Replied',
  interested: 'Interested',
};
export type Route =
  | { view: 'jobs' }
  | { view: 'pipeline'; jobId: string }
  | { view: 'profile'; jobId: string; candidateId: string }
  | { view: 'inbox' }
  | { view: 'not-found' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'jobs')) return { view: 'jobs' };
  if (parts.length === 1 && parts[0] === 'inbox') return { view: 'inbox' };
  if (parts[0] === 'jobs' && parts.length === 2) return { view: 'pipeline', jobId: parts[1]! };
  if (parts[0] === 'jobs' && parts[2] === 'candidates' && parts.length === 4) {
    return { view: 'profile', jobId: parts[1]!, candidateId: parts[3]! };
  }
  return { view: 'not-found' };
}
