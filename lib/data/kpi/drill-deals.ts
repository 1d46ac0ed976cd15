import "server-only";
import { db, Prisma } from "@/lib/db";
import { chinaDate, type IsoDate } from "@/lib/domain/calendar";
import type { DealDrill } from "@/lib/domain/kpi-drill";
import type { Period } from "@/lib/domain/kpi-period";
import { cachedPipelineSettings } from "@/lib/data/deals/settings";
import { dealSetSql } from "./dashboard-deals";
import { kpiScopeSql, type KpiScope } from "./scope";

const DAY = 86_400_000;

export type DrillDeal = {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  ownerName: string;
  stage: string;
  furthestStage: string;
  status: string;
  expectedValue: number;
  closeProbability: number | null;
  createdOn: IsoDate;
  closedOn: IsoDate | null;
  stageEnteredOn: IsoDate;
};

/**
 * The deals behind a deal figure, scoped exactly like it (the same set condition as the figure's
 * statement, the same scope condition): newest first, a page at a time or all for an export.
 */
export async function drillDeals(
  scope: KpiScope,
  period: Period,
  drill: DealDrill,
  page: { offset: number; limit: number },
  now = new Date(),
): Promise<{ rows: DrillDeal[]; total: number }> {
  const settings = await cachedPipelineSettings();
  const staleBefore = new Date(now.getTime() - (settings.staleDays + 1) * DAY);
  const where = Prisma.sql`d."deletedAt" IS NULL AND ${kpiScopeSql(scope, "d")}
    AND ${dealSetSql(drill.set, drill.stage, period, staleBefore)}`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        title: string;
        accountId: string;
        accountName: string;
        ownerName: string;
        stage: string;
        furthestStage: string;
        status: string;
        expectedValue: bigint;
        closeProbability: number | null;
        createdAt: Date;
        closedAt: Date | null;
        stageEnteredAt: Date;
      }[]
    >`
      SELECT d.id, d.title, d."accountId", a.name AS "accountName", u.name AS "ownerName", d.stage::text AS stage,
             d."furthestStage"::text AS "furthestStage", d.status::text AS status, d."expectedValue",
             d."closeProbability", d."createdAt", d."closedAt", d."stageEnteredAt"
      FROM "Deal" d JOIN "Account" a ON a.id = d."accountId" JOIN "User" u ON u.id = d."ownerId"
      WHERE ${where}
      ORDER BY d."createdAt" DESC, d.id DESC
      OFFSET ${page.offset} LIMIT ${page.limit}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total FROM "Deal" d WHERE ${where}`,
  ]);
  return {
    total: Number(count[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      accountId: r.accountId,
      accountName: r.accountName,
      ownerName: r.ownerName,
      stage: r.stage,
      furthestStage: r.furthestStage,
      status: r.status,
      expectedValue: Number(r.expectedValue),
      closeProbability: r.closeProbability,
      createdOn: chinaDate(r.createdAt),
      closedOn: r.closedAt ? chinaDate(r.closedAt) : null,
      stageEnteredOn: chinaDate(r.stageEnteredAt),
    })),
  };
}
