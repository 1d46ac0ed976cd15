import { after } from "next/server";

/**
 * Runs `task` once the response has gone out (Next's `after()`, which keeps a serverless function
 * alive for it). Outside a request — a script, a test calling the handler directly — there is no
 * response to wait for, so the task simply starts now.
 */
export function afterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}
