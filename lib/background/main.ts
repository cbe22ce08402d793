import { browser } from 'wxt/browser';
import type { HarvestApi } from '../greenhouse/api';
import { isGreenhouseError } from '../greenhouse/errors';
import type { Job } from '../greenhouse/schemas';
import { RATE_WINDOW_SECONDS } from '../greenhouse/unconfirmed';
import { AppFailure } from '../messaging/envelope';
import { createRouter, type Handlers } from '../messaging/router';
import type { GreenhouseJobView } from '../messaging/views';
import { mappingErrors, pinMappingSchema } from '../pin/mapping/schema';
import { currentMapping, resolveMapping } from '../pin/mapping/store';
import { profileUrl } from '../pin/routes';
import { DEFAULT_SETTINGS, type Settings } from '../storage/connection';
import { changeSignalItem, pinJobsItem, pinMappingItem, settingsItem } from '../storage/items';
import { sessionLookupStore } from '../storage/lookup-store';
import { secretStore } from '../storage/secret-store';
import { greenhouseJobsItem } from '../storage/session-items';
import { sessionTokenCache } from '../storage/token-cache';
import type { EducationOptions } from '../sync/mapping/education';
import { greenhouseProfileUrl } from '../sync/model';
import { ExportQueue } from '../sync/queue';
import { SyncStore } from '../sync/store';
import { AutomationService } from './automation';
import { updateToolbarBadge } from './badge';
import { ConnectionService } from './connection';
import { itemView } from './item-view';
import { PresenceService } from './presence';
import { presenceHandlers } from './presence-handlers';
import { primeResumeBuilder } from './resume-loader';
import { preparedResumeFor, prepareResume, resumeFor } from './resume-source';
import { StageService } from './stages';

const DRAIN_ALARM = 'pgs-drain';
const SAFETY_ALARM = 'pgs-drain-safety';
/** Keeps the presence index fresh while connected (SPEC §11: every 10 minutes). */
const INDEX_ALARM = 'pgs-presence-index';
const INDEX_REFRESH_MS = 10 * 60_000;
const JOBS_TTL_MS = 5 * 60_000;

/** The background's composition root: builds every service once and wires the router, alarms and queue. */
export function startBackground(): void {
  performance.mark('pgs:main');
  primeResumeBuilder();
  const store = new SyncStore();
  const connection = new ConnectionService({ secrets: secretStore, tokenCache: sessionTokenCache });
  let jobsCache: { at: number; jobs: GreenhouseJobView[] } | null = null;
  const connectedApi = async () => {
    const current = await connection.current();
    return current && !current.needsReconnect ? connection.client.api(current.actAsUserId) : null;
  };
  // The note's settings, read once per worker life; the options page changes them through this worker.
  let settings: Promise<Settings> | null = null;
  const currentSettings = () => {
    settings ??= settingsItem.getValue();
    return settings;
  };
  const presence = new PresenceService({ api: connectedApi, changed: () => {}, lookups: sessionLookupStore });
  const stages = new StageService({ changed: (ids) => signalChange(ids, true) });

  const queue = new ExportQueue({
    store,
    now: Date.now,
    prepare: async () => {
      const current = await connection.current();
      if (!current || current.needsReconnect) return null;
      const api = connection.client.api(current.actAsUserId);
      return {
        api,
        connection: current,
        settings: await currentSettings(),
        educationOptions: () => educationOptions(api),
        presence: presence.runContext(api),
      };
    },
    resume: resumeFor,
    preparedResume: preparedResumeFor,
    wakeAt: (at) => {
      const delay = at - Date.now();
      // Short waits stay in the worker; the alarm (30 s granularity) covers a worker that was shut down.
      if (delay < 30_000) setTimeout(() => void queue.drain(), Math.max(0, delay));
      void browser.alarms.create(DRAIN_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
    onCredentialRejected: (message) => connection.markNeedsReconnect(message),
    onChanged: (candidateIds, settled) => signalChange(candidateIds, settled),
    beforeBatch: (due) => presence.beforeBatch(due),
  });
  const automation = new AutomationService({ queue, store, connection: () => connection.current() });

  // Overlays refresh on this signal. Journal writes come in bursts, so progress is coalesced into one signal per
  // 150 ms; an item that settles (synced, failed, needs review) is signalled at once.
  let changed = new Set<string>();
  let signalTimer: ReturnType<typeof setTimeout> | undefined;
  const flushSignal = () => {
    clearTimeout(signalTimer);
    signalTimer = undefined;
    const ids = [...changed];
    changed = new Set();
    void changeSignalItem.setValue({ at: Date.now(), candidateIds: ids });
    scheduleBadge();
  };
  function signalChange(candidateIds: string[], settled: boolean) {
    for (const id of candidateIds) changed.add(id);
    if (settled) flushSignal();
    else if (signalTimer === undefined) signalTimer = setTimeout(flushSignal, 150);
  }

  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleBadge = () => {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(async () => updateToolbarBadge(await store.items()), 250);
  };

  /** Requests an export takes on average: lookup, create, resume, note and the employments. */
  const etaSeconds = (remaining: { candidate: { experience: unknown[] } }[]): number | null => {
    const limit = connection.client.http.governor.snapshot().limit;
    if (!limit || remaining.length === 0) return remaining.length === 0 ? 0 : null;
    const requests = remaining.reduce((sum, item) => sum + 4 + item.candidate.experience.length, 0);
    return Math.ceil((requests / limit) * RATE_WINDOW_SECONDS);
  };

  // Greenhouse's school/degree/discipline options change rarely: one read per 10 minutes per worker.
  let educationCache: { at: number; options: Promise<EducationOptions> } | null = null;
  const educationOptions = (api: HarvestApi): Promise<EducationOptions> => {
    if (!educationCache || Date.now() - educationCache.at > 10 * 60_000) {
      const options = Promise.all([
        api.listCustomFieldOptions('school_name'),
        api.listCustomFieldOptions('degree'),
        api.listCustomFieldOptions('discipline'),
      ]).then(([school_name, degree, discipline]) => ({ school_name, degree, discipline }));
      options.catch(() => {
        educationCache = null;
      });
      educationCache = { at: Date.now(), options };
    }
    return educationCache.options;
  };

  const requireConnection = async () => {
    const current = await connection.current();
    if (!current)
      throw new AppFailure(
        'not_connected',
        'Greenhouse is not connected. Connect it on the extension options page.',
      );
    return current;
  };

  const greenhouseJobs = async (): Promise<GreenhouseJobView[]> => {
    const current = await requireConnection();
    // A worker woken by Export takes the list the dialog just showed (session storage) instead of asking again.
    jobsCache ??= await greenhouseJobsItem.getValue().catch(() => null);
    if (jobsCache && Date.now() - jobsCache.at < JOBS_TTL_MS) return jobsCache.jobs;
    let jobs: Job[];
    try {
      jobs = await connection.client.api(current.actAsUserId).listJobs();
    } catch (error) {
      throw new AppFailure(
        isGreenhouseError(error) ? error.kind : 'internal',
        error instanceof Error ? error.message : String(error),
      );
    }
    const order = { open: 0, draft: 1, closed: 2 } as const;
    const views = jobs
      .flatMap((j) =>
        typeof j.id === 'number'
          ? [
              {
                id: j.id,
                name: j.name ?? `Job ${j.id}`,
                requisitionId: j.requisition_id ?? null,
                status: j.status ?? 'open',
              },
            ]
          : [],
      )
      .sort(
        (a, b) =>
          (order[a.status as keyof typeof order] ?? 3) - (order[b.status as keyof typeof order] ?? 3) ||
          a.name.localeCompare(b.name),
      );
    jobsCache = { at: Date.now(), jobs: views };
    void greenhouseJobsItem.setValue(jobsCache);
    return views;
  };

  const presenceCommands = presenceHandlers({
    connection,
    store,
    presence,
    stages,
    prepareResume: async (candidate, pinJobId) =>
      prepareResume(candidate, profileUrl(pinJobId, candidate.id, await currentMapping())),
  });

  const handlers: Handlers = {
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),

    'connection.status': () => connection.view(),
    'connection.connect': async (input) => {
      const previous = (await connection.savedConnection())?.clientId;
      const view = await connection.connect(input);
      jobsCache = null;
      void greenhouseJobsItem.setValue(null);
      // Another Greenhouse account: what the index and stages knew belongs to the old one.
      if (previous && previous !== input.clientId.trim()) {
        await presence.clear();
        await stages.clear();
      }
      presence.refreshIfStale();
      await queue.resumeAfterReconnect();
      void queue.drain();
      return view;
    },
    'connection.disconnect': async () => {
      jobsCache = null;
      void greenhouseJobsItem.setValue(null);
      // No names or contact details are kept at rest, and none of Greenhouse's people once disconnected.
      await presence.clear();
      await stages.clear();
      return connection.disconnect();
    },
    'settings.get': () => currentSettings(),
    'settings.set': async (input) => {
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...input });
      settings = null;
      return currentSettings();
    },
    'activity.list': async () =>
      (await store.items()).sort((a, b) => b.createdAt - a.createdAt).map(itemView),
    'activity.summary': async () => {
      const items = await store.items();
      const count = (state: string) => items.filter((i) => i.state === state).length;
      return {
        queued: count('queued'),
        running: count('running'),
        needsReview: count('needs_review'),
        failed: count('failed'),
        done: count('done'),
        etaSeconds: etaSeconds(items.filter((i) => i.state === 'queued' || i.state === 'running')),
      };
    },
    'rules.list': async () => {
      const [jobs, rules] = await Promise.all([pinJobsItem.getValue(), automation.rules()]);
      const pinJobs = Object.values(jobs)
        .map(({ id, title }) => ({ id, title }))
        .sort((a, b) => a.title.localeCompare(b.title));
      const backfill: Record<string, number> = {};
      for (const rule of rules)
        if (rule.enabled)
          backfill[rule.pinJobId] = (await automation.backfillCandidates(rule.pinJobId)).length;
      return { pinJobs, rules, backfill };
    },
    'rules.save': async ({ pinJobId, greenhouseJobId, trigger, enabled }) => {
      const pinJob = (await pinJobsItem.getValue())[pinJobId];
      if (!pinJob)
        throw new AppFailure('unknown_pin_job', 'Open this job in Pin first, so the extension knows it.');
      let greenhouseJobName: string | null = null;
      if (greenhouseJobId !== null) {
        const ghJob = (await greenhouseJobs()).find((j) => j.id === greenhouseJobId);
        if (!ghJob) throw new AppFailure('unknown_job', `Greenhouse job ${greenhouseJobId} was not found`);
        greenhouseJobName = ghJob.name;
      }
      if (enabled) await requireConnection();
      return automation.saveRule({
        pinJobId,
        pinJobTitle: pinJob.title,
        greenhouseJobId,
        greenhouseJobName,
        trigger,
        enabled,
      });
    },
    'pinMapping.get': async () => resolveMapping(await pinMappingItem.getValue()),
    'pinMapping.set': async ({ mapping }) => {
      const parsed = pinMappingSchema.safeParse(mapping);
      if (!parsed.success) {
        const errors = mappingErrors(mapping);
        throw new AppFailure(
          'invalid_mapping',
          `The mapping was refused and the current one kept: ${errors.join('; ')}`,
          { errors },
        );
      }
      await pinMappingItem.setValue(parsed.data);
      return { mapping: parsed.data, builtIn: false };
    },
    'pinMapping.reset': async () => {
      await pinMappingItem.setValue(null);
      return resolveMapping(null);
    },
    'rules.backfill': async ({ pinJobId, expected }) => {
      await requireConnection();
      try {
        return await automation.backfill(pinJobId, expected);
      } catch (error) {
        throw new AppFailure('backfill_changed', error instanceof Error ? error.message : String(error));
      }
    },

    'greenhouse.jobs': () => greenhouseJobs(),
    'export.retry': async ({ itemId }) => {
      const item = await queue.retry(itemId);
      void queue.drain();
      return item ? itemView(item) : null;
    },

    'pin.observe': async ({ jobs, observations, profiles }) => {
      if (jobs.length) {
        const seen = await pinJobsItem.getValue();
        const now = Date.now();
        const changed = jobs.filter((j) => seen[j.id]?.title !== j.title);
        if (changed.length) {
          await pinJobsItem.setValue({
            ...seen,
            ...Object.fromEntries(changed.map((j) => [j.id, { ...j, lastSeenAt: now }])),
          });
        }
      }
      return { queued: await automation.observe(observations, profiles ?? []) };
    },
    'pin.candidateState': async ({ pinCandidateId, pinJobId }) => {
      const [current, raw, record, items] = await Promise.all([
        connection.current(),
        connection.savedConnection(),
        store.record(pinCandidateId),
        store.items(),
      ]);
      const mine = items
        .filter((i) => i.pinCandidateId === pinCandidateId)
        .sort((a, b) => b.createdAt - a.createdAt);
      const active = mine.find((i) => i.state !== 'done') ?? mine[0] ?? null;
      const view = connection.view();
      return {
        connection: !current ? 'not_connected' : raw?.needsReconnect ? 'needs_reconnect' : 'connected',
        missingPermissions: (await view).missingRequired,
        synced: record
          ? {
              greenhouseCandidateId: record.greenhouseCandidateId,
              url: greenhouseProfileUrl(
                record.greenhouseCandidateId,
                record.applications.at(-1)?.applicationId,
              ),
              linkedToExisting: record.linkedToExisting,
              stage: await presenceCommands.stageOf(record),
            }
          : null,
        item: active ? itemView(active) : null,
        notSyncedReason: record || active ? null : await automation.reasonNotSynced(pinJobId, pinCandidateId),
      };
    },
    'pin.rowBadges': presenceCommands['pin.rowBadges'],
    'pin.presence': presenceCommands['pin.presence'],
    'pin.preview': presenceCommands['pin.preview'],
    'index.status': presenceCommands['index.status'],
    'index.refresh': presenceCommands['index.refresh'],
    'pin.export': async ({ candidate, job, greenhouseJobId }) => {
      await requireConnection();
      let greenhouseJobName: string | null = null;
      if (greenhouseJobId !== null) {
        const ghJob = (await greenhouseJobs()).find((j) => j.id === greenhouseJobId);
        if (!ghJob) throw new AppFailure('unknown_job', `Greenhouse job ${greenhouseJobId} was not found`);
        greenhouseJobName = ghJob.name;
      }
      const { item, written } = await queue.enqueue({
        candidate,
        pinJobId: job.id,
        pinJobTitle: job.title,
        profileUrl: profileUrl(job.id, candidate.id, await currentMapping()),
        greenhouseJobId,
        greenhouseJobName,
        reason: { kind: 'manual', at: new Date().toISOString() },
      });
      void queue.drain();
      await written;
      return itemView(item);
    },
    'ui.openOptions': async () => {
      await browser.runtime.openOptionsPage();
      return { opened: true };
    },
    'pin.resolveReview': async ({ itemId, choice }) => {
      const item = await queue.resolveReview(itemId, choice);
      void queue.drain();
      return item ? itemView(item) : null;
    },
  };

  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAIN_ALARM || alarm.name === SAFETY_ALARM) void queue.drain();
    // The first build resumes from its checkpoint; a built index gets an incremental update.
    if (alarm.name === INDEX_ALARM) presence.refreshIfStale(INDEX_REFRESH_MS - 30_000);
  });
  void browser.alarms.create(INDEX_ALARM, { periodInMinutes: INDEX_REFRESH_MS / 60_000 });
  // A build stopped with the worker (or the browser) goes on from its checkpoint.
  void presence.indexer.state().then((state) => {
    if (state.phase === 'building') presence.refreshIfStale();
  });
  // Start the reads a first export needs while its message is on the way: a woken worker then does not queue them
  // behind each other (IndexedDB opens and storage reads each cost several ms on a cold start).
  void Promise.allSettled([
    connection.current(),
    store.items(),
    store.records(),
    currentSettings(),
    presence.indexer.state(),
    sessionTokenCache.get(''),
  ]);
  performance.mark('pgs:main-done');
  // A browser start wakes the worker, so a queue left from the last session resumes without waiting for Pin.
  browser.runtime.onStartup.addListener(() => void queue.drain());
  void browser.alarms.create(SAFETY_ALARM, { periodInMinutes: 1 });
  void queue.recover().then(() => {
    scheduleBadge();
    return queue.drain();
  });
}
