import type { Browser } from 'wxt/browser';
import { PIN_ORIGIN } from '../pin/host';

/**
 * Who sent a message, judged only from browser-stamped fields. An options page opened in a tab has
 * `sender.tab` too, so extension pages are told apart by `sender.url`'s origin, never by a missing tab.
 */
export type SenderKind = 'extension-page' | 'pin-content' | 'untrusted';

export interface SenderFacts {
  extensionId: string;
  extensionOrigin: string;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    // Built from protocol and host: URL.origin is "null" for non-special schemes outside browsers.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function classifySender(sender: Browser.runtime.MessageSender, facts: SenderFacts): SenderKind {
  if (sender.id !== facts.extensionId) return 'untrusted';
  const origin = originOf(sender.url);
  if (origin === facts.extensionOrigin) return 'extension-page';
  if (origin === PIN_ORIGIN && sender.tab?.id !== undefined && sender.frameId === 0) return 'pin-content';
  return 'untrusted';
}
