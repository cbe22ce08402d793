import type { PinCandidate, PinStatus } from '../../lib/model/pin';
import type { Dataset, PipelineEntry } from './dataset';
import { type Child, h, type Route, STATUS_LABEL } from './render-shared';

/**
 * The demo Pin app in a second markup (`--markup utility`), written like a utility-class (Tailwind-style) app:
 * no semantic class names and no data-* hooks, another element order (contact details and outreach in a side
 * column), statuses as text chips, times in <time>, headings in sentence case ("Work experience"). The same data
 * as the classic markup; only the way it is written differs. Built with DOM calls only, so hostile text stays text.
 */

const EVENT_LABEL = {
  added_to_sequence: 'Added to sequence',
  replied: 'Replied',
  marked_interested: 'Marked interested',
} as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (ym: string) => `${MONTHS[Number(ym.split('-')[1]) - 1]} ${ym.split('-')[0]}`;
const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

const jobHref = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}`;
const profileHref = (jobId: string, candidateId: string) =>
  `${jobHref(jobId)}/candidates/${encodeURIComponent(candidateId)}`;

const CHIP: Record<PinStatus, string> = {
  sourced: 'bg-slate-100 text-slate-700',
  in_sequence: 'bg-sky-100 text-sky-800',
  replied: 'bg-amber-100 text-amber-800',
  interested: 'bg-emerald-100 text-emerald-800',
};
const chip = (doc: Document, status: PinStatus) =>
  h(
    doc,
    'span',
    { class: `inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${CHIP[status]}` },
    STATUS_LABEL[status],
  );

function timeline(doc: Document, entry: PipelineEntry): HTMLElement | null {
  if (entry.events.length === 0) return null;
  return h(
    doc,
    'ol',
    { class: 'mt-1 space-y-0.5 text-xs text-slate-500' },
    ...entry.events.map((event) =>
      h(doc, 'li', {}, `${EVENT_LABEL[event.type]} `, h(doc, 'time', { datetime: event.at }, when(event.at))),
    ),
  );
}

const card = (doc: Document, ...children: Child[]) =>
  h(doc, 'section', { class: 'rounded-xl border border-slate-200 bg-white p-5 shadow-sm' }, ...children);
const sectionTitle = (doc: Document, text: string) =>
  h(doc, 'h2', { class: 'mb-3 text-base font-semibold text-slate-900' }, text);

export function renderUtilityJobs(doc: Document, data: Dataset): HTMLElement {
  return h(
    doc,
    'div',
    { class: 'space-y-4' },
    h(doc, 'h1', { class: 'text-2xl font-semibold tracking-tight' }, 'Open jobs'),
    h(
      doc,
      'ul',
      { class: 'grid gap-3 sm:grid-cols-2' },
      ...data.jobs.map((job) =>
        h(
          doc,
          'li',
          { class: 'flex items-center justify-between rounded-xl border bg-white p-4' },
          h(
            doc,
            'span',
            { class: 'text-sm text-slate-500' },
            `${data.pipeline.filter((p) => p.jobId === job.id).length} people`,
          ),
          h(
            doc,
            'a',
            { class: 'font-medium text-indigo-700 hover:underline', href: jobHref(job.id) },
            job.title,
          ),
        ),
      ),
    ),
  );
}

export function renderUtilityPipeline(doc: Document, data: Dataset, jobId: string): HTMLElement {
  const job = data.jobs.find((j) => j.id === jobId);
  if (!job) return renderUtilityNotFound(doc);
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const rows = data.pipeline.filter((p) => p.jobId === jobId);
  return h(
    doc,
    'div',
    { class: 'space-y-4' },
    h(
      doc,
      'div',
      { class: 'flex items-baseline gap-3' },
      h(doc, 'h1', { class: 'text-2xl font-semibold tracking-tight' }, job.title),
      h(doc, 'span', { class: 'text-sm text-slate-500' }, `${rows.length} in pipeline`),
    ),
    h(
      doc,
      'ul',
      { class: 'divide-y rounded-xl border bg-white' },
      ...rows.map((entry) => {
        const candidate = byId.get(entry.candidateId);
        return h(
          doc,
          'li',
          { class: 'grid grid-cols-[2fr_2fr_1fr] items-start gap-4 px-4 py-3' },
          h(
            doc,
            'div',
            { class: 'flex flex-col' },
            h(
              doc,
              'a',
              {
                class: 'font-medium text-slate-900 hover:underline',
                href: profileHref(jobId, entry.candidateId),
              },
              candidate?.name ?? '',
            ),
            h(doc, 'span', { class: 'text-xs text-slate-500' }, candidate?.headline ?? ''),
          ),
          h(doc, 'div', {}, timeline(doc, entry)),
          h(doc, 'div', { class: 'text-right' }, chip(doc, entry.status)),
        );
      }),
    ),
  );
}

function locationText(location: PinCandidate['location']): string | null {
  if (!location) return null;
  const parts = [location.city, location.state, location.country].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

function dates(doc: Document, start: Child, end: Child): HTMLElement {
  return h(doc, 'p', { class: 'text-xs text-slate-500' }, start, ' – ', end);
}

export function renderUtilityProfile(
  doc: Document,
  data: Dataset,
  jobId: string,
  candidateId: string,
): HTMLElement {
  const job = data.jobs.find((j) => j.id === jobId);
  const candidate = data.candidates.find((c) => c.id === candidateId);
  const entry = data.pipeline.find((p) => p.jobId === jobId && p.candidateId === candidateId);
  if (!job || !candidate || !entry) return renderUtilityNotFound(doc);
  const place = locationText(candidate.location);
  const left = h(
    doc,
    'div',
    { class: 'space-y-6 lg:col-span-2' },
    h(
      doc,
      'nav',
      { class: 'text-sm text-slate-500', 'aria-label': 'Breadcrumb' },
      h(doc, 'a', { class: 'hover:underline', href: jobHref(job.id) }, job.title),
      ' / ',
      h(doc, 'span', {}, candidate.name),
    ),
    h(
      doc,
      'div',
      { class: 'flex items-start gap-4' },
      h(doc, 'div', { class: 'h-14 w-14 shrink-0 rounded-full bg-indigo-100', 'aria-hidden': 'true' }),
      h(
        doc,
        'div',
        { class: 'min-w-0 flex-1' },
        h(doc, 'h1', { class: 'text-2xl font-semibold tracking-tight' }, candidate.name),
        candidate.headline ? h(doc, 'p', { class: 'text-slate-600' }, candidate.headline) : null,
        place
          ? h(
              doc,
              'dl',
              { class: 'mt-1 flex gap-1 text-sm text-slate-500' },
              h(doc, 'dt', { class: 'sr-only' }, 'Location'),
              h(doc, 'dd', {}, place),
            )
          : null,
        h(
          doc,
          'span',
          { class: 'mt-2 inline-flex rounded bg-violet-50 px-2 py-0.5 text-xs text-violet-700' },
          candidate.sourcedByPin ? 'Sourced by Pin' : 'Imported',
        ),
      ),
      entry.status === 'sourced'
        ? h(
            doc,
            'button',
            { type: 'button', class: 'rounded-lg bg-indigo-600 px-3 py-1.5 text-sm text-white' },
            'Add to sequence',
          )
        : null,
    ),
    candidate.summary
      ? card(doc, sectionTitle(doc, 'About'), h(doc, 'p', { class: 'text-sm leading-6' }, candidate.summary))
      : null,
    card(
      doc,
      sectionTitle(doc, 'Work experience'),
      h(
        doc,
        'ul',
        { class: 'space-y-3' },
        ...candidate.experience.map((x) =>
          h(
            doc,
            'li',
            { class: 'border-l-2 border-slate-200 pl-3' },
            h(doc, 'p', { class: 'font-medium' }, x.title),
            h(doc, 'p', { class: 'text-sm text-slate-600' }, x.company),
            dates(
              doc,
              x.start
                ? h(doc, 'time', { datetime: x.start }, monthLabel(x.start))
                : h(doc, 'span', {}, 'Start unknown'),
              x.end ? h(doc, 'time', { datetime: x.end }, monthLabel(x.end)) : h(doc, 'span', {}, 'Present'),
            ),
          ),
        ),
      ),
    ),
    card(
      doc,
      sectionTitle(doc, 'Education'),
      h(
        doc,
        'ul',
        { class: 'space-y-3' },
        ...candidate.education.map((e) =>
          h(
            doc,
            'li',
            {},
            h(doc, 'p', { class: 'font-medium' }, e.school),
            e.degree || e.field
              ? h(
                  doc,
                  'p',
                  { class: 'flex gap-2 text-sm text-slate-600' },
                  e.degree ? h(doc, 'span', {}, e.degree) : null,
                  e.field ? h(doc, 'span', {}, e.field) : null,
                )
              : null,
            e.startYear !== null || e.endYear !== null
              ? dates(
                  doc,
                  e.startYear !== null
                    ? h(doc, 'time', { datetime: String(e.startYear) }, String(e.startYear))
                    : null,
                  e.endYear !== null
                    ? h(doc, 'time', { datetime: String(e.endYear) }, String(e.endYear))
                    : null,
                )
              : null,
          ),
        ),
      ),
    ),
    card(
      doc,
      sectionTitle(doc, 'Skills'),
      h(
        doc,
        'ul',
        { class: 'flex flex-wrap gap-2' },
        ...candidate.skills.map((s) =>
          h(doc, 'li', { class: 'rounded-full bg-slate-100 px-3 py-1 text-xs' }, s),
        ),
      ),
    ),
  );
  const right = h(
    doc,
    'aside',
    { class: 'space-y-6' },
    card(
      doc,
      sectionTitle(doc, 'Contact details'),
      h(
        doc,
        'ul',
        { class: 'space-y-2 text-sm' },
        ...candidate.emails.map((e) =>
          h(
            doc,
            'li',
            { class: 'flex items-center gap-2' },
            h(doc, 'a', { class: 'text-indigo-700 hover:underline', href: `mailto:${e.address}` }, e.address),
            h(
              doc,
              'span',
              { class: 'rounded bg-slate-100 px-1.5 text-xs text-slate-500' },
              e.type === 'work' ? 'Work' : 'Personal',
            ),
          ),
        ),
        ...candidate.phones.map((p) =>
          h(
            doc,
            'li',
            {},
            h(doc, 'a', { class: 'hover:underline', href: `tel:${p.replace(/[^\d+]/g, '')}` }, p),
          ),
        ),
        candidate.linkedinUrl
          ? h(
              doc,
              'li',
              {},
              h(
                doc,
                'a',
                { class: 'text-indigo-700 hover:underline', href: candidate.linkedinUrl, rel: 'noreferrer' },
                'LinkedIn',
              ),
            )
          : null,
      ),
    ),
    card(doc, sectionTitle(doc, 'Outreach'), chip(doc, entry.status), timeline(doc, entry)),
  );
  return h(doc, 'div', { class: 'grid gap-6 lg:grid-cols-3' }, left, right);
}

export function renderUtilityInbox(doc: Document, data: Dataset): HTMLElement {
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const jobs = new Map(data.jobs.map((j) => [j.id, j]));
  const lastReply = (entry: PipelineEntry) =>
    entry.events.filter((e) => e.type === 'replied').at(-1)?.at ?? '';
  const threads = data.pipeline
    .filter((p) => p.events.some((e) => e.type === 'replied'))
    .sort((a, b) => lastReply(b).localeCompare(lastReply(a)));
  return h(
    doc,
    'div',
    { class: 'space-y-4' },
    h(doc, 'h1', { class: 'text-2xl font-semibold tracking-tight' }, 'Replies'),
    threads.length === 0 ? h(doc, 'p', { class: 'text-sm text-slate-500' }, 'Nothing here yet') : null,
    h(
      doc,
      'ul',
      { class: 'space-y-2' },
      ...threads.map((entry) =>
        h(
          doc,
          'li',
          { class: 'flex items-start justify-between gap-4 rounded-xl border bg-white p-4' },
          h(
            doc,
            'div',
            {},
            h(
              doc,
              'a',
              { class: 'font-medium hover:underline', href: profileHref(entry.jobId, entry.candidateId) },
              byId.get(entry.candidateId)?.name ?? '',
            ),
            h(doc, 'p', { class: 'text-xs text-slate-500' }, jobs.get(entry.jobId)?.title ?? ''),
            timeline(doc, entry),
          ),
          h(
            doc,
            'div',
            { class: 'flex flex-col items-end gap-2' },
            chip(doc, entry.status),
            entry.status === 'replied'
              ? h(
                  doc,
                  'button',
                  { type: 'button', class: 'rounded-lg border px-2 py-1 text-xs' },
                  'Mark interested',
                )
              : null,
          ),
        ),
      ),
    ),
  );
}

export function renderUtilityNotFound(doc: Document): HTMLElement {
  return h(
    doc,
    'div',
    { class: 'py-24 text-center' },
    h(doc, 'h1', { class: 'text-2xl font-semibold' }, 'Page not found'),
  );
}

export function renderUtilityRoute(doc: Document, data: Dataset, route: Route): HTMLElement {
  switch (route.view) {
    case 'jobs':
      return renderUtilityJobs(doc, data);
    case 'pipeline':
      return renderUtilityPipeline(doc, data, route.jobId);
    case 'profile':
      return renderUtilityProfile(doc, data, route.jobId, route.candidateId);
    case 'inbox':
      return renderUtilityInbox(doc, data);
    default:
      return renderUtilityNotFound(doc);
  }
}

export function renderUtilityShell(doc: Document): { root: HTMLElement; main: HTMLElement } {
  const main = h(doc, 'main', { class: 'mx-auto max-w-6xl px-6 py-8' });
  const root = h(
    doc,
    'div',
    { class: 'min-h-screen bg-slate-50 text-slate-900' },
    h(
      doc,
      'header',
      { class: 'flex items-center gap-6 bg-indigo-950 px-6 py-3' },
      h(doc, 'a', { class: 'text-lg font-bold text-white', href: '/jobs' }, 'Pin'),
      h(
        doc,
        'nav',
        { class: 'flex gap-4 text-sm text-indigo-100' },
        h(doc, 'a', { href: '/jobs' }, 'Jobs'),
        h(doc, 'a', { href: '/inbox' }, 'Inbox'),
      ),
    ),
    main,
  );
  return { root, main };
}
