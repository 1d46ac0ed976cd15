import { z } from "zod";

/** A required text field from a form: trimmed, not empty. */
export const requiredText = (max = 200) => z.string().trim().min(1).max(max);

/** An optional text field from a form: empty becomes null. */
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** An optional id from a <select>: "" becomes null. */
export const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

export const id = z.string().trim().min(1).max(64);

/** The version the person edited (optimistic concurrency). */
export const version = z.coerce.number().int().min(1);

/** A checkbox: present ("on") → true. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** yyyy-mm-dd from <input type="date">, or nothing. */
export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = new Date(`${v}T00:00:00`);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
    return d;
  });
