// The evaluation model (weights must total 100), scoring and comparing candidates, and the
// dashboard's channel figures against a hand computation on planted rollups.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { channelFigures } from "@/lib/data/kpi/channel";
import {
  compareEvaluations,
  listCandidates,
  saveEvaluation,
} from "@/lib/data/distributor-scorecards/selection";
import {
  selectionCriteria,
  updateCriterion,
  createCriterion,
} from "@/lib/data/distributor-scorecards/settings";
import { outcome, viewerFor } from "../helpers";
import { plantQuarter } from "./fixtures";

let ids: Awaited<ReturnType<typeof plantQuarter>>;
beforeAll(async () => {
  ids = await plantQuarter();
});

describe("selection", () => {
  it("scores a candidate against the model and keeps the selection score", async () => {
    const channel = await viewerFor("usr_east_channel");
    const candidates = await listCandidates(channel);
    expect(candidates.length).toBeGreaterThan(0);
    const target = candidates.find((c) => c.stage === "EVALUATION") ?? candidates[0]!;
    // Full marks on every criterion of the model in force (the migration's default model).
    const model = (await selectionCriteria()).filter((c) => c.active);
    const raws = Object.fromEntries(model.map((c) => [c.key, c.kind === "QUALITATIVE" ? 100 : c.best]));
    const r = await saveEvaluation(channel, { distributorId: target.id, note: null, raws });
    expect(r.total).toBe(100);
    expect((await db.distributor.findUniqueOrThrow({ where: { id: target.id } })).selectionScore).toBe(100);
    const other = candidates.find((c) => c.id !== target.id)!;
    await saveEvaluation(channel, { distributorId: other.id, note: null, raws: { ...raws, capital: 0 } });
    const cmp = await compareEvaluations(channel, [target.id, other.id]);
    expect(cmp.candidates.map((c) => c.id)).toEqual([target.id, other.id]);
    expect(cmp.rows.find((x) => x.key === "capital")?.best).toEqual([0]);
    expect(cmp.rows.find((x) => x.key === "reputation")?.best).toEqual([0, 1]);
    expect(cmp.bestTotal).toEqual([0]);
  });

  it("other regions' candidates are not found and are left out of a comparison", async () => {
    const east = await viewerFor("usr_east_channel");
    const northCandidate = await db.distributor.findFirstOrThrow({
      where: { ownerId: "usr_north_channel", stage: { in: ["PROSPECT", "EVALUATION", "NEGOTIATION"] } },
    });
    expect(
      await outcome(saveEvaluation(east, { distributorId: northCandidate.id, note: null, raws: {} })),
    ).toBe("NOT_FOUND");
    expect((await compareEvaluations(east, [northCandidate.id])).candidates).toEqual([]);
    const rep = await db.user.findFirstOrThrow({ where: { role: "REP", active: true } });
    expect(
      await outcome(
        saveEvaluation(await viewerFor(rep.id), { distributorId: northCandidate.id, note: null, raws: {} }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("the model's weights must total 100 before anyone can score", async () => {
    const admin = await viewerFor("usr_admin");
    const channel = await viewerFor("usr_east_channel");
    const capital = (await selectionCriteria()).find((c) => c.key === "capital")!;
    await updateCriterion(admin, { ...capital, weight: 25, active: true });
    const candidate = (await listCandidates(channel))[0]!;
    expect(
      await outcome(saveEvaluation(channel, { distributorId: candidate.id, note: null, raws: {} })),
    ).toBe("VALIDATION");
    const changed = (await selectionCriteria()).find((c) => c.key === "capital")!;
    await updateCriterion(admin, { ...changed, weight: 20, active: true });
    expect(
      await outcome(saveEvaluation(channel, { distributorId: candidate.id, note: null, raws: {} })),
    ).toBe("OK");
    expect(
      await outcome(
        createCriterion(admin, {
          name: "甲",
          nameEn: "A",
          kind: "QUANTITATIVE",
          weight: 0,
          unit: null,
          worst: 1,
          best: 1,
          active: false,
        }),
      ),
    ).toBe("VALIDATION");
    expect(
      await outcome(
        updateCriterion(channel, { ...changed, version: changed.version + 1, weight: 20, active: true }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("channel figures", () => {
  it("equal a hand computation on the planted rollups, per viewer's scope", async () => {
    const admin = await viewerFor("usr_admin");
    const east = await viewerFor("usr_east_channel");
    const north = await viewerFor("usr_north_channel");
    const period = { from: "2019-04-01", to: "2019-06-30" };
    const all = await channelFigures(admin, period);
    // Only the planted rows lie in 2019 (the demo data is recent); fixtures of other files too.
    const rollups = await db.channelMonthRollup.findMany({
      where: { month: { gte: new Date("2019-04-01"), lte: new Date("2019-06-01") } },
    });
    expect(all?.sellIn).toBe(rollups.reduce((s, r) => s + r.sellInAmount, 0n));
    expect(all?.sellOut).toBe(rollups.reduce((s, r) => s + r.sellOutAmount, 0n));
    const eastFigures = (await channelFigures(east, period))!;
    const mine = rollups.filter((r) => r.distributorId === ids.a || r.distributorId === ids.b);
    expect(mine.reduce((s, r) => s + r.sellInAmount, 0n)).toBe(1_000n);
    expect(eastFigures.sellIn).toBeGreaterThanOrEqual(1_000n);
    expect((await channelFigures(north, period))!.sellIn).toBe(
      rollups.filter((r) => r.teamId === "team_north").reduce((s, r) => s + r.sellInAmount, 0n),
    );
    // May alone: A's Q2 target 1,200 spread over three months → 400 per month per planted agreement.
    const may = (await channelFigures(admin, { from: "2019-05-03", to: "2019-05-20" }))!;
    const agreements = await db.channelAgreementVersion.count({
      where: { startsOn: new Date("2019-01-01") },
    });
    expect(may.target).toBe(400n * BigInt(agreements));
    expect(may.achievementBp).toBe(Number((may.sellIn * 10_000n) / may.target));
  });

  it("receivables by ageing bucket and open conflicts match the records", async () => {
    const manager = await viewerFor("usr_east_manager");
    const today = chinaDate(new Date());
    const f = (await channelFigures(manager, { from: today, to: today }, { today }))!;
    const open = await db.channelInvoice.findMany({
      where: { status: "OPEN", deletedAt: null, teamId: "team_east" },
      select: { amount: true, paidAmount: true, dueOn: true, distributorId: true },
    });
    const buckets = { notDue: 0n, d0_30: 0n, d31_60: 0n, d61_90: 0n, d90plus: 0n };
    for (const i of open) {
      const days = Math.round((Date.parse(today) - Date.parse(fromDbDate(i.dueOn))) / 86_400_000);
      const k =
        days < 0
          ? "notDue"
          : days <= 30
            ? "d0_30"
            : days <= 60
              ? "d31_60"
              : days <= 90
                ? "d61_90"
                : "d90plus";
      if (i.amount > i.paidAmount) buckets[k] += i.amount - i.paidAmount;
    }
    expect(f.receivables).toEqual(buckets);
    // The planted May invoice is paid; nothing of the 2019 plant is open.
    const conflicts = await db.channelConflict.count({
      where: { status: { not: "RESOLVED" }, deletedAt: null, teamId: "team_east" },
    });
    expect(f.openConflicts).toBe(conflicts);
    expect(f.openConflicts).toBeGreaterThanOrEqual(1);
    const rep = await db.user.findFirstOrThrow({ where: { role: "REP", active: true } });
    expect(await channelFigures(await viewerFor(rep.id), { from: today, to: today })).not.toBeNull();
  });
});
