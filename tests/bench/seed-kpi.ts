// `npm run bench:kpi-seed`: the KPI bench data (tests/bench/bench-kpi.ts: 2,000,000 ledger lines,
// three years of targets for every team and person, budgets for every team) on top of the visit
// bench data (1,000,000 visits, 30,000 deals, 200 reps).
//
//   DATABASE_URL=… npm run bench:kpi-seed -- --existing
//       adds it to a database that already holds the visit bench data (`bench:visits-seed`)
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:kpi-seed -- --fresh
//       creates database keystone_bench_kpi on that server (dropped first if there; BENCH_DB=…
//       names another), migrates it, seeds the demo company, the 20,000 accounts, the 30,000
//       deals, the visits and the KPI data, and keeps it; prints the time of each step
//   LINES=… RECORDS=… override the sizes.
import pg from "pg";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { fillBenchData, fillBenchDeals } from "./bench-data";
import { fillBenchVisits } from "./bench-visits";
import { fillBenchKpi } from "./bench-kpi";

const serverUrl = process.env.DATABASE_URL;
const fresh = process.argv.includes("--fresh");
if (!serverUrl || (!fresh && !process.argv.includes("--existing"))) {
  console.error("Usage: DATABASE_URL=… npm run bench:kpi-seed -- --existing | --fresh");
  process.exit(1);
}

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const started = performance.now();
let url = serverUrl;
if (fresh) {
  const name = process.env.BENCH_DB ?? "keystone_bench_kpi";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DB: not a plain name: ${name}`);
  await sql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(serverUrl, `CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  url = u.toString();
  let t = performance.now();
  await migrateDeploy(url, { quiet: true });
  const db = createDb(url, 2);
  await seedDemo(db);
  await db.$disconnect();
  console.log(`[bench:kpi-seed] ${url}: migrated and demo-seeded in ${seconds(t)} s`);
  t = performance.now();
  const a = await fillBenchData(url, { accounts: 20_000, contactsPerAccount: 5 });
  console.log(`[bench:kpi-seed] ${a.accounts} accounts, ${a.contacts} contacts in ${a.seconds.toFixed(1)} s`);
  const d = await fillBenchDeals(url, { deals: 30_000, openInHeavyTeam: 2_000 });
  console.log(`[bench:kpi-seed] ${d.deals} deals in ${d.seconds.toFixed(1)} s`);
  // The visit rollup trigger would upsert once per record: user triggers off for the load (the
  // foreign-key checks stay), the rollups rebuilt below.
  await sql(url, `ALTER TABLE "VisitRecord" DISABLE TRIGGER USER`);
  try {
    const v = await fillBenchVisits(url, {
      records: Number(process.env.RECORDS ?? 1_000_000),
      plans: Number(process.env.PLANS ?? 200_000),
      reps: Number(process.env.REPS ?? 200),
    });
    console.log(
      `[bench:kpi-seed] ${v.reps} reps, ${v.records.toLocaleString("en")} visit records in ${v.seconds.toFixed(0)} s`,
    );
  } finally {
    await sql(url, `ALTER TABLE "VisitRecord" ENABLE TRIGGER USER`);
  }
}
const k = await fillBenchKpi(url, { lines: Number(process.env.LINES ?? 2_000_000) });
console.log(
  `[bench:kpi-seed] ${k.lines.toLocaleString("en")} ledger lines, ${k.rollupRows.toLocaleString("en")} month-rollup rows, ` +
    `${k.targets.toLocaleString("en")} targets, ${k.budgets.toLocaleString("en")} budgets in ${k.seconds.toFixed(0)} s; ` +
    `all in ${seconds(started)} s`,
);
if (fresh) console.log(`[bench:kpi-seed] kept: ${url}`);
