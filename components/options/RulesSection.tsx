import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { GreenhouseJobPicker } from '@/components/GreenhouseJobPicker';
import { sendCommand } from '@/lib/messaging/client';
import type { WatchView } from '@/lib/messaging/views';
import type { GreenhouseJobView } from '@/lib/model/greenhouse-job';
import type { PinJob } from '@/lib/model/pin';
import { type Rule, TRIGGER_LABEL, TRIGGERS, type Trigger } from '@/lib/model/rule';
import { PIN_ORIGIN } from '@/lib/pin/host';
import { pinJobsItem, watchStateItem } from '@/lib/storage/items';

export const rulesKey = ['rules'] as const;

/** How an enabled rule's job is watched, in the SPEC's words, with the last check or why not (SPEC §6.1). */
function WatchLine({ watch }: { watch: WatchView }) {
  return (
    <div className="watch" data-status={watch.status}>
      <p>
        {watch.status === 'signed_out' ? (
          <a href={PIN_ORIGIN} target="_blank" rel="noopener noreferrer">
            <strong>{watch.label}</strong>
          </a>
        ) : (
          <strong>{watch.label}</strong>
        )}
        {watch.lastCheckAt !== null && (
          <span className="hint"> · last checked {new Date(watch.lastCheckAt).toLocaleTimeString()}</span>
        )}
      </p>
      {watch.reason && <p className="hint">{watch.reason}</p>}
    </div>
  );
}

function RuleRow({
  job,
  rule,
  greenhouseJobs,
  backfill,
  watch,
}: {
  job: PinJob;
  rule: Rule | undefined;
  greenhouseJobs: GreenhouseJobView[];
  backfill: number;
  watch: WatchView | undefined;
}) {
  const client = useQueryClient();
  const triggerId = useId();
  const [greenhouseJob, setGreenhouseJob] = useState(
    rule?.greenhouseJobId ? String(rule.greenhouseJobId) : '',
  );
  const [trigger, setTrigger] = useState<Trigger>(rule?.trigger ?? 'added_to_sequence');
  const [confirming, setConfirming] = useState(false);
  const enabled = rule?.enabled ?? false;

  const save = useMutation({
    mutationFn: (enable: boolean) =>
      sendCommand('rules.save', {
        pinJobId: job.id,
        greenhouseJobId: greenhouseJob ? Number(greenhouseJob) : null,
        trigger,
        enabled: enable,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey }),
  });
  const runBackfill = useMutation({
    mutationFn: () => sendCommand('rules.backfill', { pinJobId: job.id, expected: backfill }),
    onSettled: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: rulesKey });
      void client.invalidateQueries({ queryKey: ['activity'] });
    },
  });

  return (
    <fieldset className="rule" data-enabled={enabled}>
      <legend>{job.title}</legend>
      <div className="rule-controls">
        <GreenhouseJobPicker
          jobs={greenhouseJobs}
          value={greenhouseJob}
          onChange={setGreenhouseJob}
          filterLabel="Filter the job list"
          disabled={enabled}
        />
        <label htmlFor={triggerId}>Trigger</label>
        <select
          id={triggerId}
          value={trigger}
          disabled={enabled}
          onChange={(e) => setTrigger(e.target.value as Trigger)}
        >
          {TRIGGERS.map((t) => (
            <option key={t} value={t}>
              {TRIGGER_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button
          type="button"
          className={enabled ? '' : 'primary'}
          disabled={save.isPending}
          onClick={() => save.mutate(!enabled)}
        >
          {enabled ? 'Disable' : 'Enable'}
        </button>
        {enabled && rule?.enabledAt && (
          <span className="hint" role="status">
            Enabled {new Date(rule.enabledAt).toLocaleString()}: candidates sync the first time they meet the
            trigger from now on.
          </span>
        )}
      </div>
      {enabled && watch && <WatchLine watch={watch} />}
      {save.isError && <p role="alert">{save.error.message}</p>}
      {enabled && backfill > 0 && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          Export {backfill} {backfill === 1 ? 'candidate' : 'candidates'} who already met this trigger
        </button>
      )}
      {confirming && (
        <div role="alertdialog" aria-label="Confirm export" className="confirm">
          <p>
            Export {backfill} {backfill === 1 ? 'candidate' : 'candidates'} of “{job.title}” who met the
            trigger before this rule was enabled to {rule?.greenhouseJobName ?? 'Greenhouse as prospects'}?
          </p>
          <button
            type="button"
            className="primary"
            disabled={runBackfill.isPending}
            onClick={() => runBackfill.mutate()}
          >
            Export {backfill}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {runBackfill.isSuccess && (
        <p role="status">
          Queued {runBackfill.data.queued} {runBackfill.data.queued === 1 ? 'export' : 'exports'}
          {runBackfill.data.missingProfiles > 0 &&
            ` (${runBackfill.data.missingProfiles} could not be read from Pin)`}
          .
        </p>
      )}
      {runBackfill.isError && <p role="alert">{runBackfill.error.message}</p>}
    </fieldset>
  );
}

/** "Export candidates to ATS": one rule per Pin job the extension has seen, as in Pin's Automation tab. */
export function RulesSection({ connected }: { connected: boolean }) {
  const id = useId();
  const client = useQueryClient();
  const rules = useQuery({
    queryKey: rulesKey,
    queryFn: () => sendCommand('rules.list', {}),
    // While no Pin job is known, also ask again every few seconds: a backstop for the storage watch below (in CI,
    // a job recorded while this page was opening was sometimes never shown).
    refetchInterval: (query) => (query.state.data?.pinJobs.length === 0 ? 2_000 : false),
  });
  // A Pin job opened in another tab appears here without a reload.
  useEffect(() => pinJobsItem.watch(() => void client.invalidateQueries({ queryKey: rulesKey })), [client]);
  // How each rule is watched changes with every check of the background watcher.
  useEffect(
    () => watchStateItem.watch(() => void client.invalidateQueries({ queryKey: rulesKey })),
    [client],
  );
  const jobs = useQuery({
    queryKey: ['greenhouse-jobs'],
    queryFn: () => sendCommand('greenhouse.jobs', {}),
    enabled: connected,
    staleTime: 60_000,
  });
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>Export candidates to ATS</h2>
      {!connected && <p>Connect Greenhouse first: rules send candidates to a Greenhouse job.</p>}
      {connected && rules.data?.pinJobs.length === 0 && (
        <p>
          No Pin jobs seen yet. Open Pin’s jobs list (or any job) with the extension installed, then come
          back.
        </p>
      )}
      {jobs.isError && <p role="alert">Could not load Greenhouse jobs: {jobs.error.message}</p>}
      {connected &&
        jobs.data &&
        rules.data?.pinJobs.map((job) => (
          <RuleRow
            key={job.id}
            job={job}
            rule={rules.data.rules.find((r) => r.pinJobId === job.id)}
            greenhouseJobs={jobs.data}
            backfill={rules.data.backfill[job.id] ?? 0}
            watch={rules.data.watch[job.id]}
          />
        ))}
    </section>
  );
}
