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
      ),
    whenUnsure: 'stop',
    whenRefused: 'fail',
  };
}

/** Returns the application id, or null when Greenhouse made it but its answer could not be read. */
export async function runApplicationStep(ctx: StepContext, personId: number): Promise<number | null> {
  const state = await runWrite(ctx, applicationSpec(ctx, personId), applicationSlot(ctx));
  return state.status === 'done' ? state.id : null;
}
