import { browser } from 'wxt/browser';
import type { HarvestApi } from '../greenhouse/api';
import { RATE_WINDOW_SECONDS } from '../greenhouse/unconfirmed';
import { AppFailure } from '../messaging/envelope';
import type { Settings } from '../model/connection';
import { UNWATCHED } from '../model/watch';
import { rulesItem, settingsItem, watchStateItem } from '../storage/items';
import { sessionLookupStore } from '../storage/lookup-store';
import { meterStorageArea, stopMeter } from '../storage/meter';
import { secretStore } from '../storage/secret-store';
import { sessionTokenCache } from '../storage/token-cache';
import type { EducationOptions } from '../sync/mapping/education';
import { ObservationStore } from '../sync/observations';
import { fetchCandidateByPaths } from '../sync/pin-candidates';
import { currentMapping } from '../sync/pin-mapping';
import { ExportQueue } from '../sync/queue';
import { SnapshotStore } from '../sync/snapshots';
import { SyncStore } from '../sync/store';
import { ensureAlarms, registerAlarms, scheduleDrain } from './alarms';
import { AutomationService } from './automation';
import { updateToolbarBadge } from './badge';
import { createChangeSignal } from './change-signal';
import { ConnectionService } from './connection';
import { GreenhouseJobs } from './greenhouse-jobs';
import { loadPhonePlans } from './phone-plans';
import { backgroundReader, tabReader } from './pin-readers';
import { PresenceService } from './presence';
import { primeResumeBuilder } from './resume-loader';
import { preparedResumeFor, resumeFor } from './resume-source';
import { registerRoutes } from './routes';
import type { Services } from './services';
import { StageService } from './stages';
import { StorageHealth } from './storage-health';
import { WatchingService } from './watching';

/** At most this many candidates' states go with one change signal (a bulk run settles many at once). */
const MAX_PUSHED_STATES = 5;

/** The background's composition root: builds every service once, then registers the routes and alarms. */
export function startBackground(): void {
  performance.mark('pgs:main');
  // What this worker reads from storage before its first Greenhouse request (SPEC §10: under 100 KB when cold).
  meterStorageArea(browser.storage.local);
  meterStorageArea(browser.storage.session);
  primeResumeBuilder();
  const store = new SyncStore();
  const connection = new ConnectionService({
    secrets: secretStore,
    tokenCache: sessionTokenCache,
    onDispatch: stopMeter,
  });
  const connectedApi = async () => {
    const current = await connection.current();
    return current && !current.needsReconnect ? connection.client.api(current.actAsUserId) : null;
  };
  let settings: Promise<Settings> | null = null;
  const settingsService = {
    current: () => {
      settings ??= settingsItem.getValue();
      return settings;
    },
    forget: () => {
      settings = null;
    },
  };
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  // At most one update per 250 ms, and one always follows a change: a stream of changes must not keep pushing it back.
  const scheduleBadge = () => {
    if (badgeTimer !== undefined) return;
    badgeTimer = setTimeout(async () => {
      badgeTimer = undefined;
      await updateToolbarBadge(
        // Storage that cannot even be opened (a full disk) still gets its pause on the toolbar.
        await store.openItems().catch(() => []),
        await unwatchedRules().catch(() => []),
        storageHealth.paused(),
      );
    }, 250);
  };
  let candidateState: ReturnType<typeof registerRoutes>['candidateState'] | null = null;
  // A settled candidate's new state goes with the signal, for the Pin job of their newest export.
  const signalChange = createChangeSignal(scheduleBadge, async (ids) => {
    const states = await Promise.all(
      ids.slice(0, MAX_PUSHED_STATES).map(async (pinCandidateId) => {
        const item = await store.latestOf(pinCandidateId);
        if (!item || !candidateState) return [];
        const state = await candidateState({ pinCandidateId, pinJobId: item.pinJobId });
        return [{ pinCandidateId, pinJobId: item.pinJobId, state }];
      }),
    );
    return states.flat();
  });
  /** Enabled rules whose job is not watched without a page (sign in, keep a tab open, or only the page). */
  const unwatchedRules = async () => {
    const [rules, state] = await Promise.all([rulesItem.getValue(), watchStateItem.getValue()]);
    return Object.values(rules).flatMap((rule) => {
      const status = rule.enabled ? state.jobs[rule.pinJobId]?.status : undefined;
      return status && UNWATCHED.has(status) ? [{ title: rule.pinJobTitle, status }] : [];
    });
  };
  const snapshots = new SnapshotStore();
  const observations = new ObservationStore();
  const presence = new PresenceService({
    api: connectedApi,
    changed: () => {},
    lookups: sessionLookupStore,
    snapshots,
  });
  const stages = new StageService({
    changed: (ids) => signalChange(ids, true),
    // A synced record is the "synced" truth for as long as the person is in Greenhouse (SPEC §9).
    vanished: async (people) => {
      const api = await connectedApi();
      if (!api) return;
      const found = await api.getCandidates([...people.keys()]).catch(() => null);
      if (!found) return; // not known: keep the records
      const present = new Set(found.map((c) => c.id));
      for (const [id, pinCandidateId] of people) if (!present.has(id)) await store.dropRecord(pinCandidateId);
    },
  });

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

  const storageHealth = new StorageHealth({
    // Every page says so at once: the options page, the popup and the overlays refresh on the signal.
    changed: () => signalChange([], true),
    resumed: () => void queue.drain(),
  });
  const queue: ExportQueue = new ExportQueue({
    paused: () => storageHealth.paused(),
    store,
    now: Date.now,
    prepare: async () => {
      const current = await connection.current();
      if (!current || current.needsReconnect) return null;
      const api = connection.client.api(current.actAsUserId);
      return {
        api,
        connection: current,
        settings: await settingsService.current(),
        educationOptions: () => educationOptions(api),
        presence: presence.runContext(api),
      };
    },
    resume: resumeFor,
    preparedResume: preparedResumeFor,
    phonePlans: loadPhonePlans,
    wakeAt: (at) => scheduleDrain(at, () => void queue.drain()),
    onCredentialRejected: (message) => connection.markNeedsReconnect(message),
    onChanged: (candidateIds, settled) => signalChange(candidateIds, settled),
    beforeBatch: (due) => presence.beforeBatch(due),
  });

  const automation = new AutomationService({
    queue,
    store,
    observations,
    snapshots,
    connection: () => connection.current(),
    fetchCandidate: (id) =>
      fetchCandidateByPaths(id, {
        background: backgroundReader,
        tab: tabReader,
        mapping: currentMapping,
        watchState: () => watchStateItem.getValue(),
      }),
  });
  const watching = new WatchingService({
    rules: () => automation.rules(),
    observe: (observations) => automation.observe(observations),
    changed: () => scheduleBadge(),
  });

  const services: Services = {
    store,
    connection,
    presence,
    stages,
    queue,
    automation,
    watching,
    greenhouseJobs: new GreenhouseJobs(),
    storageHealth,
    settings: settingsService,
    connectedApi,
    requireConnection: async () => {
      const current = await connection.current();
      if (!current)
        throw new AppFailure(
          'not_connected',
          'Greenhouse is not connected. Connect it on the extension options page.',
        );
      return current;
    },
    maintain: async () => {
      const now = Date.now();
      const watched = new Set((await automation.rules()).filter((r) => r.enabled).map((r) => r.pinJobId));
      await observations.prune(watched, now);
      await snapshots.prune(now);
      await store.pruneFinished();
    },
    /** Requests an export takes on average: lookup, create, resume, note and the employments. */
    resetChangeSignals: () => signalChange.reset(),
    etaSeconds: (remaining) => {
      const limit = connection.client.http.governor.snapshot().limit;
      if (!limit || remaining.length === 0) return remaining.length === 0 ? 0 : null;
      const requests = remaining.reduce((sum, item) => sum + 4 + item.candidate.experience.length, 0);
      return Math.ceil((requests / limit) * RATE_WINDOW_SECONDS);
    },
  };

  ({ candidateState } = registerRoutes(services));
  registerAlarms(services);
  // Start the reads a first export needs while its message is on the way: a woken worker then does not queue them
  // behind each other (IndexedDB opens and storage reads each cost several ms on a cold start).
  // Nothing is opened or scheduled for an extension that was never connected (or was erased): it keeps no data.
  void connection.savedConnection().then((saved) => {
    if (!saved) return;
    void Promise.allSettled([
      connection.current(),
      store.openItems(),
      settingsService.current(),
      presence.indexer.state(),
      sessionTokenCache.get(''),
      currentMapping(),
    ]);
    services.greenhouseJobs.warm();
    void ensureAlarms(services);
    void queue.recover().then(() => {
      scheduleBadge();
      return queue.drain();
    });
  });
  performance.mark('pgs:main-done');
}
