import type { StepContext } from './context';
import { runWrite } from './write';

export function resumeScopes(ctx: Pick<StepContext, 'item'>): string[] {
  return ctx.item.candidate.sourcedByPin ? ['harvest:attachments:create'] : [];
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The Pin-generated resume PDF, as the application's `resume` attachment (Pin-sourced candidates only). */
export async function runResumeStep(ctx: StepContext, applicationId: number | null): Promise<void> {
  const { item, api } = ctx;
  const steps = item.steps;
  if (!item.candidate.sourcedByPin) {
    steps.resume = { status: 'skipped', reason: 'Imported into Pin, not sourced by Pin' };
    return;
  }
  if (steps.resume && steps.resume.status !== 'todo' && steps.resume.status !== 'pending') return;
  if (steps.application?.status === 'done' && steps.application.existing) {
    steps.resume = {
      status: 'skipped',
      reason: 'Already on this job in Greenhouse: the application’s files were left as they are',
    };
    return;
  }
  if (applicationId === null) {
    const message =
      'Resume not uploaded: Greenhouse made the application but its answer was unreadable, so the resume has nothing to attach to. Upload it in Greenhouse by hand.';
    ctx.warn(message);
    steps.resume = { status: 'warning', message };
    await ctx.save();
    return;
  }
  // Let the other steps' requests go out before any PDF work (none when it was made ahead).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { filename, bytes } = await ctx.startResume(false)!;
  await runWrite(
    ctx,
    {
      what: 'the resume upload',
      done: 'Resume uploaded',
      readBackScope: 'harvest:attachments:list',
      readBack: async () =>
        (await api.attachmentsOfApplication(applicationId)).find(
          (a) => a.filename === filename && (a.type === 'resume' || a.type === 'other'),
        )?.id ?? null,
      send: () =>
        api.createAttachment({
          application_id: applicationId,
          filename,
          type: 'resume',
          content: toBase64(bytes),
        }),
      whenUnsure: 'stop',
      whenRefused: 'fail',
    },
    {
      get: () => steps.resume,
      set: (state) => {
        steps.resume = state;
      },
    },
  );
}
