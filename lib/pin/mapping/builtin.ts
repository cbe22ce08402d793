import { PIN_MAPPING_VERSION } from './constants';
import type { PinMapping } from './schema';

/**
 * The built-in Pin mapping. Pin publishes neither its routes nor its markup (README "Assumptions"): routes and the
 * JSON endpoint are assumed; the class selectors are first preferences for one known markup; every field also has
 * a rule by meaning in lib/pin/read.ts (headings, labels, mailto:/tel:/linkedin links, visible words, <time>).
 */
export const BUILTIN_PIN_MAPPING: PinMapping = {
  version: PIN_MAPPING_VERSION,
  name: 'Built-in',
  routes: {
    jobs: '/jobs',
    pipeline: '/jobs/:jobId',
    profile: '/jobs/:jobId/candidates/:candidateId',
    inbox: '/inbox',
    candidateApi: '/api/candidates/:candidateId',
    pipelineApi: '/api/jobs/:jobId/pipeline',
  },
  selectors: {
    main: ['main'],
    profile: ['article.candidate-profile'],
    name: ['.candidate-name'],
    headline: ['.candidate-headline', 'h1 + p'],
    location: ['.candidate-location'],
    locationPart: {
      city: ['[data-part="city"]'],
      state: ['[data-part="state"]'],
      country: ['[data-part="country"]'],
    },
    email: ['a.contact-email'],
    emailWork: ['[data-type="work"]'],
    phone: ['.contact-phone'],
    linkedin: ['a.contact-linkedin'],
    summary: ['.candidate-summary'],
    experienceItem: ['li.experience-item'],
    experienceTitle: ['.experience-item__title'],
    experienceCompany: ['.experience-item__company'],
    educationItem: ['li.education-item'],
    educationSchool: ['.education-item__school'],
    educationDegree: ['.education-item__degree'],
    educationField: ['.education-item__field'],
    skill: ['li.skill-chip'],
    dateStart: ['time[data-part="start"]'],
    dateEnd: ['time[data-part="end"]'],
    jobLink: ['.breadcrumb__job'],
    row: ['tr', 'li', '[role="row"]'],
    statusChip: ['.status-pill'],
  },
  headings: {
    contact: ['Contact', 'Contact details', 'Contact info', 'Contact information'],
    experience: ['Experience', 'Work experience', 'Work history', 'Employment'],
    education: ['Education'],
    skills: ['Skills'],
    about: ['About', 'Summary', 'Bio'],
    outreach: ['Outreach', 'Sequence', 'Engagement'],
  },
  words: {
    status: {
      sourced: ['Not in sequence', 'Not contacted', 'Sourced'],
      in_sequence: ['In sequence', 'In a sequence', 'Contacted'],
      replied: ['Replied'],
      interested: ['Interested'],
    },
    event: {
      added_to_sequence: ['Added to sequence', 'Added to a sequence'],
      replied: ['Replied'],
      marked_interested: ['Marked interested', 'Interested'],
    },
    sourcedByPin: ['Sourced by Pin'],
    importedIntoPin: ['Imported', 'Imported by you', 'Uploaded'],
    emailWork: ['Work'],
    emailPersonal: ['Personal', 'Home'],
    linkedin: ['LinkedIn', 'LinkedIn profile'],
    location: ['Location'],
    current: ['Present', 'Current', 'Now'],
    unknownDate: ['Start unknown', 'Unknown'],
  },
  dateFormats: ['MMM YYYY', 'MMMM YYYY', 'YYYY-MM', 'MM/YYYY', 'YYYY'],
};
