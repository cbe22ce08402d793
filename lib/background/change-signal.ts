import { changeSignalItem } from '../storage/items';

/**
 * Overlays refresh on a small storage signal. Journal writes come in bursts, so progress is coalesced into one
 * signal per 150 ms; an item that settles (synced, failed, needs review) is signalled at once.
 */
export function createChangeSignal(afterFlush: () => void) {
  let changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const ids = [...changed];
    changed = new Set();
    void changeSignalItem.setValue({ at: Date.now(), candidateIds: ids });
    afterFlush();
  };
  return (candidateIds: string[], settled: boolean) => {
    for (const id of candidateIds) changed.add(id);
    if (settled) flush();
    else if (timer === undefined) timer = setTimeout(flush, 150);
  };
}
