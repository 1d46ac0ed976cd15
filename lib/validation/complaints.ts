import { z } from "zod";
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  SLA_MINUTES,
} from "@/lib/domain/complaints";
import {
  checkbox,
  id,
  optionalId,
  optionalText,
  queryId,
  queryInt,
  queryText,
  requiredInt,
  requiredText,
  version,
  whenValid,
} from "./primitives";

/** Ids ticked in a list of checkboxes (contacts involved); one arrives as a string, none as nothing. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(id).max(50, { message: "validation.invalid" }))
  .transform((ids) => [...new Set(ids)]);

const details = {
  category: z.enum(COMPLAINT_CATEGORIES, { message: "validation.required" }),
  severity: z.enum(COMPLAINT_SEVERITIES, { message: "validation.required" }),
  title: requiredText(200),
  customerWords: requiredText(4000),
  contactIds: idList,
  dealId: optionalId,
  agreementId: optionalId,
};

/** Recording a complaint (投诉登记): the recorder becomes the first-responsibility owner. */
export const recordComplaintSchema = z.object({
  accountId: id,
  channel: z.enum(COMPLAINT_CHANNELS, { message: "validation.required" }),
  ...details,
  visitRecordId: optionalId,
  handlerId: optionalId,
  sendSurveyOnClose: checkbox,
});
export type RecordComplaintInput = z.output<typeof recordComplaintSchema>;

export const editComplaintSchema = z.object({ id, version, ...details, sendSurveyOnClose: checkbox });
export type EditComplaintInput = z.output<typeof editComplaintSchema>;

/** A step of the status machine with what it needs (the data layer checks the required fields). */
export const transitionComplaintSchema = z.object({
  id,
  version,
  action: z.enum(COMPLAINT_ACTIONS),
  resolution: optionalText(4000),
  rootCause: optionalText(4000),
  correctiveAction: optionalText(4000),
  note: optionalText(2000),
});
export type TransitionComplaintInput = z.output<typeof transitionComplaintSchema>;

/** Handing over (转交) to a person or to a team; the owner stays. */
export const assignComplaintSchema = z
  .object({ id, version, handlerId: optionalId, handlerTeamId: optionalId, note: optionalText(2000) })
  .refine((v) => v.handlerId !== null || v.handlerTeamId !== null, {
    path: ["handlerId"],
    message: "validation.required",
    ...whenValid("handlerId", "handlerTeamId"),
  });
export type AssignComplaintInput = z.output<typeof assignComplaintSchema>;

export const complaintNoteSchema = z.object({ id, note: requiredText(2000) });
export const escalateComplaintSchema = z.object({ id, version, note: requiredText(2000) });
export const complaintRefSchema = z.object({ id, version });

/** The SLA of one severity, typed as a number and a unit (hours or minutes). */
export const complaintSlaSchema = z
  .object({
    severity: z.enum(COMPLAINT_SEVERITIES),
    version,
    ackValue: requiredInt(1, SLA_MINUTES.max),
    ackUnit: z.enum(["minutes", "hours"]),
    resolveValue: requiredInt(1, SLA_MINUTES.max),
    resolveUnit: z.enum(["minutes", "hours"]),
  })
  .transform((v) => ({
    severity: v.severity,
    version: v.version,
    ackMinutes: v.ackUnit === "hours" ? v.ackValue * 60 : v.ackValue,
    resolveMinutes: v.resolveUnit === "hours" ? v.resolveValue * 60 : v.resolveValue,
  }))
  .superRefine((v, ctx) => {
    if (v.ackMinutes > SLA_MINUTES.max)
      ctx.addIssue({ code: "custom", path: ["ackValue"], message: "complaints.sla.tooLong" });
    if (v.resolveMinutes > SLA_MINUTES.max)
      ctx.addIssue({ code: "custom", path: ["resolveValue"], message: "complaints.sla.tooLong" });
    if (v.resolveMinutes < v.ackMinutes)
      ctx.addIssue({ code: "custom", path: ["resolveValue"], message: "complaints.sla.order" });
  });
export type ComplaintSlaInput = z.output<typeof complaintSlaSchema>;

export const QUEUE_SORTS = [
  "receivedAt",
  "ackDueAt",
  "resolveDueAt",
  "severity",
  "number",
  "status",
] as const;
export const QUEUE_TABS = ["all", "mine", "team", "breached"] as const;

const queryEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** The queue's state from the URL: a bad value falls back to the default instead of failing. */
export const complaintQueueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).catch("all").default("all"),
  status: queryEnum(COMPLAINT_STATUSES),
  open: z.enum(["1"]).optional().catch(undefined),
  severity: queryEnum(COMPLAINT_SEVERITIES),
  category: queryEnum(COMPLAINT_CATEGORIES),
  breached: z.enum(["1"]).optional().catch(undefined),
  owner: z.enum(["me"]).optional().catch(undefined),
  handler: z.enum(["me"]).optional().catch(undefined),
  teamId: queryId,
  accountId: queryId,
  q: queryText(100),
  sort: z.enum(QUEUE_SORTS).catch("receivedAt").default("receivedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: queryInt(1, 100_000, 1),
  pageSize: queryInt(10, 100, 25),
  deleted: z.enum(["1"]).optional().catch(undefined),
});
export type ComplaintQueueQuery = z.output<typeof complaintQueueQuerySchema>;
