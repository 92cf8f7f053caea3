import { z } from 'zod';

/** One audit line as the API answers it: the route checks what it sends with it, the console what it receives. */
export const AuditLineSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  kiosk_id: z.string().nullable(),
  result: z.string(),
  detail: z.string().nullable(),
});
