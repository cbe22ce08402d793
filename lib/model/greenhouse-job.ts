import { z } from 'zod';

/** A Greenhouse job as the job pickers show it (name, requisition id, status). */
export const greenhouseJobViewSchema = z.lazy(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    requisitionId: z.string().nullable(),
    status: z.string(),
  }),
);
export type GreenhouseJobView = z.infer<typeof greenhouseJobViewSchema>;
