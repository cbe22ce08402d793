/**
 * Counts what the background reads from storage after it wakes, until its first Greenhouse request (SPEC §10: under
 * 100 KB at a cold wake-up). Only that window is counted, so reads after it cost nothing extra. `npm run bench` reads
 * the total from the `pgs:bytes-before-first-request` mark.
 */
let metering = true;
let bytes = 0;

const sizeOf = (value: unknown): number => {
  if (value === undefined || value === null) return 0;
  try {
    return JSON.stringify(value).length;
  } catch {
    return 0;
  }
};

export function meterRead<T>(value: T): T {
  if (metering) bytes += sizeOf(value);
  return value;
}

/** Counts every read of a `browser.storage` area (WXT's items read through it) while metering. */
export function meterStorageArea(area: { get: (...args: never[]) => Promise<unknown> }): void {
  const get = area.get.bind(area) as (...args: unknown[]) => Promise<unknown>;
  (area as { get: (...args: unknown[]) => Promise<unknown> }).get = async (...args: unknown[]) => {
    const result = await get(...args);
    return metering ? meterRead(result) : result;
  };
}

/** The first Greenhouse request is on its way: stop counting and leave the total on the timeline. */
export function stopMeter(): void {
  if (!metering) return;
  metering = false;
  performance.mark('pgs:bytes-before-first-request', { detail: bytes });
}
