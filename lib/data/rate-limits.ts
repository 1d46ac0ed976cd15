import "server-only";
import { db, type Tx } from "@/lib/db";
import { fixedWindow, retryAfterSeconds, type RateRule } from "@/lib/domain/survey-public";
import type { JobResult } from "@/lib/jobs/types";

// Rate limits every app process shares: one row per rule, subject and fixed window in
// RateLimitCounter, counted by a single INSERT … ON CONFLICT DO UPDATE, so two processes counting
// the same window at the same moment both see the true total (PostgreSQL serialises the upsert on
// the key). Expired windows are deleted by pruneRateLimits, which the job runner schedules.

export type RateCheck = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Counts one event for `subject` under `rule` at `now` and says whether it is within the limit. */
export async function takeRateLimit(
  rule: RateRule,
  subject: string,
  now: Date,
  client: Pick<Tx, "$queryRaw"> = db,
): Promise<RateCheck> {
  const { start, end } = fixedWindow(now, rule.windowMs);
  // The subject is an address or a token's hash; capped so a hostile value cannot make huge keys.
  const key = `${rule.name}:${subject.slice(0, 100)}:${start.getTime()}`;
  const rows = await client.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 1, ${start}, ${end})
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  return { allowed: count <= rule.limit, count, retryAfterSeconds: retryAfterSeconds(now, end) };
}

/** Deletes the counters of windows that have ended (a JobHandler for the job runner). */
export async function pruneRateLimits(now: Date): Promise<JobResult> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lte: now } } });
  return { processed: count };
}
