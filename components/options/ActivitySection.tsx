import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import { changeSignalItem } from '@/lib/storage/items';

const STATE_LABEL = {
  queued: 'Queued',
  running: 'Exporting',
  needs_review: 'Needs review',
  failed: 'Failed',
  done: 'Synced',
} as const;

/** Every export attempt, newest first, with its steps' outcome, Greenhouse ids and errors. */
export function ActivitySection() {
  const client = useQueryClient();
  const id = useId();
  const activity = useQuery({ queryKey: ['activity'], queryFn: () => sendCommand('activity.list', {}) });
  const retry = useMutation({
    mutationFn: (itemId: string) => sendCommand('export.retry', { itemId }),
    onSettled: () => client.invalidateQueries({ queryKey: ['activity'] }),
  });
  useEffect(
    () => changeSignalItem.watch(() => void client.invalidateQueries({ queryKey: ['activity'] })),
    [client],
  );

  return (
    <section aria-labelledby={id}>
      <h2 id={id}>Activity</h2>
      {activity.data?.length === 0 && (
        <p>No exports yet. Use “Export to ATS” on a Pin profile, or enable a rule.</p>
      )}
      {activity.isError && <p role="alert">{activity.error.message}</p>}
      {activity.data && activity.data.length > 0 && (
        <table className="activity">
          <thead>
            <tr>
              <th>Candidate</th>
              <th>Pin job</th>
              <th>How</th>
              <th>Greenhouse job</th>
              <th>State</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {activity.data.map((item) => (
              <tr key={item.id} data-item-state={item.state}>
                <td>{item.candidateName}</td>
                <td>{item.pinJobTitle}</td>
                <td>
                  {item.reason.kind === 'manual'
                    ? 'Manual'
                    : item.reason.kind === 'trigger'
                      ? `Trigger: ${item.reason.trigger}`
                      : 'Backfill'}
                </td>
                <td>{item.greenhouseJobName ?? 'Prospect (no job)'}</td>
                <td>{STATE_LABEL[item.state]}</td>
                <td>
                  {item.error && <span className="error">{item.error.message} </span>}
                  {item.greenhouseUrl?.startsWith('https://app.greenhouse.io/') && (
                    <a href={item.greenhouseUrl} target="_blank" rel="noopener noreferrer">
                      Open in Greenhouse
                    </a>
                  )}
                  {item.state === 'failed' && (
                    <button type="button" onClick={() => retry.mutate(item.id)} disabled={retry.isPending}>
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
