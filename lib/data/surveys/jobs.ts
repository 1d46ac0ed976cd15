import "server-only";
import type { JobResult } from "@/lib/jobs/types";

// CONTRACT (owned by the surveys slice; stubs until it lands).
/** Periodic waves per tier (SatisfactionSettings.waveMonths*): one survey per account and wave. */
export async function runSurveyWaves(now: Date): Promise<JobResult> {
  void now;
  return { processed: 0 };
}
/** Reminds (e-mail where configured, else the owner's bell) of links unanswered after N days, once. */
export async function runSurveyReminders(now: Date): Promise<JobResult> {
  void now;
  return { processed: 0 };
}
/** Closes surveys past closesAt (their links stop taking answers). */
export async function runSurveyExpiry(now: Date): Promise<JobResult> {
  void now;
  return { processed: 0 };
}
