import type { HarvestApi } from '../greenhouse/api';
import { type GreenhouseError, isGreenhouseError } from '../greenhouse/errors';
import type { Connection, Settings } from '../model/connection';
import {
  EXPORT_ITEM_VERSION,
  type ExportItem,
  type ExportReason,
  type ItemError,
} from '../model/export-item';
import type { PinCandidate } from '../model/pin';
import type { SyncRecord } from '../model/sync-record';
import { createLock } from '../storage/lock';
import { StorageWriteError } from '../storage/write-failure';
import { type EngineDeps, runExport } from './engine';
import type { SyncStore } from './store';

export interface ExportRequest {
  candidate: PinCandidate;
  pinJobId: string;
  pinJobTitle: string;
  profileUrl: string;
  greenhouseJobId: number | null;
  greenhouseJobName: string | null;
  reason: ExportReason;
}

export interface RunContext {
  api: HarvestApi;
  connection: Connection;
  settings: Settings;
  educationOptions?: EngineDeps['educationOptions'];
  /** Who a candidate already is in Greenhouse (presence index and live lookups); absent: live email lookups. */
  presence?: {
    /** `live`: an automated export asks Greenhouse now rather than reuse the last minute's lookups (SPEC §6.2). */
    match: (
      candidate: PinCandidate,
      options: { live: boolean },
    ) => ReturnType<NonNullable<EngineDeps['findMatches']>>;
    created: (candidate: PinCandidate) => void;
  };
}

export interface QueueDeps {
  store: SyncStore;
  now: () => number;
  /** Waits; defaults to a timer (unit tests pass their own). */
  sleep?: EngineDeps['sleep'];
  random?: () => number;
  /** What a run needs, or null while Greenhouse is not connected or needs reconnecting (the queue waits). */
  prepare: () => Promise<RunContext | null>;
  resume: EngineDeps['resume'];
  preparedResume?: EngineDeps['preparedResume'];
  phonePlans?: EngineDeps['phonePlans'];
  /** Asks for a drain at `at` (epoch ms): an alarm in the worker, survives restarts. */
  wakeAt: (at: number) => void;
  /** Greenhouse stopped accepting the credential: pause everything until the admin reconnects. */
  onCredentialRejected: (message: string) => Promise<void>;
  /** `settled` is true when an item reached a state a recruiter waits for (synced, failed, needs review). */
  onChanged?: (candidateIds: string[], settled: boolean) => void;
  /** Called once before a drain runs these due items (the presence index refreshes before a bulk batch). */
  beforeBatch?: (due: ExportItem[]) => Promise<void>;
  concurrency?: number;
  /** Why exports are paused (a storage write failed), or null: while paused no export starts (SPEC §9). */
  paused?: () => string | null;
}

const MAX_ATTEMPTS = 10;
/** How long a click's new item waits for its export's first journal write to carry it (see `enqueue`). */
const FIRST_WRITE_HOLD_MS = 50;

/** Retry delay: exponential from 2 s, capped at 5 min, with ±20 % jitter; a rate limit's Retry-After wins. */
export function retryDelayMs(attempts: number, error: GreenhouseError, random: () => number): number {
  if (error.kind === 'rate_limited' && error.retryAfterMs) return error.retryAfterMs;
  const base = Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 300_000);
  return Math.round(base * (0.8 + random() * 0.4));
}

function toItemError(error: unknown): ItemError {
  if (isGreenhouseError(error)) {
    return {
      code: error.kind,
      message: error.message,
      retryable: error.retryable,
      ...(error.scope ? { scope: error.scope } : {}),
    };
  }
  return {
    code: 'internal',
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
  };
}

/** The durable export queue: dedupes requests, runs items (several candidates at once), retries, never loses one. */
export class ExportQueue {
  private draining: Promise<void> | null = null;
  private readonly enqueueLock = createLock();
  private drainAgain = false;
  private readonly random: () => number;

  constructor(private readonly deps: QueueDeps) {
    this.random = deps.random ?? Math.random;
  }

  /**
   * Queues an export unless the same candidate is already queued for the same Greenhouse job or synced there. It is
   * in line (a drain runs it) when this settles, and in storage once `written` settles: a caller that starts a
   * drain first lets the export's first request go out without waiting for two storage writes.
   */
  enqueue(
    request: ExportRequest,
    options: { runsNow?: boolean } = {},
  ): Promise<{ item: ExportItem; duplicate: boolean; written: Promise<void> }> {
    // Check-then-add must be atomic: two tabs, a trigger and a click can ask at the same moment.
    return this.enqueueLock(() => this.enqueueNow(request, options.runsNow === true));
  }

  private async enqueueNow(
    request: ExportRequest,
    runsNow: boolean,
  ): Promise<{ item: ExportItem; duplicate: boolean; written: Promise<void> }> {
    const { store, now } = this.deps;
    const onJob = (i: ExportItem) => i.greenhouseJobId === request.greenhouseJobId;
    const record = await store.record(request.candidate.id);
    const alreadyApplied = record?.applications.some((a) => a.greenhouseJobId === request.greenhouseJobId);
    // Open items are in memory; the log of finished ones is read only when the record already has this job.
    const same =
      (await store.openItemsOf(request.candidate.id)).find(onJob) ??
      (alreadyApplied
        ? (await store.itemsOf(request.candidate.id)).find((i) => onJob(i) && i.state === 'done')
        : undefined);
    if (same) return { item: same, duplicate: true, written: Promise.resolve() };
    const at = now();
    const item: ExportItem = {
      v: EXPORT_ITEM_VERSION,
      id: crypto.randomUUID(),
      pinCandidateId: request.candidate.id,
      pinJobId: request.pinJobId,
      pinJobTitle: request.pinJobTitle,
      profileUrl: request.profileUrl,
      candidate: request.candidate,
      greenhouseJobId: request.greenhouseJobId,
      greenhouseJobName: request.greenhouseJobName,
      reason: request.reason,
      state: 'queued',
      steps: {},
      choice: null,
      review: null,
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      warnings: [],
      createdAt: at,
      updatedAt: at,
      finishedAt: null,
    };
    // An item the caller drains at once is written with its first journal entry: one IndexedDB commit, not two,
    // before the first request (the add's own write goes out alone if that entry is slow to come).
    const { written } = await store.add(item, runsNow ? { holdMs: FIRST_WRITE_HOLD_MS } : {});
    // Progress, coalesced: the caller has the item already, and a click's first request goes out right after this write.
    written.then(() => this.changed([item.pinCandidateId], false)).catch(() => {});
    return { item, duplicate: false, written };
  }

  /** Puts a failed (or waiting) item back in line now; its journal keeps what already succeeded. */
  async retry(id: string): Promise<ExportItem | null> {
    const item = await this.deps.store.item(id);
    if (!item || item.state === 'done' || item.state === 'running') return item;
    item.state = item.state === 'needs_review' && item.choice === null ? 'needs_review' : 'queued';
    item.nextAttemptAt = this.deps.now();
    item.attempts = 0;
    // The recruiter read why it stopped (a write whose answer was lost and cannot be checked): send it again once.
    if (item.lastError?.code === 'uncertain') item.confirmResend = true;
    await this.save(item);
    return item;
  }

  async resolveReview(id: string, choice: number | 'new'): Promise<ExportItem | null> {
    const item = await this.deps.store.item(id);
    if (item?.state !== 'needs_review') return item;
    if (typeof choice === 'number' && !item.review?.some((m) => m.id === choice)) return null;
    item.choice = choice;
    item.state = 'queued';
    item.nextAttemptAt = this.deps.now();
    await this.save(item);
    return item;
  }

  /** A worker that died mid-run left items `running`: their journals say where to go on. */
  async recover(): Promise<void> {
    for (const item of await this.deps.store.openItems()) {
      if (item.state === 'running') {
        item.state = 'queued';
        item.nextAttemptAt = this.deps.now();
        await this.save(item);
      }
    }
  }

  /** Runs every due item; calls made while draining make it go round once more. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          await this.drainOnce();
        } while (this.drainAgain);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async drainOnce(): Promise<void> {
    // No export starts without its journal: while storage refuses writes, nothing runs (the pause is lifted, and the
    // queue drained, once a write goes through again).
    if (this.deps.paused?.()) return;
    const concurrency = this.deps.concurrency ?? 4;
    const running = new Map<string, Promise<void>>();
    if (this.deps.beforeBatch) {
      const now = this.deps.now();
      const due = (await this.deps.store.openItems()).filter(
        (i) => i.state === 'queued' && i.nextAttemptAt !== null && i.nextAttemptAt <= now,
      );
      if (due.length) await this.deps.beforeBatch(due).catch(() => {});
    }
    for (;;) {
      const items = await this.deps.store.openItems();
      const busy = new Set(items.filter((i) => i.state === 'running').map((i) => i.pinCandidateId));
      for (const id of running.keys()) busy.add(id);
      const now = this.deps.now();
      const due = items
        // A queued item without a next attempt is paused (waiting for a reconnect).
        .filter(
          (i) =>
            i.state === 'queued' &&
            i.nextAttemptAt !== null &&
            i.nextAttemptAt <= now &&
            !busy.has(i.pinCandidateId),
        )
        .sort((a, b) => a.createdAt - b.createdAt);
      const next = due.find(
        (i, index) => due.findIndex((j) => j.pinCandidateId === i.pinCandidateId) === index,
      );
      if (next && running.size < concurrency && !this.deps.paused?.()) {
        // A long batch outlives one index update's window: the presence service renews it (one update a minute),
        // without holding up the batch (exports started meanwhile look emails up live).
        if (this.deps.beforeBatch && due.length >= 2) void this.deps.beforeBatch(due).catch(() => {});
        const context = await this.deps.prepare();
        if (!context) break;
        const run = this.runOne(next, context).finally(() => running.delete(next.pinCandidateId));
        running.set(next.pinCandidateId, run);
        continue;
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    await Promise.all(running.values());
    const waiting = (await this.deps.store.openItems()).filter(
      (i) => i.state === 'queued' && i.nextAttemptAt !== null,
    );
    if (waiting.length) this.deps.wakeAt(Math.min(...waiting.map((i) => i.nextAttemptAt!)));
  }

  private async runOne(item: ExportItem, context: RunContext): Promise<void> {
    const { store, now } = this.deps;
    item.state = 'running';
    item.attempts += 1;
    // Not written on its own: a worker that stops now leaves it queued, which is what recovery makes of "running".
    item.updatedAt = now();
    await store.touch(item);
    this.changed([item.pinCandidateId], false);
    const record = await store.record(item.pinCandidateId);
    try {
      const { presence, ...engineContext } = context;
      const result = await runExport(item, {
        ...engineContext,
        ...(presence
          ? {
              findMatches: () => presence.match(item.candidate, { live: item.reason.kind !== 'manual' }),
              created: () => presence.created(item.candidate),
            }
          : {}),
        record,
        journal: (updated) => this.save(updated),
        resume: this.deps.resume,
        ...(this.deps.preparedResume ? { preparedResume: this.deps.preparedResume } : {}),
        ...(this.deps.phonePlans ? { phonePlans: this.deps.phonePlans } : {}),
        ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}),
        now,
      });
      result.confirmResend = false;
      if (result.state === 'done') {
        const personId = result.steps.person?.status === 'done' ? result.steps.person.id : null;
        const applicationId =
          result.steps.application?.status === 'done' ? result.steps.application.id : null;
        const created = result.steps.person?.status === 'done' && result.steps.person.created;
        const record =
          personId === null
            ? null
            : (current: SyncRecord | null): SyncRecord => ({
                pinCandidateId: item.pinCandidateId,
                greenhouseCandidateId: current?.greenhouseCandidateId ?? personId,
                linkedToExisting: current ? current.linkedToExisting : !created,
                applications: [
                  ...(current?.applications ?? []).filter(
                    (a) => applicationId === null || a.applicationId !== applicationId,
                  ),
                  { pinJobId: item.pinJobId, greenhouseJobId: item.greenhouseJobId, applicationId },
                ],
                syncedAt: current?.syncedAt ?? now(),
              });
        result.finishedAt = now();
        result.lastError = null;
        result.nextAttemptAt = null;
        result.updatedAt = now();
        await store.finish(result, record);
        this.changed([item.pinCandidateId], true);
        return;
      }
      await this.save(result);
    } catch (error) {
      await this.handleFailure(item, error);
    }
  }

  private async handleFailure(item: ExportItem, error: unknown): Promise<void> {
    if (error instanceof StorageWriteError) {
      // The journal could not be written, so nothing was sent (every write waits for its journal). An item whose very
      // first write failed was never queued (its caller was told); any other stays as it was last written (a pending
      // write is read back before it is sent again) and runs again once storage takes writes. The pause says why.
      if (!this.deps.store.isWritten(item.id)) return;
      item.state = 'queued';
      item.attempts = Math.max(0, item.attempts - 1);
      item.nextAttemptAt = this.deps.now() + 5_000;
      await this.deps.store.touch(item);
      this.changed([item.pinCandidateId], true);
      return;
    }
    const failure = toItemError(error);
    item.confirmResend = false;
    item.lastError = failure;
    if (
      isGreenhouseError(error) &&
      (error.kind === 'unauthorized' ||
        error.kind === 'invalid_credentials' ||
        error.kind === 'not_connected')
    ) {
      // Not the item's fault: it waits, unchanged, for the admin to reconnect.
      item.state = 'queued';
      item.attempts = Math.max(0, item.attempts - 1);
      item.nextAttemptAt = null;
      item.lastError = {
        ...failure,
        code: 'reconnect',
        message: `Waiting for Greenhouse to be reconnected: ${error.message}`,
      };
      await this.save(item);
      await this.deps.onCredentialRejected(error.message);
      return;
    }
    if (isGreenhouseError(error) && error.retryable && item.attempts < MAX_ATTEMPTS) {
      item.state = 'queued';
      item.nextAttemptAt = this.deps.now() + retryDelayMs(item.attempts, error, this.random);
    } else {
      item.state = 'failed';
      item.nextAttemptAt = null;
      if (failure.retryable)
        item.lastError = { ...failure, message: `Gave up after ${item.attempts} tries: ${failure.message}` };
    }
    await this.save(item);
  }

  /** Items that were paused for a reconnect go back in line. */
  async resumeAfterReconnect(): Promise<void> {
    for (const item of await this.deps.store.openItems()) {
      if (item.state === 'queued' && item.nextAttemptAt === null) {
        item.nextAttemptAt = this.deps.now();
        await this.save(item);
      }
    }
  }

  private async save(item: ExportItem): Promise<void> {
    item.updatedAt = this.deps.now();
    await this.deps.store.save(item);
    this.changed([item.pinCandidateId], item.state !== 'queued' && item.state !== 'running');
  }

  private changed(ids: string[], settled = true): void {
    this.deps.onChanged?.(ids, settled);
  }
}
