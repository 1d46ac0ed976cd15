import type { AppErrorCode, AppErrorDetails } from "@/lib/errors";

/** What every server action returns to its form. */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data?: T; message?: string; at: number }
  | ({
      status: "error";
      code: AppErrorCode | "UNEXPECTED";
      message: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string | string[]>;
      at: number;
    } & AppErrorDetails);

export const IDLE: ActionState = { status: "idle" };
