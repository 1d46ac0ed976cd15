import "server-only";
import { db } from "@/lib/db";

/** Deletes fixed-window counters whose window has passed (the rate-limits.prune job). */
export async function pruneRateLimits(now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "expiresAt" < ${now}`;
}
