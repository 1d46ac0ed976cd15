// The receivables ageing at scale (a report, not a test): 2,000 distributors and 60,000 invoices
// (30 each, a third paid), timed through the data layer (receivablesAgeing) and as the same
// statement sent straight through pg, for an administrator (everything), a manager (a team) and a
// channel manager (their territories). Prints p50/p95 and app/SQL. Targets: p95 ≤ 100 ms, ≤ 2× SQL.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx tsx --conditions=react-server tests/bench/receivables.ts --fresh
//       creates keystone_bench_receivables (dropped first), migrates, demo-seeds, adds the bench rows
//   DATABASE_URL=<that database> npx tsx --conditions=react-server tests/bench/receivables.ts
//       times an existing one
import pg from "pg";
import { percentile } from "./lib";

const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 40);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "Usage: DATABASE_URL=… npx tsx --conditions=react-server tests/bench/receivables.ts [--fresh]",
  );
  process.exit(1);
}

let url = serverUrl;
if (process.argv.includes("--fresh")) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS keystone_bench_receivables WITH (FORCE)`);
  await admin.query(`CREATE DATABASE keystone_bench_receivables`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = "/keystone_bench_receivables";
  url = u.toString();
  const { migrateDeploy } = await import("../../scripts/lib/migrate");
  await migrateDeploy(url, { quiet: true });
  const { createDb } = await import("@/lib/db");
  const { seedDemo } = await import("@/prisma/seed");
  const seeded = createDb(url, 2);
  await seedDemo(seeded);
  await seeded.$disconnect();
  await fill(url);
  console.log(`[bench:receivables] kept: ${url}`);
}
// The data layer reads DATABASE_URL when it is first imported.
process.env.DATABASE_URL = url;

async function fill(target: string) {
  const c = new pg.Client({ connectionString: target });
  await c.connect();
  const t0 = performance.now();
  // Bench distributors take the demo distributors' territories, owners and teams in turn.
  await c.query(`
    WITH combos AS (
      SELECT (row_number() OVER (ORDER BY id)) - 1 AS k, "territoryId", "ownerId", "teamId"
      FROM "Distributor" WHERE id LIKE 'dst_%'),
    n AS (SELECT COUNT(*) AS c FROM combos)
    INSERT INTO "Distributor" (id, code, name, kind, "territoryId", "ownerId", "teamId", stage, "creditLimit", "updatedAt")
    SELECT 'bench_dst_' || g, 'QB-' || lpad(g::text, 5, '0'), '基准经销商' || g, 'DEALER',
      c."territoryId", c."ownerId", c."teamId", 'SIGNED', ((g % 50) + 5)::bigint * 10000000, now()
    FROM generate_series(1, 2000) g JOIN combos c ON c.k = g % (SELECT c FROM n)`);
  await c.query(`
    INSERT INTO "ChannelInvoice" (id, "invoiceNo", "distributorId", "issuedOn", "dueOn", amount, "paidAmount",
      status, "teamId", "ownerId", "updatedAt")
    SELECT 'bench_inv_' || d.n || '_' || i, 'YB-' || d.n || '-' || i, d.id,
      current_date - (i * 9 + 30), current_date - (i * 9), 1000000 + (i * 7919) % 500000,
      CASE WHEN (d.n + i) % 3 = 0 THEN 1000000 + (i * 7919) % 500000 ELSE 0 END,
      (CASE WHEN (d.n + i) % 3 = 0 THEN 'PAID' ELSE 'OPEN' END)::"ChannelInvoiceStatus",
      d."teamId", d."ownerId", now()
    FROM (SELECT id, "teamId", "ownerId", row_number() OVER (ORDER BY id) AS n
          FROM "Distributor" WHERE id LIKE 'bench_dst_%') d
    CROSS JOIN generate_series(-2, 27) i`);
  await c.query(`ANALYZE "Distributor"; ANALYZE "ChannelInvoice"`);
  const { rows } = await c.query(`SELECT COUNT(*)::int AS n FROM "ChannelInvoice"`);
  console.log(
    `[bench:receivables] ${rows[0].n} invoices in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await c.end();
}

const { viewerFor } = await import("../integration/helpers");
const { receivablesAgeing } = await import("@/lib/data/receivables/ageing");
const { channelTerritoryIds } = await import("@/lib/data/distributors/scope");
const { chinaDate } = await import("@/lib/domain/calendar");

const client = new pg.Client({ connectionString: url });
await client.connect();
const asOf = chinaDate(new Date());

/** The ageing statement written out, with the scope as the data layer would build it. */
function ageingSql(scope: string): string {
  const open = `(i.amount - i."paidAmount")`;
  const dpd = `($1::date - i."dueOn")`;
  return `
    SELECT json_agg(json_build_array(g.id, g.code, g.name, g."creditLimit"::text, g.invoices,
        g."notDue"::text, g."d0_30"::text, g."d31_60"::text, g."d61_90"::text, g."d90plus"::text, g.overdue::text)
      ORDER BY g.open DESC, g.code) AS rows
    FROM (
      SELECT d.id, d.code, d.name, d."creditLimit", COUNT(*)::int AS invoices, SUM(${open}) AS open,
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} < 0), 0) AS "notDue",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= 0 AND ${dpd} < 31), 0) AS "d0_30",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= 31 AND ${dpd} < 61), 0) AS "d31_60",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= 61 AND ${dpd} < 91), 0) AS "d61_90",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= 91), 0) AS "d90plus",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= 1), 0) AS overdue
      FROM "ChannelInvoice" i JOIN "Distributor" d ON d.id = i."distributorId"
      WHERE i.status = 'OPEN' AND i."deletedAt" IS NULL AND d."deletedAt" IS NULL AND ${scope}
      GROUP BY d.id) g`;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let k = 0; k < 5; k++) await fn();
  const out: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

const cases = [
  { label: "administrator (all 2,040)", userId: "usr_admin" },
  { label: "East manager (team)", userId: "usr_east_manager" },
  { label: "East channel manager (territories)", userId: "usr_east_channel" },
];
let failed = false;
for (const c of cases) {
  const viewer = await viewerFor(c.userId);
  let scope = "TRUE";
  const params: unknown[] = [asOf];
  if (viewer.visibleTeamIds !== "all") {
    params.push(viewer.id);
    if (viewer.role === "CHANNEL_MANAGER") {
      params.push(await channelTerritoryIds(viewer));
      scope = `(d."ownerId" = $2 OR d."territoryId" = ANY($3::text[]))`;
    } else {
      params.push([...viewer.visibleTeamIds]);
      scope = `(d."ownerId" = $2 OR d."teamId" = ANY($3::text[]))`;
    }
  }
  const text = ageingSql(scope);
  const sql = await time(() => client.query(text, params));
  const app = await time(() => receivablesAgeing(viewer));
  const rows = (await receivablesAgeing(viewer)).distributors.length;
  const [s95, a95] = [percentile(sql, 95), percentile(app, 95)];
  const ratio = a95 / s95;
  const ok = a95 <= 100 && ratio <= 2;
  failed ||= !ok;
  console.log(
    `${ok ? "ok  " : "SLOW"} ${c.label.padEnd(36)} ${String(rows).padStart(5)} distributors  ` +
      `app p50 ${percentile(app, 50).toFixed(1)} p95 ${a95.toFixed(1)} ms · SQL p50 ${percentile(sql, 50).toFixed(1)} p95 ${s95.toFixed(1)} ms · ×${ratio.toFixed(2)}`,
  );
}
await client.end();
const { disconnectDb } = await import("@/lib/db");
await disconnectDb();
process.exit(failed ? 1 : 0);
