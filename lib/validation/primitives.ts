// The shared zod primitives every schema is built from: text, amounts, numbers, calendar dates,
// ids, choices. Each refuses hostile input with a message key under "validation." that
// lib/i18n/validation-messages.ts turns into the person's language — so bad input gets a field
// error and never reaches the database. Form values arrive as strings (FormData); `undefined`
// means the field was not sent.
import { z } from "zod";
import { checkIsoDate, toDbDate } from "@/lib/domain/calendar";
import { parseYuan } from "@/lib/domain/money";
import { cleanText, textProblem } from "@/lib/domain/text";

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, message: string, params?: Record<string, unknown>) => {
  ctx.addIssue({ code: "custom", message, params });
  return z.NEVER;
};

/** Largest value of a PostgreSQL integer column. */
export const INT4_MAX = 2_147_483_647;

// ── Text ──────────────────────────────────────────────────────────────────────────────────────

/** The cleaned text, "" when empty, or an issue (unstorable characters, invisible only, too long). */
function cleaned(raw: string | undefined, max: number, ctx: Ctx): string {
  const v = cleanText(raw ?? "");
  // Something was typed, but nothing that shows: say so rather than "required".
  if (!v && raw?.trim()) return issue(ctx, "validation.invisibleOnly");
  const problem = textProblem(v);
  if (problem === "unstorable") return issue(ctx, "validation.unstorable");
  if (problem === "invisibleOnly") return issue(ctx, "validation.invisibleOnly");
  if (v.length > max) return issue(ctx, "validation.tooLong", { max });
  return v;
}

/** A required text field: trimmed (invisible characters too), at least one visible character. */
export const requiredText = (max = 200) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): string => cleaned(raw, max, ctx) || issue(ctx, "validation.required"));

/** An optional text field: empty becomes null. */
export const optionalText = (max = 2000) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): string | null => cleaned(raw, max, ctx) || null);

// ── Numbers ───────────────────────────────────────────────────────────────────────────────────

const digitsOnly = (raw: string) => raw.normalize("NFKC").replace(/[\s,_]/g, "");

/** A whole number in [min, max] from a form; plain digits only (no hex, exponent or decimals). Empty → null. */
export const optionalInt = (min: number, max: number, message = "validation.between") =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((raw, ctx) => {
      // Forms send strings; actions called with an object (drag and drop) send numbers.
      const v = digitsOnly(raw === undefined ? "" : String(raw));
      if (!v) return null;
      if (!/^[+-]?\d{1,16}$/.test(v)) return issue(ctx, "validation.wholeNumber");
      const n = Number(v);
      if (n < min || n > max) return issue(ctx, message, { min, max });
      return n;
    });

export const requiredInt = (min: number, max: number, message = "validation.between") =>
  optionalInt(min, max, message).transform((v, ctx) => (v === null ? issue(ctx, "validation.required") : v));

/** A decimal number in [min, max] ("12.5", "-3", "40%"); no hex or exponent. Empty → null. */
export const optionalDecimal = (min: number, max: number, opts: { percent?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      let v = digitsOnly(raw ?? "");
      if (opts.percent) v = v.replace(/%$/, "");
      if (!v) return null;
      if (!/^[+-]?\d{1,12}(\.\d{1,6})?$/.test(v)) return issue(ctx, "validation.number");
      const n = Number(v);
      if (n < min || n > max) return issue(ctx, "validation.between", { min, max });
      return n;
    });

// ── Money ─────────────────────────────────────────────────────────────────────────────────────

const AMOUNT_MESSAGES = {
  format: "validation.amount",
  negative: "validation.amountNegative",
  tooLarge: "validation.amountTooLarge",
  precision: "validation.amountPrecision",
} as const;

/** Yuan as typed ("1,250,000.50", "125万", "8.5亿"), as fen. Empty → null. */
export const optionalYuan = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return null;
    const r = parseYuan(raw);
    return r.ok ? r.fen : issue(ctx, AMOUNT_MESSAGES[r.problem]);
  });

export const requiredYuan = optionalYuan.transform((v, ctx) =>
  v === null ? issue(ctx, "validation.required") : v,
);

// ── Calendar dates ────────────────────────────────────────────────────────────────────────────

const DATE_MESSAGES = {
  format: "validation.date",
  impossible: "validation.dateImpossible",
  outOfRange: "validation.dateOutOfRange",
} as const;

/** A calendar date kept as YYYY-MM-DD text (e.g. inside a JSON column). Empty → null. */
export const optionalIsoDate = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = (raw ?? "").trim();
    if (!v) return null;
    const r = checkIsoDate(v);
    return r.ok ? r.date : issue(ctx, DATE_MESSAGES[r.problem]);
  });

/** YYYY-MM-DD from <input type="date"> as the stored form of that day (UTC midnight). Empty → null. */
export const optionalDate = optionalIsoDate.transform((date) => (date === null ? null : toDbDate(date)));

export const requiredDate = optionalDate.transform((v, ctx) =>
  v === null ? issue(ctx, "validation.required") : v,
);

// ── Ids, versions, choices ────────────────────────────────────────────────────────────────────

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A record id: letters, digits, _ and - (cuid and the seed's readable ids), at most 64. */
export const id = z
  .string()
  .trim()
  .refine((v) => ID.test(v), { message: "validation.invalid" });

/** An optional id from a <select>: "" becomes null. */
export const optionalId = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = (raw ?? "").trim();
    if (!v) return null;
    return ID.test(v) ? v : issue(ctx, "validation.invalid");
  });

/** The version the person edited (optimistic concurrency). */
export const version = requiredInt(1, INT4_MAX, "validation.invalid");

/** A checkbox: present ("on") → true. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** "" → null; otherwise one of the values. */
export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(""), z.enum(values)])
    .optional()
    .transform((v) => (v ? (v as T[number]) : null));

// ── Cross-field checks ────────────────────────────────────────────────────────────────────────

/**
 * Runs an object's cross-field check whenever the fields it reads are valid, even if others are
 * not — so a person sees "team required" beside "e-mail invalid" in one go, not one at a time.
 * (By default zod skips object refinements once any field has failed.)
 */
export const whenValid = (...fields: string[]) => ({
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((i) => fields.includes(String(i.path?.[0]))),
});

// ── URL parameters ────────────────────────────────────────────────────────────────────────────
// Lists and boards read their state from the URL; a bad value there is ignored (the default
// applies) instead of ending on an error page.

/** A search term from the URL: cleaned text or nothing. */
export const queryText = (max = 100) =>
  z
    .string()
    .optional()
    .transform((raw) => {
      const v = cleanText(raw ?? "");
      return v && v.length <= max && !textProblem(v) ? v : undefined;
    })
    .catch(undefined);

/** An id from the URL, or nothing. */
export const queryId = z
  .string()
  .optional()
  .transform((raw) => (raw && ID.test(raw) ? raw : undefined))
  .catch(undefined);

/** A YYYY-MM-DD day from the URL (a real one), or nothing. */
export const queryDate = z
  .string()
  .optional()
  .transform((raw) => {
    const r = raw ? checkIsoDate(raw) : null;
    return r?.ok ? r.date : undefined;
  })
  .catch(undefined);

/** A whole number in [min, max] from the URL, else `fallback`. */
export const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw) => {
      const v = raw ?? "";
      const n = /^\d{1,9}$/.test(v) ? Number(v) : NaN;
      return n >= min && n <= max ? n : fallback;
    })
    .catch(fallback);

/** A number in [min, max] from the URL (decimals allowed), or nothing. */
export const queryNumber = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw) => {
      const v = raw ?? "";
      const n = /^-?\d{1,9}(\.\d{1,4})?$/.test(v) ? Number(v) : NaN;
      return n >= min && n <= max ? n : undefined;
    })
    .catch(undefined);
