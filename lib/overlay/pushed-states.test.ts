import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { CandidateState } from '../messaging/views';
import { candidateStateQueryKey, pushedStatesApplier } from './pushed-states';

const state = (synced: boolean): CandidateState => ({
  connection: 'connected',
  missingPermissions: [],
  synced: synced
    ? {
        greenhouseCandidateId: 7,
        url: 'https://app.greenhouse.io/people/7',
        linkedToExisting: false,
        stage: null,
      }
    : null,
  item: null,
  notSyncedReason: null,
  paused: null,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const key = candidateStateQueryKey('j-backend', 'c-ada');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pushed candidate states', () => {
  it('win over a read that was under way when they came (its answer is older)', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const answer = deferred<CandidateState>();
    const observer = new QueryObserver(client, { queryKey: key, queryFn: () => answer.promise });
    const unsubscribe = observer.subscribe(() => {});
    expect(client.getQueryState(key)?.fetchStatus).toBe('fetching');

    pushedStatesApplier(client)([{ pinJobId: 'j-backend', pinCandidateId: 'c-ada', state: state(true) }]);
    await settle();
    answer.resolve(state(false)); // the worker's answer from before the export settled
    await settle();

    expect(client.getQueryData<CandidateState>(key)?.synced?.greenhouseCandidateId).toBe(7);
    unsubscribe();
  });

  it('apply in the order the signals came', async () => {
    const client = new QueryClient();
    const apply = pushedStatesApplier(client);
    apply([{ pinJobId: 'j-backend', pinCandidateId: 'c-ada', state: state(false) }]);
    apply([{ pinJobId: 'j-backend', pinCandidateId: 'c-ada', state: state(true) }]);
    await settle();
    expect(client.getQueryData<CandidateState>(key)?.synced).not.toBeNull();
  });

  it('skip a state that is not one, and read the rest again', async () => {
    const client = new QueryClient();
    client.setQueryData(key, state(false));
    client.setQueryData(['greenhouse-jobs'], []);
    client.setQueryData(['activity'], 1);
    pushedStatesApplier(client)([
      { pinJobId: 'j-backend', pinCandidateId: 'c-ada', state: { synced: 'yes' } },
    ]);
    await settle();
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    expect(client.getQueryState(['activity'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['greenhouse-jobs'])?.isInvalidated).toBe(false);
  });
});
