import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageFailure } from '../storage/write-failure';
import { StorageHealth } from './storage-health';

describe('storage health', () => {
  afterEach(() => vi.useRealTimers());

  it('signals a pause once however often the same write fails, and again when the reason changes', () => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    const changed = vi.fn();
    const health = new StorageHealth({ changed, resumed: () => {} });
    const full = new Error('Internal error opening backing store for indexedDB.open.');
    for (let i = 0; i < 5; i++) storageFailure("the extension's data", full);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(health.paused()).toContain('Exports are paused until it can write again');
    storageFailure('the export journal', new DOMException('over', 'QuotaExceededError'));
    expect(changed).toHaveBeenCalledTimes(2);
    expect(health.paused()).toContain("The browser's storage for Pin Greenhouse Sync is full");
    health.forget();
  });

  it('lifts the pause when a probe write goes through, and says so', async () => {
    fakeBrowser.reset();
    const changed = vi.fn();
    const resumed = vi.fn();
    const health = new StorageHealth({ changed, resumed });
    storageFailure('the export journal', new DOMException('over', 'QuotaExceededError'));
    expect(await health.probe()).toBe(true);
    expect(health.paused()).toBeNull();
    expect(changed).toHaveBeenCalledTimes(2);
    expect(resumed).toHaveBeenCalledTimes(1);
  });
});
