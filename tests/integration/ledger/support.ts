import { db } from "@/lib/db";
import { fromDbDate } from "@/lib/domain/calendar";

/** A document number unique to this run. */
let serial = 0;
const tag = Date.now().toString(36).toUpperCase();
export const docNo = (prefix = "T") => `${prefix}-${tag}-${String(++serial).padStart(4, "0")}`;

/** Revenue and collections per month of an account, recomputed from the raw lines (live only). */
export async function rawSums(accountId: string) {
  const lines = await db.ledgerLine.findMany({ where: { accountId, deletedAt: null } });
  const out = new Map<string, { revenue: bigint; collections: bigint; lines: number }>();
  for (const l of lines) {
    const key = `${fromDbDate(l.month)}|${l.ownerId}|${l.teamId}`;
    const row = out.get(key) ?? { revenue: 0n, collections: 0n, lines: 0 };
    if (l.kind === "REVENUE") row.revenue += l.amount;
    else row.collections += l.amount;
    row.lines++;
    out.set(key, row);
  }
  return out;
}

/** The rollup of an account, without the rows that net to nothing (a moved line leaves one at zero). */
export async function rollupSums(accountId: string) {
  const rows = await db.ledgerMonthRollup.findMany({ where: { accountId } });
  const out = new Map<string, { revenue: bigint; collections: bigint; lines: number }>();
  for (const r of rows) {
    if (r.lines === 0 && r.revenue === 0n && r.collections === 0n) continue;
    out.set(`${fromDbDate(r.month)}|${r.ownerId}|${r.teamId}`, {
      revenue: r.revenue,
      collections: r.collections,
      lines: r.lines,
    });
  }
  return out;
}
