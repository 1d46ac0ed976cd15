import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/domain/access";
import { AppError, isAppError, isDatabaseUnavailable } from "@/lib/errors";
import { fieldErrorsFromIssues } from "@/lib/i18n/validation-messages";
import { parseInput } from "@/lib/validation/parse";
import { echoValues, formDataToObject } from "./form-data";
import type { ActionState } from "./types";

type Handler<S extends z.ZodType, T> = (args: { viewer: Viewer; input: z.output<S> }) => Promise<T>;
type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** Server actions must come from our own pages: refuse a request whose Origin is another host. */
async function assertSameOrigin(): Promise<void> {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) throw new AppError("INVALID_ORIGIN");
}

async function run<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  handler: Handler<S, T>,
  success?: (t: Translate, data: T, input: z.output<S>) => string | undefined,
): Promise<ActionState<T>> {
  const t = await getTranslations();
  const values =
    raw && typeof raw === "object" ? echoValues(raw as Record<string, string | string[]>) : undefined;
  const fail = (
    code: AppErrorCode | "UNEXPECTED",
    fieldErrors?: Record<string, string[]>,
  ): ActionState<T> => ({
    status: "error",
    code,
    message: t(`errors.${code}`),
    fieldErrors,
    values,
    at: Date.now(),
  });
  try {
    await assertSameOrigin();
    const viewer = await getViewer();
    if (!viewer) return fail("UNAUTHENTICATED");
    const parsed = parseInput(schema, raw);
    if (!parsed.success) return fail("VALIDATION", fieldErrorsFromIssues(parsed.error.issues, t));
    const data = await handler({ viewer, input: parsed.data });
    return { status: "ok", data, message: success?.(t, data, parsed.data), at: Date.now() };
  } catch (error) {
    if (isAppError(error)) {
      const fieldErrors = error.fieldErrors
        ? Object.fromEntries(
            Object.entries(error.fieldErrors).map(([k, keys]) => [k, keys.map((key) => t(key))]),
          )
        : undefined;
      return fail(error.code, fieldErrors);
    }
    if (isDatabaseUnavailable(error)) return fail("DB_UNAVAILABLE");
    console.error("[action] unexpected error", error);
    return fail("UNEXPECTED");
  }
}

type AppErrorCode = ConstructorParameters<typeof AppError>[0];

/**
 * A server action for a <form> (useActionState): same-origin check → authenticate → validate with
 * zod (field errors in the person's language) → `handler`, which authorises against the record and
 * performs the change through lib/data. Expected errors come back translated; the submitted values
 * come back too, so the form keeps what was typed.
 */
export function formAction<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
  success?: (t: Translate, data: T, input: z.output<S>) => string | undefined,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    run(schema, formDataToObject(formData), handler, success);
}

/** The same pipeline for actions called with a plain object (buttons, drag and drop). */
export function objectAction<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
  success?: (t: Translate, data: T, input: z.output<S>) => string | undefined,
) {
  return async (input: z.input<S>): Promise<ActionState<T>> => run(schema, input, handler, success);
}
