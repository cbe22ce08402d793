import plans from 'libphonenumber-js/metadata.min.json';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh module per test: the plans are read once per worker. */
const load = async () => (await import('./phone-plans')).loadPhonePlans;

describe('the phone numbering plans', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    vi.restoreAllMocks();
  });

  it("are read from the extension's copy once per worker", async () => {
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(plans)));
    vi.stubGlobal('fetch', fetch);
    const loadPhonePlans = await load();
    const [first, second] = await Promise.all([loadPhonePlans(), loadPhonePlans()]);
    expect(first?.countries.GB).toEqual(plans.countries.GB);
    expect(second).toBe(first);
    expect(await loadPhonePlans()).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0]![0])).toMatch(/\/phone-plans\.json$/);
  });

  it('are null when the copy cannot be read or is not numbering plans, and read again by the next export', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const answers = [
      new Response('missing', { status: 404 }),
      new Response('{"version":4}'),
      new Response(JSON.stringify(plans)),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answers.shift()!),
    );
    const loadPhonePlans = await load();
    expect(await loadPhonePlans()).toBeNull();
    expect(await loadPhonePlans()).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    expect((await loadPhonePlans())?.countries.US).toBeDefined();
  });
});
