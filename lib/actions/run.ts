// The server-action pipeline itself, apart from Next.js so it can be tested on its own:
// same-origin check → session → zod → handler → errors. Every action goes through it (see
// ./action.ts for the Next.js wiring). Expected failures come back as a translated ActionState with
// field errors and the submitted values (minus secrets); database refusals the input caused become
// field errors too (lib/data/database-errors.ts); anything else is logged and answered generically.
import type { z } from "zod";
import type { Viewer } from "@/lib/domain/access";
import { databaseErrorToAppError } from "@/lib/data/database-errors";
import {
  AppError,
  isAppError,
  isDatabaseUnavailable,
  type AppErrorCode,
  type AppErrorDetails,
} from "@/lib/errors";
import { fieldErrorsFromIssues } from "@/lib/i18n/validation-messages";
import { parseInput } from "@/lib/validation/parse";
import { echoValues } from "./form-data";
import type { ActionState } from "./types";

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Handler<S extends z.ZodType, T> = (args: { viewer: Viewer; input: z.output<S> }) => Promise<T>;
export type SuccessMessage<S extends z.ZodType, T> = (
  t: Translate,
  data: T,
  input: z.output<S>,
) => string | undefined;

/** What the pipeline needs from the request; Next.js supplies it in ./action.ts, tests their own. */
export type ActionContext = {
  sameOrigin: () => Promise<boolean>;
  viewer: () => Promise<Viewer | null>;
  translator: () => Promise<Translate>;
  log?: (message: string, error: unknown) => void;
};

export async function runAction<S extends z.ZodType, T>(
  context: ActionContext,
  schema: S,
  raw: unknown,
  handler: Handler<S, T>,
  success?: SuccessMessage<S, T>,
): Promise<ActionState<T>> {
  const t = await context.translator();
  const values =
    raw && typeof raw === "object" && !Array.isArray(raw)
      ? echoValues(raw as Record<string, string | string[]>)
      : undefined;
  const fail = (
    code: AppErrorCode | "UNEXPECTED",
    fieldErrors?: Record<string, string[]>,
    details?: AppErrorDetails,
  ): ActionState<T> => ({
    status: "error",
    code,
    message: t(`errors.${code}`),
    fieldErrors,
    values,
    at: Date.now(),
    ...details,
  });
  const translated = (error: AppError) =>
    error.fieldErrors
      ? Object.fromEntries(
          Object.entries(error.fieldErrors).map(([k, keys]) => [k, keys.map((key) => t(key))]),
        )
      : undefined;
  try {
    if (!(await context.sameOrigin())) return fail("INVALID_ORIGIN");
    const viewer = await context.viewer();
    if (!viewer) return fail("UNAUTHENTICATED");
    const parsed = parseInput(schema, raw);
    if (!parsed.success) return fail("VALIDATION", fieldErrorsFromIssues(parsed.error.issues, t));
    const data = await handler({ viewer, input: parsed.data });
    return { status: "ok", data, message: success?.(t, data, parsed.data), at: Date.now() };
  } catch (error) {
    if (isAppError(error)) return fail(error.code, translated(error), error.details);
    const mapped = databaseErrorToAppError(error);
    if (mapped) return fail(mapped.code, translated(mapped));
    if (isDatabaseUnavailable(error)) return fail("DB_UNAVAILABLE");
    (context.log ?? console.error)("[action] unexpected error", error);
    return fail("UNEXPECTED");
  }
}
