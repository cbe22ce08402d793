import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { sendCommand } from '@/lib/messaging/client';

const indexKey = ['greenhouse-index'] as const;
const number = (n: number) => n.toLocaleString('en-US');
const when = (ms: number) => new Date(ms).toLocaleString();

/**
 * "Greenhouse index": the local index of who is already in Greenhouse (hashed emails and LinkedIn slugs → ids, no
 * names or contact details), how many people it holds, when it was updated, the first build's progress, and a
 * "Refresh now" button.
 */
export function IndexSection({ connected }: { connected: boolean }) {
  const client = useQueryClient();
  const id = useId();
  const status = useQuery({
    queryKey: indexKey,
    queryFn: () => sendCommand('index.status', {}),
    // While the first build runs (or is about to), its progress shows as it goes.
    refetchInterval: (query) => (!connected ? false : query.state.data?.phase === 'ready' ? 15_000 : 1000),
  });
  const refresh = useMutation({
    mutationFn: () => sendCommand('index.refresh', {}),
    onSuccess: (view) => client.setQueryData(indexKey, view),
  });
  const view = status.data;
  let text = 'Checking…';
  if (view) {
    if (!connected) text = 'Connect Greenhouse to build the index.';
    else if (view.phase === 'empty') text = 'Not built yet.';
    else if (view.phase === 'building') text = `Indexing Greenhouse: ${number(view.people)} people…`;
    else
      text = `${number(view.people)} ${view.people === 1 ? 'person' : 'people'} indexed${view.updatedAt ? `, updated ${when(view.updatedAt)}` : ''}.`;
  }
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>Greenhouse index</h2>
      <p className="hint">
        So that Pin shows who is already in Greenhouse, and exports match people by email and LinkedIn, the
        extension keeps a local index of Greenhouse people: hashes of their emails and LinkedIn profiles, and
        their Greenhouse ids. No names or contact details are stored. It updates every 10 minutes while
        connected, when a Pin page opens, and before each bulk export; disconnecting erases it.
      </p>
      <p role="status" data-phase={view?.phase}>
        {text}
      </p>
      {view?.lastError && connected && (
        <p role="alert" className="warning">
          The last update failed: {view.lastError}. It is tried again by itself.
        </p>
      )}
      <button
        type="button"
        disabled={!connected || refresh.isPending || view?.phase === 'building'}
        onClick={() => refresh.mutate()}
      >
        {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
      </button>
    </section>
  );
}
