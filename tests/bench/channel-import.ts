// The import half of `npm run bench:channel` (tests/bench/channel.ts): a generated sell-out CSV
// (with planted below-floor, cross-territory and key-account lines) imported end to end through
// runChannelImport as a channel manager, timed, with the process's memory sampled every 100 ms;
// the same file through COPY into a temporary table + INSERT … SELECT (psql) as the twin. Every
// run's rows (lines, rollup amounts, evidence, the cases it opened, their events, notifications
// and audit rows, the batch) are removed after it, so runs repeat on the same data.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import { IMPORT_TWIN } from "./channel-sql";

export type ImportFile = { bytes: Uint8Array; lines: number; planted: Record<string, number> };

type Pick = { code: string; home: string; territory: string };

/** The importer's distributors (signed, in their scope), territories to stray into, key accounts. */
export async function importMaterial(pool: pg.Pool, channelManagerId: string) {
  const distributors = (
    await pool.query<Pick>(
      `WITH RECURSIVE t AS (
         SELECT "territoryId" AS id FROM "ChannelTerritoryAssignment" WHERE "userId" = $1
         UNION SELECT c.id FROM "Territory" c JOIN t ON c."parentId" = t.id)
       SELECT d.code, d."territoryId" AS home, r.name AS territory
       FROM "Distributor" d JOIN "Territory" r ON r.id = d."territoryId"
       WHERE d.id LIKE 'bench_dst_%' AND d.stage = 'SIGNED' AND d."territoryId" IN (SELECT id FROM t)
       ORDER BY d.code LIMIT 200`,
      [channelManagerId],
    )
  ).rows;
  // Cities with an active exclusive distributor: a sale there by another is 区域窜货.
  const exclusive = (
    await pool.query<{ id: string; name: string }>(
      `SELECT t.id, t.name FROM "DistributorTerritory" x JOIN "Territory" t ON t.id = x."territoryId"
       WHERE x.exclusive AND x.active AND x."deletedAt" IS NULL ORDER BY t.code LIMIT 50`,
    )
  ).rows;
  const accounts = (
    await pool.query<{ name: string; creditCode: string }>(
      `SELECT name, "creditCode" FROM "Account" WHERE "deletedAt" IS NULL AND "creditCode" IS NOT NULL
         AND "accountType" = 'END_CUSTOMER' AND lifecycle <> 'LOST' ORDER BY id LIMIT 20`,
    )
  ).rows;
  const products = (
    await pool.query<{ code: string; listPrice: string }>(
      `SELECT code, "listPrice"::text FROM "Product" ORDER BY code`,
    )
  ).rows;
  if (!distributors.length)
    throw new Error(`no signed bench distributor in ${channelManagerId}'s territories`);
  return { distributors, exclusive, accounts, products };
}

const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;

/**
 * `lines` sell-out rows over the last 90 days, document numbers unique to `stamp`. One line in
 * 200 below the 80 % floor, one in 400 in another distributor's exclusive city, one in 500 to a
 * key account (by name and credit code).
 */
export function sellOutCsv(
  m: Awaited<ReturnType<typeof importMaterial>>,
  lines: number,
  stamp: string,
  today: Date,
): ImportFile {
  const planted = { belowFloor: 0, crossTerritory: 0, keyAccount: 0 };
  const out: string[] = [
    "Distributor code,Document number,Line,Date,End customer,Unified social credit code,Region,Product code,Quantity,Unit price (yuan)",
  ];
  for (let n = 0; n < lines; n++) {
    const d = m.distributors[n % m.distributors.length]!;
    const p = m.products[(n * 7) % m.products.length]!;
    const list = BigInt(p.listPrice);
    let price = (list * BigInt(85 + (n % 16))) / 100n;
    let region = d.territory;
    let customer = `终端客户${n % 5000}`;
    let credit = "";
    if (n % 200 === 17 && p.code !== "CBL-ENC") {
      price = (list * 70n) / 100n;
      planted.belowFloor++;
    } else if (n % 400 === 33 && m.exclusive.length) {
      const t = m.exclusive[n % m.exclusive.length]!;
      if (t.id !== d.home) {
        region = t.name;
        planted.crossTerritory++;
      }
    } else if (n % 500 === 49 && m.accounts.length) {
      const a = m.accounts[n % m.accounts.length]!;
      customer = a.name;
      credit = a.creditCode;
      planted.keyAccount++;
    }
    const day = new Date(today.getTime() - (1 + (n % 90)) * 86_400_000).toISOString().slice(0, 10);
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    out.push(
      [
        d.code,
        `${stamp}-${n}`,
        "1",
        day,
        q(customer),
        credit,
        q(region),
        p.code,
        String(1 + (n % 20)),
        yuan(price),
      ].join(","),
    );
  }
  return { bytes: new TextEncoder().encode(out.join("\n") + "\n"), lines, planted };
}

/** A full collection before measuring, so "before" is the live heap (V8's gc, exposed at run time). */
function fullGc(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

const MB = (b: number) => (b / 1024 / 1024).toFixed(0);

export type MemoryReport = {
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
  heapBefore: number;
  heapPeak: number;
  heapAfter: number;
  /** With `liveEvery`: the highest heap right after a full collection (what is really held). */
  livePeak?: number;
};

/**
 * Runs `fn` with the process's RSS and heap sampled every 100 ms; with `liveEvery` (ms) also a
 * full collection that often, so the peak of what is really held shows apart from garbage not yet
 * collected (that run is slower: time it without).
 */
export async function withMemory<T>(
  fn: () => Promise<T>,
  opts: { liveEvery?: number } = {},
): Promise<{ value: T; ms: number; mem: MemoryReport }> {
  fullGc();
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  let heapPeak = before.heapUsed;
  let livePeak = before.heapUsed;
  let ticks = 0;
  const every = opts.liveEvery ? Math.max(1, Math.round(opts.liveEvery / 100)) : 0;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
    if (every && ++ticks % every === 0) {
      fullGc();
      livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
    }
  }, 100);
  const t = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t;
    const after = process.memoryUsage();
    rssPeak = Math.max(rssPeak, after.rss);
    heapPeak = Math.max(heapPeak, after.heapUsed);
    return {
      value,
      ms,
      mem: {
        rssBefore: before.rss,
        rssPeak,
        rssAfter: after.rss,
        heapBefore: before.heapUsed,
        heapPeak,
        heapAfter: after.heapUsed,
        ...(every ? { livePeak } : {}),
      },
    };
  } finally {
    clearInterval(timer);
  }
}

export const memoryLine = (m: MemoryReport) =>
  `RSS ${MB(m.rssBefore)} → peak ${MB(m.rssPeak)} → ${MB(m.rssAfter)} MB (growth ${MB(m.rssPeak - m.rssBefore)} MB); ` +
  `heap ${MB(m.heapBefore)} → peak ${MB(m.heapPeak)} → ${MB(m.heapAfter)} MB (growth ${MB(m.heapPeak - m.heapBefore)} MB)` +
  (m.livePeak === undefined
    ? ""
    : `; live heap after GC peak ${MB(m.livePeak)} MB (growth ${MB(m.livePeak - m.heapBefore)} MB)`);

/** Removes what an import (batch `batchId`, started at `since`) wrote; returns the lines removed. */
export async function undoImport(pool: pg.Pool, batchId: string, since: Date): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query(
      `CREATE TEMP TABLE gone ON COMMIT DROP AS
         SELECT id, "distributorId", "productId", date_trunc('month', "soldOn")::date AS m, quantity, amount
         FROM "SellOutLine" WHERE "importBatchId" = $1`,
      [batchId],
    );
    await c.query(
      `UPDATE "ChannelMonthRollup" r SET "sellOutQty" = r."sellOutQty" - g.q, "sellOutAmount" = r."sellOutAmount" - g.a
       FROM (SELECT m, "distributorId", "productId", SUM(quantity) AS q, SUM(amount) AS a FROM gone GROUP BY 1, 2, 3) g
       WHERE r.month = g.m AND r."distributorId" = g."distributorId" AND r."productId" = g."productId"`,
    );
    // Rollup rows the import created (nothing else in them) go too.
    await c.query(
      `DELETE FROM "ChannelMonthRollup" r USING (SELECT DISTINCT m, "distributorId", "productId" FROM gone) g
       WHERE r.month = g.m AND r."distributorId" = g."distributorId" AND r."productId" = g."productId"
         AND r."sellInQty" = 0 AND r."sellInAmount" = 0 AND r."sellOutQty" = 0 AND r."sellOutAmount" = 0`,
    );
    await c.query(
      `CREATE TEMP TABLE gone_cases ON COMMIT DROP AS
         SELECT e."conflictId" AS id, count(*)::int AS n, SUM(g.amount)::bigint AS a
         FROM "ChannelConflictEvidence" e JOIN gone g ON g.id = e."sellOutLineId" GROUP BY 1`,
    );
    await c.query(
      `UPDATE "ChannelConflict" c SET "evidenceCount" = c."evidenceCount" - x.n, "evidenceAmount" = c."evidenceAmount" - x.a
       FROM gone_cases x WHERE c.id = x.id`,
    );
    await c.query(`DELETE FROM "ChannelConflictEvidence" WHERE "sellOutLineId" IN (SELECT id FROM gone)`);
    await c.query(
      `DELETE FROM "ChannelConflictEvent" WHERE "conflictId" IN (SELECT id FROM gone_cases) AND "createdAt" >= $1`,
      [since],
    );
    const opened = `SELECT id FROM "ChannelConflict" WHERE id IN (SELECT id FROM gone_cases) AND "createdAt" >= $1`;
    await c.query(
      `DELETE FROM "Notification" WHERE entity = 'ChannelConflict' AND "entityId" IN (${opened})`,
      [since],
    );
    await c.query(`DELETE FROM "AuditLog" WHERE entity = 'ChannelConflict' AND "entityId" IN (${opened})`, [
      since,
    ]);
    await c.query(`DELETE FROM "ChannelConflict" WHERE id IN (${opened})`, [since]);
    const lines = await c.query(`DELETE FROM "SellOutLine" WHERE "importBatchId" = $1`, [batchId]);
    await c.query(`DELETE FROM "ChannelImportBatch" WHERE id = $1`, [batchId]);
    await c.query(`DELETE FROM "AuditLog" WHERE "entityId" = $1`, [batchId]);
    await c.query("COMMIT");
    return lines.rowCount ?? 0;
  } catch (error) {
    await c.query("ROLLBACK");
    throw error;
  } finally {
    c.release();
  }
}

/** The twin: psql runs BEGIN; CREATE TEMP TABLE; \copy of the file; the INSERT … SELECT; COMMIT. */
export function importTwin(url: string, file: ImportFile, batchId: string): { ms: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-channel-"));
  const csv = path.join(dir, "sell-out.csv");
  fs.writeFileSync(csv, file.bytes);
  const insert = IMPORT_TWIN.insert(batchId);
  const script = [
    "\\set ON_ERROR_STOP on",
    "BEGIN;",
    `${IMPORT_TWIN.create};`,
    `\\copy twin_sell_out FROM '${csv}' WITH (FORMAT csv, HEADER true)`,
    `${insert.text.replace("$1", `'${batchId}'`)};`,
    "COMMIT;",
  ].join("\n");
  const t = performance.now();
  const run = spawnSync("psql", ["-X", "-q", "-A", "-t", url], { input: script, encoding: "utf8" });
  const ms = performance.now() - t;
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`import twin (psql) failed: ${run.stderr}`);
  return { ms, output: run.stdout.trim().replace(/\s+/g, " ") };
}
