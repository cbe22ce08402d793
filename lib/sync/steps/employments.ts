import type { Employment } from '../../greenhouse/schemas';
import type { CreateEmploymentBody } from '../../greenhouse/unconfirmed';
import { employmentBodies } from '../mapping/candidate';
import type { StepContext } from './context';
import { runWrite } from './write';

/** Employments are written for people this export created; linked people keep their profile (SPEC §5 rule 2). */
export function employmentScopes(ctx: Pick<StepContext, 'item' | 'record'>): string[] {
  return !ctx.record && ctx.item.candidate.experience.length > 0
    ? ['harvest:candidate_employments:create']
    : [];
}

const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : undefined);
const same = (found: Employment, body: CreateEmploymentBody) =>
  found.company_name === body.company_name &&
  found.title === body.title &&
  day(found.start_date) === day(body.start_date);

/**
 * One employment per Pin experience entry. A refused one (a missing start date, say) becomes a ledger warning and
 * the export goes on; one whose answer was lost is read back, or noted as possibly missing, never sent twice.
 */
export async function runEmploymentsStep(ctx: StepContext, personId: number): Promise<void> {
  const { item, api } = ctx;
  const bodies = employmentBodies(item.candidate, personId);
  item.steps.employments ??= bodies.map(() => ({ status: 'todo' }) as const);
  const states = item.steps.employments;
  // Read-backs of lost answers (at the start of a run) share one list call. A read-back after an unreadable answer
  // must see that write, and one after waiting for a stopped worker's request to land must see what landed since:
  // both list again.
  let shared: { at: number; list: Promise<Employment[]> } | null = null;
  let sent = false;
  const readExisting = (notBefore = Number.NEGATIVE_INFINITY) => {
    if (sent) return api.employmentsOfCandidate(personId);
    if (!shared || shared.at < notBefore)
      shared = { at: ctx.now(), list: api.employmentsOfCandidate(personId) };
    return shared.list;
  };
  await Promise.all(
    bodies.map((body, index) =>
      runWrite(
        ctx,
        {
          what: `the employment "${body.title}" at "${body.company_name}"`,
          done: `Employment "${body.title}" at "${body.company_name}" saved`,
          readBackScope: 'harvest:candidate_employments:list',
          readBack: async (notBefore) => {
            const claimed = new Set(
              states.flatMap((s, i) => (i !== index && s.status === 'done' && s.id !== null ? [s.id] : [])),
            );
            return (
              (await readExisting(notBefore)).find((e) => !claimed.has(e.id ?? -1) && same(e, body))?.id ??
              null
            );
          },
          send: () => {
            sent = true;
            return api.createEmployment(body);
          },
          whenUnsure: 'warn',
          whenRefused: 'warn',
        },
        {
          get: () => states[index],
          set: (state) => {
            states[index] = state;
          },
        },
      ),
    ),
  );
}
