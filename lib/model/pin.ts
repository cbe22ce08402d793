import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { PIN_EVENT_TYPES, PIN_STATUSES, YEAR_MONTH } from './pin-values';

/** A Pin candidate as the extension reads it; mirrors the demo app's dataset candidate (SPEC §3.1). */
export const pinLocationSchema = lazySchema(() =>
  z.object({
    city: z.string().nullable(),
    state: z.string().nullable(),
    country: z.string().nullable(),
  }),
);
export const pinEmailSchema = lazySchema(() =>
  z.object({ address: z.string(), type: z.enum(['personal', 'work']) }),
);
export const yearMonth = lazySchema(() => z.string().regex(YEAR_MONTH, 'must be YYYY-MM'));
export const pinExperienceSchema = lazySchema(() =>
  z.object({
    title: z.string(),
    company: z.string(),
    start: yearMonth.nullable(),
    end: yearMonth.nullable(),
  }),
);
export const pinEducationSchema = lazySchema(() =>
  z.object({
    school: z.string(),
    degree: z.string().nullable(),
    field: z.string().nullable(),
    startYear: z.number().int().nullable(),
    endYear: z.number().int().nullable(),
  }),
);
export const pinCandidateSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    name: z.string(),
    headline: z.string().nullable(),
    location: pinLocationSchema.nullable(),
    emails: z.array(pinEmailSchema),
    phones: z.array(z.string()),
    linkedinUrl: z.string().nullable(),
    experience: z.array(pinExperienceSchema),
    education: z.array(pinEducationSchema),
    skills: z.array(z.string()),
    summary: z.string().nullable(),
    sourcedByPin: z.boolean(),
  }),
);
export type PinCandidate = z.infer<typeof pinCandidateSchema>;
export type PinExperience = z.infer<typeof pinExperienceSchema>;

export { PIN_EVENT_TYPES, PIN_STATUSES };
export const pinStatusSchema = lazySchema(() => z.enum(PIN_STATUSES));
export type PinStatus = z.infer<typeof pinStatusSchema>;

export const pinEventTypeSchema = lazySchema(() => z.enum(PIN_EVENT_TYPES));
export type PinEventType = z.infer<typeof pinEventTypeSchema>;

export const pinJobSchema = lazySchema(() => z.object({ id: z.string().min(1), title: z.string() }));
export type PinJob = z.infer<typeof pinJobSchema>;

/** What a Pin page says about one candidate's outreach in one job, with event times when Pin shows them. */
export const statusObservationSchema = lazySchema(() =>
  z.object({
    jobId: z.string().min(1),
    candidateId: z.string().min(1),
    status: pinStatusSchema,
    eventTimes: z.partialRecord(pinEventTypeSchema, z.iso.datetime({ offset: true })),
  }),
);
export type StatusObservation = z.infer<typeof statusObservationSchema>;
