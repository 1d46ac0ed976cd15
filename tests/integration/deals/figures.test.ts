// The pipeline figures on PostgreSQL.
import { describe, expect, it } from "vitest";
import { getPipelineFigures } from "@/lib/data/deals/figures";
import { terminateDeal, winDeal } from "@/lib/data/deals/outcomes";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { chinaDate, fromDbDate, toDbDate, addDays } from "@/lib/domain/calendar";
import {
  DEFAULT_PIPELINE_SETTINGS,
  pipelineFigures,
  stageNumber,
  type DealStage,
} from "@/lib/domain/pipeline";
import {
  DAY,
  uniquePrefix,
  dealRow,
  historyOf,
  newDeal,
  work,
  move,
  TARGET_DONE,
  NEXT_TERM,
} from "./fixtures";
import { accountFixture, viewerFor } from "../helpers";

describe("pipeline figures", () => {
  it("conversion, win rate, days per stage, weighted value and stuck deals over a known set", async () => {
    const kam = await viewerFor("usr_south_kam1");
    const manager = await viewerFor("usr_south_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Figures");
    const deal = (name: string, yuan: number) =>
      newDeal(kam, account.id, `${prefix} ${name}`, { expectedValueYuan: yuan });

    // A: open in stage 1.  B: open in stage 2, stuck there for 40 days after 10 days in stage 1.
    await deal("A", 1_000_000);
    const b = await deal("B", 2_000_000);
    await work(kam, b, TARGET_DONE);
    await move(kam, b, "INFORMATION");
    // C: skipped to stage 3 by a manager, then lost.  D: overridden to stage 5 and won.  E: terminated.
    const c = await deal("C", 4_000_000);
    await move(manager, c, "VALUE", { overrideReason: "样品已在集团层面认可" });
    await move(kam, c, "LOST", { lostReasonId: "lr_quality" });
    const d = await deal("D", 8_000_000);
    await move(manager, d, "CLOSING", { overrideReason: "集团指定供应商" });
    await winDeal(manager, {
      id: d,
      version: (await dealRow(d)).version,
      overrideReason: "集团指定供应商",
      applyToValue: false,
      agreement: NEXT_TERM,
    });
    const e = await deal("E", 16_000_000);
    await terminateDeal(kam, { id: e, version: 1, reason: "无采购需求" });

    const now = new Date();
    const [created, moved] = await historyOf(b);
    await db.dealStageChange.update({
      where: { id: created!.id },
      data: { createdAt: new Date(now.getTime() - 50 * DAY) },
    });
    const enteredB = new Date(now.getTime() - 40 * DAY);
    await db.dealStageChange.update({ where: { id: moved!.id }, data: { createdAt: enteredB } });
    await db.deal.update({ where: { id: b }, data: { stageEnteredAt: enteredB } });

    const { figures, dealCount } = await getPipelineFigures(kam, { q: prefix }, now);
    expect(dealCount).toBe(5);
    expect(figures.conversion).toEqual([
      // The terminated deal reached stage 1 and went no further: it counts here, not in the win rate.
      { from: "TARGET", to: "INFORMATION", reached: 5, advanced: 3, rate: 3 / 5 },
      { from: "INFORMATION", to: "VALUE", reached: 3, advanced: 2, rate: 2 / 3 },
      { from: "VALUE", to: "RELATIONSHIP", reached: 2, advanced: 1, rate: 1 / 2 },
      { from: "RELATIONSHIP", to: "CLOSING", reached: 1, advanced: 1, rate: 1 },
    ]);
    expect(figures).toMatchObject({
      won: 1,
      lost: 1,
      winRate: 0.5, // the terminated deal is not a loss
      openCount: 2,
      openValue: 3_000_000,
      weightedValue: 500_000, // 10% of A and 20% of B: no explicit probability, the stage defaults
      stuck: 1,
    });
    // Completed stays in stage 1: B's 10 days and three same-day exits (A is still there); none in 2 or 4.
    expect(figures.averageDays).toEqual({
      TARGET: 2.5,
      INFORMATION: null,
      VALUE: 0,
      RELATIONSHIP: null,
      CLOSING: 0,
    });
    // The same deals seen by the manager; narrowing to one owner with nothing there gives nothing.
    expect((await getPipelineFigures(manager, { q: prefix }, now)).figures).toEqual(figures);
    expect((await getPipelineFigures(kam, { q: prefix, ownerId: "usr_south_kam2" }, now)).dealCount).toBe(0);
  });

  it("are the domain's pipelineFigures over the same deals, added up in the database", async () => {
    // A KAM of their own, so that filtering by owner (no account filter) gives only these deals.
    const admin = await viewerFor("usr_admin");
    const user = await createUser(admin, {
      name: "漏斗 KAM",
      email: `figures.${Date.now().toString(36)}@keystone.demo`,
      role: "KAM",
      teamId: "team_north",
      locale: "zh-CN",
      password: "Figures-Count-2026",
    });
    const kam = await viewerFor(user.id);
    const manager = await viewerFor("usr_north_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("FigSame");
    const now = new Date();
    const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY + ms);
    const ids: string[] = [];
    const deal = async (name: string, yuan: number) => {
      const id = await newDeal(kam, account.id, `${prefix} ${name}`, { expectedValueYuan: yuan });
      ids.push(id);
      return id;
    };
    /** Puts a deal's history at these times (oldest first) and its stage entry at the last one. */
    const dated = async (id: string, times: Date[]) => {
      const rows = await historyOf(id);
      expect(rows).toHaveLength(times.length);
      for (const [i, row] of rows.entries())
        await db.dealStageChange.update({ where: { id: row.id }, data: { createdAt: times[i]! } });
      await db.deal.update({ where: { id }, data: { stageEnteredAt: times.at(-1)! } });
    };

    // Forward, back and forward again: two stays in stage 1, and one in stage 2 just short of two days.
    const a = await deal("A", 1_234_567.89);
    await move(manager, a, "INFORMATION", { overrideReason: "已现场确认" });
    await move(kam, a, "TARGET");
    await move(manager, a, "VALUE", { overrideReason: "已现场确认" });
    await work(kam, a, {
      section: "VALUE",
      closeProbability: 35,
      expectedDevCost: null,
      obstacles: [],
      programme: [],
    });
    await dated(a, [ago(60), ago(52), ago(50, -1), ago(45)]);
    // Stale by a whole day exactly, and one millisecond short of it (staleDays 30 by default).
    const b = await deal("B", 2_000_000);
    await dated(b, [ago(31)]);
    const c = await deal("C", 3_500_000);
    await dated(c, [ago(31, 1)]);
    // Overdue: B's expected close was yesterday in China; C's is today (not yet); the won deal's long past.
    const today = chinaDate(now);
    await db.deal.update({ where: { id: b }, data: { expectedCloseDate: toDbDate(addDays(today, -1)) } });
    await db.deal.update({ where: { id: c }, data: { expectedCloseDate: toDbDate(today) } });
    // Won, lost and terminated inside the window; one lost long ago and one deleted are not counted.
    const won = await deal("Won", 8_000_000);
    await move(manager, won, "CLOSING", { overrideReason: "集团指定供应商" });
    await winDeal(manager, {
      id: won,
      version: (await dealRow(won)).version,
      overrideReason: "集团指定供应商",
      applyToValue: false,
      agreement: NEXT_TERM,
    });
    const lost = await deal("Lost", 500_000);
    await move(kam, lost, "LOST", { lostReasonId: "lr_quality" });
    const ended = await deal("Ended", 700_000);
    await terminateDeal(kam, { id: ended, version: 1, reason: "无采购需求" });
    const old = await deal("Old", 900_000);
    await move(kam, old, "LOST", { lostReasonId: "lr_quality" });
    await db.deal.update({ where: { id: old }, data: { closedAt: ago(91) } });
    const gone = await deal("Gone", 1_100_000);
    await db.deal.update({ where: { id: gone }, data: { deletedAt: now } });
    // A deal on an account deleted since is off the board, and out of the figures.
    const closedAccount = await accountFixture(kam.id);
    const orphan = await newDeal(kam, closedAccount.id, `${prefix} Orphan`, { expectedValueYuan: 1_300_000 });
    await db.account.update({ where: { id: closedAccount.id }, data: { deletedAt: now } });

    // What the domain computes from the same deals, read through Prisma.
    const since = ago(90);
    const rows = await db.deal.findMany({
      where: {
        id: { in: ids },
        deletedAt: null,
        OR: [{ status: "OPEN" }, { closedAt: { gte: since } }],
      },
      include: { stageChanges: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    });
    const deals = rows.map((r) => {
      const furthest = r.stageChanges.reduce<DealStage>(
        (max, h) => (stageNumber(h.toStage) > stageNumber(max) ? h.toStage : max),
        r.stage,
      );
      return {
        stage: r.stage,
        status: r.status,
        expectedValue: Number(r.expectedValue) / 100,
        closeProbability: r.closeProbability,
        stageEnteredAt: r.stageEnteredAt,
        expectedCloseDate: r.expectedCloseDate ? fromDbDate(r.expectedCloseDate) : null,
        furthestStage: furthest,
        history: r.stageChanges,
      };
    });
    expect(deals).toHaveLength(6);
    const expected = pipelineFigures(deals, now, DEFAULT_PIPELINE_SETTINGS);
    expect(expected.stuck).toBe(2); // A and B
    expect(expected.overdue).toBe(1); // B
    expect(expected.averageDays.INFORMATION).toBe(1);

    expect(ids).not.toContain(orphan);
    // Through the account (a text filter) and without it (the owner only), as the KAM and the manager.
    for (const [viewer, filters] of [
      [kam, { q: prefix }],
      [kam, { ownerId: kam.id }],
      [manager, { ownerId: kam.id }],
    ] as const) {
      const { figures, dealCount } = await getPipelineFigures(viewer, filters, now);
      expect(dealCount).toBe(6);
      const { openValue, weightedValue, ...rest } = figures;
      expect(rest).toEqual({ ...expected, openValue: undefined, weightedValue: undefined });
      expect(openValue).toBeCloseTo(expected.openValue, 6);
      expect(weightedValue).toBeCloseTo(expected.weightedValue, 6);
    }
  });
});
