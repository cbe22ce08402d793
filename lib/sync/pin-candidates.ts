import type { PinCandidate } from '../model/pin';
import type { WatchState } from '../model/watch';
import { classifyAnswer, parseCandidate } from '../pin/json';
import type { PinMapping } from '../pin/mapping/schema';
import { candidateApiUrl } from '../pin/routes';
import type { PinReader } from './watcher';

/**
 * A candidate's details from Pin's candidate JSON when no profile is open, by the same paths as the watcher (SPEC
 * §6.1): the one that worked last first, then the other. Null when neither gives a readable candidate.
 */
export async function fetchCandidateByPaths(
  candidateId: string,
  deps: {
    background: PinReader;
    tab: PinReader;
    mapping: () => Promise<PinMapping>;
    watchState: () => Promise<WatchState>;
  },
): Promise<PinCandidate | null> {
  const [mapping, state] = await Promise.all([deps.mapping(), deps.watchState().catch(() => null)]);
  const url = candidateApiUrl(candidateId, mapping);
  const order = state?.path === 'tab' ? [deps.tab, deps.background] : [deps.background, deps.tab];
  for (const reader of order) {
    const [answer] = (await reader.read([{ url, etag: null }])) ?? [];
    if (!answer) continue;
    const kind = classifyAnswer(answer, url);
    if (kind.kind === 'ok') return parseCandidate(kind.json, candidateId);
    if (kind.kind !== 'refused') return null;
  }
  return null;
}
