// `npm run bench:satisfaction`: surveys, complaints and account health at scale (a report, not a
// test). On the KPI bench database with the satisfaction bench data (`bench:kpi-seed -- --fresh`,
// then `bench:satisfaction-seed`: 20,000 accounts, 200,000 answers, 50,000 complaints), prints p50/p95
// over --runs rounds, each beside its raw-SQL twin (tests/bench/satisfaction-sql.ts) with the ratio:
//   - the at-risk list (listAtRiskAccounts, lib/data/health/at-risk.ts) and the complaint queue
//     (listComplaintQueue, lib/data/complaints/queue.ts) for the director (every team), the East
//     China manager and a KAM: the default view, a filter, page 5 — and whether the app and the
//     twin return the same row ids in the same order;
//   - a survey answer (submitSurveyAnswer, lib/data/surveys/answer.ts) on fresh links;
//   - health recomputed for every account in batches (recomputeHealthBatch, lib/data/health/
//     recompute.ts): the total, per batch p50/p95/max and the longest transaction seen in
//     pg_stat_activity meanwhile, beside the twin's reads and writes (a lower bound);
//   - when a target is missed, EXPLAIN (ANALYZE, BUFFERS) of the slowest statement.
// Targets: lists and the answer p95 ≤ 100 ms; app ≤ 2× its SQL.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/keystone_bench_kpi npm run bench:satisfaction
//   … -- --runs=40   timed rounds (default 30, after 5 warm-up rounds)
//   … -- --only=lists|answer|health
import pg from "pg";
import { hasCapability } from "@/lib/domain/access";
import { percentile } from "./lib";
import {
  atRiskSql,
  queueSql,
  submitAnswerSql,
  type AtRiskQuery,
  type BenchViewer,
  type QueueQuery,
} from "./satisfaction-sql";
import {
  checkSameRows,
  explainSummary,
  optionalFn,
  seedFreshLinks,
  surveyPageWeight,
  watchLongestTransaction,
} from "./satisfaction-support";
import { healthRows } from "./satisfaction-health";

const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 30);
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.split("=")[1];
const LIST_MS = 100;
const ANSWER_MS = 100;
const MAX_RATIO = 2;

type Fn = () => Promise<unknown>;
type Timing = { p50: number; p95: number; max: number };
type Statement = { text: string; values: unknown[] };
export type Row = {
  label: string;
  app?: Fn;
  sql?: Fn;
  limit?: number;
  note?: string;
  /** The SQL side's statements, explained when the row misses its target. */
  explain?: Statement[];
};

async function time(fns: Fn[], runs: number): Promise<Timing[]> {
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round < 5 + runs; round++)
    for (const [i, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      if (round >= 5) samples[i]!.push(performance.now() - t);
    }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1)! };
  });
}

const ms = (n: number) => n.toFixed(1).padStart(8);
async function report(pool: pg.Pool, rows: Row[], runs: number): Promise<boolean> {
  let allPass = true;
  console.log(
    `${"operation".padEnd(46)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"sql p50".padStart(8)} ${"sql p95".padStart(8)}  ratio  verdict`,
  );
  for (const row of rows) {
    if (row.note) {
      console.log(`${row.label.padEnd(46)} ${row.note}`);
      continue;
    }
    const fns = [row.app, row.sql].filter((f): f is Fn => !!f);
    const t = await time(fns, runs);
    const a = row.app ? t[0]! : null;
    const s = row.sql ? t[row.app ? 1 : 0]! : null;
    const ratio = a && s ? a.p95 / s.p95 : null;
    const overLimit = row.limit !== undefined && (a ?? s)!.p95 > row.limit;
    const pass = !overLimit && (ratio === null || ratio <= MAX_RATIO);
    allPass &&= pass;
    console.log(
      `${row.label.padEnd(46)} ${a ? ms(a.p50) : "       —"} ${a ? ms(a.p95) : "       —"} ${s ? ms(s.p50) : "       —"} ${s ? ms(s.p95) : "       —"}  ${ratio === null ? "   — " : ratio.toFixed(2).padStart(5)}  ${pass ? "PASS" : "FAIL"}${row.limit ? ` (≤ ${row.limit} ms)` : ""}`,
    );
    if (!pass && row.explain) for (const st of row.explain) console.log(await explainSummary(pool, st));
  }
  return allPass;
}

type Viewer = import("@/lib/domain/access").Viewer;
type Who = { label: string; viewer: Viewer };

async function viewers(): Promise<Who[]> {
  const { loadViewer } = await import("@/lib/data/session");
  const load = async (id: string) => loadViewer(id, 0);
  // The KAM: bench_rep_000 (made a KAM of the 60-rep team by bench:satisfaction-seed), else a demo KAM.
  const kam = (await load("bench_rep_000")) ?? (await load("usr_east_kam1"));
  const out: Who[] = [];
  for (const [label, v] of [
    ["director", await load("usr_director")],
    ["manager", await load("usr_east_manager")],
    ["KAM", kam?.role === "KAM" ? kam : await load("usr_east_kam1")],
  ] as const)
    if (v) out.push({ label, viewer: v });
  return out;
}

let pageToken = "";
const PAGE_KB = 100;

async function pageWeight(): Promise<boolean> {
  const w = await surveyPageWeight(pageToken);
  if (!w) {
    console.log(`${"survey page first-load JS".padEnd(46)} not built in this checkout (app/s/[token])`);
    return true;
  }
  const pass = w.gzip / 1000 <= PAGE_KB;
  console.log(
    `${"survey page first-load JS (gzip)".padEnd(46)} ${(w.gzip / 1000).toFixed(1)} kB in ${w.scripts} script(s)` +
      `${w.files.length ? ` (${w.files.join(", ")})` : ", inline only"}; the HTML ${(w.html / 1000).toFixed(1)} kB gzip  ${pass ? "PASS" : "FAIL"} (≤ ${PAGE_KB} kB)`,
  );
  return pass;
}

const benchViewer = (v: Viewer): BenchViewer => ({
  id: v.id,
  visibleTeamIds: v.visibleTeamIds,
  ownAccountsOnly: !hasCapability(v, "kpi.team"),
});

async function listRows(pool: pg.Pool, who: Who[]): Promise<Row[]> {
  const out: Row[] = [];
  const runSql = (sts: Statement[]) => Promise.all(sts.map((s) => pool.query(s.text, s.values)));
  const atRisk = await optionalFn("lib/data/health/at-risk.ts", "listAtRiskAccounts");
  const queue = await optionalFn("lib/data/complaints/queue.ts", "listComplaintQueue");
  // The at-risk list has no pages (the 200 weakest); "both bands" is its biggest view.
  const atRiskQueries: [string, AtRiskQuery][] = [
    ["default", { band: "AT_RISK", tier: [] }],
    ["tier A", { band: "AT_RISK", tier: ["A"] }],
    ["both bands", { band: "BOTH", tier: [] }],
  ];
  const queueQueries: [string, QueueQuery][] = [
    ["default", {}],
    ["open + breached", { open: "1", breached: "1" }],
    ["page 5", { page: 5 }],
  ];
  const now = new Date();
  for (const { label, viewer } of who) {
    for (const [name, q] of atRiskQueries) {
      const sts = atRiskSql(benchViewer(viewer), q);
      const row: Row = {
        label: `at-risk ${label} ${name}`,
        sql: () => runSql(sts),
        limit: LIST_MS,
        explain: sts,
      };
      if (atRisk.fn) {
        row.app = () => atRisk.fn!(viewer, q);
        console.log(
          await checkSameRows(
            row.label,
            await row.app(),
            (await pool.query(sts[0]!.text, sts[0]!.values)).rows,
          ),
        );
      }
      out.push(row);
    }
    for (const [name, q] of queueQueries) {
      const sts = queueSql(benchViewer(viewer), q, now);
      const row: Row = {
        label: `complaint queue ${label} ${name}`,
        sql: () => runSql(sts),
        limit: LIST_MS,
        explain: sts,
      };
      if (queue.fn) {
        row.app = () => queue.fn!(viewer, q, now);
        console.log(
          await checkSameRows(
            row.label,
            await row.app(),
            (await pool.query(sts[0]!.text, sts[0]!.values)).rows,
          ),
        );
      }
      out.push(row);
    }
  }
  if (!atRisk.fn) out.push({ label: "listAtRiskAccounts (app)", note: atRisk.why });
  if (!queue.fn) out.push({ label: "listComplaintQueue (app)", note: queue.why });
  return out;
}

async function answerRows(
  pool: pg.Pool,
  url: string,
): Promise<{ rows: Row[]; cleanup: () => Promise<void> }> {
  const submit = await optionalFn("lib/data/surveys/answer.ts", "submitSurveyAnswer");
  const links = await seedFreshLinks(url, 2 * (RUNS + 5) + 1);
  pageToken = links.tokens.at(-1)!;
  const appTokens = links.tokens.slice(0, RUNS + 5);
  const sqlTokens = links.tokens.slice(RUNS + 5);
  let a = 0;
  let s = 0;
  const now = () => new Date();
  const row: Row = {
    label: "survey answer submitted (NPS 9 + text)",
    limit: ANSWER_MS,
    sql: async () => {
      const client = await pool.connect();
      try {
        const i = s++;
        await submitAnswerSql(client, {
          token: sqlTokens[i % sqlTokens.length]!,
          ip: `10.2.${i >> 8}.${i & 255}`,
          now: now(),
          answers: { nps: 9, reason: "交付准时，服务专业" },
        });
      } finally {
        client.release();
      }
    },
  };
  // What follows a saved answer (low-score follow-up, health) runs after the reply, as the route's
  // after() does: collected here and run untimed once the timing is done.
  const followOns: (() => Promise<void>)[] = [];
  if (submit.fn)
    row.app = async () => {
      const i = a++;
      const result = await submit.fn!({
        token: appTokens[i % appTokens.length]!,
        raw: { nps: "9", reason: "交付准时，服务专业" },
        ip: `10.1.${i >> 8}.${i & 255}`,
        now: now(),
        afterResponse: (task: () => Promise<void>) => followOns.push(task),
      });
      if (i === 0)
        console.log(
          `[bench:satisfaction] submitSurveyAnswer's first result: ${JSON.stringify(result).slice(0, 160)}`,
        );
    };
  const rows = [row];
  if (!submit.fn) rows.push({ label: "submitSurveyAnswer (app)", note: submit.why });
  const cleanup = async () => {
    const started = performance.now();
    for (const task of followOns.splice(0)) await task();
    console.log(
      `[bench:satisfaction] the answers' follow-on work (low score, health), after the reply: ${(performance.now() - started).toFixed(0)} ms in all`,
    );
    await links.cleanup();
  };
  return { rows, cleanup };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "Set DATABASE_URL to the bench database (keystone_bench_kpi with bench:satisfaction-seed run on it).",
    );
    process.exit(1);
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let pass = true;
  let cleanup = async () => {};
  try {
    const sizes = (
      await pool.query(
        `SELECT (SELECT count(*) FROM "Account" WHERE "deletedAt" IS NULL)::int AS accounts,
                (SELECT count(*) FROM "SurveyResponse")::int AS answers,
                (SELECT count(*) FROM "Complaint")::int AS complaints,
                (SELECT count(*) FROM "Complaint" WHERE status <> 'CLOSED')::int AS "openComplaints",
                (SELECT count(*) FROM "Account" WHERE "healthBand" = 'AT_RISK')::int AS "atRisk",
                (SELECT count(*) FROM "Account" WHERE "healthComputedAt" IS NULL)::int AS "noHealth"`,
      )
    ).rows[0];
    if (!sizes.answers) throw new Error("no survey answers: run npm run bench:satisfaction-seed first");
    const who = await viewers();
    console.log(
      `[bench:satisfaction] PostgreSQL: ${JSON.stringify(sizes)}; viewers ${who.map((w) => `${w.label}=${w.viewer.id} (${w.viewer.visibleTeamIds === "all" ? "all" : w.viewer.visibleTeamIds.length} teams)`).join(", ")}; ${RUNS} rounds`,
    );
    const rows: Row[] = [];
    if (!ONLY || ONLY === "lists") rows.push(...(await listRows(pool, who)));
    if (!ONLY || ONLY === "answer") {
      const answer = await answerRows(pool, url);
      rows.push(...answer.rows);
      cleanup = answer.cleanup;
    }
    pass = await report(pool, rows, RUNS);
    if (pageToken) pass = (await pageWeight()) && pass;
    if (!ONLY || ONLY === "health") pass = (await healthRows(pool, url, watchLongestTransaction)) && pass;
    console.log(
      `Targets: lists and the answer p95 ≤ ${LIST_MS} ms, app ≤ ${MAX_RATIO}× its SQL; health in batches, no long transaction.`,
    );
  } finally {
    await cleanup();
    await pool.end();
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  }
  process.exit(pass ? 0 : 1);
}
