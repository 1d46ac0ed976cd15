import "server-only";
import { db, Prisma } from "@/lib/db";
import { addDays, chinaDate, chinaDayStart, type IsoDate } from "@/lib/domain/calendar";
import type { VisitDrill } from "@/lib/domain/kpi-drill";
import type { Period } from "@/lib/domain/kpi-period";
import { kpiScopeSql, type KpiScope } from "./scope";

export type DrillVisit = {
  id: string;
  day: IsoDate;
  visitedAt: Date;
  accountId: string;
  accountName: string;
  ownerName: string;
  method: string;
  outcome: string | null;
  cost: number | null;
  talkingPoints: string;
};

/**
 * The visit records behind a visit figure (拜访量, 成功率): the same China days and scope as
 * VisitDayRollup counts. A list reads a page of VisitRecord through its (team|owner, deletedAt,
 * visitedAt) index; the figure itself never does.
 */
export async function drillVisits(
  scope: KpiScope,
  period: Period,
  drill: VisitDrill,
  page: { offset: number; limit: number },
): Promise<{ rows: DrillVisit[]; total: number }> {
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const set =
    drill.set === "advanced"
      ? Prisma.sql`AND v.outcome = 'ADVANCED'`
      : drill.set === "withOutcome"
        ? Prisma.sql`AND v.outcome IS NOT NULL`
        : Prisma.empty;
  const where = Prisma.sql`v."deletedAt" IS NULL AND v."visitedAt" >= ${from} AND v."visitedAt" < ${until}
    AND ${kpiScopeSql(scope, "v")} ${set}`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        visitedAt: Date;
        accountId: string;
        accountName: string;
        ownerName: string;
        method: string;
        outcome: string | null;
        cost: bigint | null;
        talkingPoints: string;
      }[]
    >`
      SELECT v.id, v."visitedAt", v."accountId", a.name AS "accountName", u.name AS "ownerName",
             v.method::text AS method, v.outcome::text AS outcome, v.cost, v."talkingPoints"
      FROM "VisitRecord" v JOIN "Account" a ON a.id = v."accountId" JOIN "User" u ON u.id = v."ownerId"
      WHERE ${where}
      ORDER BY v."visitedAt" DESC, v.id DESC
      OFFSET ${page.offset} LIMIT ${page.limit}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total FROM "VisitRecord" v WHERE ${where}`,
  ]);
  return {
    total: Number(count[0]?.total ?? 0),
    rows: rows.map((r) => ({
      ...r,
      day: chinaDate(r.visitedAt),
      cost: r.cost === null ? null : Number(r.cost),
    })),
  };
}
