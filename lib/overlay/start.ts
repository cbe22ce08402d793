import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendListCommand } from '../messaging/list-client';
import type { ChangedMessage } from '../messaging/tab-protocol';
import type { RowBadge } from '../messaging/views';
import type { PinCandidate, PinJob, StatusObservation } from '../model/pin';
import { observationSignature, unseenRows } from '../model/row-digest';
import type { PinMapping } from '../pin/mapping/schema';
import { pageMoment, pageSpan } from '../pin/page-timeline';
import type { PipelineRow } from '../pin/read/lists';
import { type PinPageState, watchPinPage } from '../pin/watch';
import { changeSignalItem } from '../storage/page-items';
import { listenForChanges } from './change-listener';
import { JobRowsAhead, markFromJobRows } from './job-rows';
import { pageMapping, watchPageMapping } from './mapping';
import { removeOrphanedOverlay } from './orphans';
import { OVERLAY_HOST_TAG, type OverlayPanel, type PanelContent } from './panel-contract';
import { loadPanel } from './panel-loader';
import { answerPinJsonReads } from './pin-json-bridge';
import { badgeListedRows, ROW_BADGE_ATTR, syncRowBadges } from './row-badges';

const isOwnNode = (node: Node): boolean => {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(`${OVERLAY_HOST_TAG}, [${ROW_BADGE_ATTR}]`) != null;
};

/**
 * The content script's controller: follows the Pin page, reports what it sees, marks pipeline rows, and shows the
 * panel (loaded on the first page that needs one; see panel-contract.ts).
 */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  removeOrphanedOverlay();
  // Any Pin page, a pinned tab included, can read Pin's JSON for the background watcher.
  answerPinJsonReads(ctx);
  let mapping: PinMapping = await pageMapping();
  let panel: OverlayPanel | null = null;
  let wantsPanel = 0;
  let current: PinPageState | null = null;
  const reported = new Map<string, string>();
  const ahead = new JobRowsAhead((jobId) => sendListCommand('pin.jobRows', { jobId }));
  /** Backoff for reading the page again after the background did not take a report. */
  let retryDelay = 0;

  const removePanel = () => {
    wantsPanel += 1;
    panel?.remove();
  };

  const showPanel = async (key: string, content: PanelContent) => {
    const mine = ++wantsPanel;
    const loaded = panel ?? (await loadPanel(ctx));
    panel = loaded;
    if (mine !== wantsPanel) return; // the page moved on while the panel loaded
    await loaded.show(key, content, mapping);
  };

  const report = (jobs: PinJob[], observations: StatusObservation[], profiles: PinCandidate[] = []) => {
    const fresh = observations.filter((o) => {
      const key = `${o.jobId}/${o.candidateId}`;
      const value = observationSignature(o);
      if (reported.get(key) === value) return false;
      reported.set(key, value);
      return true;
    });
    const jobKey = JSON.stringify(jobs);
    const newJobs = reported.get('jobs') === jobKey ? [] : jobs;
    reported.set('jobs', jobKey);
    const freshProfiles = profiles.filter((p) => {
      const value = JSON.stringify(p);
      if (reported.get(`profile:${p.id}`) === value) return false;
      reported.set(`profile:${p.id}`, value);
      return true;
    });
    if (fresh.length || newJobs.length || freshProfiles.length) {
      sendListCommand('pin.observe', { jobs: newJobs, observations: fresh, profiles: freshProfiles }).then(
        () => {
          retryDelay = 0;
        },
        (error: unknown) => {
          // Forget what was not delivered, so the next read of the page sends it again, and read again soon: a
          // static page may not change for a long while (the worker was starting, say, on a fresh install).
          for (const o of fresh) reported.delete(`${o.jobId}/${o.candidateId}`);
          for (const p of freshProfiles) reported.delete(`profile:${p.id}`);
          if (newJobs.length) reported.delete('jobs');
          console.warn('[pin-greenhouse-sync]', error);
          retryDelay = Math.min(retryDelay ? retryDelay * 2 : 250, 8_000);
          ctx.setTimeout(() => watcher.reread(), retryDelay);
        },
      );
    }
  };

  const drawBadges = (state: PinPageState, rows: PipelineRow[], badges: Record<string, RowBadge>) => {
    if (current !== state) return;
    const started = performance.now();
    syncRowBadges(rows, badges);
    pageSpan('pgs:row-badges', started);
  };

  /**
   * Marks the rows read (those near the screen, or changed: see `RowReading`), so a long list costs Pin and the worker
   * a few screens, not every row; with `withSeen`, also asks what the extension has taken from them (`unseenRows`).
   * The worker also refreshes the Greenhouse stages of these rows (a change comes back as a change signal).
   */
  const refreshRows = async (state: PinPageState, withSeen = false) => {
    if (state.kind !== 'pipeline') return null;
    const rows = state.rows.filter((r) => r.read);
    const answer = await sendListCommand('pin.rowBadges', {
      pinCandidateIds: rows.map((r) => r.candidateId),
      ...(withSeen ? { jobId: state.job.id } : {}),
    });
    drawBadges(state, rows, answer.badges);
    return answer.seen;
  };

  /** A pipeline's rows: marked, and the news reported, at once when asked for ahead, else after asking the worker. */
  const onPipeline = async (state: Extract<PinPageState, { kind: 'pipeline' }>) => {
    ahead.want(state.job.id);
    const rows = state.rows.filter((r) => r.read);
    const held = ahead.ready(state.job.id);
    const marked = held && markFromJobRows(rows, held, state.job);
    if (marked) {
      // The worker refreshed these rows' stages when it answered; a change comes back as a change signal.
      drawBadges(state, rows, marked.badges);
      report(marked.jobs, marked.news);
    } else {
      const observations = rows.flatMap((r) => (r.observation ? [r.observation] : []));
      // The badges first: the recruiter sees them. The same answer says which rows the extension has taken
      // already (from this page before, or from Pin's JSON), so the report carries only the news.
      const seen = await refreshRows(state, true).catch((error: unknown) => {
        console.warn('[pin-greenhouse-sync]', error);
        return null;
      });
      report([state.job], seen ? unseenRows(observations, seen) : observations);
    }
    // The content script's last step for this read (`npm run bench` runs each load until after it).
    pageMoment('pgs:rows-done');
  };

  /**
   * A pipeline asked for ahead gets its badges in the frame that first draws Pin's rows, before that frame lays them
   * out, so that the table is laid out once, with them (`in-flow` badges; see `BadgeFlow`). In a frame callback
   * rather than in Pin's own task: that frame's layout of a long list is a long task anyway, and Pin's task stays
   * Pin's.
   */
  let beforeFrame: number | undefined;
  const badgeRowsBeforeFrame = () => {
    beforeFrame = undefined;
    if (current?.kind !== 'loading' || current.page.kind !== 'pipeline' || current.url !== location.href)
      return;
    const held = ahead.ready(current.page.jobId);
    if (!held) return;
    const started = performance.now();
    if (badgeListedRows(document, mapping, current.page.jobId, held.badges))
      pageSpan('pgs:row-badges-early', started);
  };
  const onPinChange = () => {
    if (beforeFrame === undefined && current?.kind === 'loading' && document.visibilityState === 'visible')
      beforeFrame = ctx.requestAnimationFrame(badgeRowsBeforeFrame);
  };

  const onState = async (state: PinPageState) => {
    current = state;
    switch (state.kind) {
      case 'profile':
        report([state.reading.job], [state.reading.observation], [state.reading.candidate]);
        await showPanel(`${state.reading.job.id}/${state.reading.candidate.id}`, {
          kind: 'profile',
          reading: state.reading,
        });
        break;
      case 'pipeline':
        removePanel();
        await onPipeline(state);
        break;
      case 'inbox':
        removePanel();
        report([], state.observations);
        break;
      case 'jobs':
        removePanel();
        report(state.jobs, []);
        break;
      case 'unreadable':
        await showPanel(`unreadable:${state.url}`, {
          kind: 'notice',
          message: `Pin Greenhouse Sync cannot read this Pin page (${state.what} is missing), so it shows nothing here rather than guess.`,
          reads: state.reads,
        });
        break;
      case 'loading':
        removePanel();
        // While Pin fetches and renders the list, the worker looks up what it holds of the job's rows.
        if (state.page.kind === 'pipeline') ahead.want(state.page.jobId);
        break;
      default:
        removePanel();
    }
  };

  // Change signals come pushed from the worker and again through storage: each is shown once.
  let lastSignal = 0;
  const onChanged = (at: number, states?: ChangedMessage['states']) => {
    if (at <= lastSignal) return;
    lastSignal = at;
    ahead.drop();
    panel?.changed(states);
    if (current) void refreshRows(current);
  };
  const unwatch = changeSignalItem.watch((signal) => onChanged(signal.at));
  const unlisten = listenForChanges((message) => onChanged(message.at, message.states));
  ctx.onInvalidated(() => {
    unwatch();
    unlisten();
    removePanel();
  });
  const watcher = watchPinPage(
    ctx,
    (state) => void onState(state).catch((error: unknown) => console.warn('[pin-greenhouse-sync]', error)),
    isOwnNode,
    () => mapping,
    onPinChange,
  );
  // An admin's new mapping applies to open Pin pages at once, without a reload or a release.
  const unwatchMapping = watchPageMapping((next) => {
    mapping = next;
    watcher.reread({ fresh: true });
  });
  ctx.onInvalidated(unwatchMapping);
}
