import type { HarvestApi } from '../greenhouse/api';
import { isGreenhouseError } from '../greenhouse/errors';
import { AppFailure } from '../messaging/envelope';
import type { GreenhouseJobView } from '../model/greenhouse-job';
import { greenhouseJobsItem } from '../storage/session-items';

const JOBS_TTL_MS = 5 * 60_000;
const ORDER: Record<string, number> = { open: 0, draft: 1, closed: 2 };

/**
 * Greenhouse's job list for the pickers, open jobs first, read at most every 5 minutes. A worker woken by Export takes
 * the list the dialog just showed (session storage) instead of asking again.
 */
export class GreenhouseJobs {
  private cache: { at: number; jobs: GreenhouseJobView[] } | null = null;

  /**
   * The list, from the cache while it is fresh; `api` is awaited only to read Greenhouse again (a cold worker reads
   * its session copy while the connection is being read).
   */
  async list(api: Promise<HarvestApi>): Promise<GreenhouseJobView[]> {
    api.catch(() => {}); // awaited below when needed; unused while the cache is fresh
    this.cache ??= await this.kept();
    if (this.cache && Date.now() - this.cache.at < JOBS_TTL_MS) return this.cache.jobs;
    const client = await api;
    let jobs: Awaited<ReturnType<HarvestApi['listJobs']>>;
    try {
      jobs = await client.listJobs();
    } catch (error) {
      throw new AppFailure(
        isGreenhouseError(error) ? error.kind : 'internal',
        error instanceof Error ? error.message : String(error),
      );
    }
    const views = jobs
      .map((j) => ({
        id: j.id,
        name: j.name ?? `Job ${j.id}`,
        requisitionId: j.requisition_id ?? null,
        status: j.status ?? 'open',
      }))
      .sort((a, b) => (ORDER[a.status] ?? 3) - (ORDER[b.status] ?? 3) || a.name.localeCompare(b.name));
    this.cache = { at: Date.now(), jobs: views };
    void greenhouseJobsItem.setValue(this.cache);
    return views;
  }

  /** The job with this id, or a failure naming it. */
  async find(api: Promise<HarvestApi>, id: number): Promise<GreenhouseJobView> {
    const job = (await this.list(api)).find((j) => j.id === id);
    if (!job) throw new AppFailure('unknown_job', `Greenhouse job ${id} was not found`);
    return job;
  }

  forget(): void {
    this.cache = null;
    this.keptRead = null;
    void greenhouseJobsItem.setValue(null);
  }

  /** Reads the list kept in the session (once per worker): started at wake-up, so Export finds it read. */
  warm(): void {
    void this.kept();
  }

  private keptRead: Promise<{ at: number; jobs: GreenhouseJobView[] } | null> | null = null;
  private kept() {
    this.keptRead ??= greenhouseJobsItem.getValue().catch(() => null);
    return this.keptRead;
  }
}
