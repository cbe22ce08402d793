import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';

/**
 * Harvest v3 answers, parsed by need (SPEC §2.1). Greenhouse's OpenAPI document is partial and the live API does
 * not always follow it, so an answer is refused only when a field the product reads is missing or unusable.
 *
 * Two layers:
 * - the object schemas below accept any JSON object: the fields listed in `NEEDS` get the product's type when
 *   their value is usable (numbers sent as strings, enum words in other letter case and strings for numbers are
 *   read; anything else reads as absent); every other field passes through untouched, whatever its type;
 * - `withNeeds(kind, schema)` refuses an object that lacks a `required` field (the id). List answers use it, so
 *   a row that cannot be linked to anything fails the answer instead of being silently skipped. Writes parse the
 *   same way, but a write answer that fails it is "committed, unreadable" (see api.ts), never an error.
 *
 * `NEEDS` is the one list, per object, of what the product reads and why. The Harvest sandbox's drift mode keeps
 * exactly these fields and changes every other one, so a field read here but missing from `NEEDS` fails a test.
 */

export const OBJECT_KINDS = [
  'candidate',
  'application',
  'attachment',
  'note',
  'candidate_employment',
  'candidate_education',
  'job',
  'user',
  'source',
  'custom_field_option',
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export interface ObjectNeeds {
  /** Without these the object is unusable: the answer is refused (lists) or unreadable (writes). */
  required: readonly string[];
  /** Field → why the product reads it. Read when usable, else treated as absent. */
  read: Readonly<Record<string, string>>;
}

export const NEEDS = {
  candidate: {
    required: ['id'],
    read: {
      id: 'links the Pin candidate to the Greenhouse person; every later write names it',
      first_name: 'shown in "needs review"; read-back of a person without email matches on it',
      last_name: 'shown in "needs review"; read-back of a person without email matches on it',
      company: 'shown in "needs review"',
      title: 'shown in "needs review"',
      email_addresses: 'shown in "needs review"; the presence index keys on them',
      social_media_addresses: 'the presence index keys on LinkedIn profile URLs',
    },
  },
  application: {
    required: ['id'],
    read: {
      id: 'the resume is attached to it and the badge links to it',
      job_id: 'read-back after a lost answer; "Already on <job>" for a matched person',
      prospect: 'read-back after a lost answer: the prospect application',
      candidate_id: 'stages on synced badges, by person',
      stage_name: 'the stage on a synced badge',
      status: 'the status on a synced badge (Active, Rejected, Hired)',
    },
  },
  attachment: {
    required: ['id'],
    read: {
      id: 'the ledger names the uploaded resume',
      type: 'read-back after a lost answer: the resume',
      filename: 'read-back after a lost answer: the file this export uploaded',
    },
  },
  note: {
    required: ['id'],
    read: {
      id: 'the ledger names the note',
      body: 'read-back after a lost answer: the note this export wrote',
    },
  },
  candidate_employment: {
    required: ['id'],
    read: {
      id: 'the ledger names the employment',
      company_name: 'read-back after a lost answer',
      title: 'read-back after a lost answer',
      start_date: 'read-back after a lost answer (null when Pin showed no start date)',
    },
  },
  candidate_education: {
    required: ['id'],
    read: { id: 'the ledger names the education' },
  },
  job: {
    required: ['id'],
    read: {
      id: 'the application is created on it',
      name: 'the job pickers show it',
      requisition_id: 'the job pickers show it in parentheses',
      status: 'open jobs are listed first and counted on the options page',
    },
  },
  user: {
    required: ['id'],
    read: {
      id: 'the act-as user is checked by id',
      name: 'the options page shows who the extension acts as',
      first_name: 'the acting user name when `name` is absent',
      last_name: 'the acting user name when `name` is absent',
      site_admin: 'list calls need a Site Admin `sub`',
    },
  },
  source: {
    required: ['id'],
    read: { id: 'reserved for a source on the application', name: 'reserved: matched to "Pin"' },
  },
  custom_field_option: {
    required: ['id'],
    read: {
      id: 'education is sent as option ids',
      name: "matched to Pin's school, degree and field text",
      active: 'inactive options are not used',
    },
  },
} as const satisfies Record<ObjectKind, ObjectNeeds>;

// Tolerant readers for the needed fields. Each accepts any input and yields the product's type or undefined.

const asInt = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) return Number(v);
  return undefined;
};
/** A field read through `read` when present; an absent key stays absent. */
const tolerant = <T>(read: (value: unknown) => T) => lazySchema(() => z.unknown().transform(read).optional());

/** A Greenhouse id: a positive integer, also when sent as a numeric string. */
const id = tolerant((v) => {
  const n = asInt(v);
  return n !== undefined && n > 0 ? n : undefined;
});
const nullableInt = tolerant((v) => (v === null ? null : asInt(v)));
const text = tolerant((v): string | null | undefined =>
  typeof v === 'string'
    ? v
    : v === null
      ? null
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : undefined,
);
const bool = tolerant((v): boolean | null | undefined => {
  if (typeof v === 'boolean' || v === null) return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
});
/** An enum word compared without letter case; unknown words read as absent. */
const word = <const T extends readonly string[]>(values: T) =>
  tolerant((v): T[number] | undefined => {
    if (typeof v !== 'string') return undefined;
    const lower = v.trim().toLowerCase();
    return values.find((value) => value.toLowerCase() === lower);
  });
/** `[{value, type}]`; also a bare string per entry; anything unusable is dropped. */
const typedValues = tolerant((v): { value: string; type?: string }[] => {
  if (!Array.isArray(v)) return [];
  return v.flatMap((entry) => {
    if (typeof entry === 'string') return [{ value: entry }];
    if (typeof entry !== 'object' || entry === null) return [];
    const { value, type } = entry as { value?: unknown; type?: unknown };
    if (typeof value !== 'string') return [];
    return [typeof type === 'string' ? { value, type } : { value }];
  });
});

export const candidateSchema = lazySchema(() =>
  z.looseObject({
    id,
    first_name: text,
    last_name: text,
    company: text,
    title: text,
    email_addresses: typedValues,
    social_media_addresses: typedValues,
  }),
);
export type Candidate = z.infer<typeof candidateSchema>;

export const APPLICATION_STATUSES = ['in_process', 'rejected', 'hired', 'converted'] as const;
export const applicationSchema = lazySchema(() =>
  z.looseObject({
    id,
    job_id: nullableInt,
    prospect: bool,
    candidate_id: nullableInt,
    stage_name: text,
    status: word(APPLICATION_STATUSES),
  }),
);
export type Application = z.infer<typeof applicationSchema>;

export const ATTACHMENT_TYPES = [
  'resume',
  'cover_letter',
  'take_home_test',
  'offer_packet',
  'offer_letter',
  'signed_offer_letter',
  'other',
  'form_attachment',
  'midfunnel_agreement',
  'automated_agreement',
] as const;
export const attachmentSchema = lazySchema(() =>
  z.looseObject({ id, type: word(ATTACHMENT_TYPES), filename: text }),
);
export type Attachment = z.infer<typeof attachmentSchema>;

export const noteSchema = lazySchema(() => z.looseObject({ id, body: text }));
export type Note = z.infer<typeof noteSchema>;

export const employmentSchema = lazySchema(() =>
  z.looseObject({ id, company_name: text, title: text, start_date: text }),
);
export type Employment = z.infer<typeof employmentSchema>;

export const educationSchema = lazySchema(() => z.looseObject({ id }));
export type Education = z.infer<typeof educationSchema>;

export const JOB_STATUSES = ['open', 'draft', 'closed'] as const;
export const jobSchema = lazySchema(() =>
  z.looseObject({ id, name: text, requisition_id: text, status: word(JOB_STATUSES) }),
);
export type Job = z.infer<typeof jobSchema>;

export const userSchema = lazySchema(() =>
  z.looseObject({
    id,
    name: text,
    first_name: text,
    last_name: text,
    site_admin: bool,
  }),
);
export type User = z.infer<typeof userSchema>;

export const sourceSchema = lazySchema(() => z.looseObject({ id, name: text }));
export type Source = z.infer<typeof sourceSchema>;

export const customFieldOptionSchema = lazySchema(() => z.looseObject({ id, name: text, active: bool }));
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>;

export const OBJECT_SCHEMAS = {
  candidate: candidateSchema,
  application: applicationSchema,
  attachment: attachmentSchema,
  note: noteSchema,
  candidate_employment: employmentSchema,
  candidate_education: educationSchema,
  job: jobSchema,
  user: userSchema,
  source: sourceSchema,
  custom_field_option: customFieldOptionSchema,
} as const satisfies Record<ObjectKind, z.ZodType>;

type Needed<K extends ObjectKind> = z.ZodType<z.output<(typeof OBJECT_SCHEMAS)[K]> & { id: number }>;
const needed = new Map<ObjectKind, z.ZodType>();

/**
 * The object schema plus its `required` fields: the shape a list row or a write answer must have to be used. Built
 * once per kind, on first use.
 */
export function withNeeds<K extends ObjectKind>(kind: K): Needed<K> {
  let schema = needed.get(kind);
  if (!schema) {
    const required = NEEDS[kind].required as readonly string[];
    schema = OBJECT_SCHEMAS[kind].superRefine((value, ctx) => {
      for (const field of required) {
        if ((value as Record<string, unknown>)[field] === undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: `a ${kind} without a usable ${field}` });
      }
    });
    needed.set(kind, schema);
  }
  return schema as unknown as Needed<K>;
}

/** Greenhouse's error body: `errors` entries are strings or single-key {field: reason} objects. */
export const errorBodySchema = lazySchema(() =>
  z.looseObject({
    message: z.string().optional().catch(undefined),
    error: z.string().optional().catch(undefined),
    errors: z
      .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
      .optional()
      .catch(undefined),
  }),
);
