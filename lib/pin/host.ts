/**
 * Pin's web app origin. Assumed, not published by Pin (see README "Assumptions"):
 * changing it here changes the manifest match pattern and every URL the adapter reads.
 */
export const PIN_ORIGIN = 'https://app.pin.com';
export const PIN_MATCH_PATTERN = `${PIN_ORIGIN}/*`;
