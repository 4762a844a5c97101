import { z } from 'zod';

// API schemas of the staff console's own routes (the home's counts of what needs action).

export const orgSummary = z.object({
  items: z.array(
    z.object({
      key: z.string().describe('What is counted, e.g. `tickets.new`; the console names it'),
      count: z.number().int(),
      link: z.string().describe("The console's page listing these items, e.g. `/staff/requests?status=new`"),
    }),
  ),
});
export type OrgSummary = z.infer<typeof orgSummary>;
