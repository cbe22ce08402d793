import type { PinStatus, StatusObservation } from '../model/pin';
import { type ObservationState, type Rule, type Trigger, triggerSchema } from '../model/rule';

const LEVEL: Record<PinStatus, number> = { sourced: 0, in_sequence: 1, replied: 2, interested: 3 };
const TRIGGER_LEVEL: Record<Trigger, number> = { added_to_sequence: 1, replied: 2, interested: 3 };
const PIN_EVENT: Record<Trigger, keyof StatusObservation['eventTimes']> = {
  added_to_sequence: 'added_to_sequence',
  replied: 'replied',
  interested: 'marked_interested',
};

/** "Replied and interested" needs the interested mark: a plain reply does not meet it. */
export function meetsTrigger(status: PinStatus, trigger: Trigger): boolean {
  return LEVEL[status] >= TRIGGER_LEVEL[trigger];
}

export function mergeObservation(
  previous: ObservationState | undefined,
  observation: StatusObservation,
  now: number,
): ObservationState {
  const firstSeen = { ...(previous?.firstSeen ?? {}) };
  for (const trigger of triggerSchema.options) {
    if (firstSeen[trigger] === undefined && meetsTrigger(observation.status, trigger))
      firstSeen[trigger] = now;
  }
  return {
    jobId: observation.jobId,
    candidateId: observation.candidateId,
    status: observation.status,
    eventTimes: { ...(previous?.eventTimes ?? {}), ...observation.eventTimes },
    firstSeen,
    updatedAt: now,
  };
}

/** When the trigger's event happened: Pin's time when Pin shows it, else when the extension first saw it. */
export function triggerTime(
  state: ObservationState,
  trigger: Trigger,
): { at: number; fromPin: boolean } | null {
  if (!meetsTrigger(state.status, trigger)) return null;
  const pinTime = state.eventTimes[PIN_EVENT[trigger]];
  if (pinTime && Number.isFinite(Date.parse(pinTime))) return { at: Date.parse(pinTime), fromPin: true };
  const seen = state.firstSeen[trigger];
  return seen === undefined ? null : { at: seen, fromPin: false };
}

export type Evaluation =
  | { fire: true; eventAt: number }
  | {
      fire: false;
      reason: 'disabled' | 'not_met' | 'before_enabled' | 'before_connected';
      eventAt: number | null;
    };

/** Whether a rule fires for a candidate now. Events before the rule was enabled or Greenhouse connected never do. */
export function evaluateRule(
  rule: Rule | undefined,
  state: ObservationState,
  connectedAt: number | null,
): Evaluation {
  if (!rule?.enabled || rule.enabledAt === null) return { fire: false, reason: 'disabled', eventAt: null };
  const time = triggerTime(state, rule.trigger);
  if (!time) return { fire: false, reason: 'not_met', eventAt: null };
  if (connectedAt === null) return { fire: false, reason: 'before_connected', eventAt: time.at };
  // The later of the two lines is the one the event missed.
  if (time.at < Math.max(rule.enabledAt, connectedAt)) {
    return {
      fire: false,
      reason: rule.enabledAt >= connectedAt ? 'before_enabled' : 'before_connected',
      eventAt: time.at,
    };
  }
  return { fire: true, eventAt: time.at };
}
