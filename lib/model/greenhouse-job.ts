import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** A Greenhouse job as the job pickers show it (name, requisition id, status). */
export const greenhouseJobViewSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    requisitionId: z.string().nullable(),
    status: z.string(),
  }),
);
export type GreenhouseJobView = z.infer<typeof greenhouseJobViewSchema>;
