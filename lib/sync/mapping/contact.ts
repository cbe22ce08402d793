import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadataText from 'libphonenumber-js/metadata.min.json?raw';
import { countryCodeFor } from '../../model/countries';
import type { PinCandidate } from '../../model/pin';

/**
 * The phone numbering plans (libphonenumber's "min" set, the library's default), parsed on first use. As the object
 * literal the library ships (80 KB) it was built at every worker start, about 6 ms of a cold wake-up on the CI machine,
 * though most wake-ups never read a phone number; as text it is only scanned.
 */
let metadata: MetadataJson | null = null;
const phoneMetadata = (): MetadataJson => {
  if (!metadata) {
    // The package's ES entry for this file is the JSON behind `export default`; the JSON file itself is read as is.
    const start = metadataText.indexOf('{', Math.max(0, metadataText.indexOf('export default')));
    metadata = JSON.parse(metadataText.slice(start).replace(/;\s*$/, '')) as MetadataJson;
  }
  return metadata;
};

/** E.164 when the number parses (national numbers read in the candidate's country, else the US), else as given. */
export function normalizePhone(raw: string, country: string | null | undefined): string {
  const value = raw.trim();
  const parsed = parsePhoneNumberFromString(value, countryCodeFor(country) ?? 'US', phoneMetadata());
  return parsed?.isPossible() ? parsed.number : value;
}

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;

/**
 * `https://www.linkedin.com/in/<slug>` for profile URLs on any LinkedIn host (country subdomains too), with
 * query, fragment and trailing slash dropped and the slug lower-cased; anything else is sent as given.
 */
export function normalizeLinkedIn(raw: string): string {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
  } catch {
    return value;
  }
  if (!/^https?:$/.test(url.protocol) || !LINKEDIN_HOST.test(url.hostname)) return value;
  const match = /^\/in\/([^/]+)\/?$/i.exec(url.pathname);
  if (!match) return value;
  return `https://www.linkedin.com/in/${match[1]!.toLowerCase()}`;
}

/** The non-empty parts of city, state and country joined by ", ", or null. */
export function formatAddress(location: PinCandidate['location']): string | null {
  if (!location) return null;
  const parts = [location.city, location.state, location.country].map((p) => p?.trim()).filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}
