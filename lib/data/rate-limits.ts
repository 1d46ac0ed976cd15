import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
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
  const [check] = await takeRateLimits([{ rule, subject }], now, client);
  return check!;
}

/**
 * Several checks (each a different rule) in one statement — one upsert per check, one round trip
 * — in the order given.
 */
export async function takeRateLimits(
  checks: readonly { rule: RateRule; subject: string }[],
  now: Date,
  client: Pick<Tx, "$queryRaw"> = db,
): Promise<RateCheck[]> {
  const rows = checks.map(({ rule, subject }) => {
    const { start, end } = fixedWindow(now, rule.windowMs);
    // The subject is an address or a token's hash; capped so a hostile value cannot make huge keys.
    return { rule, key: `${rule.name}:${subject.slice(0, 100)}:${start.getTime()}`, start, end };
  });
  const counted = await client.$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowStart", "expiresAt")
    VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${r.key}, 1, ${r.start}, ${r.end})`))}
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "key", "count"`;
  const byKey = new Map(counted.map((c) => [c.key, Number(c.count)]));
  return rows.map(({ rule, key, end }) => {
    const count = byKey.get(key) ?? 1;
    return { allowed: count <= rule.limit, count, retryAfterSeconds: retryAfterSeconds(now, end) };
  });
}

/** Deletes the counters of windows that have ended (a JobHandler for the job runner). */
export async function pruneRateLimits(now: Date): Promise<JobResult> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lte: now } } });
  return { processed: count };
}
