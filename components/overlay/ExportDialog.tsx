import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { GreenhouseJobPicker } from '@/components/GreenhouseJobPicker';
import { sendCommand } from '@/lib/messaging/client';
import { trusted } from './trusted';

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
  const [choice, setChoice] = useState<string>('');
  const titleId = useId();

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
      <GreenhouseJobPicker
        jobs={jobs.data ?? []}
        value={choice}
        onChange={setChoice}
        filterLabel="Search jobs"
        loading={jobs.isPending}
        autoFocusFilter
      />
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
