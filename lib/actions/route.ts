import "server-only";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { databaseErrorToAppError } from "@/lib/data/database-errors";
import type { Viewer } from "@/lib/domain/access";
import { isAppError, isDatabaseUnavailable, type AppErrorCode } from "@/lib/errors";
import { isSameOrigin, isStateChanging } from "@/lib/http/same-origin";
import type { Translate } from "./run";

// The route-handler twin of the action pipeline (./run.ts): same-origin check for anything that
// changes state → the session (the same getViewer as pages and actions) → the handler → errors as
// JSON with the HTTP status that fits. A record outside the person's scope answers 404, as pages do.

export type RouteContext = { viewer: Viewer; t: Translate };
export type RouteFailure = { ok: false; code: AppErrorCode | "UNEXPECTED"; message: string };

export const STATUS: Record<AppErrorCode | "UNEXPECTED", number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_ORIGIN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  VALIDATION: 400,
  TOO_LARGE: 413,
  DB_UNAVAILABLE: 503,
  UNEXPECTED: 500,
};

/** A JSON failure; `message` defaults to the code's translated text. */
export function routeFailure(
  t: Translate,
  code: AppErrorCode | "UNEXPECTED",
  message?: string,
  status?: number,
) {
  return NextResponse.json<RouteFailure>(
    { ok: false, code, message: message ?? t(`errors.${code}`) },
    { status: status ?? STATUS[code], headers: { "Cache-Control": "no-store" } },
  );
}

export function routeHandler(
  handler: (request: Request, context: RouteContext) => Promise<Response>,
  options: { onError?: (error: unknown, t: Translate) => Response | null } = {},
) {
  return async (request: Request): Promise<Response> => {
    const t = (await getTranslations()) as unknown as Translate;
    try {
      if (isStateChanging(request.method) && !isSameOrigin(request.headers))
        return routeFailure(t, "INVALID_ORIGIN");
      const viewer = await getViewer();
      if (!viewer) return routeFailure(t, "UNAUTHENTICATED");
      return await handler(request, { viewer, t });
    } catch (error) {
      const special = options.onError?.(error, t);
      if (special) return special;
      const known = isAppError(error) ? error : databaseErrorToAppError(error);
      if (known) return routeFailure(t, known.code);
      if (isDatabaseUnavailable(error)) return routeFailure(t, "DB_UNAVAILABLE");
      console.error("[route] unexpected error", error);
      return routeFailure(t, "UNEXPECTED");
    }
  };
}
