// The SQL side of `npm run bench:kpi` (tests/bench/kpi.ts): the statements the KPI data layer sends,
// written out and issued straight through pg, and the heavy dashboard queries the dashboard will
// need (Pareto curve, revenue by tier, stage conversion, weighted pipeline, visits per person,
// monthly trend), so they are measured at scale before the dashboard exists.
import pg from "pg";
import { addDays, chinaDayStart, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { monthShares, monthStart, type Period } from "@/lib/domain/kpi-period";

/** The KPI scope as the data layer sees it (lib/data/kpi/scope.ts KpiScope). */
export type BenchScope =
  | { kind: "organisation" }
  | { kind: "team"; teamId: string; teamIds: string[] }
  | { kind: "person"; userId: string; teamId: string | null };

type Q = { text: string; values: unknown[] };

/** kpiScopeSql: `alias`."teamId" = ANY($n) | "ownerId" = $n | TRUE, numbering from `next`. */
function scopeSql(scope: BenchScope, alias: string, values: unknown[]): string {
  if (scope.kind === "organisation") return "TRUE";
  if (scope.kind === "team") {
    values.push(scope.teamIds);
    return `${alias}."teamId" = ANY($${values.length}::text[])`;
  }
  values.push(scope.userId);
  return `${alias}."ownerId" = $${values.length}`;
}

const q = (build: (v: unknown[]) => string): Q => {
  const values: unknown[] = [];
  const text = build(values);
  return { text, values };
};
const p = (values: unknown[], value: unknown) => {
  values.push(value);
  return `$${values.length}`;
};

/** The seven statements of figuresByOwner (lib/data/kpi/figures-by-owner.ts). */
export function figuresStatements(scope: BenchScope, period: Period, today: IsoDate): Q[] {
  const start = toDbDate(period.start);
  const end = toDbDate(period.end);
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const dueUntil = toDbDate(period.end < today ? period.end : today);
  const months = monthShares(period);
  return [
    q(
      (v) => `SELECT r."ownerId", SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerMonthRollup" r WHERE ${scopeSql(scope, "r", v)}
        AND r.month BETWEEN ${p(v, toDbDate(monthStart(period.start)))} AND ${p(v, toDbDate(monthStart(period.end)))}
      GROUP BY r."ownerId"`,
    ),
    q(
      (v) => `SELECT r."ownerId", SUM(r.visits) AS visits, SUM(r."withOutcome") AS "withOutcome",
             SUM(r.advanced) AS advanced, SUM(r.cost) AS cost
      FROM "VisitDayRollup" r WHERE ${scopeSql(scope, "r", v)} AND r.day BETWEEN ${p(v, start)} AND ${p(v, end)}
      GROUP BY r."ownerId"`,
    ),
    q(
      (v) => `SELECT a."ownerId", COUNT(DISTINCT a.id) AS count
      FROM "LifecycleChange" lc JOIN "Account" a ON a.id = lc."accountId"
      WHERE lc."to" = 'CUSTOMER' AND lc."createdAt" >= ${p(v, from)} AND lc."createdAt" < ${p(v, until)}
        AND a."deletedAt" IS NULL AND ${scopeSql(scope, "a", v)}
      GROUP BY a."ownerId"`,
    ),
    q(
      (v) => `SELECT d."ownerId", COUNT(*) FILTER (WHERE d.status = 'WON') AS won, COUNT(*) AS closed
      FROM "Deal" d WHERE d."deletedAt" IS NULL AND d.status <> 'OPEN'
        AND d."closedAt" >= ${p(v, from)} AND d."closedAt" < ${p(v, until)} AND ${scopeSql(scope, "d", v)}
      GROUP BY d."ownerId"`,
    ),
    q(
      (v) => `SELECT f."ownerId", COUNT(*) AS due,
             COUNT(*) FILTER (WHERE f."completedAt" IS NOT NULL
                              AND (f."completedAt" + interval '8 hours')::date <= f."dueOn") AS "onTime"
      FROM "FollowUp" f WHERE f."deletedAt" IS NULL AND f."dueOn" BETWEEN ${p(v, start)} AND ${p(v, dueUntil)}
        AND ${scopeSql(scope, "f", v)}
      GROUP BY f."ownerId"`,
    ),
    q(
      (
        v,
      ) => `SELECT a."ownerId", COUNT(*) AS accounts, COUNT(*) FILTER (WHERE a."contactDueOn" < ${p(v, toDbDate(today))}) AS overdue
      FROM "Account" a WHERE a."deletedAt" IS NULL AND ${scopeSql(scope, "a", v)}
      GROUP BY a."ownerId"`,
    ),
    q((v) => {
      const who =
        scope.kind === "person"
          ? `t."userId" = ${p(v, scope.userId)}`
          : scope.kind === "team"
            ? `u."teamId" = ANY(${p(v, scope.teamIds)}::text[])`
            : "TRUE";
      const ym = months.map((m) => `(${p(v, m.year)}::int, ${p(v, m.month)}::int)`).join(", ");
      return `SELECT t."userId", t.metric, t.year, t.month, t.value
        FROM "SalesTarget" t JOIN "User" u ON u.id = t."userId"
        WHERE t."deletedAt" IS NULL AND t."userId" IS NOT NULL AND ${who} AND (t.year, t.month) IN (${ym})`;
    }),
  ];
}

const ymList = (period: Period, v: unknown[]) =>
  monthShares(period)
    .map((m) => `(${p(v, m.year)}::int, ${p(v, m.month)}::int)`)
    .join(", ");

/** scopeTargets and scopeBudgets (lib/data/kpi/targets-read.ts). */
export function targetStatements(scope: BenchScope, period: Period): Q[] {
  return [
    q((v) => {
      const subject =
        scope.kind === "person"
          ? `t.subject = ${p(v, `user:${scope.userId}`)}`
          : scope.kind === "team"
            ? `t.subject = ${p(v, `team:${scope.teamId}`)}`
            : `t."teamId" IN (SELECT id FROM "Team" WHERE "parentId" IS NULL AND "deletedAt" IS NULL)`;
      return `SELECT t.metric, t.year, t.month, t.value FROM "SalesTarget" t
        WHERE t."deletedAt" IS NULL AND ${subject} AND (t.year, t.month) IN (${ymList(period, v)})`;
    }),
  ];
}

export function budgetStatements(scope: BenchScope, period: Period): Q[] {
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const byTeam = (alias: string, v: unknown[]) =>
    scope.kind === "team"
      ? `${alias}."teamId" = ANY(${p(v, scope.teamIds)}::text[])`
      : scopeSql(scope, alias, v);
  return [
    ...(scope.kind === "person"
      ? []
      : [
          q(
            (v) => `SELECT b.category, b.year, b.month, b.amount FROM "ExpenseBudget" b
            WHERE b."deletedAt" IS NULL AND ${scope.kind === "team" ? byTeam("b", v) : "TRUE"}
              AND (b.year, b.month) IN (${ymList(period, v)})`,
          ),
        ]),
    q(
      (v) => `SELECT SUM(r.cost) AS cost FROM "VisitDayRollup" r
      WHERE ${byTeam("r", v)} AND r.day BETWEEN ${p(v, toDbDate(period.start))} AND ${p(v, toDbDate(period.end))}`,
    ),
    q(
      (v) => `SELECT q.kind, SUM(q.amount) AS amount FROM "VisitRequest" q
      WHERE q."deletedAt" IS NULL AND q.status = 'APPROVED' AND q."decidedAt" >= ${p(v, from)} AND q."decidedAt" < ${p(v, until)}
        AND ${byTeam("q", v)}
      GROUP BY q.kind`,
    ),
  ];
}

const monthRange = (period: Period, v: unknown[]) =>
  `r.month BETWEEN ${p(v, toDbDate(monthStart(period.start)))} AND ${p(v, toDbDate(monthStart(period.end)))}`;

/** The dashboard's heavy reads, as they would be written against the rollups and Deal. */
export function dashboardStatements(scope: BenchScope, period: Period): Record<string, Q> {
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  return {
    // 80/20: every account's revenue in the period, biggest first (the curve is cumulated in JS).
    paretoByAccount: q(
      (v) => `SELECT r."accountId", SUM(r.revenue) AS revenue FROM "LedgerMonthRollup" r
      WHERE ${scopeSql(scope, "r", v)} AND ${monthRange(period, v)}
      GROUP BY r."accountId" HAVING SUM(r.revenue) <> 0 ORDER BY 2 DESC`,
    ),
    revenueByTier: q(
      // Per account first, then the accounts' tiers (joining every month row is several times slower).
      (v) => `SELECT a.tier, SUM(x.revenue) AS revenue, COUNT(*) AS accounts
      FROM (SELECT r."accountId", SUM(r.revenue) AS revenue FROM "LedgerMonthRollup" r
            WHERE ${scopeSql(scope, "r", v)} AND ${monthRange(period, v)} GROUP BY r."accountId") x
      JOIN "Account" a ON a.id = x."accountId" GROUP BY a.tier`,
    ),
    // The trend chart: revenue and collections per month, this period and the same months last year.
    monthlyTrend: q(
      (v) => `SELECT r.month, SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerMonthRollup" r WHERE ${scopeSql(scope, "r", v)}
        AND (r.month BETWEEN ${p(v, toDbDate(monthStart(period.start)))} AND ${p(v, toDbDate(monthStart(period.end)))}
          OR r.month BETWEEN ${p(v, toDbDate(monthStart(period.start)))}::date - interval '1 year'
                         AND ${p(v, toDbDate(monthStart(period.end)))}::date - interval '1 year')
      GROUP BY r.month ORDER BY r.month`,
    ),
    // The same three from the coarse rollups (migration 20261203101000_bench_rollups). The account-
    // year rollup answers whole calendar years only; a quarter or month reads the month rollup.
    ...(period.kind === "year"
      ? {
          paretoByAccountYearRollup: q(
            (v) => `SELECT r."accountId", SUM(r.revenue) AS revenue FROM "LedgerAccountYearRollup" r
            WHERE ${scopeSql(scope, "r", v)} AND r.year = ${p(v, Number(period.start.slice(0, 4)))}
            GROUP BY r."accountId" HAVING SUM(r.revenue) <> 0 ORDER BY 2 DESC`,
          ),
          revenueByTierYearRollup: q(
            (v) => `SELECT a.tier, SUM(x.revenue) AS revenue, COUNT(*) AS accounts
            FROM (SELECT r."accountId", SUM(r.revenue) AS revenue FROM "LedgerAccountYearRollup" r
                  WHERE ${scopeSql(scope, "r", v)} AND r.year = ${p(v, Number(period.start.slice(0, 4)))}
                  GROUP BY r."accountId") x
            JOIN "Account" a ON a.id = x."accountId" GROUP BY a.tier`,
          ),
        }
      : {}),
    monthlyTrendOwnerMonthRollup: q(
      (v) => `SELECT r.month, SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerOwnerMonthRollup" r WHERE ${scopeSql(scope, "r", v)}
        AND (r.month BETWEEN ${p(v, toDbDate(monthStart(period.start)))} AND ${p(v, toDbDate(monthStart(period.end)))}
          OR r.month BETWEEN ${p(v, toDbDate(monthStart(period.start)))}::date - interval '1 year'
                         AND ${p(v, toDbDate(monthStart(period.end)))}::date - interval '1 year')
      GROUP BY r.month ORDER BY r.month`,
    ),
    // Pareto curve and revenue by tier from ONE pass: per account (with its tier), the curve and the
    // tier totals are then summed in JS. The account-year rollup for a calendar year, else the month one.
    revenueByAccountWithTier: q((v) => {
      const rows =
        period.kind === "year"
          ? `SELECT r."accountId", SUM(r.revenue) AS revenue FROM "LedgerAccountYearRollup" r
             WHERE ${scopeSql(scope, "r", v)} AND r.year = ${p(v, Number(period.start.slice(0, 4)))} GROUP BY r."accountId"`
          : `SELECT r."accountId", SUM(r.revenue) AS revenue FROM "LedgerMonthRollup" r
             WHERE ${scopeSql(scope, "r", v)} AND ${monthRange(period, v)} GROUP BY r."accountId"`;
      return `SELECT x."accountId", a.tier, x.revenue FROM (${rows}) x JOIN "Account" a ON a.id = x."accountId"
        WHERE x.revenue <> 0 ORDER BY x.revenue DESC`;
    }),
    // Stage conversion: the deals created in the period, by the furthest stage they reached and status.
    stageConversion: q(
      (v) => `SELECT d."furthestStage", d.status, COUNT(*) AS deals FROM "Deal" d
      WHERE d."deletedAt" IS NULL AND d."createdAt" >= ${p(v, from)} AND d."createdAt" < ${p(v, until)}
        AND ${scopeSql(scope, "d", v)}
      GROUP BY 1, 2`,
    ),
    // Weighted open pipeline: open deals' yearly value × their probability (or the stage default).
    weightedPipeline: q(
      (v) => `SELECT d.stage, COUNT(*) AS deals, SUM(d."expectedValue") AS value,
        SUM(d."expectedValue" * COALESCE(d."closeProbability",
          CASE d.stage WHEN 'TARGET' THEN 10 WHEN 'INFORMATION' THEN 20 WHEN 'VALUE' THEN 40
                       WHEN 'RELATIONSHIP' THEN 60 ELSE 80 END) / 100) AS weighted
      FROM "Deal" d WHERE d."deletedAt" IS NULL AND d.status = 'OPEN' AND ${scopeSql(scope, "d", v)}
      GROUP BY d.stage`,
    ),
    visitsPerPerson: q(
      (v) => `SELECT r."ownerId", SUM(r.visits) AS visits, SUM(r.advanced) AS advanced
      FROM "VisitDayRollup" r WHERE ${scopeSql(scope, "r", v)}
        AND r.day BETWEEN ${p(v, toDbDate(period.start))} AND ${p(v, toDbDate(period.end))}
      GROUP BY r."ownerId" ORDER BY 2 DESC`,
    ),
  };
}

/** A drill-down: one person's revenue by account over the period, and one account's ledger lines. */
export function drillStatements(personId: string, accountId: string, period: Period): Q[] {
  return [
    q(
      (
        v,
      ) => `SELECT r."accountId", a.name, a.tier, SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerMonthRollup" r JOIN "Account" a ON a.id = r."accountId"
      WHERE r."ownerId" = ${p(v, personId)} AND ${monthRange(period, v)}
      GROUP BY r."accountId", a.name, a.tier ORDER BY 4 DESC LIMIT 50`,
    ),
    q(
      (v) => `SELECT l.id, l.kind, l."documentNo", l.month, l."productLine", l.amount FROM "LedgerLine" l
      WHERE l."accountId" = ${p(v, accountId)} AND l."deletedAt" IS NULL
        AND l.month BETWEEN ${p(v, toDbDate(monthStart(period.start)))} AND ${p(v, toDbDate(monthStart(period.end)))}
      ORDER BY l.month DESC, l.id LIMIT 100`,
    ),
  ];
}

/** Sends statements the way the app does: all at once, each on a pooled connection. */
export const runAll = (pool: pg.Pool, statements: Q[]) => Promise.all(statements.map((s) => pool.query(s)));
