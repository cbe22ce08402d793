import type { PinJob } from '../../model/pin';
import { safeAll, textOf } from '../dom';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import type { PinMapping } from '../mapping/schema';
import { findInRows, type PipelineRow, type ProfileRow, profileRows } from './lists';
import { readOutreach } from './outreach';
import { mainOf, type Read, Reads } from './reads';
import type { RowOutreach, RowReading } from './row-reading';

/**
 * A job's pipeline: its title and one row per profile link, with the row's outreach status. With `rowReading` (the
 * content script), only the rows it wants now are read for their status, each once while unchanged; the other rows
 * come with `observation: null` and `read: false`.
 */
export function readPipeline(
  root: ParentNode,
  page: { jobId: string },
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
  rowReading?: RowReading,
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
  let outreachOf: (row: ProfileRow, index: number) => RowOutreach | null | undefined;
  if (rowReading) {
    const wanted = rowReading.wanted(found);
    outreachOf = (row, index) => {
      if (!wanted(index, row)) return undefined;
      let outreach = rowReading.known(row.element);
      if (outreach === undefined) {
        outreach = readOutreach(row.element, mapping);
        rowReading.remember(row.element, outreach);
      }
      return outreach;
    };
  } else {
    // Every row: one query per selector over the whole list.
    const finds = findInRows(
      main,
      found.map((r) => r.element),
      mapping,
    );
    outreachOf = (row, index) => readOutreach(row.element, mapping, finds[index]);
  }
  const rows = found.map((row, index): PipelineRow => {
    const outreach = outreachOf(row, index);
    if (outreach) {
      statuses += 1;
      statusRule ??= outreach.rule;
    }
    return Object.assign(row, {
      read: outreach !== undefined,
      observation: outreach
        ? {
            jobId: page.jobId,
            candidateId: row.candidateId,
            status: outreach.status,
            eventTimes: outreach.eventTimes,
          }
        : null,
    });
  });
  reads.note('rows', rows.length ? String(rows.length) : null, 'links to profiles', rows.length);
  reads.note('row statuses', statuses ? String(statuses) : null, statusRule, statuses);
  return { ok: true, reads: reads.list, value: { job: { id: page.jobId, title }, rows } };
}
