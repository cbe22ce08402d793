import { browser } from 'wxt/browser';
import { HOST_ORIGINS } from './hosts';

export async function hasHostAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: [...HOST_ORIGINS] });
}

/** Must run from a user gesture (a click on an extension page): the browser may ask the user. */
export async function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: [...HOST_ORIGINS] });
}
