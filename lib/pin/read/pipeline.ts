import type { PinJob } from '../../model/pin';
import { safeFirst, textOf } from '../dom';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import type { PinMapping } from '../mapping/schema';
import { findInRows, linkList, type PipelineRow, type ProfileRow, profileRows } from './lists';
import { readOutreach } from './outreach';
import { mainOf, type Read, Reads } from './reads';
import type { RowOutreach, RowReading } from './row-reading';

/**
 * A job's pipeline: its title and its rows, with each row's outreach status. Without `rowReading`, every row is read.
 * With it (the content script), only the rows it wants now are read for their status, each once while unchanged:
 * the rows come with `read: false` and `observation: null` for the others, which a long list's first read (or a
 * read after a scroll) leaves out altogether. `listed` counts every row (or, when left out, every profile link).
 */
export function readPipeline(
  root: ParentNode,
  page: { jobId: string },
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
  rowReading?: RowReading,
): Read<{ job: PinJob; rows: PipelineRow[]; listed: number }> {
  const reads = new Reads();
  const main = mainOf(root, mapping);
  if (!main) return reads.fail('the main region');
  const title = textOf(safeFirst(main, 'h1'));
  reads.note('job title', title, 'main heading <h1>');
  if (!title) return reads.fail("the job's title");
  let statuses = 0;
  let statusRule: string | null = null;
  const pipelineRow = (row: ProfileRow, outreach: RowOutreach | null | undefined): PipelineRow => {
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
  };
  const readRow = (reading: RowReading, row: ProfileRow): RowOutreach | null => {
    let outreach = reading.known(row.element);
    if (outreach === undefined) {
      outreach = readOutreach(row.element, mapping);
      reading.remember(row.element, outreach);
    }
    return outreach;
  };

  let rows: PipelineRow[];
  let listed: number;
  // With nothing changed since the last read, only the rows near the screen are made: a 1,000-row list then costs
  // one query for its links and a few screens of rows, not a row per link.
  const lazy = rowReading && !rowReading.changesPending ? linkList(main, mapping, page.jobId) : null;
  if (rowReading && lazy) {
    const [from, to] = rowReading.window(lazy.links);
    rows = [];
    for (let index = from; index < to; index++) {
      const row = lazy.rowAt(index);
      if (row) rows.push(pipelineRow(row, readRow(rowReading, row)));
    }
    listed = lazy.links.length;
  } else {
    const found = profileRows(main, mapping, page.jobId);
    let outreachOf: (row: ProfileRow, index: number) => RowOutreach | null | undefined;
    if (rowReading) {
      const wanted = rowReading.wanted(found);
      outreachOf = (row, index) => (wanted(index, row) ? readRow(rowReading, row) : undefined);
    } else {
      // Every row: one query per selector over the whole list.
      const finds = findInRows(
        main,
        found.map((r) => r.element),
        mapping,
      );
      outreachOf = (row, index) => readOutreach(row.element, mapping, finds[index]);
    }
    rows = found.map((row, index) => pipelineRow(row, outreachOf(row, index)));
    listed = rows.length;
  }
  reads.note('rows', listed ? String(listed) : null, 'links to profiles', listed);
  reads.note('row statuses', statuses ? String(statuses) : null, statusRule, statuses);
  return { ok: true, reads: reads.list, value: { job: { id: page.jobId, title }, rows, listed } };
}
