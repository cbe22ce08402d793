import type { StatusObservation } from '../../model/pin';
import { BUILTIN_PIN_MAPPING } from '../mapping/builtin';
import type { PinMapping } from '../mapping/schema';
import { profileRows } from './lists';
import { readOutreach } from './outreach';
import { mainOf, type Read, Reads } from './reads';

/** The inbox: one observation per thread that links to a profile and shows an outreach status. */
export function readInbox(
  root: ParentNode,
  mapping: PinMapping = BUILTIN_PIN_MAPPING,
): Read<{ observations: StatusObservation[] }> {
  const reads = new Reads();
  const main = mainOf(root, mapping);
  if (!main) return reads.fail('the inbox');
  const observations = profileRows(main, mapping).flatMap((row) => {
    const outreach = readOutreach(row.element, mapping);
    return outreach
      ? [
          {
            jobId: row.jobId,
            candidateId: row.candidateId,
            status: outreach.status,
            eventTimes: outreach.eventTimes,
          },
        ]
      : [];
  });
  reads.note(
    'threads',
    observations.length ? String(observations.length) : null,
    'links to profiles',
    observations.length,
  );
  return { ok: true, reads: reads.list, value: { observations } };
}
