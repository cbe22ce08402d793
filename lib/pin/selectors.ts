/**
 * Every CSS selector the extension uses on Pin, with where it must match (Refined GitHub style): each
 * `expect` entry is [count, path on the sample dataset]. `lib/pin/selectors.test.ts` renders those pages and
 * checks the counts, so a Pin redesign fails a test that names the selector.
 */
export interface SelectorSpec {
  css: string;
  expect: readonly (readonly [count: number, path: string])[];
}

const define = <T extends Record<string, SelectorSpec>>(specs: T) => specs;

export const SELECTORS = define({
  mainView: {
    css: 'main.pin-main',
    expect: [
      [1, '/jobs'],
      [1, '/jobs/j-backend'],
      [1, '/inbox'],
    ],
  },
  jobCard: {
    css: 'li.job-card[data-job-id]',
    expect: [
      [3, '/jobs'],
      [0, '/jobs/j-backend'],
    ],
  },
  jobCardTitle: { css: '.job-card__title', expect: [[3, '/jobs']] },

  pipelinePage: {
    css: 'section.pipeline-page[data-job-id]',
    expect: [
      [1, '/jobs/j-backend'],
      [0, '/jobs'],
      [0, '/inbox'],
    ],
  },
  pipelineTitle: { css: '.job-header__title', expect: [[1, '/jobs/j-backend']] },
  pipelineRow: {
    css: 'tr.pipeline-row[data-candidate-id]',
    expect: [
      [9, '/jobs/j-backend'],
      [4, '/jobs/j-design'],
      [0, '/jobs'],
    ],
  },
  pipelineRowName: { css: '.pipeline-row__name', expect: [[9, '/jobs/j-backend']] },

  profile: {
    css: 'article.candidate-profile[data-candidate-id][data-job-id]',
    expect: [
      [1, '/jobs/j-backend/candidates/c-ada'],
      [0, '/jobs/j-backend'],
      [0, '/inbox'],
    ],
  },
  profileJobLink: { css: '.breadcrumb__job[data-job-id]', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  profileHeader: { css: '.candidate-header', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  profileName: { css: '.candidate-name', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  profileHeadline: { css: '.candidate-headline', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  profileLocation: { css: '.candidate-location', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  profileLocationPart: {
    css: '.candidate-location [data-part]',
    expect: [[2, '/jobs/j-backend/candidates/c-ada']],
  },
  profileSourcedByPin: {
    css: '.source-tag--pin',
    expect: [
      [1, '/jobs/j-backend/candidates/c-ada'],
      [0, '/jobs/j-sales/candidates/c-imported'],
    ],
  },
  profileImported: {
    css: '.source-tag--imported',
    expect: [
      [1, '/jobs/j-sales/candidates/c-imported'],
      [0, '/jobs/j-backend/candidates/c-ada'],
    ],
  },
  profileContact: { css: 'section.contact-info', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  profileEmail: {
    css: 'a.contact-email[data-type]',
    expect: [
      [2, '/jobs/j-backend/candidates/c-ada'],
      [0, '/jobs/j-design/candidates/c-noemail'],
    ],
  },
  profilePhone: { css: '.contact-phone', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  profileLinkedin: {
    css: 'a.contact-linkedin',
    expect: [
      [1, '/jobs/j-backend/candidates/c-ada'],
      [0, '/jobs/j-backend/candidates/c-nolinkedin'],
    ],
  },
  profileSummary: {
    css: '.candidate-summary',
    expect: [
      [1, '/jobs/j-backend/candidates/c-ada'],
      [0, '/jobs/j-backend/candidates/c-jose'],
    ],
  },
  experienceItem: {
    css: 'li.experience-item',
    expect: [
      [4, '/jobs/j-backend/candidates/c-ada'],
      [12, '/jobs/j-backend/candidates/c-long'],
    ],
  },
  educationItem: { css: 'li.education-item', expect: [[1, '/jobs/j-backend/candidates/c-ada']] },
  skill: { css: 'li.skill-chip', expect: [[3, '/jobs/j-backend/candidates/c-ada']] },
  outreachStatus: {
    css: 'section.outreach-status .status-pill[data-status]',
    expect: [[1, '/jobs/j-backend/candidates/c-ada']],
  },
  outreachEvent: {
    css: 'section.outreach-status [data-event]',
    expect: [
      [3, '/jobs/j-backend/candidates/c-long'],
      [0, '/jobs/j-backend/candidates/c-ada'],
    ],
  },
  addToSequence: {
    css: 'button.add-to-sequence',
    expect: [
      [1, '/jobs/j-backend/candidates/c-ada'],
      [0, '/jobs/j-backend/candidates/c-wang'],
    ],
  },

  inboxPage: {
    css: 'section.inbox-page',
    expect: [
      [1, '/inbox'],
      [0, '/jobs'],
    ],
  },
  inboxThread: { css: 'li.inbox-thread[data-candidate-id][data-job-id]', expect: [[2, '/inbox']] },
  inboxThreadJob: { css: '.inbox-thread__job', expect: [[2, '/inbox']] },

  // Inside a row, profile section or thread (relative to that scope).
  statusPill: {
    css: '.status-pill[data-status]',
    expect: [
      [9, '/jobs/j-backend'],
      [2, '/inbox'],
    ],
  },
  eventEntry: {
    css: '[data-event]',
    expect: [
      [6, '/jobs/j-backend'],
      [5, '/inbox'],
    ],
  },
});

export type SelectorName = keyof typeof SELECTORS;
export const css = (name: SelectorName): string => SELECTORS[name].css;
