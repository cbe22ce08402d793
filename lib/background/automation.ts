import type { Connection } from '../model/connection';
import type { PinCandidate, StatusObservation } from '../model/pin';
import type { ObservationState, Rule, Trigger } from '../model/rule';
import { profileUrl } from '../pin/routes';
import { observationsItem, pinCandidatesItem, rulesItem } from '../storage/items';
import { createLock } from '../storage/lock';
import { currentMapping } from '../sync/pin-mapping';
import type { ExportQueue } from '../sync/queue';
import type { SyncStore } from '../sync/store';
import { evaluateRule, meetsTrigger, mergeObservation } from '../sync/triggers';

const EVENT_WORDS: Record<Trigger, string> = {
  added_to_sequence: 'were added to an outreach sequence',
  replied: 'replied',
  interested: 'replied and were marked interested',
};
const MAX_SNAPSHOTS = 2_000;
const MAX_OBSERVATIONS = 20_000;

/** Keeps the most recently updated observations; the oldest (long-finished outreach) rotate out. */
export function pruneObservations(
  states: Record<string, ObservationState>,
): Record<string, ObservationState> {
  const entries = Object.entries(states);
  if (entries.length <= MAX_OBSERVATIONS) return states;
  entries.sort(([, a], [, b]) => b.updatedAt - a.updatedAt);
  return Object.fromEntries(entries.slice(0, MAX_OBSERVATIONS));
}

const day = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

export interface AutomationDeps {
  queue: ExportQueue;
  store: SyncStore;
  connection: () => Promise<Connection | null>;
  /** Pin's candidate JSON, by the watcher's paths (lib/sync/pin-candidates.ts); null when it cannot be read. */
  fetchCandidate: (id: string) => Promise<PinCandidate | null>;
  now?: () => number;
}

/** The trigger engine: keeps the last known status per (Pin job, candidate) and queues exports when a rule fires. */
export class AutomationService {
  private readonly lock = createLock();
  private readonly now: () => number;
  private readonly fetchCandidate: (id: string) => Promise<PinCandidate | null>;

  constructor(private readonly deps: AutomationDeps) {
    this.now = deps.now ?? Date.now;
    this.fetchCandidate = deps.fetchCandidate;
  }

  /**
   * Records what a Pin page (or Pin's JSON) showed and queues the exports that enabled rules ask for. Returns how many,
   * and how many fired for someone whose details could not be read (they fire again when next seen).
   */
  async observe(
    observations: StatusObservation[],
    profiles: PinCandidate[] = [],
  ): Promise<{ queued: number; missingProfiles: number }> {
    if (profiles.length) {
      // Most recently seen last; the oldest snapshots rotate out past the cap.
      const snapshots = { ...(await pinCandidatesItem.getValue()) };
      for (const profile of profiles) {
        delete snapshots[profile.id];
        snapshots[profile.id] = profile;
      }
      const ids = Object.keys(snapshots);
      for (const id of ids.slice(0, Math.max(0, ids.length - MAX_SNAPSHOTS))) delete snapshots[id];
      await pinCandidatesItem.setValue(snapshots);
    }
    const fires = await this.lock(async () => {
      const [states, rules, connection] = await Promise.all([
        observationsItem.getValue(),
        rulesItem.getValue(),
        this.deps.connection(),
      ]);
      const next = { ...states };
      const out: { state: ObservationState; rule: Rule; eventAt: number }[] = [];
      const now = this.now();
      for (const observation of observations) {
        const key = `${observation.jobId}/${observation.candidateId}`;
        const state = mergeObservation(states[key], observation, now);
        next[key] = state;
        const rule = rules[observation.jobId];
        const evaluation = evaluateRule(
          rule,
          state,
          connection && !connection.needsReconnect ? connection.connectedAt : null,
        );
        if (evaluation.fire && rule) out.push({ state, rule, eventAt: evaluation.eventAt });
      }
      await observationsItem.setValue(pruneObservations(next));
      return out;
    });
    let queued = 0;
    let missingProfiles = 0;
    for (const fire of fires) {
      if (await this.alreadyHandled(fire.state.candidateId, fire.rule.greenhouseJobId)) continue;
      const candidate = await this.profile(fire.state.candidateId, profiles);
      if (!candidate) {
        missingProfiles += 1; // seen again on the next observation; nothing is lost
        continue;
      }
      const { duplicate, written } = await this.deps.queue.enqueue({
        candidate,
        pinJobId: fire.rule.pinJobId,
        pinJobTitle: fire.rule.pinJobTitle,
        profileUrl: profileUrl(fire.rule.pinJobId, candidate.id, await currentMapping()),
        greenhouseJobId: fire.rule.greenhouseJobId,
        greenhouseJobName: fire.rule.greenhouseJobName,
        reason: {
          kind: 'trigger',
          trigger: fire.rule.trigger,
          eventAt: new Date(fire.eventAt).toISOString(),
        },
      });
      await written;
      if (!duplicate) queued += 1;
    }
    if (queued) void this.deps.queue.drain();
    return { queued, missingProfiles };
  }

  private async alreadyHandled(candidateId: string, greenhouseJobId: number | null): Promise<boolean> {
    const record = await this.deps.store.record(candidateId);
    return record?.applications.some((a) => a.greenhouseJobId === greenhouseJobId) ?? false;
  }

  private async profile(candidateId: string, fresh: PinCandidate[]): Promise<PinCandidate | null> {
    return (
      fresh.find((p) => p.id === candidateId) ??
      (await this.fetchCandidate(candidateId)) ??
      (await pinCandidatesItem.getValue())[candidateId] ??
      null
    );
  }

  /** Why an enabled rule did not sync this candidate (an event before the rule or the connection), or null. */
  async reasonNotSynced(pinJobId: string, candidateId: string): Promise<string | null> {
    const [states, rules, connection] = await Promise.all([
      observationsItem.getValue(),
      rulesItem.getValue(),
      this.deps.connection(),
    ]);
    const state = states[`${pinJobId}/${candidateId}`];
    const rule = rules[pinJobId];
    if (!state || !rule) return null;
    const evaluation = evaluateRule(rule, state, connection?.connectedAt ?? null);
    if (
      evaluation.fire ||
      (evaluation.reason !== 'before_enabled' && evaluation.reason !== 'before_connected')
    )
      return null;
    const when = evaluation.eventAt === null ? '' : ` on ${day(evaluation.eventAt)}`;
    const line =
      evaluation.reason === 'before_enabled'
        ? `before this job's rule was enabled (${day(rule.enabledAt ?? 0)})`
        : `before Greenhouse was connected${connection ? ` (${day(connection.connectedAt)})` : ''}`;
    return `Not synced automatically: they ${EVENT_WORDS[rule.trigger]}${when}, ${line}. Pin Greenhouse Sync does not sync retroactively; use Export to ATS to sync them now.`;
  }

  async rules(): Promise<Rule[]> {
    return Object.values(await rulesItem.getValue());
  }

  /** Saves a rule. Enabling stamps `enabledAt`: only events from then on fire it. */
  async saveRule(input: Omit<Rule, 'enabledAt' | 'updatedAt'>): Promise<Rule> {
    return this.lock(async () => {
      const rules = await rulesItem.getValue();
      const previous = rules[input.pinJobId];
      const now = this.now();
      const unchangedEnabled =
        previous?.enabled &&
        input.enabled &&
        previous.trigger === input.trigger &&
        previous.greenhouseJobId === input.greenhouseJobId;
      const rule: Rule = {
        ...input,
        enabledAt: input.enabled ? (unchangedEnabled ? previous.enabledAt : now) : null,
        updatedAt: now,
      };
      await rulesItem.setValue({ ...rules, [input.pinJobId]: rule });
      return rule;
    });
  }

  /** Candidates of a job who met its rule's trigger before the rule (or the connection) and are not synced there. */
  async backfillCandidates(pinJobId: string): Promise<ObservationState[]> {
    const [states, rules, connection, items] = await Promise.all([
      observationsItem.getValue(),
      rulesItem.getValue(),
      this.deps.connection(),
      this.deps.store.items(),
    ]);
    const rule = rules[pinJobId];
    if (!rule?.enabled) return [];
    const out: ObservationState[] = [];
    for (const state of Object.values(states)) {
      if (state.jobId !== pinJobId || !meetsTrigger(state.status, rule.trigger)) continue;
      const evaluation = evaluateRule(rule, state, connection?.connectedAt ?? null);
      if (evaluation.fire) continue; // the rule itself handles these
      if (await this.alreadyHandled(state.candidateId, rule.greenhouseJobId)) continue;
      if (
        items.some(
          (i) =>
            i.pinCandidateId === state.candidateId &&
            i.greenhouseJobId === rule.greenhouseJobId &&
            i.state !== 'done',
        )
      )
        continue;
      out.push(state);
    }
    return out;
  }

  /** The opt-in backfill: exports exactly the candidates it announced (refuses if the count changed meanwhile). */
  async backfill(pinJobId: string, expected: number): Promise<{ queued: number; missingProfiles: number }> {
    const rule = (await rulesItem.getValue())[pinJobId];
    const candidates = await this.backfillCandidates(pinJobId);
    if (!rule || candidates.length !== expected) {
      throw new Error(
        `The number of candidates changed (now ${candidates.length}); review it again before exporting.`,
      );
    }
    let queued = 0;
    let missingProfiles = 0;
    for (const state of candidates) {
      const candidate = await this.profile(state.candidateId, []);
      if (!candidate) {
        missingProfiles += 1;
        continue;
      }
      const eventAt = evaluateRule({ ...rule, enabledAt: 0 }, state, 0);
      const { duplicate, written } = await this.deps.queue.enqueue({
        candidate,
        pinJobId,
        pinJobTitle: rule.pinJobTitle,
        profileUrl: profileUrl(pinJobId, candidate.id, await currentMapping()),
        greenhouseJobId: rule.greenhouseJobId,
        greenhouseJobName: rule.greenhouseJobName,
        reason: {
          kind: 'backfill',
          trigger: rule.trigger,
          eventAt: eventAt.fire ? new Date(eventAt.eventAt).toISOString() : null,
        },
      });
      await written;
      if (!duplicate) queued += 1;
    }
    void this.deps.queue.drain();
    return { queued, missingProfiles };
  }
}
