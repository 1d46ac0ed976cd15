// `npm run bench:kpi`: KPI dashboards at scale (a report, not a test). On a database holding the
// KPI bench data (`npm run bench:kpi-seed -- --fresh` makes keystone_bench_kpi: 1,000,000 visits,
// 30,000 deals, 2,000,000 ledger lines, three years of targets and budgets), times for the
// director (营销中心, every team) and the East China manager (60 reps), a quarter and a year:
//   - the dashboard (`loadDashboard` in lib/data/kpi/dashboard.ts), the drill-downs
//     (lib/data/kpi/drill-*.ts) and the scorecard (`loadScorecard`) when this checkout has them;
//   - the building blocks that exist: figuresByOwner, scopeTargets, scopeBudgets (lib/data/kpi);
//   - each beside its SQL twin (the same statements sent straight through pg, as concurrently as
//     the data layer sends them), with the ratio;
//   - the dashboard's heavy reads written as SQL (Pareto by account, revenue by tier, the monthly
//     trend, stage conversion, weighted pipeline, visits per person) and a drill-down's SQL.
// Targets: dashboard p95 ≤ 300 ms (PostgreSQL), ≤ 600 ms (embedded); drill-down p95 ≤ 100 ms;
// app ≤ 2× its SQL.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/keystone_bench_kpi npm run bench:kpi
//   npm run bench:kpi -- --embedded      fills an embedded PGlite (own process, as npm start runs
//                                        it) at a smaller scale (EMBEDDED_RECORDS, EMBEDDED_LINES)
//   … -- --runs=40                       timed rounds (default 30, after 5 warm-up rounds)
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { chinaDate } from "@/lib/domain/calendar";
import { quarterPeriod, yearPeriod, type Period } from "@/lib/domain/kpi-period";
import { percentile, spawnService, stopProcess } from "./lib";
import {
  budgetStatements,
  dashboardStatements,
  drillStatements,
  figuresStatements,
  runAll,
  targetStatements,
  type BenchScope,
} from "./kpi-sql";

const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 30);
const DASHBOARD_MS = { postgres: 300, embedded: 600 };
const DRILL_MS = 100;
const MAX_RATIO = 2;

type Timing = { p50: number; p95: number };
type Fn = () => Promise<unknown>;

/** p50/p95 of each function; they take turns within a round, so a busy spell hits them alike. */
async function time(fns: Fn[], runs: number): Promise<Timing[]> {
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round < 5 + runs; round++) {
    for (const [i, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      if (round >= 5) samples[i]!.push(performance.now() - t);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  });
}

type Row = { label: string; app?: Fn; sql?: Fn; limit?: number; note?: string };

const ms = (n: number) => n.toFixed(1).padStart(8);
async function report(rows: Row[], runs: number): Promise<boolean> {
  let allPass = true;
  console.log(
    `${"operation".padEnd(44)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"sql p50".padStart(8)} ${"sql p95".padStart(8)}  ratio  verdict`,
  );
  for (const row of rows) {
    if (row.note) {
      console.log(`${row.label.padEnd(44)} ${row.note}`);
      continue;
    }
    const fns = [row.app, row.sql].filter((f): f is Fn => !!f);
    const t = await time(fns, runs);
    const a = row.app ? t[0]! : null;
    const s = row.sql ? t[row.app ? 1 : 0]! : null;
    const ratio = a && s ? a.p95 / s.p95 : null;
    const pass =
      (row.limit === undefined || (a ?? s)!.p95 <= row.limit) && (ratio === null || ratio <= MAX_RATIO);
    allPass &&= pass;
    console.log(
      `${row.label.padEnd(44)} ${a ? ms(a.p50) : "       —"} ${a ? ms(a.p95) : "       —"} ${s ? ms(s.p50) : "       —"} ${s ? ms(s.p95) : "       —"}  ${ratio === null ? "   — " : ratio.toFixed(2).padStart(5)}  ${pass ? "PASS" : "FAIL"}${row.limit ? ` (≤ ${row.limit} ms)` : ""}`,
    );
  }
  return allPass;
}

type Ctx = {
  today: string;
  periods: [string, Period][];
  director: { id: string; scope: BenchScope };
  manager: { id: string; scope: BenchScope };
  rep: { id: string; accountId: string };
};

async function loadContext(client: pg.Client): Promise<Ctx> {
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const subtree = async (teamId: string) =>
    (
      await client.query<{ id: string }>(
        `WITH RECURSIVE t AS (SELECT id FROM "Team" WHERE id = $1
           UNION ALL SELECT c.id FROM "Team" c JOIN t ON c."parentId" = t.id WHERE c."deletedAt" IS NULL)
         SELECT id FROM t ORDER BY id`,
        [teamId],
      )
    ).rows.map((r) => r.id);
  // The busiest bench rep of East China and their biggest account this year.
  const rep = (
    await client.query<{ ownerId: string; accountId: string }>(
      `SELECT r."ownerId", r."accountId" FROM "LedgerMonthRollup" r
       WHERE r."teamId" = 'team_east' AND r."ownerId" LIKE 'bench_rep_%'
       GROUP BY 1, 2 ORDER BY SUM(r.lines) DESC LIMIT 1`,
    )
  ).rows[0];
  if (!rep) throw new Error("no ledger bench data: run npm run bench:kpi-seed first");
  return {
    today,
    periods: [
      [`${year}-Q${quarter}`, quarterPeriod(year, quarter)],
      [`${year}`, yearPeriod(year)],
    ],
    director: {
      id: "usr_director",
      scope: { kind: "team", teamId: "team_sales", teamIds: await subtree("team_sales") },
    },
    manager: {
      id: "usr_east_manager",
      scope: { kind: "team", teamId: "team_east", teamIds: await subtree("team_east") },
    },
    rep: { id: rep.ownerId, accountId: rep.accountId },
  };
}

type AnyFn = (...a: unknown[]) => Promise<unknown>;

/** A module of this checkout if it exists (the dashboard, drill-downs and scorecard come later). */

async function optional(relative: string): Promise<Record<string, unknown> | null> {
  if (!fs.existsSync(path.join(process.cwd(), relative))) return null;
  return (await import(pathToFileURL(path.join(process.cwd(), relative)).href)) as Record<string, unknown>;
}

/** The SQL side's pools: ended before the embedded database stops (an idle client would throw). */
const pools: pg.Pool[] = [];

async function rows(url: string, ctx: Ctx, kind: "postgres" | "embedded"): Promise<Row[]> {
  process.env.DATABASE_URL = url;
  const { loadViewer } = await import("@/lib/data/session");
  const { resolveKpiScope } = await import("@/lib/data/kpi/scope");
  const { figuresByOwner } = await import("@/lib/data/kpi/figures-by-owner");
  const { scopeTargets, scopeBudgets } = await import("@/lib/data/kpi/targets-read");
  const pool = new pg.Pool({ connectionString: url, max: kind === "embedded" ? 1 : 10 });
  pools.push(pool);
  const viewer = async (id: string) => {
    const v = await loadViewer(id, 0);
    if (!v) throw new Error(`bench:kpi: no viewer ${id}`);
    return v;
  };
  const dashboard = await optional("lib/data/kpi/dashboard.ts");
  const scorecard =
    (await optional("lib/data/kpi/scorecard.ts")) ??
    (await optional("lib/data/reviews/scorecard.ts")) ??
    (await optional("lib/data/reviews/index.ts"));
  const kpiDir = path.join(process.cwd(), "lib/data/kpi");
  const drills = fs.readdirSync(kpiDir).filter((f) => /^drill-.*\.ts$/.test(f));

  const out: Row[] = [];
  for (const [who, person] of [
    ["director", ctx.director],
    ["manager", ctx.manager],
  ] as const) {
    for (const [label, period] of ctx.periods) {
      const scope = person.scope;
      const blocks = [
        ...figuresStatements(scope, period, ctx.today),
        ...targetStatements(scope, period),
        ...budgetStatements(scope, period),
      ];
      // What a dashboard would send: the trend from the person-month rollup, ONE per-account pass
      // (with the tier) for both the Pareto curve and the tiers — the account-year rollup for a
      // year, the month rollup for a quarter — and the visits per person from figuresByOwner. The
      // alternatives are timed one by one below.
      const all = dashboardStatements(scope, period);
      const superseded = new Set([
        "monthlyTrend",
        "paretoByAccount",
        "revenueByTier",
        "paretoByAccountYearRollup",
        "revenueByTierYearRollup",
        "visitsPerPerson",
      ]);
      const heavy = Object.entries(all)
        .filter(([name]) => !superseded.has(name))
        .map(([, statement]) => statement);
      // The session's viewer and the URL's scope, as a page resolves them on every request.
      const appScope = async () => resolveKpiScope(await viewer(person.id), {});
      const loadDashboard = dashboard?.loadDashboard as
        ((...args: unknown[]) => Promise<unknown>) | undefined;
      out.push(
        loadDashboard
          ? {
              label: `dashboard ${who} ${label}`,
              app: async () => loadDashboard(await viewer(person.id), await appScope(), period, ctx.today),
              sql: () => runAll(pool, [...blocks, ...heavy]),
              limit: DASHBOARD_MS[kind],
            }
          : { label: `dashboard ${who} ${label}`, note: "loadDashboard: not built in this checkout" },
        {
          label: `  blocks (figures+targets+budgets) ${who} ${label}`,
          app: async () => {
            const s = await appScope();
            return Promise.all([
              figuresByOwner(s, period, ctx.today),
              scopeTargets(s, period),
              scopeBudgets(s, period),
            ]);
          },
          sql: () => runAll(pool, blocks),
          limit: DASHBOARD_MS[kind],
        },
        {
          label: `  figuresByOwner ${who} ${label}`,
          app: async () => figuresByOwner(await appScope(), period, ctx.today),
          sql: () => runAll(pool, figuresStatements(scope, period, ctx.today)),
        },
        {
          label: `  + heavy dashboard SQL ${who} ${label}`,
          sql: () => runAll(pool, [...blocks, ...heavy]),
          limit: DASHBOARD_MS[kind],
        },
      );
      for (const [name, statement] of Object.entries(all))
        out.push({ label: `    ${name} ${who} ${label}`, sql: () => pool.query(statement) });
    }
  }
  const [yearLabel, year] = ctx.periods[1]!;
  out.push({
    label: `drill-down SQL rep ${yearLabel}`,
    sql: () => runAll(pool, drillStatements(ctx.rep.id, ctx.rep.accountId, year)),
    limit: DRILL_MS,
  });
  if (drills.length === 0)
    out.push({ label: "drill-down (lib/data/kpi/drill-*.ts)", note: "not built in this checkout" });
  // The drill-downs as the pages call them: the manager's year, first page of 50 rows.
  const page = { offset: 0, limit: 50 };
  const drillCalls: Record<string, (mod: Record<string, unknown>) => Promise<unknown>> = {
    "drill-deals.ts": (m) =>
      (m.drillDeals as AnyFn)(ctx.manager.scope, year, { set: "won", stage: null }, page),
    "drill-visits.ts": (m) => (m.drillVisits as AnyFn)(ctx.manager.scope, year, { set: "advanced" }, page),
    "drill-accounts.ts": (m) =>
      (m.drillAccounts as AnyFn)(ctx.manager.scope, year, { set: "overdue", tier: null }, ctx.today, page),
  };
  for (const file of drills) {
    const mod = (await optional(`lib/data/kpi/${file}`))!;
    const run = drillCalls[file];
    if (!run) continue;
    const call = () => run(mod);
    try {
      await call();
      out.push({ label: `${file.replace(/\.ts$/, "")} manager ${yearLabel}`, app: call, limit: DRILL_MS });
    } catch (error) {
      out.push({ label: file, note: `not timed: ${(error as Error).message.slice(0, 60)}` });
    }
  }
  const loadScorecard = scorecard?.loadScorecard as ((...a: unknown[]) => Promise<unknown>) | undefined;
  out.push(
    loadScorecard
      ? {
          label: `scorecard rep ${yearLabel}`,
          app: async () => loadScorecard(await viewer(ctx.manager.id), ctx.rep.id, year, ctx.today),
          sql: () =>
            runAll(pool, [
              ...figuresStatements(
                { kind: "person", userId: ctx.rep.id, teamId: "team_east" },
                year,
                ctx.today,
              ),
              ...targetStatements({ kind: "person", userId: ctx.rep.id, teamId: "team_east" }, year),
            ]),
        }
      : { label: "scorecard (loadScorecard)", note: "not built in this checkout" },
  );
  return out;
}

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  // In a process of its own, as npm start serves it: not on the bench's event loop.
  const service = spawnService(process.execPath, ["--import", "tsx", "tests/bench/embedded-server.ts"], {
    cwd: process.cwd(),
    env: process.env,
  });
  const started = performance.now();
  let url: string | undefined;
  while (!(url = /^url=(.+)$/m.exec(service.log())?.[1])) {
    if (service.child.exitCode !== null || performance.now() - started > 60_000)
      throw new Error(`the embedded database did not start:\n${service.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => stopProcess(service.child) };
}

async function fillEmbedded(url: string) {
  const { migrateDeploy } = await import("../../scripts/lib/migrate");
  const { createDb } = await import("@/lib/db");
  const { seedDemo } = await import("@/prisma/seed");
  const { fillBenchData, fillBenchDeals } = await import("./bench-data");
  const { fillBenchVisits } = await import("./bench-visits");
  const { fillBenchKpi } = await import("./bench-kpi");
  const t0 = performance.now();
  await migrateDeploy(url, { quiet: true });
  const seedDb = createDb(url, 1);
  await seedDemo(seedDb);
  await seedDb.$disconnect();
  await fillBenchData(url, {
    accounts: Number(process.env.EMBEDDED_ACCOUNTS ?? 20_000),
    contactsPerAccount: 1,
  });
  await fillBenchDeals(url, { deals: Number(process.env.EMBEDDED_DEALS ?? 30_000), openInHeavyTeam: 2_000 });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`ALTER TABLE "VisitRecord" DISABLE TRIGGER USER`);
  await admin.end();
  const records = Number(process.env.EMBEDDED_RECORDS ?? 200_000);
  await fillBenchVisits(url, { records, plans: Math.floor(records / 5), followUpDays: 60 });
  const again = new pg.Client({ connectionString: url });
  await again.connect();
  await again.query(`ALTER TABLE "VisitRecord" ENABLE TRIGGER USER`);
  await again.end();
  const k = await fillBenchKpi(url, { lines: Number(process.env.EMBEDDED_LINES ?? 400_000) });
  console.log(
    `[bench:kpi] embedded PGlite filled in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${records.toLocaleString("en")} visits, ` +
      `${k.lines.toLocaleString("en")} ledger lines, ${k.rollupRows.toLocaleString("en")} month-rollup rows`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const embedded = process.argv.includes("--embedded");
  if (!embedded && !process.env.DATABASE_URL) {
    console.error(
      "Set DATABASE_URL to the database bench:kpi-seed filled (keystone_bench_kpi), or pass --embedded.",
    );
    process.exit(1);
  }
  const e = embedded ? await startEmbedded() : null;
  let pass = false;
  try {
    const url = e ? e.url : process.env.DATABASE_URL!;
    if (e) await fillEmbedded(url);
    if (e) process.env.DATABASE_POOL_MAX = "1"; // one connection, as npm start gives it
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const ctx = await loadContext(client);
    const sizes = (
      await client.query(
        `SELECT (SELECT count(*) FROM "LedgerLine") AS lines, (SELECT count(*) FROM "LedgerMonthRollup") AS "monthRollup",
                (SELECT count(*) FROM "VisitRecord") AS visits, (SELECT count(*) FROM "VisitDayRollup") AS "dayRollup",
                (SELECT count(*) FROM "Deal") AS deals`,
      )
    ).rows[0];
    await client.end();
    console.log(
      `[bench:kpi] ${e ? "embedded PGlite" : "PostgreSQL"}: ${JSON.stringify(sizes)}; today ${ctx.today}; ` +
        `director scope ${ctx.director.scope.kind === "team" ? ctx.director.scope.teamIds.length : 0} teams; rep ${ctx.rep.id}; ${RUNS} rounds`,
    );
    pass = await report(await rows(url, ctx, e ? "embedded" : "postgres"), RUNS);
    console.log(
      `Targets: dashboard p95 ≤ ${DASHBOARD_MS.postgres} ms (PostgreSQL) / ${DASHBOARD_MS.embedded} ms (embedded), drill-down ≤ ${DRILL_MS} ms, app ≤ ${MAX_RATIO}× its SQL.`,
    );
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    await e?.stop();
  }
  process.exit(pass ? 0 : 1);
}
