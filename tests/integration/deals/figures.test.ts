// The pipeline figures on PostgreSQL.
import { describe, expect, it } from "vitest";
import { getPipelineFigures } from "@/lib/data/deals/figures";
import { terminateDeal, winDeal } from "@/lib/data/deals/outcomes";
import { db } from "@/lib/db";
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
});
