import { GreenhouseError } from '../../greenhouse/errors';
import { greenhouseProfileUrl } from '../../model/links';
import { iso, type StepContext } from './context';
import { othersLikeThisPerson, possibleDuplicateWarning } from './duplicate';

export const DESTROY_SCOPE = 'harvest:candidates:destroy';

/** Automated exports (a rule, a backfill) converge with teammates' browsers; a manual one only flags (SPEC §6.2). */
export const converges = (ctx: Pick<StepContext, 'item'>) => ctx.item.reason.kind !== 'manual';

/**
 * Teams (SPEC §6.2). Right after this export created `ownId`, read Greenhouse again. When a teammate's browser
 * created the same person at the same moment, the browser whose person has the higher id gives way: with
 * `harvest:candidates:destroy` it removes **its own** person (journaled, so the removal happens once across worker
 * stops) and the export becomes linked to the other person, writing nothing more; without the scope it leaves a
 * "Possible duplicate" warning with both links. Returns whether the export goes on with its own person.
 */
export async function runConvergeStep(ctx: StepContext, ownId: number): Promise<'own' | 'linked'> {
  const { item, api } = ctx;
  const steps = item.steps;
  const person = steps.person;
  // Only ever the person this same export created.
  if (person?.status !== 'done' || !person.created || person.id !== ownId) {
    if (steps.converge?.status === 'removed') return 'linked';
    return 'own';
  }
  if (steps.converge?.status === 'checked') return 'own';

  let winner: number;
  if (steps.converge?.status === 'removing') {
    winner = steps.converge.winner;
  } else {
    const others = (await othersLikeThisPerson(ctx, ownId)).map((o) => o.id);
    const lowest = Math.min(...others);
    if (!others.length || lowest > ownId) {
      // Ours is the oldest: the others give way (their browsers run this same step).
      steps.converge = { status: 'checked' };
      await ctx.save();
      return 'own';
    }
    if (!ctx.granted(DESTROY_SCOPE)) {
      ctx.warn(possibleDuplicateWarning(ctx, ownId, others));
      item.duplicateChecked = true;
      steps.converge = { status: 'checked' };
      await ctx.save();
      return 'own';
    }
    winner = lowest;
    steps.converge = { status: 'removing', since: iso(ctx.now()), own: ownId, winner };
    await ctx.save();
  }
  // A DELETE that was sent before a worker stopped is simply sent again: a person already removed answers 404.
  try {
    await api.deleteCandidate(ownId);
  } catch (error) {
    if (error instanceof GreenhouseError && error.kind === 'forbidden') {
      // The scope was taken away meanwhile: a warning instead.
      ctx.warn(possibleDuplicateWarning(ctx, ownId, [winner]));
      steps.converge = { status: 'checked' };
      await ctx.save();
      return 'own';
    }
    throw error;
  }
  steps.converge = { status: 'removed', own: ownId, winner };
  steps.person = { status: 'done', id: winner, created: false };
  // Their browser writes the application, résumé and note: this one writes nothing more there.
  const application = ctx.granted('harvest:applications:list')
    ? (await api.applicationsOfCandidate(winner).catch(() => [])).find((a) =>
        item.greenhouseJobId === null ? a.prospect === true : a.job_id === item.greenhouseJobId,
      )
    : undefined;
  steps.application = application
    ? { status: 'done', id: application.id, existing: true }
    : { status: 'skipped', reason: "A teammate's browser adds the application to this person" };
  ctx.warn(
    `A teammate's browser created this person at the same moment; this browser removed its own copy (${greenhouseProfileUrl(ownId)}) and linked the export to ${greenhouseProfileUrl(winner)}.`,
  );
  await ctx.save();
  return 'linked';
}
