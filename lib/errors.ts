import type { GateRefusal } from "@/lib/domain/pipeline";

// Expected failures, each with a code the UI translates. Anything else is a bug: it is logged
// and the person sees a generic message.

export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT", // a stale version: someone else changed the record
  "DUPLICATE",
  "VALIDATION",
  "INVALID_ORIGIN",
  "DB_UNAVAILABLE",
  "TOO_LARGE", // a request body over the server's limit
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * Structured facts about an expected failure that the person's screen uses as data (not as text to
 * compare): the gate items a stage move left unmet.
 */
export type AppErrorDetails = { gate?: GateRefusal };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: AppErrorDetails,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export const notFound = (what = "record") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = () => new AppError("FORBIDDEN");
export const staleVersion = () => new AppError("CONFLICT", "changed by someone else");

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Connection-level failures of the database (refused, reset, terminated by an admin, timeout). */
export function isDatabaseUnavailable(e: unknown): boolean {
  const text =
    String((e as { message?: string })?.message ?? e) + String((e as { code?: string })?.code ?? "");
  return /ECONNREFUSED|ECONNRESET|EPIPE|57P01|57P03|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|server closed the connection|DatabaseNotReachable|P1001|P1017/i.test(
    text,
  );
}
