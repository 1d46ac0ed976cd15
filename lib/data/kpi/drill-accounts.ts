import "server-only";
import { db, Prisma } from "@/lib/db";
import { addDays, chinaDate, chinaDayStart, fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import type { AccountDrill } from "@/lib/domain/kpi-drill";
import type { Period } from "@/lib/domain/kpi-period";
import { kpiScopeSql, type KpiScope } from "./scope";

export type DrillAccount = {
  id: string;
  name: string;
  tier: string;
  lifecycle: string;
  ownerName: string;
  contactDueOn: IsoDate | null;
  lastContactOn: IsoDate | null;
  /** For new customers: the day the account became a customer. */
  becameCustomerOn: IsoDate | null;
};

/**
 * The accounts behind an account figure: overdue for contact now (contactDueOn before today,
 * optionally one tier — the "A-tier overdue" of needs-attention), or those that became customers
 * (成交客户) in the period, like figuresByOwner's newAccounts.
 */
export async function drillAccounts(
  scope: KpiScope,
  period: Period,
  drill: AccountDrill,
  today: IsoDate,
  page: { offset: number; limit: number },
): Promise<{ rows: DrillAccount[]; total: number }> {
  const tier = drill.tier ? Prisma.sql`AND a.tier = ${drill.tier}::"Tier"` : Prisma.empty;
  const s = kpiScopeSql(scope, "a");
  let from: Prisma.Sql;
  let order: Prisma.Sql;
  let became: Prisma.Sql;
  if (drill.set === "newCustomers") {
    const start = chinaDayStart(period.start);
    const until = chinaDayStart(addDays(period.end, 1));
    from = Prisma.sql`"Account" a JOIN (
        SELECT lc."accountId", MIN(lc."createdAt") AS at FROM "LifecycleChange" lc
        WHERE lc."to" = 'CUSTOMER' AND lc."createdAt" >= ${start} AND lc."createdAt" < ${until}
        GROUP BY lc."accountId") c ON c."accountId" = a.id
      WHERE a."deletedAt" IS NULL AND ${s} ${tier}`;
    order = Prisma.sql`c.at DESC, a.id`;
    became = Prisma.sql`c.at`;
  } else {
    from = Prisma.sql`"Account" a
      WHERE a."deletedAt" IS NULL AND a."contactDueOn" < ${toDbDate(today)} AND ${s} ${tier}`;
    order = Prisma.sql`a."contactDueOn", a.id`;
    became = Prisma.sql`NULL::timestamp`;
  }
  const [rows, count] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        name: string;
        tier: string;
        lifecycle: string;
        ownerName: string;
        contactDueOn: Date | null;
        lastContactAt: Date | null;
        became: Date | null;
      }[]
    >`
      SELECT a.id, a.name, a.tier::text AS tier, a.lifecycle::text AS lifecycle,
             (SELECT u.name FROM "User" u WHERE u.id = a."ownerId") AS "ownerName",
             a."contactDueOn", a."lastContactAt", ${became} AS became
      FROM ${from}
      ORDER BY ${order}
      OFFSET ${page.offset} LIMIT ${page.limit}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total FROM ${from}`,
  ]);
  return {
    total: Number(count[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      tier: r.tier,
      lifecycle: r.lifecycle,
      ownerName: r.ownerName,
      contactDueOn: r.contactDueOn ? fromDbDate(r.contactDueOn) : null,
      lastContactOn: r.lastContactAt ? chinaDate(r.lastContactAt) : null,
      becameCustomerOn: r.became ? chinaDate(r.became) : null,
    })),
  };
}
