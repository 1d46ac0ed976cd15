// The indicator system (绩效考核指标体系): administrators only, validated, versioned, audited, soft
// deleted and restored; and a change never rewrites a frozen review.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { quarterPeriod } from "@/lib/domain/kpi-period";
import {
  addRecommendedIndicators,
  createIndicator,
  deleteIndicator,
  listIndicators,
  restoreIndicator,
  updateIndicator,
} from "@/lib/data/reviews/indicators";
import { getReview, openReview } from "@/lib/data/reviews/reviews";
import { createIndicatorSchema } from "@/lib/validation/scorecards";
import { auditRowsFor, outcome, viewerFor } from "../helpers";
import { ensureIndicators, region } from "./fixtures";

const input = (fields: Record<string, string> = {}) =>
  createIndicatorSchema.parse({
    name: "赢单率",
    nameEn: "Win rate",
    metric: "WIN_RATE",
    fullMarksAt: "40%",
    weightManager: "0",
    weightKam: "5",
    weightRep: "",
    ...fields,
  });

describe("scorecard indicators", () => {
  it("only administrators read or change them", async () => {
    const manager = await viewerFor("usr_east_manager");
    expect(await outcome(listIndicators(manager))).toBe("FORBIDDEN");
    expect(await outcome(createIndicator(manager, input()))).toBe("FORBIDDEN");
    expect(await outcome(addRecommendedIndicators(manager))).toBe("FORBIDDEN");
  });

  it("adds, edits with a version check, deletes and restores, with an audit row each", async () => {
    const admin = await viewerFor("usr_admin");
    const row = await createIndicator(admin, input());
    expect(row).toMatchObject({ fullMarksAt: 40, weightKam: 5, weightRep: 0 });
    await updateIndicator(admin, { ...input({ weightRep: "10" }), id: row.id, version: 1 });
    expect(await outcome(updateIndicator(admin, { ...input(), id: row.id, version: 1 }))).toBe("CONFLICT");
    await deleteIndicator(admin, { id: row.id, version: 2 });
    expect((await listIndicators(admin)).some((i) => i.id === row.id)).toBe(false);
    expect((await listIndicators(admin, { deleted: true })).some((i) => i.id === row.id)).toBe(true);
    await restoreIndicator(admin, { id: row.id, version: 3 });
    expect((await auditRowsFor(row.id)).map((a) => a.action)).toEqual([
      "scorecardIndicator.create",
      "scorecardIndicator.update",
      "scorecardIndicator.delete",
      "scorecardIndicator.restore",
    ]);
    await deleteIndicator(admin, { id: row.id, version: 4 }); // leave the system as it was
  });

  it("refuses a visits × success indicator without full marks, and a rate above 100 %", async () => {
    const admin = await viewerFor("usr_admin");
    expect(
      await outcome(createIndicator(admin, input({ metric: "VISITS_TIMES_SUCCESS", fullMarksAt: "" }))),
    ).toBe("VALIDATION");
    expect(await outcome(createIndicator(admin, input({ fullMarksAt: "140" })))).toBe("VALIDATION");
  });

  it("the recommended set is offered only to an empty system", async () => {
    await ensureIndicators();
    expect(await outcome(addRecommendedIndicators(await viewerFor("usr_admin")))).toBe("CONFLICT");
  });

  it("renaming or reweighting an indicator leaves a frozen review as it was", async () => {
    await ensureIndicators();
    const admin = await viewerFor("usr_admin");
    const r = await region("指标测试");
    const manager = await viewerFor(r.manager.id);
    const { id } = await openReview(
      manager,
      { subjectId: r.rep1.id, period: quarterPeriod(2025, 1) },
      "2026-12-02",
    );
    const before = await getReview(manager, id);
    const first = before.snapshot.indicators[0]!;
    const live = await db.scorecardIndicator.findFirstOrThrow({ where: { code: first.code } });
    const fields = input({
      name: "改名后的指标",
      nameEn: live.nameEn,
      metric: live.metric,
      fullMarksAt: live.fullMarksAt === null ? "" : String(live.fullMarksAt),
      weightManager: String(live.weightManager),
      weightKam: String(live.weightKam),
      weightRep: "1",
    });
    await updateIndicator(admin, { ...fields, id: live.id, version: live.version });
    const after = await getReview(manager, id);
    expect(after.snapshot.indicators[0]).toMatchObject({ name: first.name, weight: first.weight });
    await updateIndicator(admin, {
      ...fields,
      name: live.name,
      weightRep: live.weightRep,
      id: live.id,
      version: live.version + 1,
    });
  });
});
