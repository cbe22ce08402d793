import plans from 'libphonenumber-js/metadata.min.json';
import { PresenceService } from '../../lib/background/presence';
import type { Connection } from '../../lib/model/connection';
import type { ExportItem } from '../../lib/model/export-item';
import { profileUrl } from '../../lib/pin/routes';
import { PresenceDatabase } from '../../lib/storage/presence-db';
import type { EducationOptions } from '../../lib/sync/mapping/education';
import { ExportQueue, type ExportRequest, type QueueDeps } from '../../lib/sync/queue';
import { SnapshotStore } from '../../lib/sync/snapshots';
import { SyncStore } from '../../lib/sync/store';
import { ADMIN_USER_ID, ALL_SCOPES } from '../harvest-sandbox/fixtures';
import type { HarvestSandbox } from '../harvest-sandbox/sandbox';
import type { SandboxConfig } from '../harvest-sandbox/types';
import { loadDataset, SAMPLE_DATASET_PATH } from '../pin-app/server';
import { setup } from './greenhouse-helpers';

/** The export queue and engine wired to an in-memory Harvest sandbox, as the background wires them. */
export const dataset = loadDataset(SAMPLE_DATASET_PATH);
export const pin = (id: string) => dataset.candidates.find((c) => c.id === id)!;

export function connection(scopes = ALL_SCOPES): Connection {
  return {
    clientId: 'demo-client-id',
    actAsUserId: ADMIN_USER_ID,
    actingUserName: 'Avery Admin',
    scopes: Object.fromEntries(ALL_SCOPES.map((s) => [s, scopes.includes(s) ? 'granted' : 'missing'])),
    openJobs: 3,
    connectedAt: 0,
    needsReconnect: null,
  };
}

/** As `request`, but fired by a rule (automated exports converge with teammates' browsers: SPEC §6.2). */
export function triggered(candidateId: string, greenhouseJobId: number | null): ExportRequest {
  return {
    ...request(candidateId, greenhouseJobId),
    reason: { kind: 'trigger', trigger: 'replied', eventAt: new Date().toISOString() },
  };
}

export function request(
  candidateId: string,
  greenhouseJobId: number | null,
  pinJobId = 'j-backend',
): ExportRequest {
  return {
    candidate: pin(candidateId),
    pinJobId,
    pinJobTitle: 'Senior Backend Engineer',
    profileUrl: profileUrl(pinJobId, candidateId),
    greenhouseJobId,
    greenhouseJobName: greenhouseJobId ? `Job ${greenhouseJobId}` : null,
    reason: { kind: 'manual', at: new Date().toISOString() },
  };
}

let databases = 0;
/** A fresh IndexedDB name: each harness is a browser profile of its own (fake-indexeddb lives for the whole file). */
export const freshDbName = () => `harness-data-${++databases}`;

/**
 * A store that "dies" like a stopped worker: from the first matching save on, no write lands and none returns. A new
 * worker on the same storage is `new SyncStore(dying.dbName)`.
 */
export class DyingStore extends SyncStore {
  dead = false;
  /** `afterWrite`: the matching save still lands (the worker stops just after it, its request already sent). */
  constructor(
    private readonly dieAt: (item: ExportItem) => boolean,
    private readonly afterWrite = false,
  ) {
    super(freshDbName());
  }
  override save(item: ExportItem): Promise<void> {
    if (this.dead) return new Promise(() => {});
    if (this.dieAt(item)) {
      this.dead = true;
      return this.afterWrite ? super.save(item) : new Promise(() => {});
    }
    return super.save(item);
  }
}

let presenceDbs = 0;

export function harness(
  options: {
    scopes?: string[];
    store?: SyncStore;
    /** The sandbox's settings, or a sandbox another harness uses (a teammate's browser on the same Greenhouse). */
    sandbox?: SandboxConfig | HarvestSandbox;
    /** Match with the presence index and live lookups, as the background does (else live email lookups only). */
    presence?: boolean;
  } = {},
) {
  const { sandbox, client } = setup(options.sandbox);
  const store = options.store ?? new SyncStore(freshDbName());
  const presence = options.presence
    ? new PresenceService({
        api: async () => client.api(ADMIN_USER_ID),
        changed: () => {},
        db: new PresenceDatabase(`harness-presence-${++presenceDbs}`),
        snapshots: new SnapshotStore(store.dbName),
      })
    : null;
  const events = { wakes: [] as number[], rejected: [] as string[], sleeps: [] as number[] };
  let optionsCache: Promise<EducationOptions> | null = null;
  const deps: QueueDeps = {
    store,
    ...(presence ? { beforeBatch: (due: ExportItem[]) => presence.beforeBatch(due) } : {}),
    now: Date.now,
    // Waits end at once here; the time asked for is kept for tests.
    sleep: async (ms) => void events.sleeps.push(ms),
    random: () => 0.5,
    prepare: async () => {
      const api = client.api(ADMIN_USER_ID);
      // Read on first use and cached like the background does, so retries do not read the option lists again; a
      // failed read is forgotten (and read again), as in the background.
      const educationOptions = () => {
        optionsCache ??= (async () => ({
          school_name: await api.listCustomFieldOptions('school_name'),
          degree: await api.listCustomFieldOptions('degree'),
          discipline: await api.listCustomFieldOptions('discipline'),
        }))();
        optionsCache.catch(() => {
          optionsCache = null;
        });
        return optionsCache;
      };
      return {
        api,
        connection: connection(options.scopes),
        settings: { noteVisibility: 'private' },
        educationOptions,
        ...(presence ? { presence: presence.runContext(api) } : {}),
      };
    },
    // The background reads the extension's copy of these (lib/background/phone-plans.ts).
    phonePlans: async () => plans,
    resume: async (item) => ({
      filename: `${item.candidate.name} - Pin resume.pdf`,
      bytes: new TextEncoder().encode('%PDF-1.7 test'),
    }),
    wakeAt: (at) => events.wakes.push(at),
    onCredentialRejected: async (message) => void events.rejected.push(message),
    concurrency: 3,
  };
  const queue = new ExportQueue(deps);
  /** Makes every waiting item due now and drains, like the alarm firing later. */
  const drainAll = async () => {
    for (const item of await store.items()) {
      if (item.state === 'queued' && item.nextAttemptAt !== null)
        await store.save({ ...item, nextAttemptAt: 0 });
    }
    await queue.drain();
  };
  const tally = () => ({
    candidates: sandbox.candidates.length,
    applications: sandbox.applications.length,
    attachments: sandbox.attachments.length,
    notes: sandbox.notes.length,
    employments: sandbox.employments.length,
  });
  return { sandbox, client, store, queue, deps, events, drainAll, tally, presence };
}
