import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import type { GreenhouseJobView } from '@/lib/messaging/views';
import { trusted } from './trusted';

export const jobLabel = (job: GreenhouseJobView) =>
  `${job.name}${job.requisitionId ? ` (${job.requisitionId})` : ''}${job.status !== 'open' ? ` — ${job.status}` : ''}`;

interface Props {
  onExport: (greenhouseJobId: number | null) => void;
  onCancel: () => void;
  busy: boolean;
  error: string | null;
}

/** The "Export to ATS" dialog: pick a Greenhouse job (open jobs first, type to filter) or none for a prospect. */
export function ExportDialog({ onExport, onCancel, busy, error }: Props) {
  const jobs = useQuery({
    queryKey: ['greenhouse-jobs'],
    queryFn: () => sendCommand('greenhouse.jobs', {}),
    staleTime: 60_000,
  });
  const [filter, setFilter] = useState('');
  const [choice, setChoice] = useState<string>('');
  const titleId = useId();
  const selectId = useId();
  const filterId = useId();
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (jobs.data ?? []).filter((j) => !needle || jobLabel(j).toLowerCase().includes(needle));
  }, [jobs.data, filter]);

  return (
    <div
      className="pgs-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={titleId} className="pgs-dialog__title">
        Export to Greenhouse
      </h2>
      <label htmlFor={filterId}>Search jobs</label>
      <input
        id={filterId}
        ref={firstField}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Type to filter"
      />
      <label htmlFor={selectId}>Greenhouse job</label>
      <select
        id={selectId}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        disabled={jobs.isPending}
      >
        <option value="">No job: add as a prospect</option>
        {visible.map((job) => (
          <option key={job.id} value={String(job.id)}>
            {jobLabel(job)}
          </option>
        ))}
      </select>
      {jobs.isPending && <p className="pgs-muted">Loading Greenhouse jobs…</p>}
      {jobs.isError && <p role="alert">Could not load Greenhouse jobs: {jobs.error.message}</p>}
      {error && <p role="alert">{error}</p>}
      <div className="pgs-actions">
        <button
          type="button"
          className="pgs-primary"
          disabled={busy}
          onClick={trusted(() => onExport(choice ? Number(choice) : null))}
        >
          {busy ? 'Exporting…' : 'Export'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
