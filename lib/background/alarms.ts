import { browser } from 'wxt/browser';
import type { Services } from './services';
import { WATCH_ALARM } from './watching';

const DRAIN_ALARM = 'pgs-drain';
const SAFETY_ALARM = 'pgs-drain-safety';
/** Keeps the presence index fresh while connected (SPEC §11: every 10 minutes). */
const INDEX_ALARM = 'pgs-presence-index';
const INDEX_REFRESH_MS = 10 * 60_000;
/** Old observations, profiles and finished log entries are pruned once a day (SPEC §9: bounded growth). */
const MAINTENANCE_ALARM = 'pgs-maintenance';

/** Asks for a queue drain at `at` (epoch ms): short waits stay in the worker, the alarm covers a stopped one. */
export function scheduleDrain(at: number, drain: () => void): void {
  const delay = at - Date.now();
  // The alarm has a 30 s granularity; a timer is exact while the worker lives.
  if (delay < 30_000) setTimeout(drain, Math.max(0, delay));
  void browser.alarms.create(DRAIN_ALARM, { when: Math.max(at, Date.now() + 1000) });
}

/**
 * The periodic alarms, while Greenhouse is connected (nothing wakes an extension that has nothing to do, and "Erase all
 * data" leaves no alarm behind). Idempotent: an alarm that exists keeps its schedule.
 */
export async function ensureAlarms({
  watching,
  presence,
}: Pick<Services, 'watching' | 'presence'>): Promise<void> {
  const existing = new Set((await browser.alarms.getAll()).map((a) => a.name));
  if (!existing.has(MAINTENANCE_ALARM))
    await browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
  if (!existing.has(INDEX_ALARM))
    await browser.alarms.create(INDEX_ALARM, { periodInMinutes: INDEX_REFRESH_MS / 60_000 });
  if (!existing.has(SAFETY_ALARM)) await browser.alarms.create(SAFETY_ALARM, { periodInMinutes: 1 });
  await watching.syncAlarm();
  // A build stopped with the worker (or the browser) goes on from its checkpoint.
  if ((await presence.indexer.state()).phase === 'building') presence.refreshIfStale();
}

/** The background's alarms and start-up events. Listeners are added synchronously, on every worker start. */
export function registerAlarms(services: Services): void {
  const { queue, presence, watching, storageHealth } = services;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAIN_ALARM || alarm.name === SAFETY_ALARM) void queue.drain();
    if (alarm.name === SAFETY_ALARM) void storageHealth.probe();
    // The first build resumes from its checkpoint; a built index gets an incremental update.
    if (alarm.name === INDEX_ALARM) presence.refreshIfStale(INDEX_REFRESH_MS - 30_000);
    if (alarm.name === WATCH_ALARM) void watching.check();
    if (alarm.name === MAINTENANCE_ALARM) void services.maintain().catch(() => {});
  });
  // First run: the options page with its setup checklist (SPEC §13). A reload of the same version with nothing
  // connected is "Erase all data" restarting the extension (which closed the settings page): it comes back, empty.
  browser.runtime.onInstalled.addListener((details) => {
    const reload =
      details.reason === 'update' && details.previousVersion === browser.runtime.getManifest().version;
    if (details.reason === 'install') void browser.runtime.openOptionsPage();
    else if (reload)
      void services.connection.savedConnection().then((saved) => {
        if (!saved) void browser.runtime.openOptionsPage();
      });
  });
  // A browser start wakes the worker, so a queue left from the last session resumes without waiting for Pin.
  // Events that happened while the browser was closed fire once now (those dated after their rule was enabled).
  browser.runtime.onStartup.addListener(() => {
    void queue.drain();
    void watching.check();
  });
}
