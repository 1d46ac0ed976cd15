// Visit records (客户拜访记录表): what the quick log, the full form, the offline queue's JSON sends and
// the edit form may carry. Times are China wall-clock times from <input type="datetime-local">.
import { z } from "zod";
import { checkIsoDate, chinaDayStart } from "@/lib/domain/calendar";
import {
  ALL_TICKABLE_WORK,
  decodeRecordCursor,
  MAX_PHOTO_SIDE,
  MAX_PHOTOS,
  photoProblem,
  sniffPhotoType,
} from "@/lib/domain/visit-records";
import { VISIT_METHODS, VISIT_OUTCOMES } from "@/lib/domain/visits";
import {
  checkbox,
  id,
  optionalDecimal,
  optionalEnum,
  optionalId,
  optionalInt,
  optionalText,
  optionalYuan,
  queryDate,
  queryId,
  requiredInt,
  requiredText,
  version,
  whenValid,
} from "./primitives";

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, message: string, params?: Record<string, unknown>) => {
  ctx.addIssue({ code: "custom", message, params });
  return z.NEVER;
};

/** A little slack for a phone whose clock runs ahead. */
const FUTURE_SLACK_MS = 10 * 60_000;

/** "YYYY-MM-DDTHH:mm" (seconds optional) read as Beijing time. Empty → null (the server uses now). */
export const optionalChinaDateTime = z
  .string()
  .optional()
  .transform((raw, ctx): Date | null => {
    const v = (raw ?? "").trim();
    if (!v) return null;
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
    if (!m) return issue(ctx, "validation.date");
    const day = checkIsoDate(m[1]!);
    if (!day.ok)
      return issue(ctx, day.problem === "outOfRange" ? "validation.dateOutOfRange" : "validation.date");
    const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
    if (h > 23 || min > 59 || s > 59) return issue(ctx, "validation.date");
    const at = new Date(chinaDayStart(day.date).getTime() + ((h * 60 + min) * 60 + s) * 1000);
    if (at.getTime() > Date.now() + FUTURE_SLACK_MS) return issue(ctx, "validation.dateFuture");
    return at;
  });

/** One value or many (a form sends a lone checkbox as a string), as a list. */
const list = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(max, { message: "validation.invalid" }));

/** The client-made id of a submission (crypto.randomUUID in the form), so a retry finds its record. */
const clientId = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9-]{8,64}$/.test(v), { message: "validation.invalid" });

const DATA_URL = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A photo shrunk in the browser, as a data: URL with its size in pixels; checked by its bytes. */
const photo = z
  .object({
    data: z.string().max(1_000_000, { message: "validation.invalid" }),
    width: requiredInt(1, MAX_PHOTO_SIDE, "validation.invalid"),
    height: requiredInt(1, MAX_PHOTO_SIDE, "validation.invalid"),
  })
  .transform((p, ctx) => {
    const m = DATA_URL.exec(p.data);
    if (!m) return issue(ctx, "validation.invalid");
    const bytes = decodeBase64(m[2]!);
    if (photoProblem(bytes)) return issue(ctx, "validation.invalid");
    // The type stored is the one the bytes show, not the one the sender named.
    return { mimeType: sniffPhotoType(bytes)!, bytes, width: p.width, height: p.height };
  });

/** The record's fields that the quick log leaves for later ("more details"). */
const detailFields = {
  visitedAt: optionalChinaDateTime,
  place: optionalText(200),
  contactIds: list(id, 20),
  customerViews: optionalText(2000), // 客户的想法和需求
  suggestions: optionalText(2000), // 进一步开发的建议
  outcome: optionalEnum(VISIT_OUTCOMES),
  durationMinutes: optionalInt(1, 24 * 60),
  cost: optionalYuan,
};

const coreFields = {
  method: z.enum(VISIT_METHODS),
  talkingPoints: requiredText(2000), // 主要洽谈内容
  nextStep: optionalText(500),
};

export const createVisitRecordSchema = z
  .object({
    clientId,
    accountId: id,
    planId: optionalId,
    dealId: optionalId,
    ...coreFields,
    ...detailFields,
    // Check-in: present only when the person pressed "check in" and allowed the location.
    checkInLatitude: optionalDecimal(-90, 90),
    checkInLongitude: optionalDecimal(-180, 180),
    checkInAccuracyM: optionalDecimal(0, 100_000),
    checkInAt: optionalChinaDateTime,
    saveAccountLocation: checkbox,
    tickWork: list(z.enum(ALL_TICKABLE_WORK), ALL_TICKABLE_WORK.length),
    photos: z
      .array(photo)
      .max(MAX_PHOTOS, { message: "validation.invalid" })
      .optional()
      .transform((v) => v ?? []),
  })
  .refine((v) => (v.checkInLatitude === null) === (v.checkInLongitude === null), {
    message: "validation.invalid",
    path: ["checkInLatitude"],
    ...whenValid("checkInLatitude", "checkInLongitude"),
  });

export type CreateVisitRecordInput = z.output<typeof createVisitRecordSchema>;

export const updateVisitRecordSchema = z.object({ id, version, ...coreFields, ...detailFields });
export type UpdateVisitRecordInput = z.output<typeof updateVisitRecordSchema>;

export const visitRecordRefSchema = z.object({ id, version });

// ── URL parameters ─────────────────────────────────────────────────────────────────────────────

export const visitListQuerySchema = z.object({
  cursor: z
    .string()
    .optional()
    // Only a cursor this app made (time.id); anything else starts from the first page.
    .transform((v) => (v && decodeRecordCursor(v) ? v : undefined))
    .catch(undefined),
  account: queryId,
  method: z.enum(VISIT_METHODS).optional().catch(undefined),
  from: queryDate,
  to: queryDate,
});

export const OVERDUE_SORTS = ["days", "owner", "tier", "name"] as const;
export const overdueQuerySchema = z.object({
  sort: z.enum(OVERDUE_SORTS).optional().catch(undefined),
  owner: queryId,
});
