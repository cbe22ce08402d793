import type { Connection } from '../model/connection';
import type { PinCandidate, StatusObservation } from '../model/pin';
import type { ObservationState, Rule, Trigger } from '../model/rule';
import { profileUrl } from '../pin/routes';
import { rulesItem } from '../storage/items';
import { createLock } from '../storage/lock';
import type { ObservationStore } from '../sync/observations';
import { currentMapping } from '../sync/pin-mapping';
import type { ExportQueue } from '../sync/queue';
import type { SnapshotStore } from '../sync/snapshots';
import type { SyncStore } from '../sync/store';
import { evaluateRule, meetsTrigger } from '../sync/triggers';

const EVENT_WORDS: Record<Trigger, string> = {
  added_to_sequence: 'were added to an outreach sequence',
  replied: 'replied',
  interested: 'replied and were marked interested',
};
const day = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

export interface AutomationDeps {
  queue: ExportQueue;
  store: SyncStore;
  observations: ObservationStore;
  snapshots: SnapshotStore;
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

  /** The digest of what was taken from these rows of a job (lib/model/row-digest.ts): a page sends only news. */
  seenRows(jobId: string, candidateIds: readonly string[]): Promise<number[]> {
    return this.deps.observations.seenDigest(jobId, candidateIds);
  }

  /** Which of these rows of a job the extension has taken, as candidate id → `signatureHash` (row-digest.ts). */
  takenRows(jobId: string, candidateIds: readonly string[]): Promise<Record<string, number>> {
    return this.deps.observations.takenRows(jobId, candidateIds);
  }

  /**
   * Records what a Pin page (or Pin's JSON) showed and queues the exports that enabled rules ask for. Returns how many,
   * and how many fired for someone whose details could not be read (they fire again when next seen).
   */
  async observe(
    observations: StatusObservation[],
    profiles: PinCandidate[] = [],
  ): Promise<{ queued: number; missingProfiles: number }> {
    const now = this.now();
    await this.deps.snapshots.put(profiles, now);
    const { fires, seen, connected } = await this.lock(async () => {
      const [rules, connection] = await Promise.all([rulesItem.getValue(), this.deps.connection()]);
      // Only what says something new since it was last handled (unchanged rows cost nothing).
      const merged = await this.deps.observations.merge(observations, now);
      const usable = connection && !connection.needsReconnect ? connection.connectedAt : null;
      const out: { state: ObservationState; rule: Rule; eventAt: number }[] = [];
      for (const state of merged.states) {
        const rule = rules[state.jobId];
        const evaluation = evaluateRule(rule, state, usable);
        if (evaluation.fire && rule) out.push({ state, rule, eventAt: evaluation.eventAt });
      }
      return { fires: out, seen: merged.seen, connected: usable !== null };
    });
    let queued = 0;
    let missingProfiles = 0;
    for (const fire of fires) {
      if (await this.alreadyHandled(fire.state.candidateId, fire.rule.greenhouseJobId)) continue;
      const candidate = await this.profile(fire.state.candidateId, profiles);
      if (!candidate) {
        // Not remembered as handled: the next report of this row fires it again. Nothing is lost.
        missingProfiles += 1;
        delete seen.get(fire.state.jobId)?.[fire.state.candidateId];
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
    // While Greenhouse is not connected (or needs reconnecting) nothing is remembered: once it is, what Pin shows is
    // evaluated again.
    if (connected) await this.deps.observations.commit(seen);
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
      (await this.deps.snapshots.get(candidateId))
    );
  }

  /** Why an enabled rule did not sync this candidate (an event before the rule or the connection), or null. */
  async reasonNotSynced(pinJobId: string, candidateId: string): Promise<string | null> {
    const [state, rules, connection] = await Promise.all([
      this.deps.observations.get(pinJobId, candidateId),
      rulesItem.getValue(),
      this.deps.connection(),
    ]);
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
      this.deps.observations.ofJob(pinJobId),
      rulesItem.getValue(),
      this.deps.connection(),
      this.deps.store.openItems(),
    ]);
    const rule = rules[pinJobId];
    if (!rule?.enabled) return [];
    const out: ObservationState[] = [];
    for (const state of states) {
      if (!meetsTrigger(state.status, rule.trigger)) continue;
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
