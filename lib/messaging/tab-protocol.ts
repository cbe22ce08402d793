import { PIN_ORIGIN } from '../pin/host';

/**
 * The messages the background sends to a Pin tab's content script. The first (SPEC §6.1, "through any open Pin
 * tab"): read these Pin JSON URLs same-origin and answer what Pin said. Kept free of schema code so the content
 * script stays small; the background parses the answers (`pinAnswerSchema`).
 */
export const PIN_JSON_MESSAGE = 'pgs:pin-json';
export const MAX_TAB_REQUESTS = 50;

export interface PinJsonRequest {
  url: string;
  etag: string | null;
}
export interface PinJsonMessage {
  type: typeof PIN_JSON_MESSAGE;
  requests: PinJsonRequest[];
}

/** Only reads of Pin's own origin are answered: a tab never fetches anything else for the background. */
export function isPinJsonMessage(message: unknown): message is PinJsonMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, requests } = message as { type?: unknown; requests?: unknown };
  return (
    type === PIN_JSON_MESSAGE &&
    Array.isArray(requests) &&
    requests.length <= MAX_TAB_REQUESTS &&
    requests.every(
      (r: { url?: unknown; etag?: unknown } | null) =>
        typeof r === 'object' &&
        r !== null &&
        typeof r.url === 'string' &&
        r.url.startsWith(`${PIN_ORIGIN}/`) &&
        (r.etag === null || typeof r.etag === 'string'),
    )
  );
}

/**
 * The second: these candidates changed (an export settled, say); show them again. Sent straight to open Pin tabs, so
 * a badge does not wait for a storage write and its change event. It may carry the new state of settled candidates
 * (what `pin.candidateState` answers, for the Pin job of their export), so a profile's panel shows it without asking;
 * the panel checks it with the command's schema, and asks as before for anything else.
 */
export const CHANGED_MESSAGE = 'pgs:changed';
export interface ChangedMessage {
  type: typeof CHANGED_MESSAGE;
  at: number;
  candidateIds: string[];
  states?: PushedState[];
}
export interface PushedState {
  pinCandidateId: string;
  pinJobId: string;
  state: unknown;
}

export function isChangedMessage(message: unknown): message is ChangedMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, at, candidateIds, states } = message as Partial<ChangedMessage>;
  return (
    type === CHANGED_MESSAGE &&
    typeof at === 'number' &&
    Array.isArray(candidateIds) &&
    candidateIds.every((id) => typeof id === 'string') &&
    (states === undefined ||
      (Array.isArray(states) &&
        states.every(
          (s: Partial<PushedState> | null) =>
            typeof s === 'object' &&
            s !== null &&
            typeof s.pinCandidateId === 'string' &&
            typeof s.pinJobId === 'string',
        )))
  );
}
