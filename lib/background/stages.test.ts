import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HarvestApi } from '../greenhouse/api';
import type { SyncRecord } from '../model/sync-record';
import { StageService } from './stages';

const record = (i: number): SyncRecord => ({
  pinCandidateId: `pin-${i}`,
  greenhouseCandidateId: 1000 + i,
  linkedToExisting: false,
  applications: [{ pinJobId: 'job', greenhouseJobId: 7, applicationId: 5000 + i }],
  syncedAt: 0,
});

/** A Harvest stand-in that answers every application as "Phone Screen" after `delayMs`. */
function stageApi(delayMs = 0) {
  const reads: number[][] = [];
  const api = {
    async applicationsOfCandidates(ids: readonly number[]) {
      reads.push([...ids]);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return ids.map((id) => ({
        id: id + 4000,
        stage_name: 'Phone Screen',
        status: 'in_process',
        prospect: false,
      }));
    },
  } as unknown as HarvestApi;
  return { api, reads };
}

describe('StageService', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the first ask almost at once and signals the Pin candidates', async () => {
    const { api, reads } = stageApi();
    const changed: string[][] = [];
    const stages = new StageService({ changed: (ids) => changed.push(ids), dbName: 'stages-1' });
    const started = Date.now();
    await stages.refresh(api, [record(1), record(2)]);
    expect(Date.now() - started).toBeLessThan(500);
    expect(reads).toEqual([[1001, 1002]]);
    expect(changed).toEqual([['pin-1', 'pin-2']]);
    expect((await stages.get(5001))?.stage).toBe('Phone Screen');
  });

  it('gathers asks that arrive during and just after a read into one next read, and skips fresh stages', async () => {
    const { api, reads } = stageApi(50);
    const stages = new StageService({ changed: () => {}, minIntervalMs: 300, dbName: 'stages-2' });
    const first = stages.refresh(api, [record(1)]);
    await new Promise((resolve) => setTimeout(resolve, 40)); // the first read is out
    const asks = [2, 3, 4].map((i) => stages.refresh(api, [record(i)]));
    await Promise.all([first, ...asks]);
    await new Promise((resolve) => setTimeout(resolve, 400)); // the follow-up read
    expect(reads).toEqual([[1001], [1002, 1003, 1004]]);
    // Read within the last minute: nothing to read.
    await stages.refresh(api, [record(1), record(3)]);
    expect(reads).toHaveLength(2);
  });

  it('keeps reads at least the interval apart in a burst of asks', async () => {
    const { api, reads } = stageApi();
    const stages = new StageService({ changed: () => {}, minIntervalMs: 200, dbName: 'stages-3' });
    for (let i = 1; i <= 6; i++) {
      void stages.refresh(api, [record(i)]).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(reads.flat().sort()).toEqual([1001, 1002, 1003, 1004, 1005, 1006]);
    expect(reads.length).toBeLessThanOrEqual(3);
  });
});
