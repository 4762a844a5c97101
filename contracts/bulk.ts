import { z } from 'zod';

/** One row of a bulk upsert (houses, accounts), answered by the row's index in the request. */
export const bulkRowResultSchema = z.object({
  index: z.number().int(),
  key: z.string().nullable(),
  status: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  id: z.uuid().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type BulkRowResult = z.infer<typeof bulkRowResultSchema>;
