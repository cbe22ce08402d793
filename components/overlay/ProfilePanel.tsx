import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import type { CandidateState, ItemView, PresenceView } from '@/lib/messaging/views';
import { candidateStateQueryKey } from '@/lib/overlay/pushed-states';
import type { PinMapping } from '@/lib/pin/mapping/schema';
import type { ProfileReading } from '@/lib/pin/read/profile';
import type { FieldRead } from '@/lib/pin/read/reads';
import { ExportDialog } from './ExportDialog';
import { GreenhouseLogo } from './GreenhouseLogo';
import { ReadDiagnostics } from './ReadDiagnostics';
import { trusted } from './trusted';

/** Only Greenhouse app links are ever rendered from data. */
export function safeGreenhouseHref(url: string | null | undefined): string | undefined {
  return url?.startsWith('https://app.greenhouse.io/') ? url : undefined;
}

export const candidateStateKey = (reading: ProfileReading) =>
  candidateStateQueryKey(reading.job.id, reading.candidate.id);

function time(ms: number | null): string {
  return ms
    ? new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : '';
}

function SyncedBadge({
  state,
  alreadyOnJob,
}: {
  state: NonNullable<CandidateState['synced']>;
  alreadyOnJob: string | null;
}) {
  return (
    <div className="pgs-row" data-pgs-state={state.linkedToExisting ? 'linked' : 'synced'}>
      <a
        className="pgs-badge"
        href={safeGreenhouseHref(state.url)}
        target="_blank"
        rel="noopener noreferrer"
        aria-label="Open in Greenhouse"
      >
        <GreenhouseLogo />
      </a>
      <span>
        {alreadyOnJob
          ? `Already on ${alreadyOnJob} in Greenhouse`
          : state.linkedToExisting
            ? 'Linked to an existing Greenhouse candidate'
            : 'Synced to Greenhouse'}
        {state.stage && (
          <>
            {' · '}
            <span className="pgs-stage" data-pgs-stage={state.stage.label}>
              {state.stage.label}
            </span>{' '}
            <span className="pgs-muted">(read {time(state.stage.readAt)})</span>
          </>
        )}
      </span>
    </div>
  );
}

const reasonsText = (reasons: readonly string[]) => reasons.join(' and ');

/** A profile not synced from Pin whose person is already in Greenhouse: who, and how they matched. */
function InGreenhouse({ presence }: { presence: PresenceView }) {
  if (presence.matches.length === 0) return null;
  return (
    <div data-pgs-state="in_greenhouse" className="pgs-in-greenhouse">
      <p className="pgs-strong">In Greenhouse</p>
      <ul className="pgs-plain">
        {presence.matches.map((match) => (
          <li key={match.id} className="pgs-row">
            <a
              className="pgs-badge"
              href={safeGreenhouseHref(match.url)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label="Open in Greenhouse"
            >
              <GreenhouseLogo />
            </a>
            <span>
              {match.name} <span className="pgs-muted">(matched by {reasonsText(match.reasons)})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReviewChoices({ item }: { item: ItemView }) {
  const why = (match: NonNullable<ItemView['review']>[number]) => `matched by ${reasonsText(match.reasons)}`;
  const client = useQueryClient();
  const resolve = useMutation({
    mutationFn: (choice: number | 'new') => sendCommand('pin.resolveReview', { itemId: item.id, choice }),
    onSettled: () => client.invalidateQueries({ queryKey: ['candidate-state'] }),
  });
  return (
    <div data-pgs-state="needs_review">
      <p className="pgs-strong">Needs review: several people in Greenhouse match this candidate.</p>
      <ul className="pgs-matches">
        {(item.review ?? []).map((match) => (
          <li key={match.id} className="pgs-match">
            <span className="pgs-strong">{match.name}</span>
            <span className="pgs-muted">
              {[match.title, match.company].filter(Boolean).join(' at ') || 'No current job'}
            </span>
            <span className="pgs-muted">{match.emails.join(', ')}</span>
            <span className="pgs-muted">{why(match)}</span>
            <button
              type="button"
              disabled={resolve.isPending}
              onClick={trusted(() => resolve.mutate(match.id))}
              aria-label={`Use ${match.name} (Greenhouse id ${match.id})`}
            >
              Use this person
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={resolve.isPending} onClick={trusted(() => resolve.mutate('new'))}>
        Create new
      </button>
      {resolve.isError && <p role="alert">{resolve.error.message}</p>}
    </div>
  );
}

function ItemStatus({ item }: { item: ItemView }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => sendCommand('export.retry', { itemId: item.id }),
    onSettled: () => client.invalidateQueries({ queryKey: ['candidate-state'] }),
  });
  switch (item.state) {
    case 'queued':
      if (item.error?.code === 'reconnect')
        return (
          <p data-pgs-state="queued">Waiting: Greenhouse needs to be reconnected on the options page.</p>
        );
      return (
        <p data-pgs-state="queued">
          {item.error
            ? `Retrying at ${time(item.nextAttemptAt)}: ${item.error.message}`
            : 'Queued for Greenhouse…'}
        </p>
      );
    case 'running':
      return <p data-pgs-state="exporting">Exporting to Greenhouse…</p>;
    case 'needs_review':
      return <ReviewChoices item={item} />;
    case 'failed':
      return (
        <div data-pgs-state="failed">
          <p role="alert">Export failed: {item.error?.message ?? 'unknown error'}</p>
          <button
            type="button"
            className="pgs-primary"
            disabled={retry.isPending}
            onClick={trusted(() => retry.mutate())}
          >
            Retry
          </button>
        </div>
      );
    default:
      return null;
  }
}

/** The overlay on a Pin profile: the Greenhouse badge, or Export to ATS and the export's progress. */
export function ProfilePanel({ reading, mapping }: { reading: ProfileReading; mapping: PinMapping }) {
  const client = useQueryClient();
  const key = candidateStateKey(reading);
  const state = useQuery({
    queryKey: key,
    queryFn: () =>
      sendCommand('pin.candidateState', { pinCandidateId: reading.candidate.id, pinJobId: reading.job.id }),
    refetchInterval: (query) => {
      const item = query.state.data?.item;
      return item && (item.state === 'queued' || item.state === 'running') ? 3000 : false;
    },
  });
  const [dialogOpen, setDialogOpen] = useState(false);
  const connected = state.data?.connection === 'connected';
  const presence = useQuery({
    queryKey: ['presence', reading.candidate.id],
    queryFn: () => sendCommand('pin.presence', { candidate: reading.candidate }),
    // Not while an export runs: it would look up again what the export is about to change.
    enabled: connected && !state.data?.synced && !state.data?.item,
    staleTime: 30_000,
  });
  const exportNow = useMutation({
    mutationFn: (greenhouseJobId: number | null) =>
      sendCommand('pin.export', { candidate: reading.candidate, job: reading.job, greenhouseJobId }),
    onSuccess: () => {
      setDialogOpen(false);
      return client.invalidateQueries({ queryKey: key });
    },
  });

  let body: React.ReactNode;
  if (state.isPending) body = <p className="pgs-muted">Checking Greenhouse…</p>;
  else if (state.isError) body = <p role="alert">The extension could not answer: {state.error.message}</p>;
  else {
    const data = state.data;
    const item = data.item;
    const activeItem = item && item.state !== 'done' ? item : null;
    const alreadyOnJob =
      item?.state === 'done' && item.steps.application?.status === 'done' && item.steps.application.existing
        ? (item.greenhouseJobName ?? 'this job')
        : null;
    const warnings = item?.warnings.map((warning) => (
      <p key={warning} className="pgs-warning">
        {warning}
      </p>
    ));
    if (data.synced && !activeItem) {
      body = (
        <>
          <SyncedBadge state={data.synced} alreadyOnJob={alreadyOnJob} />
          {warnings}
        </>
      );
    } else if (data.connection === 'not_connected' && !data.synced) {
      body = (
        <div data-pgs-state="not_connected">
          <p>Greenhouse is not connected.</p>
          <button type="button" onClick={trusted(() => void sendCommand('ui.openOptions', {}))}>
            Connect Greenhouse
          </button>
        </div>
      );
    } else {
      body = (
        <>
          {data.synced && <SyncedBadge state={data.synced} alreadyOnJob={null} />}
          {data.connection === 'needs_reconnect' && (
            <p role="alert">Greenhouse stopped accepting the credential. Reconnect it on the options page.</p>
          )}
          {data.paused && <p role="alert">Exports paused: {data.paused}</p>}
          {activeItem && <ItemStatus item={activeItem} />}
          {!data.synced && !activeItem && (
            <div data-pgs-state="not_synced">
              {presence.data && <InGreenhouse presence={presence.data} />}
              {data.notSyncedReason && <p className="pgs-muted">{data.notSyncedReason}</p>}
              {dialogOpen ? (
                <ExportDialog
                  candidate={reading.candidate}
                  pinJobId={reading.job.id}
                  busy={exportNow.isPending}
                  error={exportNow.isError ? exportNow.error.message : null}
                  onCancel={() => setDialogOpen(false)}
                  onExport={(jobId) => exportNow.mutate(jobId)}
                />
              ) : (
                <button type="button" className="pgs-primary" onClick={trusted(() => setDialogOpen(true))}>
                  Export to ATS
                </button>
              )}
            </div>
          )}
          {warnings}
        </>
      );
    }
  }
  return (
    <section className="pgs-card" aria-label="Greenhouse sync">
      {body}
      <ReadDiagnostics page="profile" reads={reading.reads} mapping={mapping} />
    </section>
  );
}

export function NoticePanel({
  message,
  reads,
  mapping,
}: {
  message: string;
  reads: FieldRead[];
  mapping: PinMapping;
}) {
  return (
    <section className="pgs-card pgs-card--floating" aria-label="Greenhouse sync">
      <p role="status">{message}</p>
      {reads.length > 0 && <ReadDiagnostics page="unreadable" reads={reads} mapping={mapping} />}
    </section>
  );
}
