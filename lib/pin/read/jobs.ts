import type { PinJob } from '../../model/pin';
import { safeAll, textOf } from '../dom';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import type { PinMapping } from '../mapping/schema';
import { pageOfLink } from './lists';
import { mainOf, type Read, Reads } from './reads';

/** The jobs list: every link to a job's pipeline, with its title. */
export function readJobsList(root: ParentNode, mapping: PinMapping = BUILTIN_PIN_MAPPING): Read<PinJob[]> {
  const reads = new Reads();
  const main = mainOf(root, mapping);
  if (!main) return reads.fail('the jobs list');
  const jobs = new Map<string, PinJob>();
  for (const link of safeAll(main, 'a[href]')) {
    const target = pageOfLink(link, mapping);
    const title = textOf(link);
    if (target.kind === 'pipeline' && title && !jobs.has(target.jobId))
      jobs.set(target.jobId, { id: target.jobId, title });
  }
  reads.note('jobs', jobs.size ? String(jobs.size) : null, 'links to job pipelines', jobs.size);
  if (jobs.size === 0 && !safeAll(main, 'h1').length) return reads.fail('the jobs list');
  return { ok: true, reads: reads.list, value: [...jobs.values()] };
}
