import type { z } from "zod";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Turns zod issues into field → messages in the person's language. Schemas use zod's built-in
 * checks (translated here by issue code) or a custom message that is a key under "validation."
 * (e.g. "validation.passwordTooCommon").
 */
export function fieldErrorsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  t: Translate,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    const message = messageFor(issue, t);
    const list = (out[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** The values a custom issue carries for its message ({max}, {min}); numbers and strings only. */
function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  const params = (issue as { params?: Record<string, unknown> }).params;
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === "number" || typeof v === "string") out[k] = v;
  return out;
}

function messageFor(issue: z.core.$ZodIssue, t: Translate): string {
  // Our own message keys: the shared validation ones and the pipeline's (gate.errors.*), with the
  // values their placeholders need (a message never shows a raw "{max}").
  if (issue.message?.startsWith("validation.") || issue.message?.startsWith("gate.errors.")) {
    return t(issue.message, paramsOf(issue));
  }
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === ""
        ? t("validation.required")
        : issue.expected === "number"
          ? t("validation.number")
          : t("validation.invalid");
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? t("validation.required")
          : t("validation.tooShort", { min: Number(issue.minimum) });
      }
      if (issue.origin === "array") return t("validation.required");
      return t("validation.min", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("validation.tooLong", { max: Number(issue.maximum) });
      return t("validation.max", { max: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.invalid");
    case "invalid_value":
      return t("validation.invalidOption");
    default:
      return t("validation.invalid");
  }
}
