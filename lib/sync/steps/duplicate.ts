import type { Listed } from '../../greenhouse/types';
import { greenhouseProfileUrl } from '../../model/links';
import { linkedInSlug, normalizeEmail } from '../presence/keys';
import type { StepContext } from './context';

/** How far back a re-read looks for people created by a teammate's browser (by LinkedIn, for people without email). */
const RECENT_MS = 10 * 60_000;

/**
 * Other Greenhouse people who are this Pin candidate, read live right after this export created `ownId`: by email (a
 * teammate's browser wrote the same emails, so the first is enough), or (a candidate without email) among people
 * created in the last minutes, by LinkedIn profile.
 */
export async function othersLikeThisPerson(
  ctx: StepContext,
  ownId: number,
): Promise<Listed<{ id: number }>[]> {
  const { item, api } = ctx;
  const email = item.candidate.emails.flatMap((e) => normalizeEmail(e.address) ?? [])[0];
  const slug = item.candidate.linkedinUrl ? linkedInSlug(item.candidate.linkedinUrl) : null;
  let rows: Listed<{ id: number }>[] = [];
  if (email) {
    rows = await api.findCandidatesByEmail(email);
  } else if (slug) {
    const recent = await api.candidatesCreatedSince(new Date(ctx.now() - RECENT_MS).toISOString());
    rows = recent.filter((c) => (c.social_media_addresses ?? []).some((s) => linkedInSlug(s.value) === slug));
  }
  const byId = new Map(rows.filter((r) => r.id !== ownId).map((r) => [r.id, r] as const));
  return [...byId.values()];
}

const why = (ctx: StepContext) =>
  ctx.item.candidate.emails.map((e) => e.address.trim()).find(Boolean) ?? 'this LinkedIn profile';

export function possibleDuplicateWarning(ctx: StepContext, ownId: number, others: readonly number[]): string {
  const links = [ownId, ...others].map((id) => greenhouseProfileUrl(id)).join(' and ');
  return `Possible duplicate: another Greenhouse person with ${why(ctx)} was created at about the same time (${links}). Merge them in Greenhouse.`;
}

/**
 * After a manual create, read Greenhouse again: a teammate's browser may have created the same person at the same
 * moment. Then the ledger gets a "possible duplicate" warning with both links, so a recruiter can merge them. Runs
 * beside the other steps; a failed check is not a failed export. (Automated creates converge instead: converge.ts.)
 */
export async function flagPossibleDuplicate(ctx: StepContext, personId: number): Promise<void> {
  if (ctx.item.steps.person?.status !== 'done' || ctx.item.duplicateChecked) return;
  try {
    const others = await othersLikeThisPerson(ctx, personId);
    ctx.item.duplicateChecked = true;
    if (others.length)
      ctx.warn(
        possibleDuplicateWarning(
          ctx,
          personId,
          others.map((o) => o.id),
        ),
      );
    await ctx.save();
  } catch {
    // Only a check: the export stands; a later run (Retry) does not repeat it once it has run.
  }
}
