import type { WatchView } from '../messaging/views';
import type { Rule } from '../model/rule';
import { WATCH_LABEL, type WatchState } from '../model/watch';

/** How each enabled rule is watched, in the SPEC's words, for the options page and the popup. */
export function watchViews(rules: readonly Rule[], state: WatchState): Record<string, WatchView> {
  const out: Record<string, WatchView> = {};
  for (const rule of rules) {
    const job = rule.enabled ? state.jobs[rule.pinJobId] : undefined;
    if (!job) continue;
    out[rule.pinJobId] = {
      status: job.status,
      label: WATCH_LABEL[job.status],
      reason: job.reason,
      lastCheckAt: job.lastCheckAt,
    };
  }
  return out;
}
