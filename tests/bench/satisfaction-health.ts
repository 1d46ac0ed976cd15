// The health part of `npm run bench:satisfaction`: every account's health recomputed in batches by
// recomputeHealthBatch (lib/data/health/recompute.ts) and by its SQL twin (healthBatchSql: the same
// reads, one UPDATE a batch — a lower bound, as it builds no explanation and writes no snapshot),
// each with the total, per-batch p50/p95/max and the longest transaction seen meanwhile.
import type pg from "pg";
import { percentile } from "./lib";
import { loadRecompute } from "./bench-satisfaction";
import { healthBatchSql } from "./satisfaction-sql";
import type { watchLongestTransaction } from "./satisfaction-support";

const BATCH = Number(process.argv.find((a) => a.startsWith("--batch="))?.split("=")[1] ?? 500);
const MAX_RATIO = 2;

type Summary = { totalMs: number; batches: number[]; longestMs: number };

function line(label: string, s: Summary): string {
  const b = [...s.batches].sort((x, y) => x - y);
  return (
    `${label.padEnd(34)} total ${(s.totalMs / 1000).toFixed(2).padStart(7)} s  ${String(b.length).padStart(4)} batches  ` +
    `batch p50 ${percentile(b, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(b, 95).toFixed(0).padStart(5)} ms  ` +
    `max ${(b.at(-1) ?? NaN).toFixed(0).padStart(5)} ms  longest transaction ${s.longestMs.toFixed(0).padStart(5)} ms`
  );
}

export async function healthRows(
  pool: pg.Pool,
  url: string,
  watch: typeof watchLongestTransaction,
): Promise<boolean> {
  const now = new Date();
  const accounts = (
    await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Account" WHERE "deletedAt" IS NULL`)
  ).rows[0]!.n;
  console.log(`\nhealth recomputation of ${accounts.toLocaleString("en")} accounts, batches of ${BATCH}:`);

  // The twin first: its UPDATE rewrites score and band as they were, so the app's run finds the
  // state it would find on any night (a snapshot only where something moved).
  const twinBatches: number[] = [];
  const t0 = performance.now();
  const twin = await watch(url, async () => {
    const client = await pool.connect();
    try {
      let after = "";
      for (;;) {
        const t = performance.now();
        const ids = await healthBatchSql(client, after, BATCH, now);
        twinBatches.push(performance.now() - t);
        if (ids.length < BATCH) break;
        after = ids.at(-1)!;
      }
    } finally {
      client.release();
    }
  });
  const sql: Summary = { totalMs: performance.now() - t0, batches: twinBatches, longestMs: twin.longestMs };

  const recompute = await loadRecompute();
  if (!recompute) {
    console.log(line("SQL twin (same reads, 1 UPDATE)", sql));
    console.log(
      `${"recomputeHealthBatch (app)".padEnd(34)} not built in this checkout (lib/data/health/recompute.ts)`,
    );
    return false;
  }
  const appBatches: number[] = [];
  let last = 0;
  const t1 = performance.now();
  last = t1;
  let firstBatch: unknown;
  const app = await watch(url, () =>
    recompute({
      batchSize: BATCH,
      now,
      onBatch: (b: unknown) => {
        const t = performance.now();
        appBatches.push(t - last);
        last = t;
        firstBatch ??= b;
      },
    }),
  );
  const appSummary: Summary = {
    totalMs: performance.now() - t1,
    batches: appBatches,
    longestMs: app.longestMs,
  };
  console.log(line("recomputeHealthBatch (app)", appSummary));
  console.log(line("SQL twin (same reads, 1 UPDATE)", sql));
  console.log(
    `  app result ${JSON.stringify(app.result).slice(0, 160)}; first onBatch ${JSON.stringify(firstBatch).slice(0, 120)}`,
  );
  if (!appBatches.length) console.log("  onBatch was never called: per-batch times are unknown");
  const ratio = appSummary.totalMs / sql.totalMs;
  const pass = ratio <= MAX_RATIO;
  console.log(
    `  ratio app/SQL total ${ratio.toFixed(2)}  ${pass ? "PASS" : "FAIL"} (≤ ${MAX_RATIO}× the twin, a lower bound)`,
  );
  return pass;
}
