// `npm run bench:visits`: visits at scale (a report, not a test). Times the reads and the save the
// issue names against hand-written SQL sent directly through pg, on a database holding the visit
// bench data (`npm run bench:visits-seed -- --fresh` makes keystone_bench_visits), and prints
// p50/p95 and the ratio app/SQL. Targets: every read and the save p95 ≤ 100 ms, app ≤ 2× its SQL.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/keystone_bench_visits npm run bench:visits
//   … -- --runs=60                       timed rounds (default 40, after 5 warm-up rounds)
//
// The SQL side is here. The app side is a map of named functions (AppFunctions below) given to
// benchVisits(): each gets the same context as its SQL twin (the rep, the manager, the keyset
// cursor, the month) and calls the data layer as a page or action would. Operations without an
// app function are timed on the SQL side only.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { addDays, chinaDate, chinaDayStart, type IsoDate } from "@/lib/domain/calendar";
import { DEFAULT_VISIT_SETTINGS } from "@/lib/domain/visits";
import { percentile } from "./lib";

export type VisitBenchContext = {
  /** The rep whose list, calendar and saves are measured: a bench rep of the 60-rep team. */
  rep: { id: string; teamId: string };
  /** That team's manager, whose overdue list covers the 60 reps. */
  manager: { id: string; teamIds: string[] };
  /** The keyset cursor of a deep page of the rep's visit list (the 4,000th newest record). */
  deepCursor: { visitedAt: Date; id: string };
  pageSize: number;
  /** A China calendar month: [from, to) as instants, and its first day. */
  month: { first: IsoDate; from: Date; to: Date };
  today: IsoDate;
  /** An account of the rep's, where saves land. */
  accountId: string;
};

export const OPERATIONS = [
  "visitListPage1",
  "visitListDeepPage",
  "managerOverdue",
  "calendarMonth",
  "saveRecord",
] as const;
export type Operation = (typeof OPERATIONS)[number];
export type AppFunctions = Partial<Record<Operation, (ctx: VisitBenchContext) => Promise<unknown>>>;

const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 40);
const TARGET_MS = 100;
const MAX_RATIO = 2;

// ---------------------------------------------------------------------------------------------
// The same work in hand-written SQL.

const LIST_COLUMNS = `r.id, r."visitedAt", r.method, r.outcome, r."talkingPoints", r."nextStep", r."checkInDistanceM",
  a.id AS "accountId", a.name AS "accountName", a.tier`;

function sqlSide(client: pg.Client, ctx: VisitBenchContext): Record<Operation, () => Promise<unknown>> {
  return {
    visitListPage1: () =>
      client.query(
        `SELECT ${LIST_COLUMNS} FROM "VisitRecord" r JOIN "Account" a ON a.id = r."accountId"
         WHERE r."ownerId" = $1 AND r."deletedAt" IS NULL
         ORDER BY r."visitedAt" DESC, r.id DESC LIMIT $2`,
        [ctx.rep.id, ctx.pageSize],
      ),
    visitListDeepPage: () =>
      client.query(
        `SELECT ${LIST_COLUMNS} FROM "VisitRecord" r JOIN "Account" a ON a.id = r."accountId"
         WHERE r."ownerId" = $1 AND r."deletedAt" IS NULL AND (r."visitedAt", r.id) < ($2, $3)
         ORDER BY r."visitedAt" DESC, r.id DESC LIMIT $4`,
        [ctx.rep.id, ctx.deepCursor.visitedAt, ctx.deepCursor.id, ctx.pageSize],
      ),
    // The first page of the team's overdue accounts (most overdue first) and the count per rep.
    managerOverdue: async () => {
      await client.query(
        `SELECT a.id, a.name, a.tier, a."lastContactAt", a."contactDueOn", a."ownerId", u.name AS "ownerName",
                ($2::date - a."contactDueOn") AS "daysOverdue"
         FROM "Account" a JOIN "User" u ON u.id = a."ownerId"
         WHERE a."teamId" = ANY($1::text[]) AND a."deletedAt" IS NULL AND a."contactDueOn" < $2::date
         ORDER BY a."contactDueOn", a.id LIMIT $3`,
        [ctx.manager.teamIds, ctx.today, ctx.pageSize],
      );
      await client.query(
        `SELECT a."ownerId", count(*)::int AS overdue FROM "Account" a
         WHERE a."teamId" = ANY($1::text[]) AND a."deletedAt" IS NULL AND a."contactDueOn" < $2::date
         GROUP BY a."ownerId"`,
        [ctx.manager.teamIds, ctx.today],
      );
    },
    calendarMonth: async () => {
      await client.query(
        `SELECT p.id, p."plannedStart", p."plannedEnd", p.status, p.method, p.purpose, a.name AS "accountName"
         FROM "VisitPlan" p JOIN "Account" a ON a.id = p."accountId"
         WHERE p."ownerId" = $1 AND p."deletedAt" IS NULL AND p."plannedStart" >= $2 AND p."plannedStart" < $3
         ORDER BY p."plannedStart"`,
        [ctx.rep.id, ctx.month.from, ctx.month.to],
      );
      await client.query(
        `SELECT r.id, r."visitedAt", r.method, r."planId", r.outcome, a.name AS "accountName"
         FROM "VisitRecord" r JOIN "Account" a ON a.id = r."accountId"
         WHERE r."ownerId" = $1 AND r."deletedAt" IS NULL AND r."visitedAt" >= $2 AND r."visitedAt" < $3
         ORDER BY r."visitedAt"`,
        [ctx.rep.id, ctx.month.from, ctx.month.to],
      );
    },
    // Insert (idempotent by client id), close the account's open follow-ups, open a new one,
    // refresh the account's last contact with one index probe, write the audit row: one transaction.
    saveRecord: async () => {
      const id = `bench_save_${randomUUID()}`;
      const now = new Date();
      const s = DEFAULT_VISIT_SETTINGS;
      await client.query("BEGIN");
      try {
        const inserted = await client.query(
          `INSERT INTO "VisitRecord" (id, "clientId", "accountId", "ownerId", "teamId", "visitedAt", method,
             "talkingPoints", "nextStep", version, "createdAt", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, 'PHONE', '电话沟通年度框架采购，客户预计用量增长约10%', '一周内提交修订报价', 1, $6, $6)
           ON CONFLICT ("clientId") DO NOTHING RETURNING id`,
          [id, randomUUID(), ctx.accountId, ctx.rep.id, ctx.rep.teamId, now],
        );
        if (inserted.rowCount) {
          await client.query(
            `UPDATE "FollowUp" SET "completedAt" = $2, "completedByRecordId" = $3, version = version + 1
             WHERE "accountId" = $1 AND "completedAt" IS NULL AND "deletedAt" IS NULL`,
            [ctx.accountId, now, id],
          );
          await client.query(
            `INSERT INTO "FollowUp" (id, "accountId", "ownerId", "teamId", "sourceRecordId", "dueOn", version, "createdAt")
             VALUES ($1, $2, $3, $4, $5, $6::date, 1, $7)`,
            [
              `fu_${id}`,
              ctx.accountId,
              ctx.rep.id,
              ctx.rep.teamId,
              id,
              addDays(chinaDate(now), s.followUpDays),
              now,
            ],
          );
          await client.query(
            `UPDATE "Account" a SET "lastContactAt" = l.last,
               "contactDueOn" = ((l.last AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date
                 + CASE a.tier WHEN 'A' THEN $2::int WHEN 'B' THEN $3::int ELSE $4::int END)
             FROM (SELECT "visitedAt" AS last FROM "VisitRecord"
                   WHERE "accountId" = $1 AND "deletedAt" IS NULL ORDER BY "visitedAt" DESC LIMIT 1) l
             WHERE a.id = $1`,
            [ctx.accountId, s.cadenceDaysA, s.cadenceDaysB, s.cadenceDaysC],
          );
          await client.query(
            `INSERT INTO "AuditLog" (id, "actorId", action, entity, "entityId", after, "createdAt")
             VALUES ($1, $2, 'visit.create', 'VisitRecord', $3, $4, $5)`,
            [`aud_${id}`, ctx.rep.id, id, JSON.stringify({ accountId: ctx.accountId, method: "PHONE" }), now],
          );
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Context and timing

async function loadContext(client: pg.Client): Promise<VisitBenchContext> {
  const rep = (
    await client.query<{ id: string; teamId: string }>(
      `SELECT u.id, u."teamId" FROM "User" u WHERE u.id LIKE 'bench_rep_%' AND u."teamId" = 'team_east'
       ORDER BY u.id LIMIT 1`,
    )
  ).rows[0];
  if (!rep) throw new Error("no visit bench data here: run npm run bench:visits-seed -- --fresh first");
  const manager = (
    await client.query<{ id: string }>(`SELECT "managerId" AS id FROM "Team" WHERE id = $1`, [rep.teamId])
  ).rows[0]!;
  const pageSize = 25;
  const deep = (
    await client.query<{ visitedAt: Date; id: string }>(
      `SELECT "visitedAt", id FROM "VisitRecord" WHERE "ownerId" = $1 AND "deletedAt" IS NULL
       ORDER BY "visitedAt" DESC, id DESC OFFSET 3999 LIMIT 1`,
      [rep.id],
    )
  ).rows[0];
  if (!deep) throw new Error(`${rep.id} has fewer than 4,000 visits`);
  const account = (
    await client.query<{ id: string }>(
      `SELECT id FROM "Account" WHERE "ownerId" = $1 AND "deletedAt" IS NULL ORDER BY id LIMIT 1`,
      [rep.id],
    )
  ).rows[0]!;
  const today = chinaDate(new Date());
  const first = `${today.slice(0, 7)}-01`;
  const nextFirst = `${addDays(first, 31).slice(0, 7)}-01`;
  return {
    rep,
    manager: { id: manager.id, teamIds: [rep.teamId] },
    deepCursor: deep,
    pageSize,
    month: { first, from: chinaDayStart(first), to: chinaDayStart(nextFirst) },
    today,
    accountId: account.id,
  };
}

type Timing = { p50: number; p95: number };

/**
 * p50/p95 of each function over `runs` rounds after 5 warm-up rounds. The functions take turns
 * within a round, so a busy spell on the machine falls on the app and its SQL alike.
 */
async function time(fns: (() => Promise<unknown>)[], runs: number): Promise<Timing[]> {
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round < 5 + runs; round++) {
    for (const [i, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      if (round >= 5) samples[i]!.push(performance.now() - t);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  });
}

/**
 * The app side: what the pages and the save action run — the session's viewer (loaded per request,
 * as every request does), then the data layer. The save also validates the submitted form with the
 * action's own schema. Its records are removed after the run (their client ids start bench-app-).
 */
async function appSide(): Promise<AppFunctions> {
  const { loadViewer } = await import("@/lib/data/session");
  const { listMyVisitRecords } = await import("@/lib/data/visits/record-reads");
  const { listTeamOverdueAccounts } = await import("@/lib/data/visits/overdue");
  const { listCalendarEvents } = await import("@/lib/data/visits/calendar");
  const { createVisitRecord } = await import("@/lib/data/visits/records");
  const { encodeRecordCursor } = await import("@/lib/domain/visit-records");
  const { createVisitRecordSchema } = await import("@/lib/validation/visit-records");
  const { parseInput } = await import("@/lib/validation/parse");
  const viewer = async (id: string) => {
    const v = await loadViewer(id, 0);
    if (!v) throw new Error(`bench:visits: no viewer ${id}`);
    return v;
  };
  return {
    visitListPage1: async (ctx) => listMyVisitRecords(await viewer(ctx.rep.id), {}, ctx.pageSize),
    visitListDeepPage: async (ctx) =>
      listMyVisitRecords(
        await viewer(ctx.rep.id),
        { cursor: encodeRecordCursor(ctx.deepCursor) },
        ctx.pageSize,
      ),
    managerOverdue: async (ctx) => listTeamOverdueAccounts(await viewer(ctx.manager.id)),
    calendarMonth: async (ctx) =>
      listCalendarEvents(await viewer(ctx.rep.id), { start: ctx.month.from, end: ctx.month.to }),
    saveRecord: async (ctx) => {
      const parsed = parseInput(createVisitRecordSchema, {
        clientId: `bench-app-${randomUUID()}`,
        accountId: ctx.accountId,
        method: "IN_PERSON",
        talkingPoints: "介绍新一代产品方案，客户关注交期与售后响应",
        nextStep: "下周发送报价",
      });
      if (!parsed.success) throw new Error(`bench:visits: the save's form is invalid`);
      return createVisitRecord(await viewer(ctx.rep.id), parsed.data);
    },
  };
}

/** Times every operation's SQL, and its app function where given; prints the table; true if all pass. */
export async function benchVisits(url: string, app: AppFunctions = {}, runs = RUNS): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ctx = await loadContext(client);
    const sql = sqlSide(client, ctx);
    console.log(
      `[bench:visits] rep ${ctx.rep.id} (${ctx.rep.teamId}), manager ${ctx.manager.id}, month ${ctx.month.first}, ` +
        `deep cursor ${ctx.deepCursor.visitedAt.toISOString()}; ${runs} rounds`,
    );
    let allPass = true;
    const ms = (n: number) => n.toFixed(1).padStart(7);
    console.log(
      `${"operation".padEnd(20)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"sql p50".padStart(8)} ${"sql p95".padStart(8)}  ratio  verdict`,
    );
    for (const op of OPERATIONS) {
      const appFn = app[op];
      const fns = appFn ? [() => appFn(ctx), sql[op]] : [sql[op]];
      const timings = await time(fns, runs);
      const [a, s] = appFn ? [timings[0]!, timings[1]!] : [null, timings[0]!];
      const ratio = a ? a.p95 / s.p95 : null;
      const pass = (a ?? s).p95 <= TARGET_MS && (ratio === null || ratio <= MAX_RATIO);
      allPass &&= pass;
      console.log(
        `${op.padEnd(20)} ${a ? ms(a.p50) : "      —"}  ${a ? ms(a.p95) : "      —"}  ${ms(s.p50)}  ${ms(s.p95)}  ${ratio === null ? "   — " : ratio.toFixed(2).padStart(5)}  ${pass ? "PASS" : "FAIL"}${appFn ? "" : " (SQL only)"}`,
      );
    }
    console.log(`Targets: p95 ≤ ${TARGET_MS} ms, app ≤ ${MAX_RATIO}× its SQL (ms, server-side, in-process).`);
    return allPass;
  } finally {
    // Take the SQL side's saves out again, so the next run starts from the same data. (The app
    // side's saves carry client ids starting bench-app-.)
    await client
      .query(
        `UPDATE "FollowUp" SET "completedAt" = NULL, "completedByRecordId" = NULL
           WHERE "completedByRecordId" LIKE 'bench_save_%';
         DELETE FROM "FollowUp" WHERE "sourceRecordId" LIKE 'bench_save_%';
         DELETE FROM "AuditLog" WHERE id LIKE 'aud_bench_save_%';
         DELETE FROM "VisitRecord" WHERE id LIKE 'bench_save_%';
         UPDATE "FollowUp" SET "completedAt" = NULL, "completedByRecordId" = NULL
           WHERE "completedByRecordId" IN (SELECT id FROM "VisitRecord" WHERE "clientId" LIKE 'bench-app-%');
         DELETE FROM "FollowUp" WHERE "sourceRecordId" IN (SELECT id FROM "VisitRecord" WHERE "clientId" LIKE 'bench-app-%');
         DELETE FROM "AuditLog" WHERE entity = 'VisitRecord'
           AND "entityId" IN (SELECT id FROM "VisitRecord" WHERE "clientId" LIKE 'bench-app-%');
         DELETE FROM "VisitRecord" WHERE "clientId" LIKE 'bench-app-%';`,
      )
      .catch((error: Error) => console.error(`[bench:visits] clean-up failed: ${error.message}`));
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to the database bench:visits-seed filled (keystone_bench_visits).");
    process.exit(1);
  }
  const pass = await benchVisits(url, await appSide());
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  process.exit(pass ? 0 : 1);
}
