import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGED_MESSAGE } from '../messaging/tab-protocol';
import { changeSignalItem } from '../storage/items';
import { createChangeSignal } from './change-signal';

describe('the change signal', () => {
  it('is pushed to every open Pin tab and stored with the same time, which only grows', async () => {
    fakeBrowser.reset();
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }, { id: 9 }] as never);
    const sent: unknown[] = [];
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (tabId, message) => {
      if (tabId === 9) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push(message);
    });
    const afterFlush = vi.fn();
    const signal = createChangeSignal(afterFlush);
    signal(['c-1'], true);
    signal(['c-2'], true);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(query).toHaveBeenCalledWith({ url: 'https://app.pin.com/*' });
    expect(send).toHaveBeenCalledTimes(4);
    const [first, second] = sent as { type: string; at: number; candidateIds: string[] }[];
    expect(first).toMatchObject({ type: CHANGED_MESSAGE, candidateIds: ['c-1'] });
    expect(second!.at).toBeGreaterThan(first!.at);
    await vi.waitFor(async () =>
      expect(await changeSignalItem.getValue()).toEqual({ at: second!.at, candidateIds: ['c-2'] }),
    );
    expect(afterFlush).toHaveBeenCalledTimes(2);
  });

  it('coalesces progress into one signal per 150 ms', async () => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    try {
      vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
      const afterFlush = vi.fn();
      const signal = createChangeSignal(afterFlush);
      signal(['a'], false);
      signal(['b'], false);
      expect(afterFlush).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(150);
      expect(afterFlush).toHaveBeenCalledTimes(1);
      expect((await changeSignalItem.getValue()).candidateIds).toEqual(['a', 'b']);
    } finally {
      vi.useRealTimers();
    }
  });
});
