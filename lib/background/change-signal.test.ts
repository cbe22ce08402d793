import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGED_MESSAGE, isChangedMessage } from '../messaging/tab-protocol';
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

  it('is stored only once the tabs have the push, so that a tab never takes the stored copy first', async () => {
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const storedWhenPushed: unknown[] = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async () => {
      storedWhenPushed.push(await changeSignalItem.getValue());
    });
    const before = await changeSignalItem.getValue();
    // The states take a while: the push waits for them, and the stored copy waits for the push.
    const statesOf = async (ids: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return ids.map((id) => ({ pinCandidateId: id, pinJobId: 'j-1', state: {} }));
    };
    createChangeSignal(() => {}, statesOf)(['c-1'], true);
    await vi.waitFor(async () => expect((await changeSignalItem.getValue()).candidateIds).toEqual(['c-1']));
    expect(storedWhenPushed).toEqual([before]);
  });

  it('goes on, pushed and stored, when a Pin tab never takes a push', async () => {
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    // A hung tab: no push is ever answered.
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(() => new Promise(() => {}));
    const signal = createChangeSignal(() => {});
    signal(['c-1'], true);
    signal(['c-2'], true);
    await vi.waitFor(async () => expect((await changeSignalItem.getValue()).candidateIds).toEqual(['c-2']), {
      timeout: 2000,
    });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('after a reset, leaves no stored copy of a signal still waiting for its push, nor of pending progress', async () => {
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    let answer: () => void = () => {};
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(
      () => new Promise((resolve) => (answer = () => resolve(undefined))),
    );
    const signal = createChangeSignal(() => {});
    signal(['c-settled'], true);
    signal(['c-progress'], false);
    await vi.waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalledTimes(1));
    // "Erase all data" clears storage here, while the push is out.
    signal.reset();
    answer();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await changeSignalItem.getValue()).toEqual({ at: 0, candidateIds: [] });
    expect(browser.tabs.sendMessage).toHaveBeenCalledTimes(1);
    // A signal after the reset is stored as before.
    signal(['c-after'], true);
    await vi.waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalledTimes(2));
    answer();
    await vi.waitFor(async () =>
      expect((await changeSignalItem.getValue()).candidateIds).toEqual(['c-after']),
    );
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

  it('carries the new state of settled candidates, and pushes in the order of the signals', async () => {
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const sent: { at: number; candidateIds: string[]; states?: unknown[] }[] = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (_tab, message) => {
      sent.push(message as (typeof sent)[number]);
    });
    // The first signal's states come later than the second's.
    const statesOf = vi.fn(async (ids: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, ids[0] === 'c-slow' ? 30 : 0));
      return ids.map((id) => ({ pinCandidateId: id, pinJobId: 'j-1', state: { synced: id } }));
    });
    const signal = createChangeSignal(() => {}, statesOf);
    signal(['c-slow'], true);
    signal(['c-fast'], true);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((m) => m.candidateIds)).toEqual([['c-slow'], ['c-fast']]);
    expect(sent[0]!.at).toBeLessThan(sent[1]!.at);
    expect(sent[1]!.states).toEqual([
      { pinCandidateId: 'c-fast', pinJobId: 'j-1', state: { synced: 'c-fast' } },
    ]);
    expect(isChangedMessage(sent[0])).toBe(true);
    // Progress (not settled) carries no state; a failing lookup still signals, without states.
    statesOf.mockClear();
    statesOf.mockRejectedValueOnce(new Error('storage refused'));
    signal(['c-broken'], true);
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2]).not.toHaveProperty('states');
  });

  it('a tab takes a pushed state only in the shape it expects', () => {
    const base = { type: CHANGED_MESSAGE, at: 1, candidateIds: ['c-1'] };
    expect(
      isChangedMessage({ ...base, states: [{ pinCandidateId: 'c-1', pinJobId: 'j-1', state: {} }] }),
    ).toBe(true);
    expect(isChangedMessage({ ...base, states: [{ pinCandidateId: 1, pinJobId: 'j-1' }] })).toBe(false);
    expect(isChangedMessage({ ...base, states: 'all' })).toBe(false);
  });
});
