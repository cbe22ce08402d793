import type { HarvestApi } from '../greenhouse/api';
import { GreenhouseError, MESSAGES } from '../greenhouse/errors';
import type { Candidate } from '../greenhouse/schemas';
import type { Connection, Settings } from '../storage/connection';
import { candidateBody, employmentBodies } from './mapping/candidate';
import { type EducationOptions, educationBodies } from './mapping/education';
import { splitName } from './mapping/name';
import type { ExportItem, ReviewMatch, SyncRecord } from './model';
import { syncNote } from './note';

export interface EngineDeps {
  api: HarvestApi;
  connection: Connection;
  settings: Settings;
  /** The sync record of this Pin candidate, if an earlier export already synced them. */
  record: SyncRecord | null;
  /** Persists the item; called before each write is sent (pending) and after it succeeds (done). */
  journal: (item: ExportItem) => Promise<void>;
  resume: (item: ExportItem) => Promise<{ filename: string; bytes: Uint8Array }>;
  /** Greenhouse's school, degree and discipline options (cached by the caller), when the scopes allow. */
  educationOptions?: () => Promise<EducationOptions>;
  now: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The scopes this item will use, so a missing one fails before anything is attempted. */
export function scopesNeeded(item: ExportItem, record: SyncRecord | null): string[] {
  const scopes = new Set<string>(['harvest:applications:create', 'harvest:notes:create']);
  if (!record && item.choice === null && item.candidate.emails.length > 0)
    scopes.add('harvest:candidates:list');
  if (!record && typeof item.choice !== 'number') scopes.add('harvest:candidates:create');
  if (!record && item.candidate.experience.length > 0) scopes.add('harvest:candidate_employments:create');
  if (item.candidate.sourcedByPin) scopes.add('harvest:attachments:create');
  return [...scopes];
}

function reviewMatch(c: Candidate): ReviewMatch {
  return {
    id: c.id ?? 0,
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || `Candidate ${c.id}`,
    emails: (c.email_addresses ?? []).flatMap((e) => (e.value ? [e.value] : [])),
    company: c.company ?? null,
    title: c.title ?? null,
  };
}

/**
 * Runs one export to the end, journaling each step so that a retry after any failure continues where it
 * stopped: create person → application → (employments ∥ resume ∥ note). Returns the item as `done` or
 * `needs_review`; throws a GreenhouseError when a step fails (the journal keeps what succeeded).
 */
export async function runExport(item: ExportItem, deps: EngineDeps): Promise<ExportItem> {
  const { api, connection, record } = deps;
  const granted = (scope: string) => connection.scopes[scope] === 'granted';
  const missing = scopesNeeded(item, record).filter((s) => !granted(s));
  if (missing.length) {
    throw new GreenhouseError({
      kind: 'missing_scope',
      scope: missing[0],
      message: MESSAGES.missingPermissions(missing),
    });
  }
  const steps = item.steps;
  const save = () => deps.journal(item);
  // The PDF is made while Greenhouse answers the lookup and the create, off the critical path.
  const resume = item.candidate.sourcedByPin && steps.resume?.status !== 'done' ? deps.resume(item) : null;
  resume?.catch(() => {}); // awaited (and reported) in the resume step
  // Education needs Greenhouse's option lists: fetched alongside the lookup, sent with the other details.
  const canSendEducation =
    !record &&
    item.candidate.education.length > 0 &&
    (!steps.educations || steps.educations.some((e) => e.status === 'pending')) &&
    deps.educationOptions !== undefined &&
    granted('harvest:candidate_educations:create') &&
    granted('harvest:custom_field_options:list');
  const educationOptions = canSendEducation ? deps.educationOptions!() : null;
  educationOptions?.catch(() => {});

  // 1. The person: already synced, chosen in review, found by email, or created.
  let personId: number | null = steps.person?.status === 'done' ? steps.person.candidateId : null;
  let created = steps.person?.status === 'done' ? steps.person.created : false;
  let adoptedAfterLostAnswer = false;
  if (personId === null && record) {
    personId = record.greenhouseCandidateId;
    steps.person = { status: 'done', candidateId: personId, created: false };
    await save();
  }
  if (personId === null && steps.person?.status === 'pending') {
    const found = await readBackPerson(item, api, steps.person.since);
    if (found) {
      personId = found;
      created = true;
      adoptedAfterLostAnswer = true;
      steps.person = { status: 'done', candidateId: found, created: true };
      await save();
    }
  }
  if (personId === null && typeof item.choice === 'number') {
    personId = item.choice;
    steps.person = { status: 'done', candidateId: personId, created: false };
    await save();
  }
  if (personId === null && item.choice !== 'new') {
    if (!steps.lookup) {
      const emails = [...new Set(item.candidate.emails.map((e) => e.address.trim()).filter(Boolean))];
      const results = await Promise.all(emails.map((email) => api.findCandidatesByEmail(email)));
      const byId = new Map<number, Candidate>();
      for (const c of results.flat()) if (typeof c.id === 'number') byId.set(c.id, c);
      steps.lookup = { status: 'done', matchIds: [...byId.keys()] };
      item.review = byId.size > 1 ? [...byId.values()].map(reviewMatch) : null;
      await save();
    }
    if (steps.lookup.matchIds.length > 1) {
      item.state = 'needs_review';
      return item;
    }
    if (steps.lookup.matchIds.length === 1) {
      personId = steps.lookup.matchIds[0]!;
      steps.person = { status: 'done', candidateId: personId, created: false };
      await save();
    }
  }
  if (personId === null) {
    const since = deps.now();
    steps.person = { status: 'pending', since: iso(since) };
    await save();
    const { candidate, application } = await api.createCandidate(
      candidateBody(item.candidate, item.greenhouseJobId),
    );
    if (typeof candidate.id !== 'number')
      throw new GreenhouseError({
        kind: 'bad_response',
        message: 'Greenhouse created a person but sent no id',
      });
    personId = candidate.id;
    created = true;
    steps.person = { status: 'done', candidateId: personId, created: true };
    if (item.greenhouseJobId !== null && typeof application?.id === 'number') {
      steps.application = { status: 'done', applicationId: application.id };
    }
    await save();
  }

  // 2. The application on the chosen job, or a prospect application.
  if (steps.application?.status !== 'done' && steps.application?.status !== 'skipped') {
    let applicationId: number | null = null;
    // After a lost answer the application may exist: its own, or the one created together with the person.
    if (
      steps.application?.status === 'pending' ||
      (adoptedAfterLostAnswer && item.greenhouseJobId !== null)
    ) {
      applicationId = await readBackApplication(item, api, personId, granted('harvest:applications:list'));
    }
    if (applicationId === null) {
      steps.application = { status: 'pending', since: iso(deps.now()) };
      await save();
      const app = await api.createApplication(
        item.greenhouseJobId === null
          ? { candidate_id: personId, prospect: true, job_ids: [] }
          : { candidate_id: personId, job_id: item.greenhouseJobId },
      );
      if (typeof app.id !== 'number')
        throw new GreenhouseError({
          kind: 'bad_response',
          message: 'Greenhouse created an application but sent no id',
        });
      applicationId = app.id;
    }
    steps.application = { status: 'done', applicationId };
    await save();
  }
  const applicationId = steps.application.status === 'done' ? steps.application.applicationId : null;

  // 3. Employments (new people only), resume and note, in parallel.
  const work: Promise<void>[] = [];
  if (created) {
    const bodies = employmentBodies(item.candidate, personId);
    steps.employments ??= bodies.map(() => ({ status: 'todo' }) as const);
    const unsure = steps.employments.some((step) => step.status === 'pending');
    const existing =
      unsure && granted('harvest:candidate_employments:list')
        ? await api.employmentsOfCandidate(personId)
        : [];
    const employments = steps.employments;
    // Adopt what a lost answer already created, then journal every remaining one as sent in a single write.
    const toSend: number[] = [];
    bodies.forEach((body, index) => {
      const step = employments[index];
      if (step?.status === 'pending') {
        const found = existing.find(
          (e) =>
            e.company_name === body.company_name &&
            e.title === body.title &&
            (e.start_date ?? undefined) === body.start_date,
        );
        if (typeof found?.id === 'number') {
          employments[index] = { status: 'done', employmentId: found.id };
          return;
        }
      }
      if (!step || step.status === 'pending' || step.status === 'todo') toSend.push(index);
    });
    const since = iso(deps.now());
    for (const index of toSend) employments[index] = { status: 'pending', since };
    if (toSend.length || unsure) await save();
    for (const index of toSend) {
      const body = bodies[index]!;
      work.push(
        (async () => {
          try {
            const employment = await api.createEmployment(body);
            employments[index] = { status: 'done', employmentId: employment.id ?? 0 };
          } catch (error) {
            if (!(error instanceof GreenhouseError) || error.kind !== 'validation') throw error;
            const message = `Employment "${body.title}" at "${body.company_name}" was not saved: ${error.message}`;
            employments[index] = { status: 'warning', message };
            item.warnings = [...item.warnings.filter((w) => w !== message), message];
          }
          await save();
        })(),
      );
    }
  }
  if (created && educationOptions) {
    work.push(
      (async () => {
        let bodies: ReturnType<typeof educationBodies>;
        try {
          bodies = educationBodies(item.candidate, personId, await educationOptions);
        } catch {
          steps.educations = [
            {
              status: 'warning',
              message: 'Education was not sent: Greenhouse’s school list could not be read',
            },
          ];
          await save();
          return;
        }
        // A retry sends again only what was still pending (education has no read-back scope in SPEC §2).
        const previous = steps.educations;
        steps.educations = bodies.map((body, index) =>
          previous?.[index] && previous[index].status !== 'pending'
            ? previous[index]
            : body
              ? { status: 'pending', since: iso(deps.now()) }
              : { status: 'skipped', reason: 'No matching Greenhouse school' },
        );
        await save();
        await Promise.all(
          bodies.map(async (body, index) => {
            if (!body || steps.educations![index]?.status !== 'pending') return;
            try {
              const education = await api.createEducation(body);
              steps.educations![index] = { status: 'done', educationId: education.id ?? 0 };
            } catch (error) {
              if (!(error instanceof GreenhouseError) || error.kind !== 'validation') throw error;
              steps.educations![index] = {
                status: 'warning',
                message: `Education was not saved: ${error.message}`,
              };
            }
          }),
        );
        await save();
      })(),
    );
  }
  if (!item.candidate.sourcedByPin) {
    steps.resume = { status: 'skipped', reason: 'Imported into Pin, not sourced by Pin' };
  } else if (steps.resume?.status !== 'done' && applicationId !== null) {
    work.push(
      (async () => {
        const { filename, bytes } = await resume!;
        if (steps.resume?.status === 'pending' && granted('harvest:attachments:list')) {
          const existing = (await api.attachmentsOfApplication(applicationId)).find(
            (a) => a.type === 'resume' && a.filename === filename,
          );
          if (typeof existing?.id === 'number') {
            steps.resume = { status: 'done', attachmentId: existing.id };
            await save();
            return;
          }
        }
        steps.resume = { status: 'pending', since: iso(deps.now()) };
        await save();
        const attachment = await api.createAttachment({
          application_id: applicationId,
          filename,
          type: 'resume',
          content: toBase64(bytes),
        });
        steps.resume = { status: 'done', attachmentId: attachment.id ?? 0 };
        await save();
      })(),
    );
  }
  if (steps.note?.status !== 'done') {
    work.push(
      (async () => {
        const body = syncNote(item.profileUrl, item.reason);
        if (steps.note?.status === 'pending' && granted('harvest:notes:list')) {
          const found = (await api.notesOfCandidate(personId)).find((n) => n.body === body);
          if (typeof found?.id === 'number') {
            steps.note = { status: 'done', noteId: found.id };
            await save();
            return;
          }
        }
        steps.note = { status: 'pending', since: iso(deps.now()) };
        await save();
        const note = await api.createNote({
          candidate_id: personId,
          ...(applicationId !== null ? { application_id: applicationId } : {}),
          ...(connection.actAsUserId !== null ? { user_id: connection.actAsUserId } : {}),
          body,
          visibility: deps.settings.noteVisibility,
          note_type: 'NOTE',
        });
        steps.note = { status: 'done', noteId: note.id ?? 0 };
        await save();
      })(),
    );
  }
  const outcomes = await Promise.allSettled(work);
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;

  item.state = 'done';
  return item;
}

/** After a create whose answer was lost: the person, if Greenhouse made them (by email, else by name and time). */
async function readBackPerson(item: ExportItem, api: HarvestApi, since: string): Promise<number | null> {
  for (const email of item.candidate.emails) {
    const found = await api.findCandidatesByEmail(email.address.trim());
    const id = found.find((c) => typeof c.id === 'number')?.id;
    if (id !== undefined) return id;
  }
  const { firstName, lastName } = splitName(item.candidate.name);
  const recent = await api.candidatesCreatedSince(new Date(Date.parse(since) - 60_000).toISOString());
  return (
    recent.find((c) => c.first_name === firstName && c.last_name === lastName && typeof c.id === 'number')
      ?.id ?? null
  );
}

async function readBackApplication(
  item: ExportItem,
  api: HarvestApi,
  personId: number,
  canList: boolean,
): Promise<number | null> {
  if (!canList) {
    throw new GreenhouseError({
      kind: 'missing_scope',
      scope: 'harvest:applications:list',
      message:
        'The answer to "create application" was lost and the extension cannot check whether Greenhouse made it without harvest:applications:list. Check the candidate in Greenhouse, or grant that scope and retry.',
    });
  }
  const applications = await api.applicationsOfCandidate(personId);
  const match = applications.find((a) =>
    item.greenhouseJobId === null
      ? a.prospect === true
      : a.job_id === item.greenhouseJobId && a.prospect !== true,
  );
  return typeof match?.id === 'number' ? match.id : null;
}
