import "server-only";
import type { Tx } from "@/lib/db";
import { monthsFromRows, type Months } from "@/lib/domain/targets";

// A target or budget is a SET of twelve monthly rows saved together. The set's version is the
// highest version among its rows (every save bumps all twelve to one more), 0 when nothing was
// ever set: the form carries the version it loaded and a save against another answers CONFLICT.

export type SetRow = { id: string; month: number; value: bigint; version: number; deletedAt: Date | null };

export const setVersionOf = (rows: readonly SetRow[]) => rows.reduce((v, r) => Math.max(v, r.version), 0);

/** The set's live figures, or null when it has none (never set, or cleared). */
export function liveMonths(rows: readonly SetRow[]): Months | null {
  const live = rows.filter((r) => r.deletedAt === null);
  return live.length ? monthsFromRows(live) : null;
}

/** The figures of a cleared set (kept so it can be restored), or null. */
export function clearedMonths(rows: readonly SetRow[]): Months | null {
  return rows.length && rows.every((r) => r.deletedAt !== null) ? monthsFromRows(rows) : null;
}

/**
 * Serialises saves of one set. Row locks cannot guard rows that do not exist yet: two first saves
 * of the same set would both see version 0; with this lock the second waits, then sees version 1
 * and answers CONFLICT instead of failing on the unique index.
 */
export async function lockSet(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** Months as JSON-safe text for the audit trail. */
export const auditMonths = (months: Months | null) => (months ? months.map(String) : null);
