// Bench data for the KPI dashboards, on top of the visit bench data (tests/bench/bench-visits.ts):
// 2,000,000 ledger lines over the last three years (about two revenue lines to one collection,
// each account's size following its purchase volume, with the 春节 dip and the year-end peak),
// monthly targets for every team and every person for three years (all four metrics) and expense
// budgets for every team. Set-based SQL over generate_series with hashint4 for a deterministic
// spread; the rollup triggers (every user trigger on LedgerLine) are off for the load and
// `rebuild_kpi_rollups()` fills the rollups once at the end (GROUP BYs instead of 2,000,000 upserts).
import pg from "pg";

export type BenchKpiOptions = {
  lines?: number; // default 2,000,000
  months?: number; // default 36, ending with the current China month
};

export type BenchKpiResult = {
  lines: number;
  targets: number;
  budgets: number;
  rollupRows: number;
  seconds: number;
  steps: [string, number][];
};

// A deterministic value in [0, n) from integers: hashint4 is PostgreSQL's own (PGlite has it too).
const h = (expr: string, n: number) => `((hashint4(${expr}) & 2147483647) % ${n})`;

// The first day of the China month `m` months before the current one.
const monthAgo = (m: string) =>
  `(date_trunc('month', (now() AT TIME ZONE 'Asia/Shanghai')::date) - make_interval(months => ${m}))::date`;

export async function fillBenchKpi(url: string, opts: BenchKpiOptions = {}): Promise<BenchKpiResult> {
  const lines = opts.lines ?? 2_000_000;
  const months = opts.months ?? 36;
  const started = performance.now();
  const steps: [string, number][] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    const s = (performance.now() - t) / 1000;
    steps.push([label, s]);
    console.log(`[bench:kpi-seed] ${label}: ${s.toFixed(1)} s`);
    return res;
  };
  try {
    const existing = await client.query(
      `SELECT count(*)::int AS n FROM "LedgerLine" WHERE id LIKE 'bench_led_%'`,
    );
    const visits = await client.query(
      `SELECT count(*)::int AS n FROM "VisitRecord" WHERE id LIKE 'bench_vrec_%' LIMIT 1`,
    );
    if (visits.rows[0].n === 0) throw new Error("fillBenchKpi needs the visit bench data first");

    // The ledger and the rollups in one transaction; targets and budgets after it, idempotent, so a
    // run that stopped after the ledger can be finished with --existing.
    if (existing.rows[0].n > 0) console.log("[bench:kpi-seed] ledger lines already there: kept");
    else await fillLedger(client, step, lines, months);
    await client.query("BEGIN");
    // Targets: flat monthly figures with ±10 % noise (a person ¥20万 revenue and ¥19万 collections a
    // month, 1–3 new accounts, 40–79 visits; a team twenty times that): the bench measures reading
    // them, not their realism.
    await step(
      "targets (every team and person, 3 years, 4 metrics)",
      `WITH subjects AS (
         SELECT 'user:' || id AS subject, NULL::text AS "teamId", id AS "userId", "teamId" AS team
         FROM "User" WHERE role IN ('REP','KAM','MANAGER') AND "teamId" IS NOT NULL
         UNION ALL
         SELECT 'team:' || id, id, NULL, id FROM "Team"),
       years AS (
         SELECT generate_series(extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int - 2,
                                extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int) AS year),
       base AS (
         SELECT s.*, y.year, m.month, ${h("hashtext(s.subject) + y.year * 12 + m.month", 1000)} AS r
         FROM subjects s CROSS JOIN years y CROSS JOIN generate_series(1, 12) m(month))
       INSERT INTO "SalesTarget" (id, subject, "teamId", "userId", metric, year, month, value, "updatedAt")
       SELECT 'bench_tgt_' || md5(b.subject || b.year || '-' || b.month || mt.metric), b.subject, b."teamId",
              b."userId", mt.metric::"KpiMetric", b.year, b.month,
              CASE mt.metric
                WHEN 'REVENUE' THEN (CASE WHEN b."userId" IS NULL THEN 400000000 ELSE 20000000 END)::bigint * (900 + b.r) / 1000
                WHEN 'COLLECTIONS' THEN (CASE WHEN b."userId" IS NULL THEN 380000000 ELSE 19000000 END)::bigint * (900 + b.r) / 1000
                WHEN 'NEW_ACCOUNTS' THEN (CASE WHEN b."userId" IS NULL THEN 20 ELSE 1 END) + b.r % 3
                ELSE (CASE WHEN b."userId" IS NULL THEN 2000 ELSE 40 END) + b.r % 40 END,
              now()
       FROM base b CROSS JOIN unnest(ARRAY['REVENUE','COLLECTIONS','NEW_ACCOUNTS','VISITS']) mt(metric)
       ON CONFLICT (subject, metric, year, month) DO NOTHING`,
    );
    await step(
      "budgets (every team, 3 years, 3 categories)",
      `INSERT INTO "ExpenseBudget" (id, "teamId", year, month, category, amount, "updatedAt")
       SELECT 'bench_bud_' || md5(t.id || y || '-' || m || c), t.id, y, m, c::"ExpenseCategory",
              (CASE c WHEN 'VISIT' THEN 8000000 WHEN 'GIFT' THEN 3000000 ELSE 5000000 END)::bigint
                * (90 + ${h("hashtext(t.id) + y * 12 + m", 20)}) / 100,
              now()
       FROM "Team" t
       CROSS JOIN generate_series(extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int - 2,
                                  extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int) y
       CROSS JOIN generate_series(1, 12) m
       CROSS JOIN unnest(ARRAY['VISIT','GIFT','RECEPTION']) c
       ON CONFLICT ("teamId", year, month, category) DO NOTHING`,
    );
    await client.query("COMMIT");
    await step(
      "analyze",
      `ANALYZE "LedgerLine"; ANALYZE "LedgerMonthRollup"; ANALYZE "VisitDayRollup"; ANALYZE "SalesTarget"; ANALYZE "ExpenseBudget"`,
    );
    const count = async (sql: string) => (await client.query(sql)).rows[0].n as number;
    return {
      lines: await count(`SELECT count(*)::int AS n FROM "LedgerLine" WHERE id LIKE 'bench_led_%'`),
      targets: await count(`SELECT count(*)::int AS n FROM "SalesTarget" WHERE id LIKE 'bench_tgt_%'`),
      budgets: await count(`SELECT count(*)::int AS n FROM "ExpenseBudget" WHERE id LIKE 'bench_bud_%'`),
      rollupRows: await count(`SELECT count(*)::int AS n FROM "LedgerMonthRollup"`),
      seconds: (performance.now() - started) / 1000,
      steps,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

type Step = (label: string, sql: string, params?: unknown[]) => Promise<pg.QueryResult>;

/** The ledger lines with the rollup triggers off, then every rollup rebuilt: one transaction. */
async function fillLedger(client: pg.Client, step: Step, lines: number, months: number) {
  await client.query("BEGIN");
  try {
    await client.query(`ALTER TABLE "LedgerLine" DISABLE TRIGGER USER`);
    // Every account, numbered, with its owner and size: a line picks one by a hash, weighted by
    // the account's rank so that the big accounts get more lines (a Pareto-like spread).
    await step(
      "account numbering",
      `CREATE TEMP TABLE bench_led_acc AS
           SELECT id, "ownerId", "teamId", GREATEST(COALESCE("purchaseVolume", 0), 1000000)::bigint AS volume,
                  (row_number() OVER (ORDER BY COALESCE("purchaseVolume", 0) DESC, id) - 1)::int AS i
           FROM "Account" WHERE "deletedAt" IS NULL;
         CREATE UNIQUE INDEX ON bench_led_acc (i);
         ANALYZE bench_led_acc;`,
    );
    const accounts = (await client.query(`SELECT count(*)::int AS n FROM bench_led_acc`)).rows[0].n;
    // Line n: the account is picked with density falling with rank (square of a uniform), the month
    // uniformly over the window, two in three lines revenue. The amount is a third of the account's
    // monthly run-rate times season and noise; collections are 90–98 % of that and 1 % of the
    // revenue lines are credit notes (negative).
    await step(
      `${lines.toLocaleString("en")} ledger lines`,
      `INSERT INTO "LedgerLine" (id, kind, "documentNo", "accountId", "ownerId", "teamId", month,
           "productLine", amount, version, "createdAt", "updatedAt")
         SELECT 'bench_led_' || lpad(l.n::text, 7, '0'),
                (CASE WHEN l.k < 67 THEN 'REVENUE' ELSE 'COLLECTION' END)::"LedgerKind",
                CASE WHEN l.k < 67 THEN 'XS' ELSE 'HK' END || lpad(l.n::text, 8, '0'),
                a.id, a."ownerId", a."teamId", l.month,
                (ARRAY['注塑件','冲压件','线束总成','电子模组','包装材料'])[1 + l.k % 5],
                (CASE WHEN l.k = 0 THEN -1 ELSE 1 END)
                  * GREATEST(100, (a.volume / 36
                     * (CASE extract(month FROM l.month) WHEN 1 THEN 70 WHEN 2 THEN 60 WHEN 11 THEN 125 WHEN 12 THEN 140 ELSE 100 END)
                     * (60 + l.noise) / 10000
                     * (CASE WHEN l.k < 67 THEN 100 ELSE 90 + l.k % 9 END) / 100)),
                1, l.month + interval '20 days', l.month + interval '20 days'
         FROM (
           SELECT n, ${h("n", 100)} AS k, ${h("n * 7 + 3", 80)} AS noise,
                  ${monthAgo(h("n * 13 + 5", months))} AS month,
                  (power(${h("n * 31 + 11", 1_000_000)} / 1000000.0, 2) * $2::int)::int AS pick
           FROM generate_series(0, $1::int - 1) n
         ) l
         JOIN bench_led_acc a ON a.i = LEAST(l.pick, $2::int - 1)`,
      [lines, accounts],
    );
    await client.query(`ALTER TABLE "LedgerLine" ENABLE TRIGGER USER`);
    await step("rebuild_kpi_rollups()", `SELECT rebuild_kpi_rollups()`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
