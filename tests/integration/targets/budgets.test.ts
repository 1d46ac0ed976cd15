// 费用预算 on PostgreSQL: set from above like team targets, saved a year at a time with one audit
// row and a version, and measured against recorded visit costs and approved requests.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  budgetGrid,
  budgetSetDetail,
  clearBudget,
  restoreBudget,
  saveBudget,
} from "@/lib/data/targets/budgets";
import { budgetExecution } from "@/lib/domain/kpi";
import { yearTotal } from "@/lib/domain/targets";
import { budgetSetRefSchema, saveBudgetSchema } from "@/lib/validation/targets";
import { insertAccount } from "../../factories/accounts";
import { makeRecord } from "../../factories/visits";
import { auditRowsFor, outcome } from "../helpers";
import { LAST_YEAR, monthFields, targetsOrg, YEAR } from "./fixtures";

let org: Awaited<ReturnType<typeof targetsOrg>>;
beforeAll(async () => {
  org = await targetsOrg();
});

const input = (teamId: string, version: number, category: string, months: (string | number)[], year = YEAR) =>
  saveBudgetSchema.parse({
    teamId,
    year: String(year),
    category,
    version: String(version),
    ...monthFields(months),
  });

describe("expense budgets", () => {
  it("are set by the level above: not for one's own team, not for another branch", async () => {
    const { ids, viewers } = org;
    const gifts = Array.from({ length: 12 }, () => 1_000);
    expect(await outcome(saveBudget(viewers.a, input(ids.a, 0, "GIFT", gifts)))).toBe("FORBIDDEN");
    expect(await outcome(saveBudget(viewers.a, input(ids.b, 0, "GIFT", gifts)))).toBe("NOT_FOUND");
    expect(await outcome(saveBudget(viewers.aKam, input(ids.a, 0, "GIFT", gifts)))).toBe("NOT_FOUND");
    expect(await outcome(budgetGrid(viewers.aRep, YEAR))).toBe("NOT_FOUND");
    expect(await outcome(saveBudget(viewers.root, input(ids.a, 0, "GIFT", gifts)))).toBe("OK");
    const audit = (await auditRowsFor(`${ids.a}/GIFT/${YEAR}`)).filter(
      (a) => a.action === "expenseBudget.set",
    );
    expect(audit).toHaveLength(1);
    expect((audit[0]!.after as { months: string[] }).months).toEqual(gifts.map(() => "100000"));
    expect(await outcome(saveBudget(viewers.root, input(ids.a, 0, "GIFT", gifts)))).toBe("CONFLICT");
  });

  it("shows spent and the execution rate: visit costs by visit day, approved requests by decision day", async () => {
    const { ids, viewers } = org;
    const account = await insertAccount(db, { ownerId: ids.aRep });
    // March: a visit costing ¥800 and an approved ¥1,500 gift (over March's ¥1,000 gift budget);
    // a returned gift request and one approved the next year do not count.
    await makeRecord(db, {
      ownerId: ids.aRep,
      accountId: account.id,
      visitedAt: new Date(Date.UTC(YEAR, 2, 5, 2)),
      cost: 80_000n,
    });
    const request = (amount: bigint, status: "APPROVED" | "RETURNED", decidedAt: Date) => ({
      kind: "GIFT" as const,
      accountId: account.id,
      ownerId: ids.aRep,
      teamId: ids.a,
      amount,
      reason: "节日礼品",
      status,
      decidedAt,
    });
    await db.visitRequest.createMany({
      data: [
        request(150_000n, "APPROVED", new Date(Date.UTC(YEAR, 2, 10))),
        request(990_000n, "RETURNED", new Date(Date.UTC(YEAR, 2, 11))),
        request(770_000n, "APPROVED", new Date(Date.UTC(YEAR + 1, 0, 2))),
      ],
    });
    await saveBudget(
      viewers.root,
      input(
        ids.a,
        0,
        "VISIT",
        Array.from({ length: 12 }, () => 500),
      ),
    );
    const grid = await budgetGrid(viewers.root, YEAR);
    const teamA = grid.find((t) => t.id === ids.a)!;
    expect(teamA.canEdit).toBe(true);
    const gift = teamA.lines.find((l) => l.category === "GIFT")!;
    expect(gift.spent[2]).toBe(150_000n);
    expect(yearTotal(gift.spent)).toBe(150_000n);
    expect(yearTotal(gift.budget!)).toBe(1_200_000n);
    const visit = teamA.lines.find((l) => l.category === "VISIT")!;
    expect(visit.spent[2]).toBe(80_000n);
    expect(visit.spent[2]! > visit.budget![2]!).toBe(true); // ¥800 against ¥500: over in March
    expect(budgetExecution(Number(yearTotal(visit.spent)), Number(yearTotal(visit.budget!)))).toBeCloseTo(
      800 / 6000,
    );
    expect(teamA.lines.find((l) => l.category === "RECEPTION")!.budget).toBeNull();
    // The manager of region A sees their team, read-only; region B is not in their grid.
    const mine = await budgetGrid(viewers.a, YEAR);
    expect(mine.map((t) => t.id)).toEqual([ids.a]);
    expect(mine[0]!.canEdit).toBe(false);
  });

  it("splits by last year's spend and clears and restores softly", async () => {
    const { ids, viewers } = org;
    const account = await insertAccount(db, { ownerId: ids.aKam });
    await makeRecord(db, {
      ownerId: ids.aKam,
      accountId: account.id,
      visitedAt: new Date(Date.UTC(LAST_YEAR, 8, 1, 2)),
      cost: 30_000n,
    });
    await makeRecord(db, {
      ownerId: ids.aKam,
      accountId: account.id,
      visitedAt: new Date(Date.UTC(LAST_YEAR, 9, 1, 2)),
      cost: 10_000n,
    });
    const detail = await budgetSetDetail(viewers.root, { teamId: ids.a, year: YEAR, category: "VISIT" });
    expect(detail.lastYear[8]).toBe(30_000n);
    expect(detail.lastYear[9]).toBe(10_000n);
    expect(detail.spent[2]).toBe(80_000n);
    const ref = budgetSetRefSchema.parse({
      teamId: ids.a,
      year: String(YEAR),
      category: "VISIT",
      version: String(detail.version),
    });
    await clearBudget(viewers.root, ref);
    const cleared = await budgetSetDetail(viewers.root, { teamId: ids.a, year: YEAR, category: "VISIT" });
    expect(cleared.months).toBeNull();
    expect(cleared.cleared).toEqual(detail.months);
    await restoreBudget(viewers.root, { ...ref, version: cleared.version });
    expect(
      (await budgetSetDetail(viewers.root, { teamId: ids.a, year: YEAR, category: "VISIT" })).months,
    ).toEqual(detail.months);
  });
});
