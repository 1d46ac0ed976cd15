// 销售目标 on PostgreSQL: who may set whose targets (out of sight → NOT_FOUND, in sight but not
// theirs → FORBIDDEN), the grid's sum of children, one transaction and one audit row per save,
// version conflicts, clearing and restoring, and "split by last year" on real ledger rows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  clearTarget,
  restoreTarget,
  saveTarget,
  targetGrid,
  targetSetDetail,
} from "@/lib/data/targets/targets";
import { splitYear } from "@/lib/domain/kpi";
import { saveTargetSchema, targetSetRefSchema } from "@/lib/validation/targets";
import { insertAccount } from "../../factories/accounts";
import { makeRecord } from "../../factories/visits";
import { auditRowsFor, outcome } from "../helpers";
import { LAST_YEAR, monthFields, targetsOrg, YEAR, yuanMonths } from "./fixtures";

let org: Awaited<ReturnType<typeof targetsOrg>>;
beforeAll(async () => {
  org = await targetsOrg();
});

const EVEN = Array.from({ length: 12 }, () => 10_000);

function input(
  subject: string,
  version: number,
  months: (string | number)[] = EVEN,
  metric = "REVENUE",
  year = YEAR,
) {
  return saveTargetSchema.parse({
    subject,
    year: String(year),
    metric,
    version: String(version),
    ...monthFields(months),
  });
}

const user = (id: string) => `user:${id}`;
const team = (id: string) => `team:${id}`;

describe("who may set targets", () => {
  it("lets a manager set a person's target in their team, not their own or another region's", async () => {
    const { ids, viewers } = org;
    expect(await outcome(saveTarget(viewers.a, input(user(ids.aRep), 0)))).toBe("OK");
    expect(await outcome(saveTarget(viewers.a, input(user(ids.aManager), 0)))).toBe("FORBIDDEN");
    expect(await outcome(saveTarget(viewers.a, input(user(ids.bRep), 0)))).toBe("NOT_FOUND");
    expect(await outcome(saveTarget(viewers.a, input(team(ids.a), 0)))).toBe("FORBIDDEN");
    expect(await outcome(saveTarget(viewers.a, input(team(ids.b), 0)))).toBe("NOT_FOUND");
    expect(await outcome(saveTarget(viewers.a, input("team:team_east", 0)))).toBe("NOT_FOUND");
    // Nothing was written by the refused attempts.
    expect(
      await db.salesTarget.count({
        where: { subject: { in: [user(ids.aManager), user(ids.bRep), team(ids.a)] } },
      }),
    ).toBe(0);
  });

  it("lets the manager above set the team below and an administrator anything", async () => {
    const { ids, viewers } = org;
    expect(await outcome(saveTarget(viewers.root, input(team(ids.a), 0, EVEN, "VISITS")))).toBe("OK");
    expect(await outcome(saveTarget(viewers.root, input(team(ids.root), 0, EVEN, "VISITS")))).toBe(
      "FORBIDDEN",
    );
    expect(await outcome(saveTarget(viewers.admin, input(user(ids.aManager), 0, EVEN, "VISITS")))).toBe("OK");
  });

  it("shows a rep their own targets read-only and nobody else's", async () => {
    const { ids, viewers } = org;
    const own = await targetSetDetail(viewers.aRep, {
      subject: user(ids.aRep),
      year: YEAR,
      metric: "REVENUE",
    });
    expect(own.canEdit).toBe(false);
    expect(own.months).toEqual(yuanMonths(EVEN));
    expect(
      await outcome(
        targetSetDetail(viewers.aRep, { subject: user(ids.aKam), year: YEAR, metric: "REVENUE" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(targetSetDetail(viewers.aRep, { subject: team(ids.a), year: YEAR, metric: "REVENUE" })),
    ).toBe("NOT_FOUND");
    expect(await outcome(saveTarget(viewers.aRep, input(user(ids.aRep), 1)))).toBe("FORBIDDEN");
    const grid = await targetGrid(viewers.aRep, { year: YEAR, metric: "REVENUE" });
    expect(grid.map((r) => r.id)).toEqual([ids.aRep]);
    expect(grid[0]!.canEdit).toBe(false);
  });
});

describe("the grid", () => {
  it("shows a team's own figure beside the sum of its members and sub-teams, and flags the difference", async () => {
    const { ids, viewers } = org;
    // aRep already has 12 × ¥10,000 revenue; add the KAM and set the team.
    await saveTarget(
      viewers.a,
      input(
        user(ids.aKam),
        0,
        Array.from({ length: 12 }, () => 20_000),
      ),
    );
    await saveTarget(
      viewers.root,
      input(
        team(ids.a),
        0,
        Array.from({ length: 12 }, () => 31_000),
      ),
    );
    const grid = await targetGrid(viewers.root, { year: YEAR, metric: "REVENUE" });
    const teamA = grid.find((r) => r.kind === "team" && r.id === ids.a)!;
    expect(teamA.children).toEqual(yuanMonths(Array.from({ length: 12 }, () => 30_000)));
    expect(teamA.own).toEqual(yuanMonths(Array.from({ length: 12 }, () => 31_000)));
    expect(teamA.difference).toBe(12n * 1_000n * 100n);
    expect(teamA.canEdit).toBe(true);
    // The root sums its sub-teams' own figures (team A's 31,000 a month), not the people below them.
    const root = grid.find((r) => r.kind === "team" && r.id === ids.root)!;
    expect(root.own).toBeNull();
    expect(root.children).toEqual(yuanMonths(Array.from({ length: 12 }, () => 31_000)));
    expect(root.canEdit).toBe(false);
    // Members sit under their team, one level deeper; the other region's people are in the tree too.
    const order = grid.map((r) => r.id);
    expect(order.indexOf(ids.aRep)).toBeGreaterThan(order.indexOf(ids.a));
    expect(grid.find((r) => r.id === ids.aRep)!.depth).toBe(teamA.depth + 1);
    expect(order).toContain(ids.bRep);
    // Region A's manager sees only region A: the root and region B are not in their grid.
    const mine = await targetGrid(viewers.a, { year: YEAR, metric: "REVENUE" });
    expect(mine.map((r) => r.id)).not.toContain(ids.root);
    expect(mine.map((r) => r.id)).not.toContain(ids.bRep);
    expect(mine.find((r) => r.id === ids.a)!.canEdit).toBe(false);
  });
});

describe("saving a year", () => {
  it("writes twelve rows and one audit row with the months before and after", async () => {
    const { ids, viewers } = org;
    const before = await targetSetDetail(viewers.a, {
      subject: user(ids.aRep),
      year: YEAR,
      metric: "REVENUE",
    });
    const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.5].map((v) => `${v}万`);
    const saved = await saveTarget(viewers.a, input(user(ids.aRep), before.version, months));
    expect(saved.version).toBe(before.version + 1);
    const rows = await db.salesTarget.findMany({
      where: { subject: user(ids.aRep), metric: "REVENUE", year: YEAR },
      orderBy: { month: "asc" },
    });
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.value)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => BigInt(i + 1) * 1_000_000n),
      12_500_000n,
    ]);
    expect(new Set(rows.map((r) => r.version))).toEqual(new Set([saved.version]));
    const audits = (await auditRowsFor(`${user(ids.aRep)}/REVENUE/${YEAR}`)).filter(
      (a) => a.action === "salesTarget.set",
    );
    const last = audits.at(-1)!;
    expect(audits).toHaveLength(2); // the first save (in "who may set") and this one
    expect(last.actorId).toBe(ids.aManager);
    expect((last.before as { months: string[] }).months).toEqual(yuanMonths(EVEN).map(String));
    expect((last.after as { months: string[] }).months).toEqual(rows.map((r) => String(r.value)));
  });

  it("refuses a save made against a version someone else has since saved, keeping their figures", async () => {
    const { ids, viewers } = org;
    const loaded = await targetSetDetail(viewers.a, {
      subject: user(ids.aKam),
      year: YEAR,
      metric: "COLLECTIONS",
    });
    expect(loaded.version).toBe(0);
    const [first, second] = await Promise.all([
      outcome(saveTarget(viewers.a, input(user(ids.aKam), loaded.version, EVEN, "COLLECTIONS"))),
      outcome(
        saveTarget(
          viewers.admin,
          input(
            user(ids.aKam),
            loaded.version,
            Array.from({ length: 12 }, () => 1),
            "COLLECTIONS",
          ),
        ),
      ),
    ]);
    expect([first, second].sort()).toEqual(["CONFLICT", "OK"]);
    const rows = await db.salesTarget.findMany({
      where: { subject: user(ids.aKam), metric: "COLLECTIONS", year: YEAR },
    });
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.version))).toEqual(new Set([1]));
    // A later save against the stale version is refused too.
    expect(await outcome(saveTarget(viewers.a, input(user(ids.aKam), 0, EVEN, "COLLECTIONS")))).toBe(
      "CONFLICT",
    );
  });

  it("clears softly and restores, each checked against the version", async () => {
    const { ids, viewers } = org;
    const subject = user(ids.aKam);
    const loaded = await targetSetDetail(viewers.a, { subject, year: YEAR, metric: "REVENUE" });
    const ref = (version: number) =>
      targetSetRefSchema.parse({ subject, year: String(YEAR), metric: "REVENUE", version: String(version) });
    expect(await outcome(clearTarget(viewers.a, ref(loaded.version + 5)))).toBe("CONFLICT");
    await clearTarget(viewers.a, ref(loaded.version));
    const cleared = await targetSetDetail(viewers.a, { subject, year: YEAR, metric: "REVENUE" });
    expect(cleared.months).toBeNull();
    expect(cleared.cleared).toEqual(loaded.months);
    expect(
      await db.salesTarget.count({
        where: { subject, metric: "REVENUE", year: YEAR, deletedAt: { not: null } },
      }),
    ).toBe(12);
    const grid = await targetGrid(viewers.a, { year: YEAR, metric: "REVENUE" });
    expect(grid.find((r) => r.id === ids.aKam)!.own).toBeNull();
    expect(await outcome(clearTarget(viewers.a, ref(cleared.version)))).toBe("CONFLICT"); // nothing left to clear
    await restoreTarget(viewers.a, ref(cleared.version));
    const restored = await targetSetDetail(viewers.a, { subject, year: YEAR, metric: "REVENUE" });
    expect(restored.months).toEqual(loaded.months);
    const actions = (await auditRowsFor(`${subject}/REVENUE/${YEAR}`)).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(["salesTarget.clear", "salesTarget.restore"]);
  });

  it("gives each month its own field error and keeps counts whole", () => {
    const bad = saveTargetSchema.safeParse({
      subject: "user:x",
      year: String(YEAR),
      metric: "REVENUE",
      version: "0",
      ...monthFields(["0x10", "-5", "1.234", "", "", "", "", "", "", "", "", "12万"]),
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["m1", "m2", "m3"]);
    const counts = saveTargetSchema.safeParse({
      subject: "user:x",
      year: String(YEAR),
      metric: "VISITS",
      version: "0",
      ...monthFields(["1.5", "10", "1e3", "", "", "", "", "", "", "", "", ""]),
    });
    expect(counts.error!.issues.map((i) => i.path.join("."))).toEqual(["m1", "m3"]);
    expect(
      saveTargetSchema.safeParse({
        subject: "team:'; drop",
        year: String(YEAR),
        metric: "VISITS",
        version: "0",
      }).success,
    ).toBe(false);
  });
});

describe("split by last year's months", () => {
  it("reads last year's revenue, visits and new customers of a person and of a team's subtree", async () => {
    const { ids, viewers } = org;
    const accountRep = await insertAccount(db, { ownerId: ids.aRep });
    const accountKam = await insertAccount(db, { ownerId: ids.aKam });
    // Ledger lines (the rollup is kept by a trigger): the rep books in March and November, the KAM in March.
    await db.ledgerLine.createMany({
      data: [
        {
          kind: "REVENUE",
          documentNo: `T-${ids.aRep}-1`,
          accountId: accountRep.id,
          ownerId: ids.aRep,
          teamId: ids.a,
          month: new Date(Date.UTC(LAST_YEAR, 2, 1)),
          productLine: "X",
          amount: 300_000n,
        },
        {
          kind: "REVENUE",
          documentNo: `T-${ids.aRep}-2`,
          accountId: accountRep.id,
          ownerId: ids.aRep,
          teamId: ids.a,
          month: new Date(Date.UTC(LAST_YEAR, 10, 1)),
          productLine: "X",
          amount: 100_000n,
        },
        {
          kind: "REVENUE",
          documentNo: `T-${ids.aKam}-1`,
          accountId: accountKam.id,
          ownerId: ids.aKam,
          teamId: ids.a,
          month: new Date(Date.UTC(LAST_YEAR, 2, 1)),
          productLine: "X",
          amount: 600_000n,
        },
      ],
    });
    // Visits count by China day: 23:30 on 31 January there is 15:30 UTC (January) …
    await makeRecord(db, {
      ownerId: ids.aRep,
      accountId: accountRep.id,
      visitedAt: new Date(Date.UTC(LAST_YEAR, 0, 31, 15, 30)),
    });
    // … and 00:30 on 1 June there is still 31 May in UTC, but June in China.
    await makeRecord(db, {
      ownerId: ids.aRep,
      accountId: accountRep.id,
      visitedAt: new Date(Date.UTC(LAST_YEAR, 4, 31, 16, 30)),
    });
    await db.lifecycleChange.create({
      data: {
        accountId: accountRep.id,
        from: "INTENT",
        to: "CUSTOMER",
        createdAt: new Date(Date.UTC(LAST_YEAR, 6, 10)),
      },
    });

    const rep = await targetSetDetail(viewers.a, { subject: user(ids.aRep), year: YEAR, metric: "REVENUE" });
    const expected = Array.from({ length: 12 }, () => 0n);
    expected[2] = 300_000n;
    expected[10] = 100_000n;
    expect(rep.lastYear).toEqual(expected);
    const teamA = await targetSetDetail(viewers.root, {
      subject: team(ids.a),
      year: YEAR,
      metric: "REVENUE",
    });
    expect(teamA.lastYear[2]).toBe(900_000n);
    expect(teamA.lastYear[10]).toBe(100_000n);
    // The split follows that shape: ¥40万 a year → 3/4 in March, 1/4 in November, exactly.
    const split = splitYear(40_000_000n, rep.lastYear);
    expect(split[2]).toBe(30_000_000n);
    expect(split[10]).toBe(10_000_000n);
    expect(split.reduce((s, v) => s + v, 0n)).toBe(40_000_000n);

    const visits = await targetSetDetail(viewers.a, {
      subject: user(ids.aRep),
      year: YEAR,
      metric: "VISITS",
    });
    expect(visits.lastYear[0]).toBe(1n);
    expect(visits.lastYear[5]).toBe(1n);
    expect(visits.lastYear[4]).toBe(0n);
    const fresh = await targetSetDetail(viewers.a, {
      subject: user(ids.aRep),
      year: YEAR,
      metric: "NEW_ACCOUNTS",
    });
    expect(fresh.lastYear[6]).toBe(1n);
    const teamFresh = await targetSetDetail(viewers.root, {
      subject: team(ids.a),
      year: YEAR,
      metric: "NEW_ACCOUNTS",
    });
    expect(teamFresh.lastYear.reduce((s, v) => s + v, 0n)).toBe(1n);
  });
});
