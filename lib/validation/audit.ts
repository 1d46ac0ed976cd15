import { z } from "zod";
import { queryDate, queryId, queryInt, queryText } from "./primitives";

/** Audit log filters from the URL; bad values fall back to "no filter" rather than an error page. */
export const auditQuerySchema = z.object({
  actorId: queryId,
  entity: queryText(40),
  q: queryText(100),
  from: queryDate,
  to: queryDate,
  page: queryInt(1, 1_000_000, 1),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
