import { greenhouseProfileUrl } from '../../model/links';
import type { StepContext } from './context';

/**
 * After creating a person, read Greenhouse again by email: a teammate's browser running the same rule at the same
 * moment may have created them too. Then the ledger gets a "possible duplicate" warning with both links, so a
 * recruiter can merge them. Runs beside the other steps; a failed check is not a failed export.
 */
export async function flagPossibleDuplicate(ctx: StepContext, personId: number): Promise<void> {
  if (ctx.item.steps.person?.status !== 'done' || ctx.item.duplicateChecked) return;
  const email = ctx.item.candidate.emails.map((e) => e.address.trim()).find(Boolean);
  if (!email) return;
  try {
    const others = (await ctx.api.findCandidatesByEmail(email)).filter((c) => c.id !== personId);
    ctx.item.duplicateChecked = true;
    if (others.length) {
      const links = [personId, ...others.map((c) => c.id)]
        .map((id) => greenhouseProfileUrl(id))
        .join(' and ');
      ctx.warn(
        `Possible duplicate: another Greenhouse person with ${email} was created at about the same time (${links}). Merge them in Greenhouse.`,
      );
    }
    await ctx.save();
  } catch {
    // Only a check: the export stands; a later run (Retry) does not repeat it once it has run.
  }
}
