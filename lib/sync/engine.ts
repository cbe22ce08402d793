import type { HarvestApi } from '../greenhouse/api';
import { GreenhouseError, MESSAGES } from '../greenhouse/errors';
import type { Connection, Settings } from '../model/connection';
import type { ExportItem } from '../model/export-item';
import type { SyncRecord } from '../model/sync-record';
import type { PhonePlans } from './mapping/contact';
import type { EducationOptions } from './mapping/education';
import { applicationScopes, runApplicationStep } from './steps/application';
import type { StepContext } from './steps/context';
import { converges, runConvergeStep } from './steps/converge';
import { flagPossibleDuplicate } from './steps/duplicate';
import { canSendEducation, runEducationsStep } from './steps/educations';
import { employmentScopes, runEmploymentsStep } from './steps/employments';
import { noteScopes, runNoteStep } from './steps/note';
import { personScopes, runPersonStep } from './steps/person';
import { resumeScopes, runResumeStep } from './steps/resume';

export interface EngineDeps {
  api: HarvestApi;
  connection: Connection;
  settings: Settings;
  /** The sync record of this Pin candidate, if an earlier export already synced them. */
  record: SyncRecord | null;
  /** Persists the item; called before each write is sent (pending) and after it is answered. */
  journal: (item: ExportItem) => Promise<void>;
  resume: (item: ExportItem) => Promise<{ filename: string; bytes: Uint8Array }>;
  /** The resume made ahead for this item (the export dialog opened), or null; never starts any work. */
  preparedResume?: (item: ExportItem) => Promise<{ filename: string; bytes: Uint8Array }> | null;
  /** Greenhouse's school, degree and discipline options (cached by the caller), when the scopes allow. */
  educationOptions?: () => Promise<EducationOptions>;
  /** The numbering plans for phone numbers (a file of the extension, read once); absent: numbers sent as given. */
  phonePlans?: () => Promise<PhonePlans | null>;
  /** The presence matcher's answer for this item (index and live lookups); absent: live email lookups only. */
  findMatches?: StepContext['findMatches'];
  created?: StepContext['created'];
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The scopes this item will use, so a missing one fails before anything is attempted. */
export function scopesNeeded(item: ExportItem, record: SyncRecord | null): string[] {
  const ctx = { item, record };
  return [
    ...new Set([
      ...personScopes(ctx),
      ...applicationScopes(),
      ...employmentScopes(ctx),
      ...resumeScopes(ctx),
      ...noteScopes(),
    ]),
  ];
}

/**
 * Runs one export to the end: the person (linked or created with the application), the application, then the
 * independent steps in parallel (employments ∥ educations ∥ resume ∥ note). Every write is journaled by its step
 * (lib/sync/steps), so a retry after any failure continues where it stopped. Returns the item as `done` or
 * `needs_review`; throws a GreenhouseError when a step fails.
 */
export async function runExport(item: ExportItem, deps: EngineDeps): Promise<ExportItem> {
  const granted = (scope: string) => deps.connection.scopes[scope] === 'granted';
  const missing = scopesNeeded(item, deps.record).filter((s) => !granted(s));
  if (missing.length) {
    throw new GreenhouseError({
      kind: 'missing_scope',
      scope: missing[0],
      message: MESSAGES.missingPermissions(missing),
    });
  }
  const partial = { item, record: deps.record, granted };
  // Greenhouse's option lists are read while Greenhouse answers the lookup and the create.
  const educationOptions =
    deps.educationOptions && canSendEducation(partial) ? deps.educationOptions() : null;
  educationOptions?.catch(() => {});
  const phonePlans = deps.phonePlans && item.candidate.phones.length ? deps.phonePlans() : null;
  // The PDF is CPU work in the worker. One made ahead (when the export dialog opened) is taken as soon as the first
  // write is on the wire; otherwise the resume step makes it after the other steps' requests are out, so the work
  // never holds up a request or the handling of an answer.
  let resume: Promise<{ filename: string; bytes: Uint8Array }> | null = null;
  const startResume = (onlyIfPrepared: boolean) => {
    if (!resume && item.candidate.sourcedByPin) {
      const ready = deps.preparedResume?.(item) ?? null;
      if (!ready && onlyIfPrepared) return null;
      resume = ready ?? deps.resume(item);
      resume.catch(() => {}); // awaited (and reported) by the resume step
    }
    return resume;
  };
  // Journal writes coalesce: a save asked for while another is being written waits for it and then writes the
  // latest state once, so parallel steps (say 200 employments) do not write the item 400 times.
  let writing: Promise<void> = Promise.resolve();
  let scheduled: Promise<void> | null = null;
  const save = (): Promise<void> => {
    scheduled ??= writing
      .catch(() => {})
      .then(() => {
        scheduled = null;
        writing = deps.journal(item);
        return writing;
      });
    return scheduled;
  };
  const ctx: StepContext = {
    ...partial,
    api: deps.api,
    connection: deps.connection,
    settings: deps.settings,
    save,
    warn: (message) => {
      if (!item.warnings.includes(message)) item.warnings = [...item.warnings, message];
    },
    now: deps.now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    startResume,
    educationOptions,
    phonePlans,
    ...(deps.findMatches ? { findMatches: deps.findMatches } : {}),
    ...(deps.created ? { created: deps.created } : {}),
  };

  const person = await runPersonStep(ctx);
  if (person === 'needs_review') {
    item.state = 'needs_review';
    return item;
  }
  if (person.created && converges(ctx) && (await runConvergeStep(ctx, person.id)) === 'linked') {
    item.state = 'done';
    return item;
  }
  const applicationId = await runApplicationStep(ctx, person);
  const work: Promise<void>[] = [
    runResumeStep(ctx, applicationId),
    runNoteStep(ctx, person.id, applicationId),
  ];
  if (person.created) {
    work.push(runEmploymentsStep(ctx, person.id));
    if (educationOptions) work.push(runEducationsStep(ctx, person.id));
    if (!converges(ctx)) work.push(flagPossibleDuplicate(ctx, person.id));
  }
  const outcomes = await Promise.allSettled(work);
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;

  item.state = 'done';
  return item;
}
