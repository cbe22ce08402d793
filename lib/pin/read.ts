import { PIN_ORIGIN } from './host';
import { css } from './selectors';
import {
  PIN_EVENT_TYPES,
  type PinCandidate,
  type PinEventType,
  type PinJob,
  pinStatusSchema,
  type StatusObservation,
  yearMonth,
} from './types';

/** What the adapter returns: the value, or what it could not find. It never throws on a page it cannot read. */
export type Read<T> = { ok: true; value: T } | { ok: false; unreadable: string };
const unreadable = (what: string): { ok: false; unreadable: string } => ({ ok: false, unreadable: what });

const text = (el: Element | null | undefined): string | null => {
  const value = el?.textContent?.trim();
  return value ? value : null;
};

function readStatusAndEvents(scope: Element): Omit<StatusObservation, 'jobId' | 'candidateId'> | null {
  const status = pinStatusSchema.safeParse(
    scope.querySelector(css('statusPill'))?.getAttribute('data-status'),
  );
  if (!status.success) return null;
  const eventTimes: StatusObservation['eventTimes'] = {};
  for (const entry of scope.querySelectorAll(css('eventEntry'))) {
    const type = entry.getAttribute('data-event') as PinEventType;
    const at = entry.querySelector('time[datetime]')?.getAttribute('datetime');
    if (!PIN_EVENT_TYPES.includes(type) || !at || Number.isNaN(Date.parse(at))) continue;
    // The latest time Pin shows for an event type wins (a candidate can be re-added to a sequence).
    const iso = new Date(at).toISOString();
    if (!eventTimes[type] || eventTimes[type]! < iso) eventTimes[type] = iso;
  }
  return { status: status.data, eventTimes };
}

export function profileUrl(jobId: string, candidateId: string): string {
  return `${PIN_ORIGIN}/jobs/${encodeURIComponent(jobId)}/candidates/${encodeURIComponent(candidateId)}`;
}

export interface ProfileReading {
  job: PinJob;
  candidate: PinCandidate;
  observation: StatusObservation;
  profileUrl: string;
}

function readMonth(el: Element | null): string | null {
  const value = el?.getAttribute('datetime') ?? null;
  return value && yearMonth.safeParse(value).success ? value : null;
}
function readYear(el: Element | null): number | null {
  const value = Number(el?.getAttribute('datetime'));
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function readProfile(root: ParentNode): Read<ProfileReading> {
  const article = root.querySelector(css('profile'));
  if (!article) return unreadable('the candidate profile');
  const candidateId = article.getAttribute('data-candidate-id');
  const jobId = article.getAttribute('data-job-id');
  if (!candidateId || !jobId) return unreadable('the candidate or job id');
  const name = text(article.querySelector(css('profileName')));
  if (!name) return unreadable("the candidate's name");
  if (!article.querySelector(css('profileContact'))) return unreadable('the contact section');
  const status = article.querySelector('section.outreach-status');
  const outreach = status ? readStatusAndEvents(status) : null;
  if (!outreach) return unreadable('the outreach status');

  const locationEl = article.querySelector(css('profileLocation'));
  const part = (key: string) => text(locationEl?.querySelector(`[data-part="${key}"]`));
  const location = locationEl ? { city: part('city'), state: part('state'), country: part('country') } : null;

  const candidate: PinCandidate = {
    id: candidateId,
    name,
    headline: text(article.querySelector(css('profileHeadline'))),
    location,
    emails: [...article.querySelectorAll(css('profileEmail'))].flatMap((el) => {
      const address = text(el);
      const type = el.getAttribute('data-type') === 'work' ? 'work' : 'personal';
      return address ? [{ address, type } as const] : [];
    }),
    phones: [...article.querySelectorAll(css('profilePhone'))].flatMap((el) => text(el) ?? []),
    linkedinUrl: article.querySelector(css('profileLinkedin'))?.getAttribute('href') ?? null,
    experience: [...article.querySelectorAll(css('experienceItem'))].map((item) => ({
      title: text(item.querySelector('.experience-item__title')) ?? '',
      company: text(item.querySelector('.experience-item__company')) ?? '',
      start: readMonth(item.querySelector('time[data-part="start"]')),
      end: readMonth(item.querySelector('time[data-part="end"]')),
    })),
    education: [...article.querySelectorAll(css('educationItem'))].map((item) => ({
      school: text(item.querySelector('.education-item__school')) ?? '',
      degree: text(item.querySelector('.education-item__degree')),
      field: text(item.querySelector('.education-item__field')),
      startYear: readYear(item.querySelector('time[data-part="start"]')),
      endYear: readYear(item.querySelector('time[data-part="end"]')),
    })),
    skills: [...article.querySelectorAll(css('skill'))].flatMap((el) => text(el) ?? []),
    summary: text(article.querySelector(css('profileSummary'))),
    sourcedByPin: article.querySelector(css('profileSourcedByPin')) !== null,
  };
  const jobTitle = text(article.querySelector(css('profileJobLink')));
  return {
    ok: true,
    value: {
      job: { id: jobId, title: jobTitle ?? jobId },
      candidate,
      observation: { jobId, candidateId, ...outreach },
      profileUrl: profileUrl(jobId, candidateId),
    },
  };
}

export interface PipelineRow {
  candidateId: string;
  element: Element;
  observation: StatusObservation | null;
}

export function readPipeline(root: ParentNode): Read<{ job: PinJob; rows: PipelineRow[] }> {
  const page = root.querySelector(css('pipelinePage'));
  const jobId = page?.getAttribute('data-job-id');
  if (!page || !jobId) return unreadable('the job pipeline');
  const title = text(page.querySelector(css('pipelineTitle')));
  if (!title) return unreadable("the job's title");
  const rows = [...page.querySelectorAll(css('pipelineRow'))].map((element): PipelineRow => {
    const candidateId = element.getAttribute('data-candidate-id') ?? '';
    const outreach = readStatusAndEvents(element);
    return { candidateId, element, observation: outreach ? { jobId, candidateId, ...outreach } : null };
  });
  return { ok: true, value: { job: { id: jobId, title }, rows } };
}

export function readInbox(root: ParentNode): Read<{ observations: StatusObservation[] }> {
  const page = root.querySelector(css('inboxPage'));
  if (!page) return unreadable('the inbox');
  const observations = [...page.querySelectorAll(css('inboxThread'))].flatMap((thread) => {
    const jobId = thread.getAttribute('data-job-id');
    const candidateId = thread.getAttribute('data-candidate-id');
    const outreach = readStatusAndEvents(thread);
    return jobId && candidateId && outreach ? [{ jobId, candidateId, ...outreach }] : [];
  });
  return { ok: true, value: { observations } };
}

export function readJobsList(root: ParentNode): Read<PinJob[]> {
  const cards = [...root.querySelectorAll(css('jobCard'))];
  if (cards.length === 0 && !root.querySelector('.jobs-page')) return unreadable('the jobs list');
  return {
    ok: true,
    value: cards.flatMap((card) => {
      const id = card.getAttribute('data-job-id');
      const title = text(card.querySelector(css('jobCardTitle')));
      return id && title ? [{ id, title }] : [];
    }),
  };
}
