import type { StepContext } from './context';
import { runWrite, type Slot, type WriteSpec } from './write';

export const applicationScopes = (): string[] => ['harvest:applications:create'];

export const applicationSlot = (ctx: StepContext): Slot => ({
  get: () => ctx.item.steps.application,
  set: (state) => {
    ctx.item.steps.application = state;
  },
});

/** The application on the chosen Greenhouse job, or a prospect application when none was chosen. */
export function applicationSpec(ctx: StepContext, personId: number): WriteSpec {
  const { item, api } = ctx;
  const jobId = item.greenhouseJobId;
  return {
    what: 'creating the application',
    done: jobId === null ? 'Prospect application created' : 'Application created',
    readBackScope: 'harvest:applications:list',
    readBack: async () => {
      const applications = await api.applicationsOfCandidate(personId);
      const match = applications.find((a) =>
        jobId === null ? a.prospect === true : a.job_id === jobId && a.prospect !== true,
      );
      return match?.id ?? null;
    },
    send: () =>
      api.createApplication(
        jobId === null
          ? { candidate_id: personId, prospect: true, job_ids: [] }
          : { candidate_id: personId, job_id: jobId },
        () => ctx.startResume(true),
      ),
    whenUnsure: 'stop',
    whenRefused: 'fail',
  };
}

/**
 * A person this export did not create may already be on the chosen job (another recruiter added them, or a
 * teammate's browser ran the same rule a moment earlier): then no second application is made, and the sync record
 * points at theirs. Needs harvest:applications:list; without it the application is created as before.
 */
async function existingApplication(ctx: StepContext, personId: number): Promise<number | null> {
  const jobId = ctx.item.greenhouseJobId;
  if (jobId === null || !ctx.granted('harvest:applications:list')) return null;
  const applications = await ctx.api.applicationsOfCandidate(personId);
  return applications.find((a) => a.job_id === jobId && a.prospect !== true)?.id ?? null;
}

/** Returns the application id, or null when Greenhouse made it but its answer could not be read. */
export async function runApplicationStep(
  ctx: StepContext,
  person: { id: number; created: boolean },
): Promise<number | null> {
  const steps = ctx.item.steps;
  if (!person.created && (steps.application === undefined || steps.application.status === 'todo')) {
    const existing = await existingApplication(ctx, person.id);
    if (existing !== null) {
      steps.application = { status: 'done', id: existing, existing: true };
      await ctx.save();
      return existing;
    }
  }
  const state = await runWrite(ctx, applicationSpec(ctx, person.id), applicationSlot(ctx));
  return state.status === 'done' ? state.id : null;
}
