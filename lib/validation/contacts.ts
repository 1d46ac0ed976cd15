import { z } from "zod";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { id, optionalDate, optionalId, optionalInt, optionalText, requiredText, version } from "./primitives";

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
const rating = (fallback: number) => optionalInt(1, 5, "validation.rating").transform((v) => v ?? fallback);

/** Phone numbers as people write them: digits, spaces, + - ( ) and an extension (转 / ext / x). */
const phone = optionalText(40).refine(
  (v) => v === null || /^[+(]?[\d\s()+\-]{3,}((转|ext\.?|x)\s*\d+)?$/i.test(v),
  {
    message: "validation.invalid",
  },
);

const email = optionalText(254)
  .transform((v) => v?.toLowerCase() ?? null)
  .pipe(z.email().nullable());

/** A birthday: a real calendar day (stored as that day, whatever the server's zone), not in the future. */
const birthday = optionalDate.refine((d) => d === null || fromDbDate(d) <= chinaDate(new Date()), {
  message: "validation.dateFuture",
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
