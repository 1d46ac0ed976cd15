// `npm run bench:channel`: the distributor channel at scale (issue 14, "Speed"; a report, not a
// test). On the database `npm run bench:channel-seed` keeps (keystone_bench_channel: 2,000
// distributors, 5,000,000 sell-out lines over three years…) it prints, for the director (every
// team), the East China manager and the East China channel manager, p50/p95 of
//   - the receivables ageing (receivablesAgeing)                        target p95 ≤ 100 ms
//   - a distributor's page: getDistributor and the five page sections
//     (agreements, sales, exposure, conflicts, scorecard) in Promise.all  target p95 ≤ 100 ms
//   - a quarter's rebate statement (previewRebateStatement)             target p95 ≤ 200 ms
//   - the dashboard's channel figures (channelFigures, quarter and year)
//                                   within the KPI dashboard's budget: p95 ≤ 300 ms (README)
// each beside its hand-written SQL twin (tests/bench/channel-sql.ts) with the ratio (target ≤ 2×),
// PASS/FAIL, and the EXPLAIN (ANALYZE, BUFFERS) summary of the twin's statements on a miss; then
// the ageing and the channel figures with 8 callers at once; then a 100,000-line sell-out import
// end to end (target ≤ 60 s, memory flat: peak growth under 150 MB and not growing with the
// file — 20,000 lines are imported first for the comparison) beside COPY + INSERT … SELECT.
// Functions this checkout does not have yet are reported as missing, not skipped silently.
//
//   npm run bench:channel                (DATABASE_URL defaults to …/keystone_bench_channel)
//   … -- --runs=50 --only=reads|import --lines=100000
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { addDays, chinaDate, chinaDayStart } from "@/lib/domain/calendar";
import { percentile } from "./lib";
import { explainSummary } from "./satisfaction-support";
import {
  ageingStatement,
  channelFiguresStatements,
  pageStatements,
  rebateStatement,
  runAll,
  type BenchViewer,
  type Q,
} from "./channel-sql";
import { importMaterial, importTwin, memoryLine, sellOutCsv, undoImport, withMemory } from "./channel-import";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const RUNS = Number(arg("runs") ?? 30);
const ONLY = arg("only");
const LINES = Number(arg("lines") ?? 100_000);
const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/keystone_bench_channel";
process.env.DATABASE_URL = url;
const TARGET = { ageing: 100, page: 100, rebate: 200, figures: 300, importSeconds: 60, importGrowthMb: 150 };
const MAX_RATIO = 2;

type Fn = () => Promise<unknown>;
type Row = {
  label: string;
  app?: Fn;
  sql?: Fn;
  limit?: number;
  note?: string;
  missing?: string;
  explain?: Q[];
};

/** p50/p95 of each function; they take turns within a round, so a busy spell hits them alike. */
async function time(fns: Fn[], runs: number) {
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round < 3 + runs; round++)
    for (const [i, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      if (round >= 3) samples[i]!.push(performance.now() - t);
    }
  return samples.map((s) => (s.sort((a, b) => a - b), { p50: percentile(s, 50), p95: percentile(s, 95) }));
}

const ms = (n: number) => n.toFixed(1).padStart(8);
async function report(pool: pg.Pool, rows: Row[]): Promise<boolean> {
  let allPass = true;
  console.log(
    `${"operation".padEnd(46)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"sql p50".padStart(8)} ${"sql p95".padStart(8)}  ratio  verdict`,
  );
  for (const row of rows) {
    if (row.note) {
      console.log(`${row.label.padEnd(46)} ${row.note}`);
      if (row.note.startsWith("MISSING")) allPass = false;
      continue;
    }
    const fns = [row.app, row.sql].filter((f): f is Fn => !!f);
    let t;
    try {
      t = await time(fns, RUNS);
    } catch (error) {
      console.log(
        `${row.label.padEnd(46)} ERROR ${(error as Error).message.replace(/\s+/g, " ").slice(0, 160)}`,
      );
      allPass = false;
      continue;
    }
    const a = row.app ? t[0]! : null;
    const s = row.sql ? t[row.app ? 1 : 0]! : null;
    const ratio = a && s ? a.p95 / s.p95 : null;
    const pass =
      (row.limit === undefined || (a ?? s)!.p95 <= row.limit) && (ratio === null || ratio <= MAX_RATIO);
    allPass &&= pass;
    console.log(
      `${row.label.padEnd(46)} ${a ? ms(a.p50) : "       —"} ${a ? ms(a.p95) : "       —"} ${s ? ms(s.p50) : "       —"} ${s ? ms(s.p95) : "       —"}  ${ratio === null ? "   — " : ratio.toFixed(2).padStart(5)}  ${pass ? "PASS" : "FAIL"}${row.limit ? ` (≤ ${row.limit} ms)` : ""}${row.missing ? ` MISSING ${row.missing}: SQL twin only` : ""}`,
    );
    if (!pass && row.explain) for (const st of row.explain) console.log(await explainSummary(pool, st));
  }
  return allPass;
}

type AnyFn = (...a: unknown[]) => Promise<unknown>;
/** A function of this checkout, or null when its module or export is not there (yet). */
async function optional(relative: string, name: string): Promise<AnyFn | null> {
  const file = path.join(process.cwd(), relative);
  if (!fs.existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  return typeof mod[name] === "function" ? (mod[name] as AnyFn) : null;
}

const PEOPLE: [string, BenchViewer][] = [
  ["director", { kind: "team", id: "usr_director", teamId: "team_sales" }],
  ["manager", { kind: "team", id: "usr_east_manager", teamId: "team_east" }],
  ["channel mgr", { kind: "territories", id: "usr_east_channel" }],
];

async function main(): Promise<boolean> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const { loadViewer } = await import("@/lib/data/session");
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3); // 0-based current quarter
  const lastQ = q === 0 ? { y: year - 1, q: 4 } : { y: year, q };
  const qStart = (y: number, n: number) => `${y}-${String(3 * n - 2).padStart(2, "0")}-01`;
  const qEnd = (y: number, n: number) => addDays(n === 4 ? `${y + 1}-01-01` : qStart(y, n + 1), -1);
  const sizes = (
    await pool.query(
      `SELECT (SELECT count(*) FROM "Distributor")::int AS distributors, (SELECT count(*) FROM "SellOutLine")::int AS "sellOut",
              (SELECT count(*) FROM "SellInLine")::int AS "sellIn", (SELECT count(*) FROM "ChannelMonthRollup")::int AS rollup,
              (SELECT count(*) FROM "ChannelInvoice")::int AS invoices, (SELECT count(*) FROM "ChannelConflict")::int AS conflicts`,
    )
  ).rows[0];
  // The page's distributor: the East bench distributor with the most open invoices and cases.
  const dst = (
    await pool.query<{ id: string; code: string }>(
      `SELECT d.id, d.code FROM "Distributor" d
       WHERE d.id LIKE 'bench_dst_%' AND d."teamId" = 'team_east' AND d.stage = 'SIGNED'
       ORDER BY (SELECT count(*) FROM "ChannelInvoice" i WHERE i."distributorId" = d.id AND i.status = 'OPEN')
              + (SELECT count(*) FROM "ChannelConflict" c WHERE c."distributorId" = d.id) DESC, d.id LIMIT 1`,
    )
  ).rows[0];
  if (!dst) throw new Error("no channel bench data: run npm run bench:channel-seed first");
  console.log(
    `[bench:channel] ${url.replace(/\/\/[^@]*@/, "//")}: ${JSON.stringify(sizes)}; today ${today}; distributor ${dst.code} (${dst.id}); ${RUNS} rounds`,
  );

  const fn = {
    ageing: await optional("lib/data/receivables/ageing.ts", "receivablesAgeing"),
    detail: await optional("lib/data/distributors/detail.ts", "getDistributor"),
    agreements: await optional("lib/data/channel-agreements/section.ts", "loadAgreementsSection"),
    sales: await optional("lib/data/channel-sales/section.ts", "loadSalesSection"),
    exposure: await optional("lib/data/receivables/section.ts", "loadExposureSection"),
    conflicts: await optional("lib/data/channel-conflicts/section.ts", "loadConflictsSection"),
    scorecard: await optional("lib/data/distributor-scorecards/section.ts", "loadScorecardSection"),
    satisfaction: await optional("lib/data/surveys/distributor-results.ts", "distributorSatisfaction"),
    rebate: await optional("lib/data/rebates/compute.ts", "previewRebateStatement"),
    figures: await optional("lib/data/kpi/channel.ts", "channelFigures"),
    import: await optional("lib/data/channel-sales/import.ts", "runChannelImport"),
  };
  const viewerOf = async (id: string) => {
    const v = await loadViewer(id, 0);
    if (!v) throw new Error(`bench:channel: no viewer ${id}`);
    return v;
  };
  const sections = [
    fn.detail,
    fn.agreements,
    fn.sales,
    fn.exposure,
    fn.conflicts,
    fn.scorecard,
    fn.satisfaction,
  ];
  const sectionNames = [
    "getDistributor",
    "loadAgreementsSection",
    "loadSalesSection",
    "loadExposureSection",
    "loadConflictsSection",
    "loadScorecardSection",
    "distributorSatisfaction",
  ];
  const missingSections = sectionNames.filter((_, i) => !sections[i]);
  const periods: [string, { from: string; to: string }][] = [
    [`${year}-Q${q + 1}`, { from: qStart(year, q + 1), to: qEnd(year, q + 1) }],
    [`${year}`, { from: `${year}-01-01`, to: `${year}-12-31` }],
  ];
  const rebateKey = `${lastQ.y}-Q${lastQ.q}`;
  const rebatePeriod = {
    start: qStart(lastQ.y, lastQ.q),
    end: qEnd(lastQ.y, lastQ.q),
    from: chinaDayStart(qStart(lastQ.y, lastQ.q)),
    until: chinaDayStart(addDays(qEnd(lastQ.y, lastQ.q), 1)),
  };
  const pageDates = {
    quarterStart: qStart(year, q + 1),
    quarterEnd: qEnd(year, q + 1),
    monthsFrom: `${addDays(today, -365).slice(0, 7)}-01`,
    yearStart: chinaDayStart(`${year}-01-01`).toISOString(),
    yearAgo: new Date(Date.now() - 365 * 86_400_000).toISOString(),
  };

  let pass = true;
  if (ONLY !== "import") {
    const rows: Row[] = [];
    for (const [who, bv] of PEOPLE) {
      const viewer = await viewerOf(bv.id);
      const ageing = ageingStatement(bv, today);
      await sameAnswers(pool, fn, viewer, bv, who, today, ageing, periods[1]![1]);
      rows.push(
        fn.ageing
          ? {
              label: `ageing ${who}`,
              app: () => fn.ageing!(viewer, {}),
              sql: () => pool.query(ageing.text, ageing.values),
              limit: TARGET.ageing,
              explain: [ageing],
            }
          : {
              label: `ageing ${who}`,
              sql: () => pool.query(ageing.text, ageing.values),
              limit: TARGET.ageing,
              missing: "receivablesAgeing",
            },
      );
      const page = pageStatements(bv, dst.id, pageDates);
      const present = sections.filter((f): f is AnyFn => !!f);
      rows.push(
        present.length
          ? {
              label: `page ${who}${missingSections.length ? ` (${present.length}/${sections.length})` : ""}`,
              app: () => Promise.all(present.map((f) => f(viewer, dst.id))),
              sql: () => runAll(pool, page),
              limit: TARGET.page,
              explain: page,
            }
          : {
              label: `page ${who}`,
              sql: () => runAll(pool, page),
              limit: TARGET.page,
              missing: "every section",
            },
      );
      // Each section alone, to show where the page's time goes.
      for (const [i, f] of sections.entries())
        if (f) rows.push({ label: `  ${sectionNames[i]} ${who}`, app: () => f(viewer, dst.id) });
      const rebate = rebateStatement(bv, dst.id, rebatePeriod);
      rows.push(
        fn.rebate
          ? {
              label: `rebate statement ${rebateKey} ${who}`,
              app: () => fn.rebate!(viewer, { distributorId: dst.id, periodKey: rebateKey }),
              sql: () => pool.query(rebate.text, rebate.values),
              limit: TARGET.rebate,
              explain: [rebate],
            }
          : {
              label: `rebate statement ${rebateKey} ${who}`,
              sql: () => pool.query(rebate.text, rebate.values),
              limit: TARGET.rebate,
              missing: "previewRebateStatement",
            },
      );
      for (const [label, period] of periods) {
        const st = channelFiguresStatements(bv, {
          monthFrom: period.from,
          monthTo: `${period.to.slice(0, 7)}-01`,
          start: period.from,
          end: period.to,
          asOf: today,
        });
        rows.push(
          fn.figures
            ? {
                label: `channel figures ${label} ${who}`,
                app: () => fn.figures!(viewer, period),
                sql: () => runAll(pool, st),
                limit: TARGET.figures,
                explain: st,
              }
            : {
                label: `channel figures ${label} ${who}`,
                sql: () => runAll(pool, st),
                limit: TARGET.figures,
                missing: "channelFigures",
                explain: st,
              },
        );
      }
    }
    if (missingSections.length)
      console.log(`[bench:channel] page sections missing in this checkout: ${missingSections.join(", ")}`);
    pass = (await report(pool, rows)) && pass;
    pass =
      (await concurrent(pool, fn, await viewerOf("usr_director"), PEOPLE[0]![1], today, periods[0]![1])) &&
      pass;
  }
  if (ONLY !== "reads")
    pass = (await importBench(pool, fn.import, await viewerOf("usr_east_channel"))) && pass;
  console.log(
    `Targets: ageing and page p95 ≤ 100 ms, rebate statement ≤ 200 ms, channel figures ≤ ${TARGET.figures} ms (the dashboard's budget), ` +
      `app ≤ ${MAX_RATIO}× its SQL; import of ${LINES.toLocaleString("en")} lines ≤ ${TARGET.importSeconds} s with peak growth < ${TARGET.importGrowthMb} MB.`,
  );
  await pool.end();
  return pass;
}

/** Do app and twin answer alike? The ageing's distributors in order, and the year's sell-in/out. */
async function sameAnswers(
  pool: pg.Pool,
  fn: Record<string, AnyFn | null>,
  viewer: unknown,
  bv: BenchViewer,
  who: string,
  today: string,
  ageing: Q,
  year: { from: string; to: string },
): Promise<void> {
  const out: string[] = [];
  if (fn.ageing) {
    const app = (
      (await fn.ageing(viewer, {})) as { distributors: { distributorId: string }[] }
    ).distributors.map((d) => d.distributorId);
    const sql = (await pool.query<{ id: string }>(ageing.text, ageing.values)).rows.map((r) => r.id);
    out.push(
      `ageing ${app.length} distributors, SQL ${sql.length}, ${app.join() === sql.join() ? "same order" : "DIFFERENT"}`,
    );
  }
  if (fn.figures) {
    const app = (await fn.figures(viewer, year)) as { sellIn: bigint; sellOut: bigint } | null;
    const [sales] = (await runAll(pool, [
      channelFiguresStatements(bv, {
        monthFrom: year.from,
        monthTo: `${year.to.slice(0, 7)}-01`,
        start: year.from,
        end: year.to,
        asOf: today,
      })[0]!,
    ])) as { sellIn: string; sellOut: string }[][];
    const same =
      app && String(app.sellIn) === sales![0]!.sellIn && String(app.sellOut) === sales![0]!.sellOut;
    out.push(
      `year sell-in/out ${same ? "equal" : `DIFFERENT (app ${app?.sellIn}/${app?.sellOut}, SQL ${sales![0]!.sellIn}/${sales![0]!.sellOut})`}`,
    );
  }
  if (out.length) console.log(`[bench:channel] ${who}: app and twin: ${out.join("; ")}`);
}

/** The director's ageing and channel figures with 8 callers at once (each caller's p95). */
async function concurrent(
  pool: pg.Pool,
  fn: Record<string, AnyFn | null>,
  viewer: unknown,
  bv: BenchViewer,
  today: string,
  period: { from: string; to: string },
): Promise<boolean> {
  const CALLERS = 8;
  const runs = Math.max(10, Math.floor(RUNS / 2));
  const st = channelFiguresStatements(bv, {
    monthFrom: period.from,
    monthTo: `${period.to.slice(0, 7)}-01`,
    start: period.from,
    end: period.to,
    asOf: today,
  });
  const ageing = ageingStatement(bv, today);
  const cases: [string, Fn | null, number][] = [
    ["ageing director ×8", fn.ageing ? () => fn.ageing!(viewer, {}) : null, TARGET.ageing],
    ["ageing SQL director ×8", () => pool.query(ageing.text, ageing.values), TARGET.ageing],
    ["channel figures director ×8", fn.figures ? () => fn.figures!(viewer, period) : null, TARGET.figures],
    ["channel figures SQL director ×8", () => runAll(pool, st), TARGET.figures],
  ];
  const ok = true;
  console.log(`[bench:channel] under load: ${CALLERS} callers at once, ${runs} calls each`);
  for (const [label, f, limit] of cases) {
    if (!f) {
      console.log(`${label.padEnd(46)} MISSING`);
      continue;
    }
    const samples: number[] = [];
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await f();
          samples.push(performance.now() - t);
        }
      }),
    );
    samples.sort((a, b) => a - b);
    const p95 = percentile(samples, 95);
    // Information, not part of the verdict: 8 callers on the bench machine's cores.
    console.log(
      `${label.padEnd(46)} p50 ${ms(percentile(samples, 50))} p95 ${ms(p95)}  ${p95 <= limit ? "PASS" : "FAIL"} (≤ ${limit} ms)`,
    );
  }
  return ok;
}

async function importBench(pool: pg.Pool, run: AnyFn | null, viewer: unknown): Promise<boolean> {
  const material = await importMaterial(pool, "usr_east_channel");
  if (!run) {
    console.log(
      "[bench:channel] import: MISSING runChannelImport (lib/data/channel-sales/import.ts); the twin alone:",
    );
    const stamp = `BENCH${Date.now().toString(36)}`;
    const file = sellOutCsv(material, LINES, stamp, new Date());
    const twin = importTwin(url, file, `bench-twin-${stamp}`);
    console.log(
      `  twin COPY + INSERT … SELECT (psql), ${LINES.toLocaleString("en")} lines: ${(twin.ms / 1000).toFixed(1)} s [created|belowFloor ${twin.output}]`,
    );
    console.log(
      `  twin clean-up: ${await undoImport(pool, `bench-twin-${stamp}`, new Date(0))} lines removed`,
    );
    return false;
  }
  let ok = true;
  const growth: number[] = [];
  const liveGrowth: number[] = [];
  for (const lines of [...new Set([Math.min(20_000, LINES), LINES])]) {
    const stamp = `BENCH${Date.now().toString(36)}`;
    const file = sellOutCsv(material, lines, stamp, new Date());
    const since = new Date();
    const {
      value,
      ms: took,
      mem,
    } = await withMemory(() =>
      run(viewer, { kind: "SELL_OUT", fileName: `bench-${lines}.csv`, bytes: file.bytes }),
    );
    const result = value as {
      ok: boolean;
      batchId?: string;
      created?: number;
      conflicts?: number;
      opened?: unknown[];
      problem?: string;
      rejected?: number;
    };
    const seconds = took / 1000;
    const rssGrowth = (mem.rssPeak - mem.rssBefore) / 1024 / 1024;
    growth.push(rssGrowth);
    const pass = result.ok && seconds <= TARGET.importSeconds && rssGrowth < TARGET.importGrowthMb;
    ok &&= pass;
    console.log(
      `import ${lines.toLocaleString("en")} sell-out lines (${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; planted ${JSON.stringify(file.planted)}): ` +
        `${seconds.toFixed(1)} s, ${result.ok ? `created ${result.created}, detections ${result.conflicts}, cases opened ${result.opened?.length}` : `NOT IMPORTED: ${result.problem} ${result.rejected ?? ""}`}; ` +
        `${memoryLine(mem)}  ${pass ? "PASS" : "FAIL"} (≤ ${TARGET.importSeconds} s, growth < ${TARGET.importGrowthMb} MB)`,
    );
    if (result.batchId)
      console.log(`  clean-up: ${await undoImport(pool, result.batchId, since)} lines removed`);
    // Again with a full collection every second: what the import really holds, garbage apart.
    const again = sellOutCsv(material, lines, `${stamp}L`, new Date());
    const sinceLive = new Date();
    const live = await withMemory(
      () => run(viewer, { kind: "SELL_OUT", fileName: `bench-${lines}-live.csv`, bytes: again.bytes }),
      { liveEvery: 1000 },
    );
    liveGrowth.push((live.mem.livePeak! - live.mem.heapBefore) / 1024 / 1024);
    console.log(`  again, GC every 1 s (slower, not timed): ${memoryLine(live.mem)}`);
    const liveBatch = (live.value as { batchId?: string }).batchId;
    if (liveBatch) console.log(`  clean-up: ${await undoImport(pool, liveBatch, sinceLive)} lines removed`);
    if (lines === LINES) {
      const twinBatch = `bench-twin-${stamp}`;
      const twin = importTwin(url, file, twinBatch);
      console.log(
        `  twin COPY + INSERT … SELECT (psql): ${(twin.ms / 1000).toFixed(1)} s [created|belowFloor ${twin.output}]; ratio ${(took / twin.ms).toFixed(2)}`,
      );
      console.log(`  twin clean-up: ${await undoImport(pool, twinBatch, since)} lines removed`);
    }
  }
  if (growth.length === 2)
    console.log(
      `  memory: peak RSS growth ${growth[0]!.toFixed(0)} MB for 20,000 lines, ${growth[1]!.toFixed(0)} MB for ${LINES.toLocaleString("en")}; ` +
        `live heap growth ${liveGrowth[0]!.toFixed(0)} MB and ${liveGrowth[1]!.toFixed(0)} MB`,
    );
  return ok;
}

main()
  .then(async (pass) => {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    process.exit(pass ? 0 : 1);
  })
  .catch((error) => {
    console.error("[bench:channel] failed:", error);
    process.exit(1);
  });
