// `npm run bench:channel-seed`: the distributor-channel bench data (tests/bench/bench-channel.ts:
// 2,000 distributors, 5,000,000 sell-out and 600,000 sell-in lines over three years with their
// month rollup, 60,000 invoices with payments, the planted conflict cases, scorecards) in a
// database of its own.
//
//   npm run bench:channel-seed
//       creates database keystone_bench_channel on postgresql://postgres@127.0.0.1:5432 (dropped
//       first if there; DATABASE_URL names another server, BENCH_DB another name), migrates it,
//       seeds the demo company and the channel bench data, and keeps it; prints each step's time
//   DATABASE_URL=… npm run bench:channel-seed -- --existing
//       adds the channel bench data to the migrated, demo-seeded database at DATABASE_URL
//   DISTRIBUTORS=… SELL_OUT=… SELL_IN=… INVOICES=… change the sizes.
import pg from "pg";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { fillBenchChannel } from "./bench-channel";

const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const existing = process.argv.includes("--existing");
if (existing && !process.env.DATABASE_URL) {
  console.error("Usage: DATABASE_URL=… npm run bench:channel-seed -- --existing (the database to add to)");
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
if (!existing) {
  const name = process.env.BENCH_DB ?? "keystone_bench_channel";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DB: not a plain name: ${name}`);
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  await sql(admin.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(admin.toString(), `CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  url = u.toString();
  const t = performance.now();
  await migrateDeploy(url, { quiet: true });
  const db = createDb(url, 2);
  await seedDemo(db);
  await db.$disconnect();
  console.log(`[bench:channel-seed] ${url}: migrated and demo-seeded in ${seconds(t)} s`);
}
const size = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const r = await fillBenchChannel(url, {
  distributors: size("DISTRIBUTORS"),
  sellOut: size("SELL_OUT"),
  sellIn: size("SELL_IN"),
  invoices: size("INVOICES"),
});
console.log(
  `[bench:channel-seed] ${Object.entries(r.counts)
    .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
    .join(", ")}`,
);
console.log(
  `[bench:channel-seed] channel data in ${r.seconds.toFixed(0)} s; all in ${seconds(started)} s` +
    (existing ? "" : `; kept: ${url}`),
);
