import type { StatusObservation } from '../model/pin';
import type { Rule } from '../model/rule';
import type { JobWatch, PinAnswer, WatchState, WatchStatus } from '../model/watch';
import { type AnswerKind, classifyAnswer, parsePipeline } from '../pin/json';
import type { PinMapping } from '../pin/mapping/schema';
import { pipelineApiUrl } from '../pin/routes';

/** One way of reading Pin's JSON: from the worker, or through an open Pin tab. */
export interface PinReader {
  /** Answers in the order asked; null when this path cannot be used now (no Pin tab is open). */
  read(requests: readonly { url: string; etag: string | null }[]): Promise<PinAnswer[] | null>;
}

export interface WatcherDeps {
  background: PinReader;
  tab: PinReader;
  mapping: () => Promise<PinMapping>;
  /** The rules as saved; only enabled ones are watched. */
  rules: () => Promise<Rule[]>;
  /** The trigger engine: the same one open pages report to. */
  observe: (observations: StatusObservation[]) => Promise<{ missingProfiles: number }>;
  load: () => Promise<WatchState>;
  save: (state: WatchState) => Promise<void>;
  now: () => number;
  /** The path changed to a Pin tab for a job that was not read in this check: asks for the next check soon. */
  onPathChange?: () => void;
}

/** A refused background path is tried again after this long while a Pin tab does the reading. */
export const BACKGROUND_RETRY_MS = 10 * 60_000;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 30 * 60_000;

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

function fresh(): JobWatch {
  return {
    status: 'background',
    reason: null,
    lastCheckAt: null,
    etag: null,
    backoffUntil: null,
    failures: 0,
  };
}

/**
 * Watches every enabled rule's Pin job without a page of it open (SPEC §6.1): one conditional request per job per
 * check, through the first path that works (the worker with Pin's session, else an open Pin tab), and the same
 * trigger engine as open pages. Says per job how it is watched, and backs off when Pin asks it to.
 */
export class PipelineWatcher {
  private running: Promise<WatchState> | null = null;

  constructor(private readonly deps: WatcherDeps) {}

  /** One check of every enabled rule's job; a check asked for while one runs shares it. */
  check(): Promise<WatchState> {
    this.running ??= this.checkNow().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkNow(): Promise<WatchState> {
    const { deps } = this;
    const now = deps.now();
    const [rules, previous, mapping] = await Promise.all([deps.rules(), deps.load(), deps.mapping()]);
    const watched = [...new Set(rules.filter((r) => r.enabled).map((r) => r.pinJobId))];
    // Jobs whose rule was disabled are forgotten: they are never read again.
    const state: WatchState = {
      ...previous,
      jobs: Object.fromEntries(watched.map((id) => [id, previous.jobs[id] ?? fresh()])),
    };
    const due = watched.filter((id) => (state.jobs[id]!.backoffUntil ?? 0) <= now);
    const url = (jobId: string) => pipelineApiUrl(jobId, mapping);
    const ask = (ids: readonly string[]) => ids.map((id) => ({ url: url(id), etag: state.jobs[id]!.etag }));
    /** Jobs the worker's own path was refused for in this check, with Pin's answer. */
    const refused = new Map<string, string>();
    let viaTab: string[] = [];

    const [first, ...rest] = due;
    const retryBackground =
      state.path === 'tab' && now - (state.backgroundTriedAt ?? 0) >= BACKGROUND_RETRY_MS;
    if (first === undefined) {
      // Nothing due: every job is backing off.
    } else if (state.path === 'tab' && !retryBackground) {
      viaTab = due;
    } else {
      // The worker's own path first, proven on one job. If Pin refuses it, the others go through a Pin tab at once and
      // this job waits for the next check: never two requests for one job in one check.
      if (retryBackground) state.backgroundTriedAt = now;
      const [answer] = (await deps.background.read(ask([first]))) ?? [];
      const kind = answer && classifyAnswer(answer, url(first), now);
      if (kind?.kind === 'refused') {
        state.backgroundTriedAt = now;
        refused.set(first, kind.reason);
        viaTab = rest;
      } else {
        if (answer && kind) await this.apply(state, first, answer, kind, 'background', now, url(first));
        const answers = rest.length ? await deps.background.read(ask(rest)) : [];
        for (const [i, id] of rest.entries()) {
          const answered = answers?.[i];
          if (!answered) continue;
          const restKind = classifyAnswer(answered, url(id), now);
          if (restKind.kind === 'refused') refused.set(id, restKind.reason);
          else await this.apply(state, id, answered, restKind, 'background', now, url(id));
        }
      }
    }

    let tabOpen = false;
    let tabRefused = false;
    if (viaTab.length || refused.size) {
      const answers = await deps.tab.read(ask(viaTab));
      tabOpen = answers !== null;
      if (answers) {
        for (const [i, id] of viaTab.entries()) {
          const answer = answers[i];
          if (!answer) continue;
          const kind = classifyAnswer(answer, url(id), now);
          if (kind.kind === 'refused') {
            // Pin refused its own page's session: the recruiter is signed out.
            tabRefused = true;
            this.set(state, id, { status: 'signed_out', reason: `${kind.reason} to the open Pin tab.` });
          } else await this.apply(state, id, answer, kind, 'tab', now, url(id));
        }
        if (viaTab.length) state.path = 'tab';
      } else if (viaTab.length) {
        // The Pin tab that did the reading is gone: the worker's own path is tried again next time.
        state.path = null;
        for (const id of viaTab) refused.set(id, 'no Pin tab is open any more');
      }
    }
    for (const [id, reason] of refused) this.refused(state, id, reason, { tabOpen, tabRefused });
    await deps.save(state);
    return state;
  }

  /**
   * The worker was refused for this job (and no tab read it in this check): signed out when a Pin tab was refused
   * too or the worker's reads worked before; a tab reads it from the next check when one is open; else a tab is
   * needed.
   */
  private refused(
    state: WatchState,
    jobId: string,
    reason: string,
    tabs: { tabOpen: boolean; tabRefused: boolean },
  ) {
    if (tabs.tabRefused || (!tabs.tabOpen && state.backgroundWorked)) {
      this.set(state, jobId, {
        status: 'signed_out',
        reason: `${reason}: the Pin session ended. The rule resumes by itself once you sign in to Pin.`,
      });
      return;
    }
    if (tabs.tabOpen) {
      // An open tab reads it from the next check on (asked for soon: see `onPathChange`).
      if (state.path !== 'tab') this.deps.onPathChange?.();
      state.path = 'tab';
      this.set(state, jobId, { status: 'tab', reason: null });
      return;
    }
    this.set(state, jobId, {
      status: 'needs_tab',
      reason: `Pin's session does not reach the extension's background (${reason}). Any open Pin tab, a pinned one for example, lets it read Pin.`,
    });
  }

  private async apply(
    state: WatchState,
    jobId: string,
    answer: PinAnswer,
    kind: AnswerKind,
    path: 'background' | 'tab',
    now: number,
    requested: string,
  ): Promise<void> {
    const job = state.jobs[jobId]!;
    switch (kind.kind) {
      case 'unchanged':
        this.read(state, jobId, path, now, job.etag);
        return;
      case 'ok': {
        const pipeline = parsePipeline(kind.json, jobId);
        if (!pipeline) {
          this.set(state, jobId, {
            status: 'unreadable',
            reason: `Pin's answer at ${new URL(requested).pathname} is not a pipeline (rows with candidateId, status and events). Fix the route in the Pin page mapping.`,
            etag: null,
          });
          return;
        }
        const { missingProfiles } = await this.deps.observe(pipeline.observations);
        // A rule that fired for someone whose details could not be read must see the pipeline again in full.
        this.read(state, jobId, path, now, missingProfiles ? null : answer.etag);
        return;
      }
      case 'unreadable':
        this.set(state, jobId, {
          status: 'unreadable',
          reason: `${kind.reason}. Fix the route in the Pin page mapping (Advanced) if Pin moved it.`,
          etag: null,
        });
        return;
      case 'unavailable':
        // No answer at all (offline, the network not up yet at browser start): no load on Pin, so the next check
        // simply tries again.
        this.set(state, jobId, { reason: `${kind.reason}; it tries again at the next check.` });
        return;
      case 'throttled': {
        const failures = job.failures + 1;
        const wait = Math.max(
          kind.retryAfterMs ?? 0,
          Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS),
        );
        this.set(state, jobId, {
          failures,
          backoffUntil: now + wait,
          reason: `${kind.reason}; the next check is after ${clock(now + wait)} UTC.`,
        });
        return;
      }
      case 'refused':
        return;
    }
  }

  private read(
    state: WatchState,
    jobId: string,
    path: 'background' | 'tab',
    now: number,
    etag: string | null,
  ) {
    if (path === 'background') state.backgroundWorked = true;
    state.path = path;
    this.set(state, jobId, {
      status: path,
      reason: null,
      lastCheckAt: now,
      etag,
      failures: 0,
      backoffUntil: null,
    });
  }

  private set(state: WatchState, jobId: string, patch: Partial<JobWatch> & { status?: WatchStatus }) {
    state.jobs[jobId] = { ...(state.jobs[jobId] ?? fresh()), ...patch };
  }
}
