import type { ItemView } from '../messaging/views';
import type { ExportItem } from '../model/export-item';
import { greenhouseProfileUrl } from '../model/links';

/** An export item as the overlay and the activity log show it (the Pin profile snapshot stays in the background). */
export function itemView(item: ExportItem): ItemView {
  const personId = item.steps.person?.status === 'done' ? item.steps.person.id : null;
  const applicationId = item.steps.application?.status === 'done' ? item.steps.application.id : null;
  return {
    id: item.id,
    pinCandidateId: item.pinCandidateId,
    candidateName: item.candidate.name,
    pinJobId: item.pinJobId,
    pinJobTitle: item.pinJobTitle,
    state: item.state,
    greenhouseJobId: item.greenhouseJobId,
    greenhouseJobName: item.greenhouseJobName,
    reason: {
      kind: item.reason.kind,
      trigger: item.reason.kind === 'manual' ? null : item.reason.trigger,
      eventAt: item.reason.kind === 'manual' ? item.reason.at : item.reason.eventAt,
    },
    error: item.lastError
      ? {
          code: item.lastError.code,
          message: item.lastError.message,
          ...(item.lastError.scope ? { scope: item.lastError.scope } : {}),
        }
      : null,
    review: item.state === 'needs_review' ? item.review : null,
    steps: item.steps,
    warnings: item.warnings,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    finishedAt: item.finishedAt,
    greenhouseUrl: personId !== null ? greenhouseProfileUrl(personId, applicationId) : null,
  };
}
