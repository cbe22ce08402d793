/**
 * Selector health, Refined GitHub style: for each page the adapter must read, and each markup of the demo Pin app,
 * the rule each field is expected to match and how many things it finds. `selectors.test.ts` renders every page in
 * both markups and checks them, so a change to either markup, the mapping or a reader fails a test that names the
 * field and the rule. Rules read `selector <css>` for the mapping's first preferences, else the rule by meaning.
 */
/** The demo Pin app's two markups (tests/pin-app). */
type Markup = 'classic' | 'utility';

export type Expectation = Record<string, readonly [rule: string | null, count: number]>;

const classicProfile = (counts: {
  emails: number;
  experience: number;
  skills: number;
  events: number;
}): Expectation => ({
  name: ['selector .candidate-name', 1],
  'contact section': ['heading "Contact"', 1],
  'outreach status': ['heading "Outreach" → selector .status-pill', 1],
  'outreach events': [counts.events ? '<time datetime> with event words' : null, counts.events],
  location: ['selector .candidate-location', 1],
  headline: ['selector .candidate-headline', 1],
  emails: ['selector a.contact-email', counts.emails],
  phones: ['selector .contact-phone', 1],
  LinkedIn: ['selector a.contact-linkedin', 1],
  summary: ['selector .candidate-summary', 1],
  experience: ['selector li.experience-item', counts.experience],
  education: ['selector li.education-item', 1],
  skills: ['selector li.skill-chip', counts.skills],
  'job title': ['selector .breadcrumb__job', 1],
});

const utilityProfile = (counts: {
  emails: number;
  experience: number;
  skills: number;
  events: number;
}): Expectation => ({
  name: ['main heading <h1>', 1],
  'contact section': ['heading "Contact details"', 1],
  'outreach status': ['heading "Outreach" → status words', 1],
  'outreach events': [counts.events ? '<time datetime> with event words' : null, counts.events],
  location: ['label "Location"', 1],
  headline: ['selector h1 + p', 1],
  emails: ['mailto: links', counts.emails],
  phones: ['tel: links', 1],
  LinkedIn: ['linkedin.com link', 1],
  summary: ['heading "About"', 1],
  experience: ['heading "Work experience" → list items', counts.experience],
  education: ['heading "Education" → list items', 1],
  skills: ['heading "Skills" → list items', counts.skills],
  'job title': ['link to the job’s pipeline', 1],
});

export const READ_EXPECTATIONS: Record<string, Record<Markup, Expectation>> = {
  '/jobs/j-backend/candidates/c-ada': {
    classic: {
      ...classicProfile({ emails: 2, experience: 4, skills: 3, events: 0 }),
      'sourced by Pin': ['words "Sourced by Pin"', 1],
    },
    utility: {
      ...utilityProfile({ emails: 2, experience: 4, skills: 3, events: 0 }),
      'sourced by Pin': ['words "Sourced by Pin"', 1],
    },
  },
  '/jobs/j-backend/candidates/c-long': {
    classic: classicProfile({ emails: 1, experience: 12, skills: 3, events: 3 }),
    utility: utilityProfile({ emails: 1, experience: 12, skills: 3, events: 3 }),
  },
  '/jobs/j-sales/candidates/c-imported': {
    classic: {
      ...classicProfile({ emails: 1, experience: 2, skills: 1, events: 0 }),
      'sourced by Pin': ['words "Imported"', 1],
    },
    utility: {
      ...utilityProfile({ emails: 1, experience: 2, skills: 1, events: 0 }),
      'sourced by Pin': ['words "Imported"', 1],
    },
  },
  '/jobs/j-backend': {
    classic: {
      'job title': ['main heading <h1>', 1],
      rows: ['links to profiles', 9],
      'row statuses': ['selector .status-pill', 9],
    },
    utility: {
      'job title': ['main heading <h1>', 1],
      rows: ['links to profiles', 9],
      'row statuses': ['status words', 9],
    },
  },
  '/jobs/j-design': {
    classic: { rows: ['links to profiles', 4], 'row statuses': ['selector .status-pill', 4] },
    utility: { rows: ['links to profiles', 4], 'row statuses': ['status words', 4] },
  },
  '/inbox': {
    classic: { threads: ['links to profiles', 2] },
    utility: { threads: ['links to profiles', 2] },
  },
  '/jobs': {
    classic: { jobs: ['links to job pipelines', 3] },
    utility: { jobs: ['links to job pipelines', 3] },
  },
};
