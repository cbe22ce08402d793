import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { GreenhouseJobPicker } from '@/components/GreenhouseJobPicker';
import { sendCommand } from '@/lib/messaging/client';
import type { ExportPreview } from '@/lib/messaging/views';
import type { PinCandidate } from '@/lib/model/pin';
import { trusted } from './trusted';

interface Props {
  candidate: PinCandidate;
  pinJobId: string;
  onExport: (greenhouseJobId: number | null) => void;
  onCancel: () => void;
  busy: boolean;
  error: string | null;
}

/** The "Export to ATS" dialog: pick a Greenhouse job (open jobs first, type to filter) or none for a prospect. */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const reasons = (r: readonly string[]) => r.join(' and ');

/** What Export will write: a new person (with counts) or an application on an existing one, and why. */
function Preview({
  preview,
  jobName,
  stale,
}: {
  preview: ExportPreview;
  jobName: string | null;
  stale: boolean;
}) {
  const { action } = preview;
  const onJob = jobName ? ` on ${jobName}` : ' as a prospect';
  let text: string;
  switch (action.kind) {
    case 'create':
      text = `Create ${action.name}: ${plural(action.emails, 'email')}, ${plural(action.phones, 'phone')}, ${plural(action.employments, 'employment')}, ${action.resume ? 'a Pin resume' : 'no resume (imported into Pin)'}; an application${onJob}.`;
      break;
    case 'link':
      text = action.alreadyOnJob
        ? `${action.person.name} is already on ${jobName} in Greenhouse (matched by ${reasons(action.person.reasons)}): nothing new will be created.`
        : `Add an application${onJob} to ${action.person.name}, who is already in Greenhouse (matched by ${reasons(action.person.reasons)}). Their profile is not changed.`;
      break;
    case 'review':
      text = `${action.matches.length} people in Greenhouse match (${action.matches.map((m) => `${m.name}: ${reasons(m.reasons)}`).join('; ')}). You will choose one, or create a new person.`;
      break;
    case 'synced':
      text = action.alreadyOnJob
        ? `Already synced to ${jobName ?? 'Greenhouse'}.`
        : `Already in Greenhouse from Pin: only an application${onJob} will be added.`;
      break;
  }
  return (
    <div
      className={stale ? 'pgs-preview pgs-preview--stale' : 'pgs-preview'}
      aria-live="polite"
      aria-busy={stale}
    >
      <p>{text}</p>
      {!preview.linkedInReady && (
        <p className="pgs-muted">
          Matched by email only: LinkedIn matching starts once the Greenhouse index is built.
        </p>
      )}
    </div>
  );
}

export function ExportDialog({ candidate, pinJobId, onExport, onCancel, busy, error }: Props) {
  const jobs = useQuery({
    queryKey: ['greenhouse-jobs'],
    queryFn: () => sendCommand('greenhouse.jobs', {}),
    staleTime: 60_000,
  });
  const [choice, setChoice] = useState<string>('');
  const titleId = useId();
  const greenhouseJobId = choice ? Number(choice) : null;
  // While another job's preview loads, the last one stays (dimmed) so that the buttons below do not move under
  // the pointer. Each preview keeps the job it was made for, so its text never names the wrong job.
  const preview = useQuery({
    queryKey: ['preview', candidate.id, greenhouseJobId],
    queryFn: async () => ({
      greenhouseJobId,
      preview: await sendCommand('pin.preview', { candidate, pinJobId, greenhouseJobId }),
    }),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const jobName = (id: number | null) => jobs.data?.find((j) => j.id === id)?.name ?? null;

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
      {preview.data && (
        <Preview
          preview={preview.data.preview}
          jobName={jobName(preview.data.greenhouseJobId)}
          stale={preview.isPlaceholderData}
        />
      )}
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
