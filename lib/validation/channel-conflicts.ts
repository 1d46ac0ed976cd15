import { z } from "zod";
import { CONFLICT_KINDS, CONFLICT_OUTCOMES, CONFLICT_STATUSES } from "@/lib/domain/channel-conflicts";
import {
  id,
  optionalEnum,
  optionalId,
  optionalText,
  optionalYuan,
  queryId,
  queryInt,
  queryText,
  requiredText,
  version,
} from "./primitives";

/** A case opened by hand (a complaint from the affected distributor, a finding on a market visit). */
export const openConflictSchema = z.object({
  kind: z.enum(CONFLICT_KINDS, { message: "validation.required" }),
  distributorId: id,
  affectedDistributorId: optionalId,
  territoryId: optionalId,
  productId: optionalId,
  accountId: optionalId,
  summary: requiredText(4000),
});
export type OpenConflictInput = z.output<typeof openConflictSchema>;

/** Escalating one step (to mediation or to arbitration): why talks at this step failed. */
export const escalateConflictSchema = z.object({ id, version, note: requiredText(2000) });
export type EscalateConflictInput = z.output<typeof escalateConflictSchema>;

export const conflictCauseSchema = z.object({ id, version, causeAnalysis: requiredText(4000) });
export type ConflictCauseInput = z.output<typeof conflictCauseSchema>;

/** Resolving: the outcome rules (amount, note, cause) are checked by the domain, all at once. */
export const resolveConflictSchema = z.object({
  id,
  version,
  outcome: optionalEnum(CONFLICT_OUTCOMES),
  outcomeAmount: optionalYuan,
  outcomeNote: optionalText(2000),
  causeAnalysis: optionalText(4000),
  preventionNote: optionalText(4000),
});
export type ResolveConflictInput = z.output<typeof resolveConflictSchema>;

export const reopenConflictSchema = z.object({ id, version, note: requiredText(2000) });
export type ReopenConflictInput = z.output<typeof reopenConflictSchema>;

export const conflictNoteSchema = z.object({ id, note: requiredText(2000) });
export type ConflictNoteInput = z.output<typeof conflictNoteSchema>;

export const CONFLICT_QUEUE_SORTS = ["createdAt", "number", "status", "evidenceAmount"] as const;

/** The queue's state from the URL: a bad value falls back to the default instead of failing. */
export const conflictQueueQuerySchema = z.object({
  status: z
    .enum([...CONFLICT_STATUSES, "OPEN"])
    .optional()
    .catch(undefined),
  kind: z.enum(CONFLICT_KINDS).optional().catch(undefined),
  distributorId: queryId,
  q: queryText(100),
  sort: z.enum(CONFLICT_QUEUE_SORTS).catch("createdAt").default("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: queryInt(1, 100_000, 1),
  pageSize: queryInt(10, 100, 25),
});
export type ConflictQueueQuery = z.output<typeof conflictQueueQuerySchema>;

export const lessonsQuerySchema = z.object({
  q: queryText(100),
  kind: z.enum(CONFLICT_KINDS).optional().catch(undefined),
  page: queryInt(1, 100_000, 1),
});
export type LessonsQuery = z.output<typeof lessonsQuerySchema>;
