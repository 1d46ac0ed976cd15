// The trigger-kept rollups (LedgerMonthRollup, VisitDayRollup: migration 20261203090000_kpi,
// LedgerOwnerMonthRollup, LedgerAccountYearRollup: 20261203101000_bench_rollups) against
// the raw rows they summarise. Random sequences of inserts, edits that move a row to another
// month/day (across China midnight, 16:00 UTC), account, owner, amount, kind, outcome or cost, soft
// deletes, restores and hard deletes; after each sequence the rollups of this file's own people must
// equal the sums recomputed from the rows, and rebuild_kpi_rollups() must reproduce them exactly.
import { beforeAll, describe, expect, inject, it } from "vitest";
import fc from "fast-check";
import pg from "pg";
import { db } from "@/lib/db";
import { accountRow } from "../../factories/accounts";
import { teamRow, userRow } from "../../factories/org";

const TAG = `kr${Date.now().toString(36)}`;
const TEAMS = [`${TAG}_team_a`, `${TAG}_team_b`];
// Three people: two in team A, one in team B (an owner change may move a row across teams).
const PEOPLE = [
  { id: `${TAG}_u0`, teamId: TEAMS[0]! },
  { id: `${TAG}_u1`, teamId: TEAMS[0]! },
  { id: `${TAG}_u2`, teamId: TEAMS[1]! },
];
const ACCOUNTS = [`${TAG}_acc0`, `${TAG}_acc1`, `${TAG}_acc2`];
const MONTHS = ["2025-12-01", "2026-01-01", "2026-02-01", "2026-11-01"].map(
  (d) => new Date(`${d}T00:00:00Z`),
);
// Instants on both sides of China midnight (16:00 UTC) and of a month and year end.
const INSTANTS = [
  "2026-11-30T15:59:59.999Z", // 2026-11-30 23:59:59.999 in China
  "2026-11-30T16:00:00.000Z", // 2026-12-01 00:00 in China
  "2026-11-30T01:00:00.000Z",
  "2025-12-31T15:59:00.000Z",
  "2025-12-31T16:01:00.000Z", // 2026-01-01 in China
  "2026-06-15T08:00:00.000Z",
].map((s) => new Date(s));
const OUTCOMES = [null, "ADVANCED", "NO_PROGRESS", "SETBACK"] as const;
const STAGES = ["TARGET", "INFORMATION", "VALUE", "RELATIONSHIP", "CLOSING"] as const;

let serial = 0;
const nextId = (kind: string) => `${TAG}_${kind}${++serial}`;

beforeAll(async () => {
  const hash = (await db.user.findFirstOrThrow({ select: { passwordHash: true } })).passwordHash;
  await db.team.createMany({ data: TEAMS.map((id) => teamRow({ id, name: id })) });
  await db.user.createMany({ data: PEOPLE.map((p) => userRow({ ...p, passwordHash: hash })) });
  await db.account.createMany({
    data: ACCOUNTS.map((id, i) => accountRow({ id, ownerId: PEOPLE[i]!.id, teamId: PEOPLE[i]!.teamId })),
  });
});

// ── What the rollups should hold, recomputed from the rows ──────────────────────────────────────

type Row = Record<string, string>;
const mine = `ANY(ARRAY[${PEOPLE.map((p) => `'${p.id}'`).join(",")}])`;
const norm = (rows: Record<string, unknown>[]): Row[] =>
  rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]),
      ),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function ledgerRollup(): Promise<Row[]> {
  // Rows whose contributions all left stay behind as zeros (the trigger never deletes): not a figure.
  return norm(
    await db.$queryRawUnsafe(
      `SELECT month, "accountId", "ownerId", "teamId", revenue, collections, lines FROM "LedgerMonthRollup"
       WHERE "ownerId" = ${mine} AND (lines <> 0 OR revenue <> 0 OR collections <> 0)`,
    ),
  );
}
async function ledgerFromRows(): Promise<Row[]> {
  return norm(
    await db.$queryRawUnsafe(
      `SELECT month, "accountId", "ownerId", "teamId",
              COALESCE(SUM(amount) FILTER (WHERE kind = 'REVENUE'), 0) AS revenue,
              COALESCE(SUM(amount) FILTER (WHERE kind = 'COLLECTION'), 0) AS collections, COUNT(*)::int AS lines
       FROM "LedgerLine" WHERE "deletedAt" IS NULL AND "ownerId" = ${mine} GROUP BY 1, 2, 3, 4`,
    ),
  );
}
/** The coarse rollups (migration 20261203101000_bench_rollups): per person-month, per account-year. */
async function coarseRollups(): Promise<{ ownerMonth: Row[]; accountYear: Row[] }> {
  const nonZero = `(lines <> 0 OR revenue <> 0 OR collections <> 0)`;
  return {
    ownerMonth: norm(
      await db.$queryRawUnsafe(
        `SELECT month, "ownerId", "teamId", revenue, collections, lines FROM "LedgerOwnerMonthRollup"
         WHERE "ownerId" = ${mine} AND ${nonZero}`,
      ),
    ),
    accountYear: norm(
      await db.$queryRawUnsafe(
        `SELECT year, "accountId", "ownerId", "teamId", revenue, collections, lines FROM "LedgerAccountYearRollup"
         WHERE "ownerId" = ${mine} AND ${nonZero}`,
      ),
    ),
  };
}
async function coarseFromRows(): Promise<{ ownerMonth: Row[]; accountYear: Row[] }> {
  const sums = `COALESCE(SUM(amount) FILTER (WHERE kind = 'REVENUE'), 0) AS revenue,
    COALESCE(SUM(amount) FILTER (WHERE kind = 'COLLECTION'), 0) AS collections, COUNT(*)::int AS lines`;
  const live = `FROM "LedgerLine" WHERE "deletedAt" IS NULL AND "ownerId" = ${mine}`;
  return {
    ownerMonth: norm(
      await db.$queryRawUnsafe(`SELECT month, "ownerId", "teamId", ${sums} ${live} GROUP BY 1, 2, 3`),
    ),
    accountYear: norm(
      await db.$queryRawUnsafe(
        `SELECT date_part('year', month)::int AS year, "accountId", "ownerId", "teamId", ${sums} ${live} GROUP BY 1, 2, 3, 4`,
      ),
    ),
  };
}
async function visitRollup(): Promise<Row[]> {
  return norm(
    await db.$queryRawUnsafe(
      `SELECT day, "ownerId", "teamId", visits, "withOutcome", advanced, cost FROM "VisitDayRollup"
       WHERE "ownerId" = ${mine} AND (visits <> 0 OR "withOutcome" <> 0 OR advanced <> 0 OR cost <> 0)`,
    ),
  );
}
async function visitsFromRows(): Promise<Row[]> {
  // The China day computed independently of the trigger's expression (a zone conversion).
  return norm(
    await db.$queryRawUnsafe(
      `SELECT ("visitedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date AS day, "ownerId", "teamId",
              COUNT(*)::int AS visits, COUNT(outcome)::int AS "withOutcome",
              (COUNT(*) FILTER (WHERE outcome = 'ADVANCED'))::int AS advanced, COALESCE(SUM(cost), 0) AS cost
       FROM "VisitRecord" WHERE "deletedAt" IS NULL AND "ownerId" = ${mine} GROUP BY 1, 2, 3`,
    ),
  );
}

/** The whole of both rollups (every owner, zeros dropped), before and after rebuild_kpi_rollups(). */
async function rebuildReproduces(): Promise<void> {
  const all = `SELECT 'L' AS t, month::text AS k1, "accountId" || '/' || "ownerId" || '/' || "teamId" AS k2,
                      revenue || '/' || collections || '/' || lines AS v
               FROM "LedgerMonthRollup" WHERE lines <> 0 OR revenue <> 0 OR collections <> 0
               UNION ALL
               SELECT 'O', month::text, "ownerId" || '/' || "teamId", revenue || '/' || collections || '/' || lines
               FROM "LedgerOwnerMonthRollup" WHERE lines <> 0 OR revenue <> 0 OR collections <> 0
               UNION ALL
               SELECT 'Y', year::text, "accountId" || '/' || "ownerId" || '/' || "teamId", revenue || '/' || collections || '/' || lines
               FROM "LedgerAccountYearRollup" WHERE lines <> 0 OR revenue <> 0 OR collections <> 0
               UNION ALL
               SELECT 'V', day::text, "ownerId" || '/' || "teamId", visits || '/' || "withOutcome" || '/' || advanced || '/' || cost
               FROM "VisitDayRollup" WHERE visits <> 0 OR "withOutcome" <> 0 OR advanced <> 0 OR cost <> 0
               ORDER BY 1, 2, 3`;
  // Inside a transaction that is rolled back: the check leaves the shared database as it was.
  await db
    .$transaction(async (tx) => {
      const before = await tx.$queryRawUnsafe<Row[]>(all);
      await tx.$queryRawUnsafe(`SELECT rebuild_kpi_rollups()::text`);
      const after = await tx.$queryRawUnsafe<Row[]>(all);
      expect(after.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
      throw new RolledBack();
    })
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}
class RolledBack extends Error {}

// ── Operations ──────────────────────────────────────────────────────────────────────────────────

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
const amount = fc.oneof(fc.bigInt({ min: -5_000_000n, max: 900_000_000_000n }), fc.constant(0n));
const ledgerOp = fc.oneof(
  fc.record({
    op: fc.constant("insert" as const),
    kind: fc.boolean(),
    acc: fc.nat(),
    owner: fc.nat(),
    month: fc.nat(),
    amount,
  }),
  fc.record({
    op: fc.constant("move" as const),
    row: fc.nat(),
    what: fc.constantFrom("month", "account", "owner", "amount", "kind", "note"),
    to: fc.nat(),
    amount,
  }),
  fc.record({
    op: fc.constantFrom("softDelete" as const, "restore" as const, "hardDelete" as const),
    row: fc.nat(),
  }),
);
const visitOp = fc.oneof(
  fc.record({
    op: fc.constant("insert" as const),
    acc: fc.nat(),
    owner: fc.nat(),
    at: fc.nat(),
    outcome: fc.nat(),
    cost: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n })),
  }),
  fc.record({
    op: fc.constant("move" as const),
    row: fc.nat(),
    what: fc.constantFrom("day", "owner", "outcome", "cost", "talkingPoints"),
    to: fc.nat(),
    cost: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n })),
  }),
  fc.record({
    op: fc.constantFrom("softDelete" as const, "restore" as const, "hardDelete" as const),
    row: fc.nat(),
  }),
);

type LedgerOp = typeof ledgerOp extends fc.Arbitrary<infer T> ? T : never;
type VisitOp = typeof visitOp extends fc.Arbitrary<infer T> ? T : never;

async function applyLedger(op: LedgerOp, rows: string[]) {
  if (op.op === "insert") {
    const owner = pick(PEOPLE, op.owner);
    const id = nextId("led");
    await db.ledgerLine.create({
      data: {
        id,
        kind: op.kind ? "REVENUE" : "COLLECTION",
        documentNo: id,
        accountId: pick(ACCOUNTS, op.acc),
        ownerId: owner.id,
        teamId: owner.teamId,
        month: pick(MONTHS, op.month),
        productLine: "注塑件",
        amount: op.amount,
      },
    });
    rows.push(id);
    return;
  }
  if (rows.length === 0) return;
  const id = pick(rows, op.row);
  if (op.op === "hardDelete") {
    await db.ledgerLine.delete({ where: { id } });
    rows.splice(rows.indexOf(id), 1);
  } else if (op.op === "softDelete")
    await db.ledgerLine.update({ where: { id }, data: { deletedAt: new Date() } });
  else if (op.op === "restore") await db.ledgerLine.update({ where: { id }, data: { deletedAt: null } });
  else if (op.op === "move") {
    const owner = pick(PEOPLE, op.to);
    const line = await db.ledgerLine.findUniqueOrThrow({ where: { id } });
    const data =
      op.what === "month"
        ? { month: pick(MONTHS, op.to) }
        : op.what === "account"
          ? { accountId: pick(ACCOUNTS, op.to) }
          : op.what === "owner"
            ? { ownerId: owner.id, teamId: owner.teamId }
            : op.what === "amount"
              ? { amount: op.amount }
              : op.what === "kind"
                ? { kind: line.kind === "REVENUE" ? ("COLLECTION" as const) : ("REVENUE" as const) }
                : { note: `备注 ${op.to}` };
    await db.ledgerLine.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  }
}

async function applyVisit(op: VisitOp, rows: string[]) {
  if (op.op === "insert") {
    const owner = pick(PEOPLE, op.owner);
    const id = nextId("vis");
    await db.visitRecord.create({
      data: {
        id,
        clientId: id,
        accountId: pick(ACCOUNTS, op.acc),
        ownerId: owner.id,
        teamId: owner.teamId,
        visitedAt: pick(INSTANTS, op.at),
        method: "IN_PERSON",
        talkingPoints: "季度业务回顾",
        outcome: pick(OUTCOMES, op.outcome),
        cost: op.cost,
      },
    });
    rows.push(id);
    return;
  }
  if (rows.length === 0) return;
  const id = pick(rows, op.row);
  if (op.op === "hardDelete") {
    await db.visitRecord.delete({ where: { id } });
    rows.splice(rows.indexOf(id), 1);
  } else if (op.op === "softDelete")
    await db.visitRecord.update({ where: { id }, data: { deletedAt: new Date() } });
  else if (op.op === "restore") await db.visitRecord.update({ where: { id }, data: { deletedAt: null } });
  else if (op.op === "move") {
    const owner = pick(PEOPLE, op.to);
    const data =
      op.what === "day"
        ? { visitedAt: pick(INSTANTS, op.to) }
        : op.what === "owner"
          ? { ownerId: owner.id, teamId: owner.teamId }
          : op.what === "outcome"
            ? { outcome: pick(OUTCOMES, op.to) }
            : op.what === "cost"
              ? { cost: op.cost }
              : { talkingPoints: `第 ${op.to} 次沟通` };
    await db.visitRecord.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  }
}

describe("KPI rollups kept by triggers", () => {
  const ledgerRows: string[] = [];
  const visitRows: string[] = [];

  it("the ledger rollups (month, person-month, account-year) equal the sums of the live lines after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ledgerOp, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const op of ops) await applyLedger(op, ledgerRows);
        expect(await ledgerRollup()).toEqual(await ledgerFromRows());
        expect(await coarseRollups()).toEqual(await coarseFromRows());
      }),
      { numRuns: 40 },
    );
    expect(ledgerRows.length).toBeGreaterThan(0);
    expect((await ledgerRollup()).length).toBeGreaterThan(0);
    expect((await coarseRollups()).accountYear.length).toBeGreaterThan(0);
  }, 120_000);

  it("VisitDayRollup equals the visits of each China day after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(visitOp, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const op of ops) await applyVisit(op, visitRows);
        expect(await visitRollup()).toEqual(await visitsFromRows());
      }),
      { numRuns: 40 },
    );
    expect((await visitRollup()).length).toBeGreaterThan(0);
  }, 120_000);

  it("a visit at 23:59 and one at 00:00 China time fall on two days", async () => {
    const owner = PEOPLE[2]!;
    for (const [i, at] of ["2024-03-04T15:59:59.999Z", "2024-03-04T16:00:00.000Z"].entries())
      await db.visitRecord.create({
        data: {
          id: `${TAG}_midnight${i}`,
          clientId: `${TAG}_midnight${i}`,
          accountId: ACCOUNTS[0]!,
          ownerId: owner.id,
          teamId: owner.teamId,
          visitedAt: new Date(at),
          method: "PHONE",
          talkingPoints: "电话沟通",
        },
      });
    const days = await db.visitDayRollup.findMany({
      where: {
        ownerId: owner.id,
        day: { gte: new Date("2024-03-04T00:00:00Z"), lte: new Date("2024-03-05T00:00:00Z") },
      },
      orderBy: { day: "asc" },
    });
    expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.visits])).toEqual([
      ["2024-03-04", 1],
      ["2024-03-05", 1],
    ]);
  });

  it("rebuild_kpi_rollups() reproduces the incrementally kept rollups exactly", async () => {
    await rebuildReproduces();
  });
});

describe("Deal.furthestStage", () => {
  it("never moves back, whatever order the stage moves in", async () => {
    const owner = PEOPLE[0]!;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 4 }),
        fc.array(fc.record({ stage: fc.nat({ max: 4 }), forge: fc.option(fc.nat({ max: 4 })) }), {
          minLength: 1,
          maxLength: 12,
        }),
        async (first, moves) => {
          const deal = await db.deal.create({
            data: {
              accountId: ACCOUNTS[0]!,
              ownerId: owner.id,
              teamId: owner.teamId,
              title: "往返测试",
              stage: STAGES[first]!,
            },
          });
          let furthest = first;
          for (const move of moves) {
            furthest = Math.max(furthest, move.stage);
            // A write that also tries to set furthestStage lower (a forged or stale value) loses.
            const updated = await db.deal.update({
              where: { id: deal.id },
              data: {
                stage: STAGES[move.stage]!,
                ...(move.forge !== null ? { furthestStage: STAGES[move.forge]! } : {}),
              },
            });
            if (move.forge !== null) furthest = Math.max(furthest, move.forge);
            expect(updated.furthestStage).toBe(STAGES[furthest]);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe("concurrent writes to one rollup row", () => {
  it("two transactions adding lines to the same (new) month row at once both land", async (ctx) => {
    if (inject("databaseKind") !== "postgres") ctx.skip(); // PGlite serves one connection
    const owner = PEOPLE[1]!;
    const month = "2023-07-01";
    const [a, b] = [new pg.Client(process.env.DATABASE_URL), new pg.Client(process.env.DATABASE_URL)];
    await Promise.all([a.connect(), b.connect()]);
    const insert = (client: pg.Client, n: number, value: number) =>
      client.query(
        `INSERT INTO "LedgerLine" (id, kind, "documentNo", "accountId", "ownerId", "teamId", month, "productLine", amount, "updatedAt")
         VALUES ($1, 'REVENUE', $1, $2, $3, $4, $5, '注塑件', $6, now())`,
        [`${TAG}_conc${n}`, ACCOUNTS[1], owner.id, owner.teamId, month, value],
      );
    try {
      for (let round = 0; round < 2; round++) {
        // Round 0: the rollup row does not exist yet (both race to insert it); round 1: it does.
        await a.query("BEGIN");
        await b.query("BEGIN");
        await insert(a, round * 2, 1_000);
        const second = insert(b, round * 2 + 1, 20_000); // blocks on the row A holds
        await new Promise((r) => setTimeout(r, 150));
        await a.query("COMMIT");
        await second;
        await b.query("COMMIT");
      }
      const row = await db.ledgerMonthRollup.findFirstOrThrow({
        where: { ownerId: owner.id, accountId: ACCOUNTS[1]!, month: new Date(`${month}T00:00:00Z`) },
      });
      expect({ revenue: row.revenue, lines: row.lines }).toEqual({ revenue: 42_000n, lines: 4 });
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
