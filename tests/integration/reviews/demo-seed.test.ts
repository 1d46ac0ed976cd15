// The demo seed's reviews: the recommended indicators and the East region's last quarter, as the
// app would have written them (snapshot, notifications, audit), readable by the right people only.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaDate } from "@/lib/domain/calendar";
import { periodKey } from "@/lib/domain/kpi-period";
import { lastCompleteQuarter, weightTotals } from "@/lib/domain/scorecard";
import { listIndicators } from "@/lib/data/reviews/indicators";
import { getReview, listMyReviews, listTeamReviews } from "@/lib/data/reviews/reviews";
import { outcome, viewerFor } from "../helpers";

describe("the demo reviews", () => {
  it("seed the recommended indicators, each role weighted to 100", async () => {
    const seeded = (await listIndicators(await viewerFor("usr_admin"))).filter((i) =>
      i.id.startsWith("sci_"),
    );
    expect(seeded).toHaveLength(7);
    expect(weightTotals(seeded)).toEqual({ manager: 100, kam: 100, rep: 100 });
  });

  it("review the East region's people for the last complete quarter: 3 answered, 1 waiting, 1 draft", async () => {
    const rows = await db.performanceReview.findMany({ where: { id: { startsWith: "prv_east_" } } });
    const quarter = periodKey(lastCompleteQuarter(chinaDate(new Date())));
    expect(rows.map((r) => r.status).sort()).toEqual([
      "ACKNOWLEDGED",
      "ACKNOWLEDGED",
      "ACKNOWLEDGED",
      "DRAFT",
      "SHARED",
    ]);
    const manager = await viewerFor("usr_east_manager");
    const listed = await listTeamReviews(manager);
    expect(listed.filter((r) => r.id.startsWith("prv_east_")).every((r) => r.periodKey === quarter)).toBe(
      true,
    );
    for (const r of rows) {
      const review = await getReview(manager, r.id);
      expect(review.snapshot.indicators.length).toBeGreaterThan(0);
      expect(review.snapshot.person.id).toBe(r.subjectId);
      if (r.status === "ACKNOWLEDGED") expect(review.response).toBeTruthy();
    }
    // The rep whose review is shared has an unread notification; the draft's subject sees nothing.
    const waiting = rows.find((r) => r.status === "SHARED")!;
    expect(
      await db.notification.count({
        where: { userId: waiting.subjectId, entityId: waiting.id, readAt: null },
      }),
    ).toBe(1);
    const draft = rows.find((r) => r.status === "DRAFT")!;
    expect(await outcome(getReview(await viewerFor(draft.subjectId), draft.id))).toBe("NOT_FOUND");
    expect(await listMyReviews(await viewerFor(draft.subjectId))).toHaveLength(0);
    // Another region's manager sees none of them.
    expect(
      (await listTeamReviews(await viewerFor("usr_north_manager"))).some((r) => r.id.startsWith("prv_east_")),
    ).toBe(false);
  });
});
