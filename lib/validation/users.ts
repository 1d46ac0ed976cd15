import { z } from "zod";
import { checkPassword, MIN_PASSWORD_LENGTH } from "@/lib/domain/password-policy";
import { hasCapability, ROLES, type Role } from "@/lib/domain/access";
import { LOCALES } from "@/lib/i18n/config";
import {
  id,
  optionalId,
  optionalText,
  queryId,
  queryInt,
  queryText,
  requiredText,
  version,
  whenValid,
} from "./primitives";

const ISSUE_KEYS = {
  tooShort: "validation.passwordTooShort",
  tooLong: "validation.passwordTooLong",
  tooCommon: "validation.passwordTooCommon",
  containsIdentity: "validation.passwordContainsIdentity",
} as const;

/** Adds the password policy's findings as issues on `password`. */
function checkPasswordField(
  data: { password?: string | null; name: unknown; email: unknown },
  ctx: z.RefinementCtx,
) {
  if (!data.password) return;
  // Name and e-mail may themselves be invalid; the identity check uses them only when they are text.
  const identity = {
    name: typeof data.name === "string" ? data.name : undefined,
    email: typeof data.email === "string" ? data.email : undefined,
  };
  for (const issue of checkPassword(data.password, identity)) {
    ctx.addIssue({ code: "custom", path: ["password"], message: ISSUE_KEYS[issue] });
  }
}

const userFields = {
  name: requiredText(80),
  jobTitle: optionalText(60),
  email: requiredText(254)
    .transform((v) => v.toLowerCase())
    .pipe(z.email()),
  role: z.enum(ROLES),
  teamId: optionalId,
  locale: z.enum(LOCALES).default("zh-CN"),
};

function teamRequired(data: { role: Role; teamId: string | null }, ctx: z.RefinementCtx) {
  if (hasCapability(data, "teams.member") && !data.teamId)
    ctx.addIssue({ code: "custom", path: ["teamId"], message: "validation.teamRequired" });
}

export const createUserSchema = z
  .object({ ...userFields, password: z.string().min(1) }) // length: the policy's message
  .superRefine(checkPasswordField, whenValid("password"))
  .superRefine(teamRequired, whenValid("role", "teamId"));

export const updateUserSchema = z
  .object({
    ...userFields,
    id,
    version,
    password: z
      .string()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine(checkPasswordField, whenValid("password"))
  .superRefine(teamRequired, whenValid("role", "teamId"));

export const deactivateUserSchema = z.object({ id, version, reassignToId: optionalId });
export const reactivateUserSchema = z.object({ id, version });

export const userListQuerySchema = z.object({
  q: queryText(100),
  role: z.enum(ROLES).optional().catch(undefined),
  teamId: queryId,
  status: z.enum(["active", "inactive", "all"]).default("active").catch("active"),
  page: queryInt(1, 1_000_000, 1),
});

export { MIN_PASSWORD_LENGTH };
