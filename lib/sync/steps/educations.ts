import { educationBodies } from '../mapping/education';
import type { StepContext } from './context';
import { runWrite } from './write';

/** Education needs Greenhouse's option lists (SPEC §2): sent only when both optional scopes are granted. */
export function canSendEducation(ctx: Pick<StepContext, 'item' | 'record' | 'granted'>): boolean {
  const { item, record } = ctx;
  const states = item.steps.educations;
  return (
    !record &&
    item.candidate.education.length > 0 &&
    (!states || states.some((s) => s.status === 'pending' || s.status === 'todo')) &&
    ctx.granted('harvest:candidate_educations:create') &&
    ctx.granted('harvest:custom_field_options:list')
  );
}

/**
 * One education per Pin school that matches a Greenhouse school option. Greenhouse has no read-back for these in the
 * product's scopes, so a lost answer is noted as a warning rather than sent again.
 */
export async function runEducationsStep(ctx: StepContext, personId: number): Promise<void> {
  const { item, api } = ctx;
  if (!ctx.educationOptions) return;
  let bodies: ReturnType<typeof educationBodies>;
  try {
    bodies = educationBodies(item.candidate, personId, await ctx.educationOptions);
  } catch {
    const message = 'Education was not sent: Greenhouse’s school list could not be read';
    ctx.warn(message);
    item.steps.educations = [{ status: 'warning', message }];
    await ctx.save();
    return;
  }
  const previous = item.steps.educations;
  const states = bodies.map((body, index) => {
    const before = previous?.length === bodies.length ? previous[index] : undefined;
    if (before) return before;
    return body
      ? ({ status: 'todo' } as const)
      : ({ status: 'skipped', reason: 'No matching Greenhouse school' } as const);
  });
  item.steps.educations = states;
  await Promise.all(
    bodies.map((body, index) =>
      body
        ? runWrite(
            ctx,
            {
              what: 'an education',
              done: 'Education saved',
              readBackScope: null,
              send: () => api.createEducation(body),
              whenUnsure: 'warn',
              whenRefused: 'warn',
            },
            {
              get: () => states[index],
              set: (state) => {
                states[index] = state;
              },
            },
          )
        : null,
    ),
  );
}
