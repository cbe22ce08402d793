import type { ExportReason } from '../model/export-item';
import { TRIGGER_LABEL } from '../model/rule';

const when = (iso: string | null) =>
  iso ? `${new Date(iso).toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'an earlier time';

/** The note added to every export: where the person came from and how they were synced. */
export function syncNote(profileUrl: string, reason: ExportReason): string {
  const how =
    reason.kind === 'manual'
      ? `Synced manually with "Export to ATS" on ${when(reason.at)}.`
      : reason.kind === 'trigger'
        ? `Synced automatically by the rule "${TRIGGER_LABEL[reason.trigger]}"; the event happened on ${when(reason.eventAt)}.`
        : `Exported by a backfill of candidates who had already met "${TRIGGER_LABEL[reason.trigger]}" (event on ${when(reason.eventAt)}).`;
  return `Sourced from Pin: ${profileUrl}\n${how}`;
}
