import { browser } from 'wxt/browser';
import { createRouter, type Handlers } from '../messaging/router';

/** The background's composition root: builds every service once and wires the message router. */
export function startBackground(): void {
  const handlers: Handlers = {
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
  };
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
}
