import type { ItemView } from '@/lib/messaging/views';

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote every cell; a leading =,+,-,@ is defused so spreadsheets do not run Pin text as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** The activity log as CSV: one row per export attempt with its outcome, Greenhouse ids and error. */
export function activityCsv(items: ItemView[]): string {
  const header = [
    'created_at',
    'candidate',
    'pin_candidate_id',
    'pin_job',
    'how',
    'greenhouse_job',
    'state',
    'greenhouse_candidate_id',
    'greenhouse_application_id',
    'attempts',
    'next_retry',
    'error',
    'warnings',
  ];
  const rows = items.map((item) => [
    new Date(item.createdAt).toISOString(),
    item.candidateName,
    item.pinCandidateId,
    item.pinJobTitle,
    item.reason.kind === 'manual' ? 'manual' : `${item.reason.kind}:${item.reason.trigger}`,
    item.greenhouseJobName ?? 'prospect',
    item.state,
    item.steps.person?.status === 'done' ? item.steps.person.id : '',
    item.steps.application?.status === 'done' ? (item.steps.application.id ?? 'unknown') : '',
    item.attempts,
    item.nextAttemptAt && item.state === 'queued' ? new Date(item.nextAttemptAt).toISOString() : '',
    item.error?.message ?? '',
    item.warnings.join(' | '),
  ]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}
