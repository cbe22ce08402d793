import { type Browser, browser } from 'wxt/browser';
import { CHANGED_MESSAGE, type ChangedMessage, type PushedState } from '../messaging/tab-protocol';
import { PIN_MATCH_PATTERN } from '../pin/host';
import { changeSignalItem } from '../storage/items';

/** Tells every open Pin tab at once; a tab without the content script (still loading, say) is passed over. */
async function tellPinTabs(pinTabs: Promise<Browser.tabs.Tab[]>, message: ChangedMessage): Promise<void> {
  const tabs = await pinTabs;
  await Promise.all(
    tabs.flatMap((tab) =>
      tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, message).catch(() => undefined)],
    ),
  );
}

/** How long a signal waits for the Pin tabs to take its push before the next one, and its stored copy, go out. */
const TAB_WAIT_MAX_MS = 250;

function settledOrAfter(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Overlays refresh on a change signal: pushed to open Pin tabs first, then, once the push is out, written to storage
 * for the extension's own pages (and a tab the push missed); a tab that had the push skips the stored copy by its
 * `at`. Journal writes come in bursts, so progress is coalesced into one signal per 150 ms; an item that settles
 * (synced, failed, needs review) is signalled at once.
 */
export function createChangeSignal(
  afterFlush: () => void,
  /** The new state of settled candidates, pushed with the signal (see `ChangedMessage`). */
  statesOf: (candidateIds: string[]) => Promise<PushedState[]> = async () => [],
) {
  let changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  /** Bumped by `reset`: a signal flushed before it leaves no stored copy after it. */
  let generation = 0;
  /** Pushes go out in the order of their signals (a tab skips one older than what it has). */
  let pushing: Promise<void> = Promise.resolve();
  const flush = (settled: boolean) => {
    clearTimeout(timer);
    timer = undefined;
    const candidateIds = [...changed];
    changed = new Set();
    // Strictly increasing, so that two signals in one millisecond stay two.
    last = Math.max(Date.now(), last + 1);
    const at = last;
    const mine = generation;
    // The tabs are looked up while the states are worked out.
    const tabs = browser.tabs.query({ url: PIN_MATCH_PATTERN }).catch(() => []);
    const states =
      settled && candidateIds.length ? statesOf(candidateIds).catch(() => []) : Promise.resolve([]);
    pushing = pushing
      .then(() => states)
      .then((pushed) =>
        // A tab slow to take the push (a page stuck in a long task) holds up the next signals only so long.
        settledOrAfter(
          tellPinTabs(tabs, {
            type: CHANGED_MESSAGE,
            at,
            candidateIds,
            ...(pushed.length ? { states: pushed } : {}),
          }),
          TAB_WAIT_MAX_MS,
        ),
      )
      .catch(() => {});
    // Stored once the tabs have the push: a Pin tab that saw the stored copy first would take it, without the states,
    // and ask the worker again for what the push was bringing.
    void pushing
      .then(() => (mine === generation ? changeSignalItem.setValue({ at, candidateIds }) : undefined))
      .catch(() => {});
    afterFlush();
  };
  const signal = (candidateIds: string[], settled: boolean) => {
    for (const id of candidateIds) changed.add(id);
    if (settled) flush(true);
    else if (timer === undefined) timer = setTimeout(() => flush(false), 150);
  };
  return Object.assign(signal, {
    /**
     * Drops what is pending: coalesced progress not yet flushed, and the stored copies of signals still waiting for
     * their push ("Erase all data": a copy written after storage was cleared would be left behind).
     */
    reset: () => {
      clearTimeout(timer);
      timer = undefined;
      changed = new Set();
      generation += 1;
    },
  });
}
