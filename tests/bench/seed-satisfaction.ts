// `npm run bench:satisfaction-seed`: the satisfaction bench data (tests/bench/bench-satisfaction.ts:
// 100,000 surveys, 250,000 links, 200,000 answers, 50,000 complaints with timelines, service plans on
// the A-tier accounts, every account's health when the checkout computes it) on a database holding
// the KPI bench data (`npm run bench:kpi-seed -- --fresh` makes keystone_bench_kpi).
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/keystone_bench_kpi npm run bench:satisfaction-seed
//       adds the data unless it is there already (then only health is computed if missing)
//   … -- --fresh       deletes the satisfaction bench rows first and writes them again
//   SURVEYS=… RESPONSES=… COMPLAINTS=… override the sizes.
import pg from "pg";
import { clearBenchSatisfaction, fillBenchSatisfaction, loadRecompute } from "./bench-satisfaction";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Usage: DATABASE_URL=…/keystone_bench_kpi npm run bench:satisfaction-seed [-- --fresh]");
  process.exit(1);
}
const started = performance.now();
const client = new pg.Client({ connectionString: url });
await client.connect();
const there = (
  await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Survey" WHERE id LIKE 'bench_srv_%'`)
).rows[0]!.n;
if (there && process.argv.includes("--fresh")) {
  const t = performance.now();
  await clearBenchSatisfaction(client);
  console.log(
    `[bench:satisfaction-seed] cleared the previous run in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
const keep = there > 0 && !process.argv.includes("--fresh");
if (keep) {
  const missing = (
    await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Account" WHERE id LIKE 'bench_acc_%' AND "healthScore" IS NULL`,
    )
  ).rows[0]!.n;
  await client.end();
  console.log(
    `[bench:satisfaction-seed] already there (${there.toLocaleString("en")} surveys); --fresh writes it again`,
  );
  const recompute = missing ? await loadRecompute() : null;
  if (recompute) {
    const t = performance.now();
    const r = await recompute({});
    // Fresh statistics, as autovacuum would take after a nightly run: the bands were all null.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`VACUUM ANALYZE "Account", "HealthSnapshot"`);
    await c.end();
    console.log(
      `[bench:satisfaction-seed] health of ${missing} accounts: ${JSON.stringify(r)} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } else if (missing)
    console.log(
      `[bench:satisfaction-seed] ${missing} accounts without health: recomputeHealthBatch is not in this checkout`,
    );
} else {
  await client.end();
  const r = await fillBenchSatisfaction(url, {
    surveys: Number(process.env.SURVEYS ?? 100_000),
    responses: Number(process.env.RESPONSES ?? 200_000),
    complaints: Number(process.env.COMPLAINTS ?? 50_000),
  });
  const n = (x: number) => x.toLocaleString("en");
  console.log(
    `[bench:satisfaction-seed] ${n(r.surveys)} surveys, ${n(r.invitations)} links, ${n(r.responses)} answers, ` +
      `${n(r.complaints)} complaints with ${n(r.events)} events, ${n(r.plans)} service plans with ${n(r.items)} items ` +
      `and ${n(r.deliveries)} deliveries in ${r.seconds.toFixed(1)} s; health: ${r.health}`,
  );
}
console.log(`[bench:satisfaction-seed] done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const { disconnectDb } = await import("@/lib/db");
await disconnectDb();
