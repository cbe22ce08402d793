import { z } from 'zod';
import { pinCandidateSchema, pinEventTypeSchema, pinJobSchema, pinStatusSchema } from '../../lib/model/pin';

/** The demo app's dataset file (SPEC §3.1). Extra fields are ignored. */
export const datasetSchema = z
  .object({
    jobs: z.array(pinJobSchema),
    candidates: z.array(pinCandidateSchema),
    pipeline: z.array(
      z.object({
        jobId: z.string(),
        candidateId: z.string(),
        status: pinStatusSchema,
        events: z.array(z.object({ type: pinEventTypeSchema, at: z.iso.datetime({ offset: true }) })),
      }),
    ),
  })
  .superRefine((data, ctx) => {
    const jobs = new Set(data.jobs.map((j) => j.id));
    const candidates = new Set(data.candidates.map((c) => c.id));
    data.pipeline.forEach((entry, i) => {
      if (!jobs.has(entry.jobId))
        ctx.addIssue({
          code: 'custom',
          path: ['pipeline', i, 'jobId'],
          message: `unknown job "${entry.jobId}"`,
        });
      if (!candidates.has(entry.candidateId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['pipeline', i, 'candidateId'],
          message: `unknown candidate "${entry.candidateId}"`,
        });
      }
    });
  });
export type Dataset = z.infer<typeof datasetSchema>;
export type PipelineEntry = Dataset['pipeline'][number];

/** Parses a dataset, or throws an Error whose message names the bad field. */
export function parseDataset(raw: unknown, source = 'dataset'): Dataset {
  const parsed = datasetSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `  ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`Invalid ${source}:\n${lines.join('\n')}`);
}

export const STATUS_AFTER_EVENT = {
  added_to_sequence: 'in_sequence',
  replied: 'replied',
  marked_interested: 'interested',
} as const;
