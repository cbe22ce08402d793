import { z } from 'zod';
import { lazySchema } from '../../model/lazy-schema';
import { DATE_FORMATS, PIN_MAPPING_VERSION } from './constants';

/**
 * Everything Pin-specific that is not code, as one versioned JSON document (SPEC §3.2): routes, selector
 * preferences, heading, label and status words, date formats. The built-in one is `builtin.ts`; an admin may import
 * a replacement on the options page. Only data: selectors are CSS strings tried with querySelector, words are
 * compared as text; nothing here is ever run.
 */
export { DATE_FORMATS, PIN_MAPPING_VERSION };

const ROUTE_PARAMS = /:(jobId|candidateId)\b/g;
const route = (params: readonly ('jobId' | 'candidateId')[]) =>
  z
    .string()
    .trim()
    .regex(/^\/[\w\-/:.~]*$/, 'must be a path like /jobs/:jobId')
    .refine(
      (path) => {
        const found = [...path.matchAll(ROUTE_PARAMS)].map((m) => m[1]);
        return (
          params.every((p) => found.filter((f) => f === p).length === 1) && found.length === params.length
        );
      },
      {
        message: params.length
          ? `must contain ${params.map((p) => `:${p}`).join(' and ')} once`
          : 'takes no :parameters',
      },
    );

const selector = lazySchema(() =>
  z.string().trim().min(1, 'must not be empty').max(300, 'is longer than 300 characters'),
);
/** Tried in order; the first that matches wins. An empty list leaves only the reader's rules by meaning. */
const selectors = lazySchema(() => z.array(selector).max(12, 'at most 12 selectors'));
const words = lazySchema(() =>
  z
    .array(z.string().trim().min(1, 'must not be empty').max(80))
    .min(1, 'needs at least one word or phrase')
    .max(20),
);

export const pinMappingSchema = lazySchema(() =>
  z
    .object({
      version: z.literal(PIN_MAPPING_VERSION, { error: `must be ${PIN_MAPPING_VERSION}` }),
      name: z.string().trim().min(1).max(100),
      routes: z
        .object({
          jobs: route([]),
          pipeline: route(['jobId']),
          profile: route(['jobId', 'candidateId']),
          inbox: route([]),
          /** Pin's JSON for one candidate, used when a rule fires for someone whose profile is not open (assumed). */
          candidateApi: route(['candidateId']),
          /**
           * Pin's JSON of a job's pipeline (assumed): the background watcher reads it (SPEC §6.1). A document written
           * before this route existed gets the built-in one.
           */
          pipelineApi: route(['jobId']).default('/api/jobs/:jobId/pipeline'),
        })
        .strict(),
      /** First preferences, before the rules by meaning. Each is relative to the page's main region or its item. */
      selectors: z
        .object({
          main: selectors,
          profile: selectors,
          name: selectors,
          headline: selectors,
          location: selectors,
          locationPart: z.object({ city: selectors, state: selectors, country: selectors }).strict(),
          email: selectors,
          /** An email element, or the item holding it, that matches one of these is a work address. */
          emailWork: selectors,
          phone: selectors,
          linkedin: selectors,
          summary: selectors,
          experienceItem: selectors,
          experienceTitle: selectors,
          experienceCompany: selectors,
          educationItem: selectors,
          educationSchool: selectors,
          educationDegree: selectors,
          educationField: selectors,
          skill: selectors,
          /** Inside an experience or education item: the element holding its start, or its end. */
          dateStart: selectors,
          dateEnd: selectors,
          jobLink: selectors,
          row: selectors,
          statusChip: selectors,
        })
        .strict(),
      /** Section headings, compared without case. */
      headings: z
        .object({
          contact: words,
          experience: words,
          education: words,
          skills: words,
          about: words,
          outreach: words,
        })
        .strict(),
      /** Visible words: statuses, event labels, tags and labels. */
      words: z
        .object({
          status: z
            .object({ sourced: words, in_sequence: words, replied: words, interested: words })
            .strict(),
          event: z.object({ added_to_sequence: words, replied: words, marked_interested: words }).strict(),
          sourcedByPin: words,
          importedIntoPin: words,
          emailWork: words,
          emailPersonal: words,
          linkedin: words,
          location: words,
          current: words,
          unknownDate: words,
        })
        .strict(),
      /** How Pin writes month dates when it gives no <time datetime>, tried in order. */
      dateFormats: z.array(z.enum(DATE_FORMATS)).min(1).max(DATE_FORMATS.length),
    })
    .strict(),
);

export type PinMapping = z.infer<typeof pinMappingSchema>;

/** Validation errors, one line per field, for the options page. */
export function mappingErrors(raw: unknown): string[] {
  const parsed = pinMappingSchema.safeParse(raw);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`);
}
