import { z } from "zod";
import { id, optionalId, optionalText, requiredText, version } from "./common";

export const BUYING_ROLES = [
  "DECISION_MAKER", // 决策者
  "INFLUENCER", // 影响者
  "SUPPORTER", // 支持者
  "OPPONENT", // 反对者
  "COACH", // 内线
  "USER", // 使用者
] as const;
export const STANCES = ["SUPPORTIVE", "NEUTRAL", "OPPOSED"] as const;

export type BuyingRole = (typeof BUYING_ROLES)[number];
export type Stance = (typeof STANCES)[number];

/** A 1–5 rating from a <select>; empty → `fallback`. */
const rating = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        ctx.addIssue({ code: "custom", message: "validation.rating" });
        return z.NEVER;
      }
      return n;
    });

/** Phone numbers as people write them: digits, spaces, + - ( ) and an extension (转 / ext / x). */
const phone = optionalText(40).refine(
  (v) => v === null || /^[+(]?[\d\s()+\-]{3,}((转|ext\.?|x)\s*\d+)?$/i.test(v),
  {
    message: "validation.invalid",
  },
);

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.email().nullable());

/**
 * A birthday from <input type="date"> (yyyy-mm-dd) as midnight UTC, so the calendar day survives
 * a @db.Date column whatever the server's time zone. Empty → null.
 */
const birthday = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
    if (
      !match ||
      !d ||
      d.getUTCDate() !== +match[3]! ||
      d.getUTCFullYear() < 1900 ||
      d.getTime() > Date.now()
    ) {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
    return d;
  });

export const contactFields = {
  name: requiredText(60),
  title: optionalText(80),
  department: optionalText(80),
  phone,
  email,
  buyingRole: z.enum(BUYING_ROLES).default("USER"),
  stance: z.enum(STANCES).default("NEUTRAL"),
  influence: rating(3),
  relationshipStrength: rating(1),
  reportsToId: optionalId,
  personality: optionalText(1000), // 性格与爱好
  hometown: optionalText(60),
  school: optionalText(80),
  birthday,
  notes: optionalText(2000),
  approach: optionalText(2000), // 公关策略
};

export const createContactSchema = z.object({ accountId: id, ...contactFields });
export const updateContactSchema = z.object({ id, version, ...contactFields });
export const contactRefSchema = z.object({ id, version });

export type ContactInput = z.output<z.ZodObject<typeof contactFields>>;
