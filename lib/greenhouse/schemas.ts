import { z } from 'zod';

/**
 * Harvest v3 response objects, mirroring the component schemas of Greenhouse's OpenAPI document.
 * The document marks no property as required and many as nullable, so every field here is optional and
 * nullable where the document says so: anything that validates there parses here. Code that needs a field
 * (an id after a create) asks for it with `requireId`.
 */
const dateTime = z.string();
const nullableString = z.string().nullable();
const nullableInt = z.number().int().nullable();
const typedValue = z.looseObject({ value: z.string().optional(), type: z.string().optional() });
const customFields = z
  .record(z.string(), z.looseObject({ name: z.string(), type: z.string(), value: z.unknown() }))
  .nullable();

const base = {
  id: z.number().int().optional(),
  created_at: dateTime.optional(),
  updated_at: dateTime.optional(),
};

export const candidateSchema = z.looseObject({
  ...base,
  first_name: nullableString.optional(),
  last_name: nullableString.optional(),
  preferred_name: nullableString.optional(),
  company: nullableString.optional(),
  title: nullableString.optional(),
  last_activity_at: nullableString.optional(),
  private: z.boolean().nullable().optional(),
  can_email: z.boolean().optional(),
  time_zone: nullableString.optional(),
  tags: z.array(z.string()).optional(),
  linked_user_ids: z.array(z.number().int()).optional(),
  phone_numbers: z.array(typedValue).optional(),
  addresses: z.array(typedValue).optional(),
  email_addresses: z.array(typedValue).optional(),
  website_addresses: z.array(typedValue).optional(),
  social_media_addresses: z.array(z.looseObject({ value: z.string().optional() })).optional(),
  custom_fields: customFields.optional(),
  // The document's second oneOf branch: an object carrying only a processing message.
  message: z.string().optional(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const applicationSchema = z.looseObject({
  ...base,
  agency_note_id: nullableInt.optional(),
  candidate_id: z.number().int().optional(),
  coordinator_id: nullableInt.optional(),
  job_id: nullableInt.optional(),
  job_post_id: nullableInt.optional(),
  recruiter_id: nullableInt.optional(),
  referrer_id: nullableInt.optional(),
  source_id: nullableInt.optional(),
  stage_id: nullableInt.optional(),
  stage_name: nullableString.optional(),
  status: z.enum(['rejected', 'hired', 'converted', 'in_process']).optional(),
  needs_decision: z.boolean().nullable().optional(),
  prospect: z.boolean().optional(),
  rejected_at: nullableString.optional(),
  last_activity_at: nullableString.optional(),
  location_address: nullableString.optional(),
  answers: z
    .array(z.looseObject({ question: z.string().optional(), answer: z.string().optional() }))
    .nullable()
    .optional(),
  prospective_job_ids: z.array(z.number().int()).optional(),
  custom_fields: customFields.optional(),
});
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
export const attachmentSchema = z.looseObject({
  ...base,
  application_id: z.number().int().optional(),
  candidate_id: nullableInt.optional(),
  type: z.enum(ATTACHMENT_TYPES).optional(),
  filename: z.string().optional(),
  url: z.string().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const NOTE_VISIBILITIES = ['admin_only_visible', 'privately_visible', 'publicly_visible'] as const;
export const noteSchema = z.looseObject({
  ...base,
  candidate_id: nullableInt.optional(),
  application_id: nullableInt.optional(),
  body: nullableString.optional(),
  subject: nullableString.optional(),
  type: z.string().optional(),
  user_id: nullableInt.optional(),
  email_from: nullableString.optional(),
  email_to: nullableString.optional(),
  email_cc: z.array(z.string()).nullable().optional(),
  import_hash: nullableString.optional(),
  body_with_tags: nullableString.optional(),
  visibility: z.enum(NOTE_VISIBILITIES).nullable().optional(),
  email_attachment_file_names: nullableString.optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const employmentSchema = z.looseObject({
  ...base,
  candidate_id: z.number().int().optional(),
  company_name: z.string().optional(),
  title: z.string().optional(),
  start_date: z.string().optional(),
  end_date: nullableString.optional(),
  latest: z.boolean().nullable().optional(),
});
export type Employment = z.infer<typeof employmentSchema>;

export const educationSchema = z.looseObject({
  ...base,
  candidate_id: z.number().int().optional(),
  school_name_custom_field_option_id: nullableInt.optional(),
  degree_custom_field_option_id: nullableInt.optional(),
  discipline_custom_field_option_id: nullableInt.optional(),
  start_at: nullableString.optional(),
  end_at: nullableString.optional(),
  latest: z.boolean().optional(),
  start_date_month: nullableInt.optional(),
  start_date_year: nullableInt.optional(),
  end_date_month: nullableInt.optional(),
  end_date_year: nullableInt.optional(),
});
export type Education = z.infer<typeof educationSchema>;

export const jobSchema = z.looseObject({
  ...base,
  name: z.string().optional(),
  requisition_id: nullableString.optional(),
  notes: nullableString.optional(),
  confidential: z.boolean().optional(),
  status: z.enum(['open', 'draft', 'closed']).optional(),
  opened_at: nullableString.optional(),
  closed_at: nullableString.optional(),
  is_template: z.boolean().nullable().optional(),
  copied_from_id: nullableInt.optional(),
  department_id: nullableInt.optional(),
  office_ids: z.array(z.number().int()).nullable().optional(),
  custom_fields: customFields.optional(),
});
export type Job = z.infer<typeof jobSchema>;

export const userSchema = z.looseObject({
  ...base,
  first_name: nullableString.optional(),
  last_name: nullableString.optional(),
  primary_email: z.string().optional(),
  job_title: nullableString.optional(),
  agency_id: nullableInt.optional(),
  name: nullableString.optional(),
  deactivated: z.boolean().optional(),
  site_admin: z.boolean().optional(),
  employee_id: nullableString.optional(),
  linked_candidate_ids: z.array(z.number().int()).optional(),
  office_ids: z.array(z.number().int()).optional(),
  department_ids: z.array(z.number().int()).optional(),
  interviewer_tags: z.array(z.looseObject({ id: z.number().int(), name: z.string() })).optional(),
  emails: z.array(z.string()).optional(),
  custom_fields: customFields.optional(),
});
export type User = z.infer<typeof userSchema>;

export const sourceSchema = z.looseObject({
  ...base,
  name: z.string().optional(),
  type: z.looseObject({ id: z.number().int().optional(), name: z.string().optional() }).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const customFieldOptionSchema = z.looseObject({
  ...base,
  name: z.string().optional(),
  custom_field_id: nullableInt.optional(),
  external_id: nullableString.optional(),
  sort_order: nullableInt.optional(),
  active: z.boolean().nullable().optional(),
});
export type CustomFieldOption = z.infer<typeof customFieldOptionSchema>;

/** Greenhouse's error body: `errors` entries are strings or single-key {field: reason} objects. */
export const errorBodySchema = z.looseObject({
  message: z.string().optional(),
  error: z.string().optional(),
  errors: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
});
