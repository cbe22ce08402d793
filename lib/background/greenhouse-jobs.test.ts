import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HarvestApi } from '../greenhouse/api';
import { AppFailure } from '../messaging/envelope';
import { greenhouseJobsItem } from '../storage/session-items';
import { GreenhouseJobs } from './greenhouse-jobs';

const jobsApi = () => {
  let reads = 0;
  const api = {
    async listJobs() {
      reads += 1;
      return [
        { id: 2, name: 'Zoologist', status: 'closed' },
        { id: 1, name: 'Backend', requisition_id: 'ENG-1', status: 'open' },
      ];
    },
  } as unknown as HarvestApi;
  return { api, reads: () => reads };
};
const never = new Promise<HarvestApi>(() => {});

describe('the Greenhouse job list', () => {
  beforeEach(() => fakeBrowser.reset());

  it("takes the session's fresh list without waiting for the connection, and reads Greenhouse when it is stale", async () => {
    const kept = [{ id: 9, name: 'Kept job', requisitionId: null, status: 'open' as const }];
    await greenhouseJobsItem.setValue({ at: Date.now(), jobs: kept });
    const jobs = new GreenhouseJobs();
    jobs.warm();
    expect(await jobs.find(never, 9)).toEqual(kept[0]);

    await greenhouseJobsItem.setValue({ at: Date.now() - 10 * 60_000, jobs: kept });
    const stale = new GreenhouseJobs();
    const { api, reads } = jobsApi();
    expect((await stale.list(Promise.resolve(api))).map((j) => j.name)).toEqual(['Backend', 'Zoologist']);
    expect(reads()).toBe(1);
    expect((await greenhouseJobsItem.getValue())?.jobs.map((j) => j.id)).toEqual([1, 2]);
  });

  it('fails with the connection’s own failure when Greenhouse must be read and is not connected', async () => {
    const jobs = new GreenhouseJobs();
    const notConnected = Promise.reject(new AppFailure('not_connected', 'Greenhouse is not connected.'));
    await expect(jobs.find(notConnected, 1)).rejects.toMatchObject({ error: { code: 'not_connected' } });
    const { api } = jobsApi();
    await expect(jobs.find(Promise.resolve(api), 3)).rejects.toMatchObject({
      error: { code: 'unknown_job' },
    });
  });
});
