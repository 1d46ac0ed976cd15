// `npm run bench:visits-seed`: the visit bench data (tests/bench/bench-visits.ts: 200 reps,
// 1,000,000 visit records, 200,000 plans over three years, follow-ups, last contact and due dates).
//
//   DATABASE_URL=… npm run bench:visits-seed -- --existing
//       adds it to an existing bench database (migrated, demo-seeded; the 20,000 bench accounts
//       are added first if it has none — e.g. one `npm run bench:seed` filled)
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:visits-seed -- --fresh
//       creates database keystone_bench_visits on that server (dropped first if there), migrates it,
//       seeds the demo company, the 20,000 accounts, the 30,000 deals and the visits, and keeps it
//       for the visit benchmark; prints its URL and the time of each step
//   RECORDS=… PLANS=… REPS=… override the sizes.
import pg from "pg";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { fillBenchData, fillBenchDeals } from "./bench-data";
import { fillBenchVisits } from "./bench-visits";

const serverUrl = process.env.DATABASE_URL;
const fresh = process.argv.includes("--fresh");
if (!serverUrl || (!fresh && !process.argv.includes("--existing"))) {
  console.error("Usage: DATABASE_URL=… npm run bench:visits-seed -- --existing | --fresh");
  process.exit(1);
}

async function hasBenchAccounts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM "Account" WHERE id LIKE 'bench_acc_%' LIMIT 1`);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

const started = performance.now();
let url = serverUrl;
if (fresh) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS keystone_bench_visits WITH (FORCE)`);
  await admin.query(`CREATE DATABASE keystone_bench_visits`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = "/keystone_bench_visits";
  url = u.toString();
  await migrateDeploy(url, { quiet: true });
  const db = createDb(url, 2);
  await seedDemo(db);
  await db.$disconnect();
  console.log(`[bench:visits-seed] ${url}: migrated and demo-seeded`);
}
if (!(await hasBenchAccounts(url))) {
  const a = await fillBenchData(url, { accounts: 20_000, contactsPerAccount: 5 });
  console.log(
    `[bench:visits-seed] ${a.accounts} accounts, ${a.contacts} contacts in ${a.seconds.toFixed(1)} s`,
  );
  if (fresh) {
    const d = await fillBenchDeals(url, { deals: 30_000, openInHeavyTeam: 2_000 });
    console.log(`[bench:visits-seed] ${d.deals} deals in ${d.seconds.toFixed(1)} s`);
  }
}
const v = await fillBenchVisits(url, {
  records: Number(process.env.RECORDS ?? 1_000_000),
  plans: Number(process.env.PLANS ?? 200_000),
  reps: Number(process.env.REPS ?? 200),
});
console.log(
  `[bench:visits-seed] ${v.reps} reps (${v.heavyTeamReps} in ${v.heavyTeam}), ${v.records.toLocaleString("en")} records, ` +
    `${v.plans.toLocaleString("en")} plans, ${v.followUps.toLocaleString("en")} follow-ups, ` +
    `${v.overdueAccounts.toLocaleString("en")} bench accounts overdue; visits in ${v.seconds.toFixed(0)} s, ` +
    `all in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
if (fresh) console.log(`[bench:visits-seed] kept: ${url}`);
