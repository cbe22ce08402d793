import { browser, type PublicPath } from 'wxt/browser';
import type { PhonePlans } from '../sync/mapping/contact';

/**
 * libphonenumber's numbering plans, copied from the package into the build by wxt.config.ts. They are 80 KB: bundled
 * into the worker's script they cost every wake-up its parsing (about 8 ms of a cold click on the CI machine), though
 * most wake-ups never read a phone number. Read once per worker, when an export first needs them.
 */
export const PHONE_PLANS_FILE = '/phone-plans.json';

let plans: Promise<PhonePlans | null> | null = null;

/** The numbering plans, or null (phone numbers are then sent as given) when the extension's copy cannot be read. */
export function loadPhonePlans(): Promise<PhonePlans | null> {
  plans ??= fetch(browser.runtime.getURL(PHONE_PLANS_FILE as PublicPath))
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json: unknown = await response.json();
      if (typeof json !== 'object' || json === null || !('countries' in json))
        throw new Error('not numbering plans');
      return json as PhonePlans;
    })
    .catch((error: unknown) => {
      console.warn(
        `[pin-greenhouse-sync] ${PHONE_PLANS_FILE} could not be read: phone numbers go as given`,
        error,
      );
      plans = null; // the next export tries again
      return null;
    });
  return plans;
}
