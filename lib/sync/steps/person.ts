import { GreenhouseError } from '../../greenhouse/errors';
import type { Application, Candidate } from '../../greenhouse/schemas';
import type { Committed } from '../../greenhouse/types';
import type { PersonState, WriteState } from '../../model/export-item';
import type { ReviewMatch } from '../../model/match';
import { candidateBody } from '../mapping/candidate';
import { splitName } from '../mapping/name';
import { applicationSlot, applicationSpec } from './application';
import { iso, type StepContext } from './context';
import { runWrite, type Slot, settle, type WriteSpec } from './write';

export type PersonOutcome = { id: number; created: boolean } | 'needs_review';

/** Scopes the person step uses for this item. */
export function personScopes(ctx: Pick<StepContext, 'item' | 'record'>): string[] {
  const { item, record } = ctx;
  if (record) return [];
  const scopes: string[] = [];
  if (item.choice === null && (item.candidate.emails.length > 0 || item.candidate.linkedinUrl))
    scopes.push('harvest:candidates:list');
  if (typeof item.choice !== 'number') scopes.push('harvest:candidates:create');
  return scopes;
}

function reviewMatch(c: Candidate & { id: number }): ReviewMatch {
  return {
    id: c.id,
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || `Candidate ${c.id}`,
    emails: (c.email_addresses ?? []).map((e) => e.value),
    company: c.company ?? null,
    title: c.title ?? null,
    reasons: ['email'],
  };
}

/** Live email lookups only: without the presence index (unit tests of the engine alone). */
async function emailMatches(ctx: StepContext): Promise<ReviewMatch[]> {
  const emails = [...new Set(ctx.item.candidate.emails.map((e) => e.address.trim()).filter(Boolean))];
  const results = await Promise.all(emails.map((email) => ctx.api.findCandidatesByEmail(email)));
  const byId = new Map<number, Candidate & { id: number }>();
  for (const c of results.flat()) byId.set(c.id, c);
  return [...byId.values()].map(reviewMatch);
}

/** After a create whose answer was lost or unreadable: the person, if Greenhouse made them (email, else name and time). */
async function readBackPerson(ctx: StepContext, since: string): Promise<number | null> {
  const { item, api } = ctx;
  for (const email of item.candidate.emails) {
    const found = await api.findCandidatesByEmail(email.address.trim());
    if (found[0]) return found[0].id;
  }
  const { firstName, lastName } = splitName(item.candidate.name);
  const recent = await api.candidatesCreatedSince(new Date(Date.parse(since) - 60_000).toISOString());
  return recent.find((c) => c.first_name === firstName && c.last_name === lastName)?.id ?? null;
}

/**
 * The Greenhouse person: already synced, chosen in review, found by email, or created (with the application on the
 * chosen job in the same request). Creating journals the application's outcome too, so the application step knows
 * whether it still has to make one.
 */
export async function runPersonStep(ctx: StepContext): Promise<PersonOutcome> {
  const { item, record, api } = ctx;
  const steps = item.steps;
  const link = async (id: number): Promise<PersonOutcome> => {
    steps.person = { status: 'done', id, created: false };
    await ctx.save();
    return steps.person;
  };
  if (steps.person?.status === 'done') return steps.person;
  if (record) return link(record.greenhouseCandidateId);
  if (steps.person?.status !== 'pending') {
    if (typeof item.choice === 'number') return link(item.choice);
    if (item.choice !== 'new') {
      if (!steps.lookup) {
        const matches = ctx.findMatches ? (await ctx.findMatches()).matches : await emailMatches(ctx);
        steps.lookup = {
          status: 'done',
          matchIds: matches.map((m) => m.id),
          reasons: matches.map((m) => m.reasons),
        };
        item.review = matches.length > 1 ? matches : null;
        // Written with the next journal write (the person's `pending`, or the review): a lookup is safe to redo.
        void ctx.save();
      }
      if (steps.lookup.matchIds.length > 1) return 'needs_review';
      if (steps.lookup.matchIds.length === 1) return link(steps.lookup.matchIds[0]!);
    }
  }

  const pendingSince = steps.person?.status === 'pending' ? steps.person.since : null;
  /** What the create's answer said of the application: not sent this run (`'not sent'`), or its outcome. */
  let application: Committed<Application> | null | undefined | 'not sent' = 'not sent';
  const slot: Slot = {
    get: () => steps.person as WriteState | undefined,
    set: (state) => {
      if (state.status === 'done' && state.id !== null) {
        steps.person = { status: 'done', id: state.id, created: true };
        // The application made with the person is journaled in the same write (one write after the answer).
        const made = application;
        if (
          item.greenhouseJobId !== null &&
          steps.application === undefined &&
          made &&
          made !== 'not sent' &&
          made.id !== null
        )
          steps.application = { status: 'done', id: made.id };
      } else if (state.status === 'pending') steps.person = state;
      else delete steps.person;
    },
  };
  const spec: WriteSpec = {
    what: 'creating the person',
    done: 'Person created',
    readBackScope: 'harvest:candidates:list',
    readBack: () =>
      readBackPerson(ctx, steps.person?.status === 'pending' ? steps.person.since : iso(ctx.now())),
    send: async () => {
      const body = candidateBody(item.candidate, item.greenhouseJobId, await ctx.phonePlans);
      const answer = await api.createCandidate(body, () => ctx.startResume(true));
      ctx.created?.();
      application = answer.application;
      return answer.person;
    },
    whenUnsure: 'stop',
    whenRefused: 'fail',
  };
  const outcome = await runWrite(ctx, spec, slot);
  const person = steps.person as PersonState | undefined;
  if (outcome.status !== 'done' || outcome.id === null || person?.status !== 'done') {
    // Committed, but the person cannot be found: nothing later can name them. Keep it pending for a read-back.
    steps.person = { status: 'pending', since: pendingSince ?? iso(ctx.now()) };
    await ctx.save();
    throw new GreenhouseError({
      kind: 'uncertain',
      message:
        'Greenhouse accepted the new person, but its answer was unreadable and the person could not be found by email or name yet. Check Greenhouse; Retry looks again and creates the person only if they are still missing.',
    });
  }

  if (item.greenhouseJobId !== null && steps.application === undefined) {
    if (
      application === 'not sent' ||
      (application === undefined && ctx.granted('harvest:applications:list'))
    ) {
      // Found by a read-back after a lost answer, or an answer that does not say: the application sent with the
      // person may exist, so the application step reads back before it creates one.
      steps.application = { status: 'pending', since: pendingSince ?? iso(ctx.now()) };
      await ctx.save();
    } else if (application === null || application === undefined) {
      steps.application = { status: 'todo' };
      await ctx.save();
    } else {
      await settle(ctx, applicationSpec(ctx, person.id), applicationSlot(ctx), application);
    }
  }
  return person;
}
