// Visit plans, gift and reception requests, decisions and the visit settings, as forms send them.
import { z } from "zod";
import { checkIsoDate, chinaDayStart } from "@/lib/domain/calendar";
import { PLAN_STATUSES, VISIT_METHODS } from "@/lib/domain/visits";
import {
  checkbox,
  id,
  optionalDate,
  optionalId,
  optionalText,
  optionalYuan,
  queryId,
  queryInt,
  requiredInt,
  requiredText,
  requiredYuan,
  version,
  whenValid,
} from "./primitives";

const issue = (ctx: z.RefinementCtx, message: string) => {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
};

/**
 * A moment from <input type="datetime-local"> ("2026-12-03T14:30"), read as Beijing time whatever
 * the server's zone. Empty → null.
 */
export const optionalChinaDateTime = z
  .string()
  .optional()
  .transform((raw, ctx): Date | null => {
    const v = (raw ?? "").trim();
    if (!v) return null;
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(v);
    if (!m) return issue(ctx, "validation.date");
    const day = checkIsoDate(m[1]!);
    if (!day.ok)
      return issue(ctx, day.problem === "impossible" ? "validation.dateImpossible" : "validation.date");
    const hours = Number(m[2]);
    const minutes = Number(m[3]);
    if (hours > 23 || minutes > 59) return issue(ctx, "validation.invalid");
    return new Date(chinaDayStart(day.date).getTime() + (hours * 60 + minutes) * 60_000);
  });

const requiredChinaDateTime = optionalChinaDateTime.transform((v, ctx) =>
  v === null ? issue(ctx, "validation.required") : v,
);

/** Ticked checkboxes (one value or several) as a list of ids, at most `max`. */
const idList = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean),
    )
    .pipe(z.array(id).max(max))
    .transform((ids) => [...new Set(ids)]);

/** Made by the browser when the form opens, so a retried submission finds what it created. */
const clientId = optionalId;

const planFields = {
  accountId: id,
  dealId: optionalId,
  contactIds: idList(30),
  companionIds: idList(20),
  purpose: requiredText(200),
  objectives: optionalText(2000),
  method: z.enum(VISIT_METHODS),
  place: optionalText(200),
  plannedStart: requiredChinaDateTime,
  plannedEnd: requiredChinaDateTime,
  expectedCost: optionalYuan,
  // "submit" sends it to its approver (or approves it at once); otherwise it stays a draft.
  intent: z.enum(["draft", "submit"]).default("draft"),
};

const endAfterStart = <T extends { plannedStart: Date; plannedEnd: Date }>(schema: z.ZodType<T>) =>
  schema.refine((v) => v.plannedEnd.getTime() >= v.plannedStart.getTime(), {
    message: "validation.dateRange",
    path: ["plannedEnd"],
    ...whenValid("plannedStart", "plannedEnd"),
  });

export const createPlanSchema = endAfterStart(z.object({ clientId, ...planFields }));
export const updatePlanSchema = endAfterStart(z.object({ id, version, ...planFields }));
export type PlanInput = Omit<z.output<typeof createPlanSchema>, "clientId">;

export const rescheduleSchema = z
  .object({ id, version, plannedStart: requiredChinaDateTime, plannedEnd: requiredChinaDateTime })
  .refine((v) => v.plannedEnd.getTime() >= v.plannedStart.getTime(), {
    message: "validation.dateRange",
    path: ["plannedEnd"],
    ...whenValid("plannedStart", "plannedEnd"),
  });

export const recordRefSchema = z.object({ id, version });

/** Approve or return (退回), with a comment; a return must say why. */
export const decisionSchema = z
  .object({
    id,
    version,
    decision: z.enum(["approve", "return"]),
    comment: optionalText(1000),
  })
  .refine((v) => v.decision === "approve" || v.comment !== null, {
    message: "validation.required",
    path: ["comment"],
    ...whenValid("decision", "comment"),
  });
export type DecisionInput = z.output<typeof decisionSchema>;

// ── Requests ──────────────────────────────────────────────────────────────────────────────────

const requestCommon = {
  accountId: id,
  planId: optionalId,
  amount: requiredYuan,
  reason: requiredText(1000),
};

const giftFields = {
  kind: z.literal("GIFT"),
  giftItems: requiredText(500),
  recipientContactId: id,
};

const receptionFields = {
  kind: z.literal("RECEPTION"),
  delegation: requiredText(1000),
  startDate: optionalDate.transform((v, ctx) => v ?? issue(ctx, "validation.required")),
  endDate: optionalDate.transform((v, ctx) => v ?? issue(ctx, "validation.required")),
  headcount: requiredInt(1, 500),
  itinerary: optionalText(2000),
};

const receptionDates = <T extends { startDate: Date; endDate: Date }>(schema: z.ZodType<T>) =>
  schema.refine((v) => v.endDate.getTime() >= v.startDate.getTime(), {
    message: "validation.dateRange",
    path: ["endDate"],
    ...whenValid("startDate", "endDate"),
  });

export const createGiftSchema = z.object({ clientId, ...requestCommon, ...giftFields });
export const createReceptionSchema = receptionDates(
  z.object({ clientId, ...requestCommon, ...receptionFields }),
);
export const updateGiftSchema = z.object({ id, version, ...requestCommon, ...giftFields });
export const updateReceptionSchema = receptionDates(
  z.object({ id, version, ...requestCommon, ...receptionFields }),
);

export type GiftInput = Omit<z.output<typeof createGiftSchema>, "clientId">;
export type ReceptionInput = Omit<z.output<typeof createReceptionSchema>, "clientId">;
export type RequestInput = GiftInput | ReceptionInput;

// ── Lists (URL parameters) ────────────────────────────────────────────────────────────────────

export const planListQuerySchema = z.object({
  status: z
    .enum([...PLAN_STATUSES, "MISSED"])
    .optional()
    .catch(undefined),
  owner: queryId,
  page: queryInt(1, 10_000, 1),
});

// ── Settings ──────────────────────────────────────────────────────────────────────────────────

const days = requiredInt(1, 3650);
const tierChoice = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(["A", "B", "C"])).max(3))
  .transform((tiers) => [...new Set(tiers)]);

export const visitSettingsSchema = z.object({
  version: requiredInt(0, 2_147_483_647, "validation.invalid"),
  approvalTiers: tierChoice,
  approvalCostThreshold: requiredYuan,
  approvalForHosting: checkbox,
  directorThreshold: requiredYuan,
  giftApprovalThreshold: requiredYuan,
  giftYearCapPerContact: requiredYuan,
  giftYearCapPerAccount: requiredYuan,
  followUpDays: requiredInt(1, 365),
  cadenceDaysA: days,
  cadenceDaysB: days,
  cadenceDaysC: days,
  checkInRadiusM: requiredInt(50, 100_000),
});

export const notificationRefSchema = z.object({ id });
export const noInputSchema = z.object({});
