import type { QueryClient } from '@tanstack/react-query';
import type { PushedState } from '../messaging/tab-protocol';
import { type CandidateState, candidateStateSchema } from '../messaging/views';

/** The panel's query key for a candidate's state on a Pin job (ProfilePanel asks by it). */
export const candidateStateQueryKey = (pinJobId: string, pinCandidateId: string) =>
  ['candidate-state', pinJobId, pinCandidateId] as const;

/**
 * What the panel does with a change signal: the candidate states that came with it are shown as they are (checked as
 * the command's answer would be), and the rest of what syncing changes is read again (not Greenhouse's job list).
 *
 * A read of a pushed candidate's state that is still under way is cancelled first: the worker answered it before the
 * change, so, landing after the pushed state, it would show the candidate as they were (a profile opened while a
 * reloaded background finished the export stayed on "Exporting…"). Signals apply in the order they came.
 */
export function pushedStatesApplier(queryClient: QueryClient): (states?: readonly PushedState[]) => void {
  let applying: Promise<void> = Promise.resolve();
  return (states = []) => {
    const pushed: { key: ReturnType<typeof candidateStateQueryKey>; state: CandidateState }[] = [];
    for (const entry of states) {
      const state = candidateStateSchema.safeParse(entry.state);
      if (state.success)
        pushed.push({ key: candidateStateQueryKey(entry.pinJobId, entry.pinCandidateId), state: state.data });
    }
    const fresh = new Set(pushed.map(({ key }) => JSON.stringify(key)));
    if (pushed.length) {
      applying = applying
        .then(async () => {
          await Promise.all(
            pushed.map(({ key }) => queryClient.cancelQueries({ queryKey: key, exact: true })),
          );
          for (const { key, state } of pushed) queryClient.setQueryData(key, state);
        })
        .catch(() => {});
    }
    void queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey[0] !== 'greenhouse-jobs' && !fresh.has(JSON.stringify(query.queryKey)),
    });
  };
}
