import type { Handlers } from '../messaging/router';
import { eraseAllData } from './erase';
import { itemView } from './item-view';
import type { Services } from './services';
import { watchViews } from './watch-view';

/** The toolbar popup's commands (SPEC §13): everything at a glance in one answer, retry all, erase all. */
export function popupHandlers(
  services: Services,
): Pick<Handlers, 'popup.status' | 'export.retryFailed' | 'data.erase'> {
  const { connection, store, automation, watching, queue } = services;
  return {
    'popup.status': async () => {
      const [view, open, rules, watch, last] = await Promise.all([
        connection.view(),
        store.openItems(),
        automation.rules(),
        watching.state(),
        store.lastFinished().catch(() => null),
      ]);
      const count = (state: string) => open.filter((i) => i.state === state).length;
      const enabled = rules
        .filter((r) => r.enabled)
        .sort((a, b) => a.pinJobTitle.localeCompare(b.pinJobTitle));
      const watched = watchViews(enabled, watch);
      const lastView = last ? itemView(last) : null;
      return {
        connected: view.connected,
        actingUserName: view.actingUserName,
        needsReconnect: view.needsReconnect,
        queue: {
          running: count('running'),
          waiting: count('queued'),
          failed: count('failed'),
          needsReview: count('needs_review'),
        },
        rules: enabled.map((r) => ({
          pinJobId: r.pinJobId,
          pinJobTitle: r.pinJobTitle,
          greenhouseJobName: r.greenhouseJobName,
          watch: watched[r.pinJobId] ?? null,
        })),
        lastSync:
          last && lastView
            ? {
                candidateName: last.candidate.name,
                pinJobTitle: last.pinJobTitle,
                url: lastView.greenhouseUrl,
                at: last.finishedAt ?? last.updatedAt,
              }
            : null,
        paused: services.storageHealth.paused(),
      };
    },
    'export.retryFailed': async () => {
      const failed = (await store.openItems()).filter((i) => i.state === 'failed');
      for (const item of failed) await queue.retry(item.id);
      void queue.drain();
      return { retried: failed.length };
    },
    'data.erase': () => eraseAllData(services),
  };
}
