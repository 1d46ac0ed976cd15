import { z } from "zod";

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Audit log filters from the URL; bad values fall back to "no filter" rather than an error page. */
export const auditQuerySchema = z.object({
  actorId: z.string().max(64).optional().catch(undefined),
  entity: z.string().max(40).optional().catch(undefined),
  from: dateParam,
  to: dateParam,
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
