import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { countryCodeFor } from '../../model/countries';
import type { PinCandidate } from '../../model/pin';

/** libphonenumber's numbering plans ("min", the library's default set): see lib/background/phone-plans.ts. */
export type PhonePlans = MetadataJson;

/**
 * E.164 when the number parses (national numbers read in the candidate's country, else the US), else as given; as
 * given too without the numbering plans (the extension's copy could not be read).
 */
export function normalizePhone(
  raw: string,
  country: string | null | undefined,
  plans: PhonePlans | null,
): string {
  const value = raw.trim();
  if (!plans) return value;
  const parsed = parsePhoneNumberFromString(value, countryCodeFor(country) ?? 'US', plans);
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
