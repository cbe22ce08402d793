import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import type { ItemView } from '@/lib/messaging/views';
import { TRIGGER_LABEL } from '@/lib/model/rule';
import { changeSignalItem } from '@/lib/storage/items';
import { activityCsv } from './activity-csv';

const STATE_LABEL = {
  queued: 'Queued',
  running: 'Exporting',
  needs_review: 'Needs review',
  failed: 'Failed',
  done: 'Synced',
} as const;
type Filter = 'all' | keyof typeof STATE_LABEL;

function how(item: ItemView): string {
  if (item.reason.kind === 'manual') return 'Manual';
  const label = item.reason.trigger ? TRIGGER_LABEL[item.reason.trigger] : '';
  return item.reason.kind === 'trigger' ? `Rule: ${label}` : `Backfill: ${label}`;
}

const idText = (id: number | null) => (id === null ? '(id unknown)' : String(id));

function steps(item: ItemView): string {
  const s = item.steps;
  const parts: string[] = [];
  if (s.person?.status === 'done')
    parts.push(`person ${s.person.id}${s.person.created ? ' (new)' : ' (existing)'}`);
  if (s.application?.status === 'done') parts.push(`application ${idText(s.application.id)}`);
  if (s.employments?.length)
    parts.push(
      `employments ${s.employments.filter((e) => e.status === 'done').length}/${s.employments.length}`,
    );
  if (s.resume)
    parts.push(s.resume.status === 'done' ? `resume ${idText(s.resume.id)}` : `resume ${s.resume.status}`);
  if (s.note?.status === 'done') parts.push(`note ${idText(s.note.id)}`);
  return parts.join(' · ');
}

function download(items: ItemView[]) {
  const url = URL.createObjectURL(new Blob([activityCsv(items)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `pin-greenhouse-sync-activity-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every export attempt, newest first: steps, Greenhouse ids, errors, next retry; filters, Retry and CSV. */
export function ActivitySection() {
  const client = useQueryClient();
  const id = useId();
  const filterId = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const activity = useQuery({ queryKey: ['activity'], queryFn: () => sendCommand('activity.list', {}) });
  const summary = useQuery({
    queryKey: ['activity', 'summary'],
    queryFn: () => sendCommand('activity.summary', {}),
    // A storage pause starts and ends without an export changing: ask again now and then.
    refetchInterval: (query) => (query.state.data?.paused ? 3_000 : 15_000),
  });
  const retry = useMutation({
    mutationFn: (itemId: string) => sendCommand('export.retry', { itemId }),
    onSettled: () => client.invalidateQueries({ queryKey: ['activity'] }),
  });
  useEffect(
    () => changeSignalItem.watch(() => void client.invalidateQueries({ queryKey: ['activity'] })),
    [client],
  );

  const items = (activity.data ?? []).filter((i) => filter === 'all' || i.state === filter);
  const s = summary.data;
  const pending = s ? s.queued + s.running : 0;
  const total = s ? pending + s.done + s.failed + s.needsReview : 0;

  return (
    <section aria-labelledby={id} id="activity">
      <h2 id={id}>Activity</h2>
      {s?.paused && (
        <p role="alert" className="paused">
          Exports paused: {s.paused}
        </p>
      )}
      {s && pending > 0 && (
        <div className="progress" role="status" aria-label="Export progress">
          <progress max={total} value={total - pending} /> {pending} waiting or running
          {s.etaSeconds !== null &&
            s.etaSeconds > 0 &&
            ` · about ${s.etaSeconds < 90 ? `${s.etaSeconds} s` : `${Math.ceil(s.etaSeconds / 60)} min`} left at Greenhouse’s rate limit`}
        </div>
      )}
      <div className="toolbar">
        <label htmlFor={filterId}>Show</label>{' '}
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="all">All</option>
          {Object.entries(STATE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>{' '}
        <button type="button" disabled={!activity.data?.length} onClick={() => download(activity.data ?? [])}>
          Download CSV
        </button>
      </div>
      {activity.data?.length === 0 && (
        <p>No exports yet. Use “Export to ATS” on a Pin profile, or enable a rule below.</p>
      )}
      {activity.isError && <p role="alert">{activity.error.message}</p>}
      {items.length > 0 && (
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
            {items.map((item) => (
              <tr key={item.id} data-item-state={item.state}>
                <td>{item.candidateName}</td>
                <td>{item.pinJobTitle}</td>
                <td>{how(item)}</td>
                <td>{item.greenhouseJobName ?? 'Prospect (no job)'}</td>
                <td>{STATE_LABEL[item.state]}</td>
                <td>
                  <div className="muted">{steps(item)}</div>
                  {item.error && <div className="error">{item.error.message}</div>}
                  {item.state === 'queued' && item.nextAttemptAt && item.error && (
                    <div>Next try {new Date(item.nextAttemptAt).toLocaleTimeString()}</div>
                  )}
                  {item.warnings.map((w) => (
                    <div key={w} className="warning">
                      {w}
                    </div>
                  ))}
                  {item.greenhouseUrl?.startsWith('https://app.greenhouse.io/') && (
                    <a href={item.greenhouseUrl} target="_blank" rel="noopener noreferrer">
                      Open in Greenhouse
                    </a>
                  )}
                  {item.state === 'failed' && (
                    <button
                      type="button"
                      onClick={() => retry.mutate(item.id)}
                      disabled={retry.isPending}
                      aria-label={`Retry ${item.candidateName}`}
                    >
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
