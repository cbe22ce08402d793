import { browser } from 'wxt/browser';
import type { Rule } from '../model/rule';
import { UNWATCHED, type WatchState } from '../model/watch';
import { watchStateItem } from '../storage/items';
import { currentMapping } from '../sync/pin-mapping';
import { PipelineWatcher, type WatcherDeps } from '../sync/watcher';
import { backgroundReader, tabReader } from './pin-readers';

export const WATCH_ALARM = 'pgs-watch';
/** About a minute in production (SPEC §6.1; Chrome's floor for a packed extension is 30 s). */
export const WATCH_PERIOD_MINUTES = 1;
/** An open Pin page reporting while a rule waits for one (a tab, a sign-in) asks for a check, at most this often. */
const NUDGE_MS = 5_000;

/**
 * The background watcher's wiring: the alarm that drives it while a rule is enabled, checks at start-up and when a
 * rule changes, and what the options page and the toolbar show of it.
 */
export class WatchingService {
  readonly watcher: PipelineWatcher;
  private lastNudge = 0;

  constructor(
    private readonly deps: {
      rules: () => Promise<Rule[]>;
      observe: WatcherDeps['observe'];
      /** The state was saved (the toolbar badge says when a rule is not watched). */
      changed: (state: WatchState) => void;
    },
  ) {
    this.watcher = new PipelineWatcher({
      background: backgroundReader,
      tab: tabReader,
      mapping: currentMapping,
      rules: deps.rules,
      observe: deps.observe,
      load: () => watchStateItem.getValue(),
      save: async (state) => {
        await watchStateItem.setValue(state);
        deps.changed(state);
      },
      now: Date.now,
      onPathChange: () => setTimeout(() => void this.check(), 1_000),
    });
  }

  check(): Promise<WatchState | null> {
    const started = performance.now();
    return this.watcher
      .check()
      .catch((error: unknown) => {
        console.warn('[pin-greenhouse-sync] watching Pin failed', error);
        return null;
      })
      .finally(() => {
        // On the worker's timeline: tests count checks, `npm run bench` times them.
        performance.measure('pgs:watch-check', { start: started });
      });
  }

  /**
   * Keeps the alarm while a rule is enabled and none otherwise. An existing alarm is left as it is (its period may
   * have been shortened for tests of the unpacked build).
   */
  async syncAlarm(): Promise<void> {
    const enabled = (await this.deps.rules()).some((r) => r.enabled);
    const alarm = await browser.alarms.get(WATCH_ALARM);
    if (enabled && !alarm)
      await browser.alarms.create(WATCH_ALARM, {
        periodInMinutes: WATCH_PERIOD_MINUTES,
        delayInMinutes: 0.5,
      });
    if (!enabled && alarm) await browser.alarms.clear(WATCH_ALARM);
  }

  /** A rule was saved: watch it now (its row says how at once), and keep the alarm in step. */
  async ruleChanged(): Promise<void> {
    await this.syncAlarm();
    void this.check();
  }

  /** A Pin page reported: if a rule was waiting for a tab or a sign-in, check now rather than at the next alarm. */
  async nudge(): Promise<void> {
    if (Date.now() - this.lastNudge < NUDGE_MS) return;
    const state = await watchStateItem.getValue();
    if (!Object.values(state.jobs).some((job) => UNWATCHED.has(job.status) && job.status !== 'unreadable'))
      return;
    this.lastNudge = Date.now();
    void this.check();
  }

  state(): Promise<WatchState> {
    return watchStateItem.getValue();
  }
}
