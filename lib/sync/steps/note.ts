import { syncNote } from '../note';
import type { StepContext } from './context';
import { runWrite } from './write';

export const noteScopes = (): string[] => ['harvest:notes:create'];

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** "Sourced from Pin: <profile URL>" and how it was synced, authored by the act-as user when one is set. */
export async function runNoteStep(ctx: StepContext, personId: number, applicationId: number | null) {
  const { item, api, connection } = ctx;
  const steps = item.steps;
  const body = syncNote(item.profileUrl, item.reason);
  const state = steps.note;
  if (
    (state === undefined || state.status === 'todo') &&
    steps.application?.status === 'done' &&
    steps.application.existing &&
    ctx.granted('harvest:notes:list')
  ) {
    // Already on the job (a teammate's browser ran the same rule): their note from this Pin profile is enough.
    const source = `Sourced from Pin: ${item.profileUrl}`;
    const notes = await api.notesOfCandidate(personId);
    if (notes.some((n) => (n.body ?? '').includes(source))) {
      steps.note = { status: 'skipped', reason: 'Greenhouse already has the note from this Pin profile' };
      return;
    }
  }
  await runWrite(
    ctx,
    {
      what: 'the sync note',
      done: 'Note added',
      readBackScope: 'harvest:notes:list',
      readBack: async () =>
        (await api.notesOfCandidate(personId)).find((n) => squash(n.body) === squash(body))?.id ?? null,
      send: () =>
        api.createNote({
          candidate_id: personId,
          ...(applicationId !== null ? { application_id: applicationId } : {}),
          ...(connection.actAsUserId !== null ? { user_id: connection.actAsUserId } : {}),
          body,
          visibility: ctx.settings.noteVisibility,
          note_type: 'NOTE',
        }),
      whenUnsure: 'warn',
      whenRefused: 'fail',
    },
    {
      get: () => steps.note,
      set: (state) => {
        steps.note = state;
      },
    },
  );
}
