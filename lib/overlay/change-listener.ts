import { browser } from 'wxt/browser';
import { type ChangedMessage, isChangedMessage } from '../messaging/tab-protocol';

/** Calls `onChanged` for each change signal the worker pushes to this tab; returns how to stop listening. */
export function listenForChanges(onChanged: (message: ChangedMessage) => void): () => void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isChangedMessage(message)) return undefined;
    onChanged(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
