import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { monthsFromRows, type BudgetCategory, type Months, type TargetMetric } from "@/lib/domain/targets";
import { subtreeOf } from "../kpi/scope";

// A year's actual figures month by month, the shape "split by last year's months" follows: for a
// person their own records, for a team its whole subtree. Read from the rollups the database keeps
// (LedgerOwnerMonthRollup, VisitDayRollup), lifecycle changes to CUSTOMER, and approved requests.

type Client = Tx | typeof db;
type Row = { month: number; value: bigint | number | null };

export type ActualsOf = { kind: "team"; teamId: string } | { kind: "user"; userId: string };

/** The team and every live team below it. */
export async function teamSubtree(client: Client, teamId: string): Promise<string[]> {
  const tree = await client.$queryRaw<{ id: string; parentId: string | null }[]>`
    SELECT id, "parentId" FROM "Team" WHERE "deletedAt" IS NULL`;
  return subtreeOf(teamId, tree);
}

const toMonths = (rows: Row[]) =>
  monthsFromRows(rows.map((r) => ({ month: Number(r.month), value: BigInt(r.value ?? 0) })));

const CHINA_MONTH = (column: Prisma.Sql) =>
  Prisma.sql`EXTRACT(MONTH FROM (${column} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai'))::int`;
const CHINA_YEAR = (column: Prisma.Sql) =>
  Prisma.sql`EXTRACT(YEAR FROM (${column} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai'))::int`;

async function ownerFilter(client: Client, of: ActualsOf, alias: string): Promise<Prisma.Sql> {
  const t = Prisma.raw(`"${alias}"`);
  if (of.kind === "user") return Prisma.sql`${t}."ownerId" = ${of.userId}`;
  return Prisma.sql`${t}."teamId" = ANY(${await teamSubtree(client, of.teamId)}::text[])`;
}

/** A metric's actual figures in `year`, month by month. */
export async function actualsByMonth(
  client: Client,
  of: ActualsOf,
  year: number,
  metric: TargetMetric,
): Promise<Months> {
  switch (metric) {
    case "REVENUE":
    case "COLLECTIONS": {
      const column = Prisma.raw(metric === "REVENUE" ? "revenue" : "collections");
      return toMonths(
        await client.$queryRaw<Row[]>`
          SELECT EXTRACT(MONTH FROM r.month)::int AS month, SUM(r.${column}) AS value
          FROM "LedgerOwnerMonthRollup" r
          WHERE ${await ownerFilter(client, of, "r")} AND EXTRACT(YEAR FROM r.month)::int = ${year}
          GROUP BY 1`,
      );
    }
    case "VISITS":
      return toMonths(
        await client.$queryRaw<Row[]>`
          SELECT EXTRACT(MONTH FROM r.day)::int AS month, SUM(r.visits) AS value
          FROM "VisitDayRollup" r
          WHERE ${await ownerFilter(client, of, "r")} AND EXTRACT(YEAR FROM r.day)::int = ${year}
          GROUP BY 1`,
      );
    case "NEW_ACCOUNTS":
      // An account counts once, in the month it (last) became a customer that year.
      return toMonths(
        await client.$queryRaw<Row[]>`
          SELECT month, COUNT(*) AS value FROM (
            SELECT DISTINCT ON (a.id) ${CHINA_MONTH(Prisma.sql`lc."createdAt"`)} AS month
            FROM "LifecycleChange" lc JOIN "Account" a ON a.id = lc."accountId"
            WHERE lc."to" = 'CUSTOMER' AND a."deletedAt" IS NULL AND ${await ownerFilter(client, of, "a")}
              AND ${CHINA_YEAR(Prisma.sql`lc."createdAt"`)} = ${year}
            ORDER BY a.id, lc."createdAt" DESC
          ) firsts GROUP BY month`,
      );
  }
}

export type SpendRow = { teamId: string; category: BudgetCategory; month: number; spent: bigint };

/**
 * What teams spent in `year`, per team (its own records, not its sub-teams'), category and month:
 * recorded visit costs by visit day, approved gift and reception requests by the day they were
 * approved.
 */
export async function spendByTeam(
  client: Client,
  teamIds: string[] | "all",
  year: number,
): Promise<SpendRow[]> {
  const teams = (alias: string) =>
    teamIds === "all"
      ? Prisma.sql`TRUE`
      : Prisma.sql`${Prisma.raw(`"${alias}"`)}."teamId" = ANY(${teamIds}::text[])`;
  const [visits, requests] = await Promise.all([
    client.$queryRaw<{ teamId: string; month: number; spent: bigint | null }[]>`
      SELECT r."teamId", EXTRACT(MONTH FROM r.day)::int AS month, SUM(r.cost) AS spent
      FROM "VisitDayRollup" r
      WHERE ${teams("r")} AND EXTRACT(YEAR FROM r.day)::int = ${year}
      GROUP BY 1, 2`,
    client.$queryRaw<{ teamId: string; kind: "GIFT" | "RECEPTION"; month: number; spent: bigint | null }[]>`
      SELECT q."teamId", q.kind, ${CHINA_MONTH(Prisma.sql`q."decidedAt"`)} AS month, SUM(q.amount) AS spent
      FROM "VisitRequest" q
      WHERE q."deletedAt" IS NULL AND q.status = 'APPROVED' AND q."decidedAt" IS NOT NULL AND ${teams("q")}
        AND ${CHINA_YEAR(Prisma.sql`q."decidedAt"`)} = ${year}
      GROUP BY 1, 2, 3`,
  ]);
  return [
    ...visits.map((r) => ({
      teamId: r.teamId,
      category: "VISIT" as const,
      month: Number(r.month),
      spent: BigInt(r.spent ?? 0),
    })),
    ...requests.map((r) => ({
      teamId: r.teamId,
      category: r.kind,
      month: Number(r.month),
      spent: BigInt(r.spent ?? 0),
    })),
  ];
}

/**
 * A team's own spend in one category, month by month (the shape of "split by last year"). A
 * team's budget covers its own records; a parent's total is the sum over its subtree, as
 * scopeBudgets adds them up.
 */
export async function spendByMonth(
  client: Client,
  teamId: string,
  year: number,
  category: BudgetCategory,
): Promise<Months> {
  const rows = await spendByTeam(client, [teamId], year);
  return monthsFromRows(
    rows.filter((r) => r.category === category).map((r) => ({ month: r.month, value: r.spent })),
  );
}
