import { browser } from 'wxt/browser';
import { AppFailure } from '../messaging/envelope';
import { createRouter, type Handlers } from '../messaging/router';
import type { CandidateState } from '../messaging/views';
import { DEFAULT_SETTINGS } from '../model/connection';
import { greenhouseProfileUrl } from '../model/links';
import { mappingErrors, pinMappingSchema } from '../pin/mapping/schema';
import { profileUrl } from '../pin/routes';
import { pinJobsItem, pinMappingItem, settingsItem } from '../storage/items';
import { shownRowsItem } from '../storage/session-items';
import { currentMapping, resolveMapping } from '../sync/pin-mapping';
import { ensureAlarms } from './alarms';
import { itemView } from './item-view';
import { popupHandlers } from './popup-handlers';
import { presenceHandlers } from './presence-handlers';
import { prepareResume } from './resume-source';
import type { Services } from './services';
import { watchViews } from './watch-view';

/** A mark on the worker's timeline that keeps only its latest entry (read by `npm run bench`). */
const markOnce = (name: string) => {
  performance.clearMarks(name);
  performance.mark(name);
};

/** The commands the background answers (lib/messaging/protocol.ts), bound to the services. */
export function createHandlers(services: Services): Handlers {
  const { connection, store, presence, stages, queue, automation, greenhouseJobs } = services;
  const jobsApi = async () => {
    const current = await services.requireConnection();
    return connection.client.api(current.actAsUserId);
  };
  /** The chosen Greenhouse job's name, or null for a prospect; fails when Greenhouse has no such job. */
  const jobName = async (greenhouseJobId: number | null) =>
    greenhouseJobId === null ? null : (await greenhouseJobs.find(jobsApi(), greenhouseJobId)).name;
  const presenceCommands = presenceHandlers({
    connection,
    store,
    presence,
    stages,
    seenRows: (jobId, candidateIds) => automation.seenRows(jobId, candidateIds),
    takenRows: (jobId, candidateIds) => automation.takenRows(jobId, candidateIds),
    shownRowsStore: { load: () => shownRowsItem.getValue(), save: (rows) => shownRowsItem.setValue(rows) },
    prepareResume: async (candidate, pinJobId) =>
      prepareResume(candidate, profileUrl(pinJobId, candidate.id, await currentMapping())),
  });

  /** What the overlay shows for a candidate: synced (with the stage), the export under way, or why not synced. */
  const candidateState = async ({
    pinCandidateId,
    pinJobId,
  }: {
    pinCandidateId: string;
    pinJobId: string;
  }) => {
    const paused = services.storageHealth.paused();
    const [current, raw, record, active] = await Promise.all([
      connection.current(),
      connection.savedConnection(),
      store.record(pinCandidateId),
      store.latestOf(pinCandidateId),
    ]);
    const view = connection.view();
    return {
      connection: !current
        ? ('not_connected' as const)
        : raw?.needsReconnect
          ? ('needs_reconnect' as const)
          : ('connected' as const),
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
      notSyncedReason:
        record || active || paused ? null : await automation.reasonNotSynced(pinJobId, pinCandidateId),
      paused,
    };
  };

  return {
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),

    'connection.status': () => connection.view(),
    'connection.connect': async (input) => {
      const previous = (await connection.savedConnection())?.clientId;
      const view = await connection.connect(input);
      greenhouseJobs.forget();
      // Another Greenhouse account: what the index and stages knew belongs to the old one.
      if (previous && previous !== input.clientId.trim()) {
        await presence.clear();
        await stages.clear();
      }
      presence.refreshIfStale();
      await ensureAlarms(services);
      await queue.resumeAfterReconnect();
      void queue.drain();
      return view;
    },
    'connection.disconnect': async () => {
      greenhouseJobs.forget();
      // No names or contact details are kept at rest, and none of Greenhouse's people once disconnected.
      await presence.clear();
      await stages.clear();
      return connection.disconnect();
    },
    'settings.get': () => services.settings.current(),
    'settings.set': async (input) => {
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...input });
      services.settings.forget();
      return services.settings.current();
    },
    'activity.list': async () => (await store.items()).map(itemView),
    'activity.summary': async () => {
      // Served even while storage fails (its message is the point): the open items are in memory.
      const [items, done] = await Promise.all([
        store.openItems().catch(() => []),
        store.finishedCount().catch(() => 0),
      ]);
      const count = (state: string) => items.filter((i) => i.state === state).length;
      return {
        queued: count('queued'),
        running: count('running'),
        needsReview: count('needs_review'),
        failed: count('failed'),
        done,
        etaSeconds: services.etaSeconds(items.filter((i) => i.state === 'queued' || i.state === 'running')),
        paused: services.storageHealth.paused(),
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
      const watch = await services.watching.state();
      return { pinJobs, rules, backfill, watch: watchViews(rules, watch) };
    },
    'rules.save': async ({ pinJobId, greenhouseJobId, trigger, enabled }) => {
      const pinJob = (await pinJobsItem.getValue())[pinJobId];
      if (!pinJob)
        throw new AppFailure('unknown_pin_job', 'Open this job in Pin first, so the extension knows it.');
      const greenhouseJobName = await jobName(greenhouseJobId);
      if (enabled) await services.requireConnection();
      const rule = await automation.saveRule({
        pinJobId,
        pinJobTitle: pinJob.title,
        greenhouseJobId,
        greenhouseJobName,
        trigger,
        enabled,
      });
      void services.watching.ruleChanged();
      return rule;
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
      await services.requireConnection();
      try {
        return await automation.backfill(pinJobId, expected);
      } catch (error) {
        throw new AppFailure('backfill_changed', error instanceof Error ? error.message : String(error));
      }
    },

    'greenhouse.jobs': async () => greenhouseJobs.list(jobsApi()),
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
      void services.watching.nudge();
      const { queued } = await automation.observe(observations, profiles ?? []);
      return { queued };
    },
    'pin.candidateState': async (input) => {
      try {
        return await candidateState(input);
      } catch (error) {
        // While storage refuses even reads (a full disk), the overlay still says why exports are paused.
        const paused = services.storageHealth.paused();
        if (!paused) throw error;
        return {
          connection: 'connected',
          missingPermissions: [],
          synced: null,
          item: null,
          notSyncedReason: null,
          paused,
        };
      }
    },
    ...popupHandlers(services),
    'pin.rowBadges': presenceCommands['pin.rowBadges'],
    'pin.jobRows': async (input) => {
      // A pipeline is loading: Pin is open, so this is when a job that could not be watched is looked at again (a page
      // whose rows and job the extension knows sends no `pin.observe`).
      void services.watching.nudge();
      const [rows, jobs] = await Promise.all([presenceCommands.jobRows(input.jobId), pinJobsItem.getValue()]);
      return { ...rows, jobTitle: jobs[input.jobId]?.title ?? null };
    },
    'pin.presence': presenceCommands['pin.presence'],
    'pin.preview': presenceCommands['pin.preview'],
    'index.status': presenceCommands['index.status'],
    'index.refresh': presenceCommands['index.refresh'],
    'pin.export': async ({ candidate, job, greenhouseJobId }) => {
      // Read side by side: on a cold worker each read waits for storage, and none of them writes anything.
      const [, greenhouseJobName, mapping] = await Promise.all([
        services.requireConnection(),
        jobName(greenhouseJobId),
        currentMapping(),
      ]);
      // The write-ahead journal's span, on the worker's timeline (`npm run bench` splits the click's path with it).
      markOnce('pgs:journal');
      const { item, written } = await queue.enqueue(
        {
          candidate,
          pinJobId: job.id,
          pinJobTitle: job.title,
          profileUrl: profileUrl(job.id, candidate.id, mapping),
          greenhouseJobId,
          greenhouseJobName,
          reason: { kind: 'manual', at: new Date().toISOString() },
        },
        { runsNow: true },
      );
      void queue.drain();
      await written;
      markOnce('pgs:journaled');
      // Answered a task later: the export's first request goes out in this task (unless the rate governor holds it),
      // and the panel's redraw on the answer would compete with its dispatch for the CPU.
      await new Promise((resolve) => setTimeout(resolve, 0));
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
}

/** Answers every command through the sender-checking router. Added synchronously, on every worker start. */
export function registerRoutes(services: Services): {
  /** What `pin.candidateState` answers, for the worker's own use (the state pushed with a change signal). */
  candidateState: (input: { pinCandidateId: string; pinJobId: string }) => Promise<CandidateState>;
} {
  const handlers = createHandlers(services);
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  const self = {
    sender: { id: browser.runtime.id },
    senderKind: 'extension-page' as const,
    tabId: undefined,
  };
  return { candidateState: async (input) => handlers['pin.candidateState'](input, self) };
}
