import type { PinJob } from '../../model/pin';
import { safeAll, textOf } from '../dom';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import type { PinMapping } from '../mapping/schema';
import { findInRows, type PipelineRow, profileRows } from './lists';
import { readOutreach } from './outreach';
import { mainOf, type Read, Reads } from './reads';

/** A job's pipeline: its title and one row per profile link, with the row's outreach status. */
export function readPipeline(
  root: ParentNode,
  page: { jobId: string },
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
): Read<{ job: PinJob; rows: PipelineRow[] }> {
  const reads = new Reads();
  const main = mainOf(root, mapping);
  if (!main) return reads.fail('the main region');
  const title = textOf(safeAll(main, 'h1')[0]);
  reads.note('job title', title, 'main heading <h1>');
  if (!title) return reads.fail("the job's title");
  let statuses = 0;
  let statusRule: string | null = null;
  const found = profileRows(main, mapping, page.jobId);
  const finds = findInRows(
    main,
    found.map((r) => r.element),
    mapping,
  );
  const rows = found.map((row, index): PipelineRow => {
    const outreach = readOutreach(row.element, mapping, finds[index]);
    if (outreach) {
      statuses += 1;
      statusRule ??= outreach.rule;
    }
    return {
      candidateId: row.candidateId,
      element: row.element,
      nameCell: row.link.parentElement ?? row.element,
      observation: outreach
        ? {
            jobId: page.jobId,
            candidateId: row.candidateId,
            status: outreach.status,
            eventTimes: outreach.eventTimes,
          }
        : null,
    };
  });
  reads.note('rows', rows.length ? String(rows.length) : null, 'links to profiles', rows.length);
  reads.note('row statuses', statuses ? String(statuses) : null, statusRule, statuses);
  return { ok: true, reads: reads.list, value: { job: { id: page.jobId, title }, rows } };
}
