import type { PinCandidate, PinStatus } from '../../lib/model/pin';
import { type Child, h, type Markup, parseRoute, type Route, STATUS_LABEL } from './render-shared';
import { renderUtilityRoute, renderUtilityShell } from './render-utility';

export type { Markup, Route };
export { h, parseRoute, STATUS_LABEL };

import type { Dataset, PipelineEntry } from './dataset';

/**
 * Renders the demo Pin app's pages with DOM calls only (never HTML strings), so hostile text in a dataset stays
 * text. Shared by the browser client and by the adapter tests, which render pages into happy-dom.
 */
const EVENT_LABEL = {
  added_to_sequence: 'Added to sequence',
  replied: 'Replied',
  marked_interested: 'Marked interested',
} as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthLabel(ym: string): string {
  const [year, month] = ym.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}
function timeLabel(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').slice(0, 16);
}

const jobHref = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}`;
const profileHref = (jobId: string, candidateId: string) =>
  `${jobHref(jobId)}/candidates/${encodeURIComponent(candidateId)}`;

function statusPill(doc: Document, status: PinStatus): HTMLElement {
  return h(
    doc,
    'span',
    { class: `status-pill status-pill--${status}`, 'data-status': status },
    STATUS_LABEL[status],
  );
}

function eventTimes(doc: Document, entry: PipelineEntry, className: string): HTMLElement {
  return h(
    doc,
    'ol',
    { class: className },
    ...entry.events.map((event) =>
      h(
        doc,
        'li',
        { 'data-event': event.type },
        `${EVENT_LABEL[event.type]} `,
        h(doc, 'time', { datetime: event.at }, timeLabel(event.at)),
      ),
    ),
  );
}

export function renderJobs(doc: Document, data: Dataset): HTMLElement {
  return h(
    doc,
    'section',
    { class: 'jobs-page' },
    h(doc, 'h1', { class: 'page-title' }, 'Jobs'),
    h(
      doc,
      'ul',
      { class: 'job-list' },
      ...data.jobs.map((job) =>
        h(
          doc,
          'li',
          { class: 'job-card', 'data-job-id': job.id },
          h(doc, 'a', { class: 'job-card__title', href: jobHref(job.id) }, job.title),
          h(
            doc,
            'span',
            { class: 'job-card__count' },
            `${data.pipeline.filter((p) => p.jobId === job.id).length} candidates`,
          ),
        ),
      ),
    ),
  );
}

export function renderPipeline(doc: Document, data: Dataset, jobId: string): HTMLElement {
  const job = data.jobs.find((j) => j.id === jobId);
  if (!job) return renderNotFound(doc);
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const rows = data.pipeline.filter((p) => p.jobId === jobId);
  return h(
    doc,
    'section',
    { class: 'pipeline-page', 'data-job-id': job.id },
    h(doc, 'h1', { class: 'job-header__title' }, job.title),
    h(
      doc,
      'table',
      { class: 'pipeline-table' },
      h(
        doc,
        'thead',
        {},
        h(doc, 'tr', {}, ...['Candidate', 'Headline', 'Status', 'Activity'].map((t) => h(doc, 'th', {}, t))),
      ),
      h(
        doc,
        'tbody',
        {},
        ...rows.map((entry) => {
          const candidate = byId.get(entry.candidateId);
          return h(
            doc,
            'tr',
            { class: 'pipeline-row', 'data-candidate-id': entry.candidateId },
            h(
              doc,
              'td',
              { class: 'pipeline-row__name' },
              h(doc, 'a', { href: profileHref(jobId, entry.candidateId) }, candidate?.name ?? ''),
            ),
            h(doc, 'td', { class: 'pipeline-row__headline' }, candidate?.headline ?? ''),
            h(doc, 'td', { class: 'pipeline-row__status' }, statusPill(doc, entry.status)),
            h(doc, 'td', { class: 'pipeline-row__activity' }, eventTimes(doc, entry, 'pipeline-row__events')),
          );
        }),
      ),
    ),
  );
}

function renderLocation(doc: Document, location: PinCandidate['location']): HTMLElement | null {
  if (!location) return null;
  const parts = (['city', 'state', 'country'] as const).filter((k) => location[k]);
  if (parts.length === 0) return null;
  const children: Child[] = [];
  parts.forEach((key, i) => {
    if (i > 0) children.push(', ');
    children.push(h(doc, 'span', { 'data-part': key }, location[key] ?? ''));
  });
  return h(doc, 'p', { class: 'candidate-location' }, ...children);
}

export function renderProfile(doc: Document, data: Dataset, jobId: string, candidateId: string): HTMLElement {
  const job = data.jobs.find((j) => j.id === jobId);
  const candidate = data.candidates.find((c) => c.id === candidateId);
  const entry = data.pipeline.find((p) => p.jobId === jobId && p.candidateId === candidateId);
  if (!job || !candidate || !entry) return renderNotFound(doc);
  return h(
    doc,
    'article',
    { class: 'candidate-profile', 'data-candidate-id': candidate.id, 'data-job-id': job.id },
    h(
      doc,
      'nav',
      { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
      h(doc, 'a', { class: 'breadcrumb__job', href: jobHref(job.id), 'data-job-id': job.id }, job.title),
    ),
    h(
      doc,
      'header',
      { class: 'candidate-header' },
      h(doc, 'h1', { class: 'candidate-name' }, candidate.name),
      candidate.headline ? h(doc, 'p', { class: 'candidate-headline' }, candidate.headline) : null,
      renderLocation(doc, candidate.location),
      h(
        doc,
        'span',
        { class: candidate.sourcedByPin ? 'source-tag source-tag--pin' : 'source-tag source-tag--imported' },
        candidate.sourcedByPin ? 'Sourced by Pin' : 'Imported',
      ),
      h(
        doc,
        'div',
        { class: 'candidate-actions' },
        entry.status === 'sourced'
          ? h(doc, 'button', { type: 'button', class: 'add-to-sequence' }, 'Add to sequence')
          : null,
      ),
    ),
    h(
      doc,
      'section',
      { class: 'outreach-status', 'data-status': entry.status },
      h(doc, 'h2', {}, 'Outreach'),
      statusPill(doc, entry.status),
      eventTimes(doc, entry, 'outreach-timeline'),
    ),
    h(
      doc,
      'section',
      { class: 'contact-info' },
      h(doc, 'h2', {}, 'Contact'),
      h(
        doc,
        'ul',
        { class: 'contact-emails' },
        ...candidate.emails.map((e) =>
          h(
            doc,
            'li',
            {},
            h(
              doc,
              'a',
              { class: 'contact-email', 'data-type': e.type, href: `mailto:${e.address}` },
              e.address,
            ),
          ),
        ),
      ),
      h(
        doc,
        'ul',
        { class: 'contact-phones' },
        ...candidate.phones.map((p) => h(doc, 'li', { class: 'contact-phone' }, p)),
      ),
      candidate.linkedinUrl
        ? h(
            doc,
            'a',
            { class: 'contact-linkedin', href: candidate.linkedinUrl, rel: 'noreferrer' },
            'LinkedIn profile',
          )
        : null,
    ),
    candidate.summary
      ? h(
          doc,
          'section',
          { class: 'summary' },
          h(doc, 'h2', {}, 'About'),
          h(doc, 'p', { class: 'candidate-summary' }, candidate.summary),
        )
      : null,
    h(
      doc,
      'section',
      { class: 'experience' },
      h(doc, 'h2', {}, 'Experience'),
      h(
        doc,
        'ol',
        { class: 'experience-list' },
        ...candidate.experience.map((x) =>
          h(
            doc,
            'li',
            { class: 'experience-item' },
            h(doc, 'span', { class: 'experience-item__title' }, x.title),
            ' at ',
            h(doc, 'span', { class: 'experience-item__company' }, x.company),
            ' · ',
            h(
              doc,
              'span',
              { class: 'experience-item__dates' },
              x.start
                ? h(doc, 'time', { 'data-part': 'start', datetime: x.start }, monthLabel(x.start))
                : h(doc, 'span', { 'data-part': 'start-unknown' }, 'Start unknown'),
              ' – ',
              x.end
                ? h(doc, 'time', { 'data-part': 'end', datetime: x.end }, monthLabel(x.end))
                : h(doc, 'span', { 'data-part': 'current' }, 'Present'),
            ),
          ),
        ),
      ),
    ),
    h(
      doc,
      'section',
      { class: 'education' },
      h(doc, 'h2', {}, 'Education'),
      h(
        doc,
        'ol',
        { class: 'education-list' },
        ...candidate.education.map((e) =>
          h(
            doc,
            'li',
            { class: 'education-item' },
            h(doc, 'span', { class: 'education-item__school' }, e.school),
            e.degree ? h(doc, 'span', { class: 'education-item__degree' }, e.degree) : null,
            e.field ? h(doc, 'span', { class: 'education-item__field' }, e.field) : null,
            e.startYear !== null
              ? h(doc, 'time', { 'data-part': 'start', datetime: String(e.startYear) }, String(e.startYear))
              : null,
            e.endYear !== null
              ? h(doc, 'time', { 'data-part': 'end', datetime: String(e.endYear) }, String(e.endYear))
              : null,
          ),
        ),
      ),
    ),
    h(
      doc,
      'section',
      { class: 'skills' },
      h(doc, 'h2', {}, 'Skills'),
      h(
        doc,
        'ul',
        { class: 'skill-list' },
        ...candidate.skills.map((s) => h(doc, 'li', { class: 'skill-chip' }, s)),
      ),
    ),
  );
}

export function renderInbox(doc: Document, data: Dataset): HTMLElement {
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const jobs = new Map(data.jobs.map((j) => [j.id, j]));
  const threads = data.pipeline
    .filter((p) => p.events.some((e) => e.type === 'replied'))
    .sort((a, b) => lastReply(b).localeCompare(lastReply(a)));
  return h(
    doc,
    'section',
    { class: 'inbox-page' },
    h(doc, 'h1', { class: 'page-title' }, 'Inbox'),
    threads.length === 0 ? h(doc, 'p', { class: 'inbox-empty' }, 'No replies yet') : null,
    h(
      doc,
      'ul',
      { class: 'inbox-list' },
      ...threads.map((entry) =>
        h(
          doc,
          'li',
          { class: 'inbox-thread', 'data-candidate-id': entry.candidateId, 'data-job-id': entry.jobId },
          h(
            doc,
            'a',
            { class: 'inbox-thread__name', href: profileHref(entry.jobId, entry.candidateId) },
            byId.get(entry.candidateId)?.name ?? '',
          ),
          h(doc, 'span', { class: 'inbox-thread__job' }, jobs.get(entry.jobId)?.title ?? ''),
          statusPill(doc, entry.status),
          eventTimes(doc, entry, 'inbox-thread__events'),
          entry.status === 'replied'
            ? h(doc, 'button', { type: 'button', class: 'mark-interested' }, 'Mark interested')
            : null,
        ),
      ),
    ),
  );
}

function lastReply(entry: PipelineEntry): string {
  return entry.events.filter((e) => e.type === 'replied').at(-1)?.at ?? '';
}

export function renderNotFound(doc: Document): HTMLElement {
  return h(doc, 'section', { class: 'not-found' }, h(doc, 'h1', { class: 'page-title' }, 'Page not found'));
}

export function renderRoute(
  doc: Document,
  data: Dataset,
  route: Route,
  markup: Markup = 'classic',
): HTMLElement {
  if (markup === 'utility') return renderUtilityRoute(doc, data, route);
  switch (route.view) {
    case 'jobs':
      return renderJobs(doc, data);
    case 'pipeline':
      return renderPipeline(doc, data, route.jobId);
    case 'profile':
      return renderProfile(doc, data, route.jobId, route.candidateId);
    case 'inbox':
      return renderInbox(doc, data);
    default:
      return renderNotFound(doc);
  }
}

/** The app shell every page sits in. */
export function renderShell(
  doc: Document,
  markup: Markup = 'classic',
): { root: HTMLElement; main: HTMLElement } {
  if (markup === 'utility') return renderUtilityShell(doc);
  const main = h(doc, 'main', { class: 'pin-main', id: 'pin-main' });
  const root = h(
    doc,
    'div',
    { class: 'pin-app' },
    h(
      doc,
      'header',
      { class: 'pin-topbar' },
      h(doc, 'a', { class: 'pin-logo', href: '/jobs' }, 'Pin'),
      h(
        doc,
        'nav',
        { class: 'pin-nav' },
        h(doc, 'a', { href: '/jobs' }, 'Jobs'),
        h(doc, 'a', { href: '/inbox' }, 'Inbox'),
      ),
    ),
    main,
  );
  return { root, main };
}
