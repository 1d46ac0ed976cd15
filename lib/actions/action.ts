import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { requestIsSameOrigin } from "@/lib/http/request";
import { formDataToObject } from "./form-data";
import { runAction, type ActionContext, type Handler, type SuccessMessage, type Translate } from "./run";
import type { ActionState } from "./types";

/** The request as Next.js hands it to a server action. */
const nextContext: ActionContext = {
  sameOrigin: requestIsSameOrigin,
  viewer: getViewer,
  translator: async () => (await getTranslations()) as unknown as Translate,
};

/**
 * A server action for a <form> (useActionState): same-origin check → authenticate → validate with
 * zod (field errors in the person's language) → `handler`, which authorises against the record and
 * performs the change through lib/data. Expected errors come back translated; the submitted values
 * come back too, so the form keeps what was typed.
 */
export function formAction<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
  success?: SuccessMessage<S, T>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    runAction(nextContext, schema, formDataToObject(formData), handler, success);
}

/** The same pipeline for actions called with a plain object (buttons, drag and drop). */
export function objectAction<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
  success?: SuccessMessage<S, T>,
) {
  return async (input: z.input<S>): Promise<ActionState<T>> =>
    runAction(nextContext, schema, input, handler, success);
}
