// Changing a deal on PostgreSQL: details and stage work versioned and audited, and the account's
// timeline.
import { describe, expect, it } from "vitest";
import { accountTimeline } from "@/lib/data/contacts";
import { updateDeal, updateStageWork } from "@/lib/data/deals/changes";
import { getDealDetail } from "@/lib/data/deals/detail";
import { moveDeal } from "@/lib/data/deals/moves";
import { deleteDeal, listDeletedDeals, restoreDeal } from "@/lib/data/deals/outcomes";
import {
  uniquePrefix,
  dealRow,
  actionsFor,
  newDeal,
  work,
  move,
  TARGET_DONE,
  CLOSING_DONE,
  boardIds,
} from "./fixtures";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";

describe("changing a deal", () => {
  it("a stale version on a deal's details or stage work is refused, changing nothing", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Stale"));
    const details = { title: "新标题", expectedValue: 123_400n, expectedCloseDate: null, products: null };
    await updateDeal(kam, { id, version: 1, ...details });
    expect(await outcome(updateDeal(kam, { id, version: 1, ...details, title: "过期标题" }))).toBe(
      "CONFLICT",
    );
    expect(await outcome(updateStageWork(kam, { id, version: 1, ...TARGET_DONE }))).toBe("CONFLICT");
    expect(await outcome(moveDeal(kam, { id, version: 1, to: "LOST", lostReasonId: "lr_price" }))).toBe(
      "CONFLICT",
    );
    expect(await dealRow(id)).toMatchObject({
      title: "新标题",
      version: 2,
      opportunity: "UNKNOWN",
      status: "OPEN",
    });
    expect(await actionsFor(id)).toEqual(["deal.create", "deal.update"]);
  });

  it("create, update, stage work, delete and restore each write their row with before and after", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const rep = await viewerFor("usr_east_rep1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Audit");
    const id = await newDeal(kam, account.id, prefix, { expectedValueYuan: 800_000 });
    await updateDeal(kam, {
      id,
      version: 1,
      title: `${prefix} renamed`,
      expectedValue: 90_000_000n,
      expectedCloseDate: new Date(Date.UTC(2027, 5, 30)),
      products: "压铸件",
    });
    await updateStageWork(kam, { id, version: 2, ...TARGET_DONE });
    await updateStageWork(kam, { id, version: 3, ...CLOSING_DONE });
    // A rep of the team may not delete a KAM's deal, nor may the KAM restore it (managers restore).
    expect(await outcome(deleteDeal(rep, { id, version: 4 }))).toBe("FORBIDDEN");
    await deleteDeal(kam, { id, version: 4 });
    expect(await boardIds(kam, prefix)).toEqual([]);
    expect(await outcome(getDealDetail(kam, id))).toBe("NOT_FOUND");
    expect(await outcome(moveDeal(kam, { id, version: 5, to: "INFORMATION" }))).toBe("NOT_FOUND");
    expect((await listDeletedDeals(manager)).map((d) => d.id)).toContain(id);
    expect(await outcome(restoreDeal(kam, { id, version: 5 }))).toBe("FORBIDDEN");
    await restoreDeal(manager, { id, version: 5 });
    expect(await boardIds(kam, prefix)).toEqual([id]);

    const rows = await auditRowsFor(id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["deal.create", kam.id],
      ["deal.update", kam.id],
      ["deal.work.target", kam.id],
      ["deal.work.closing", kam.id],
      ["deal.delete", kam.id],
      ["deal.restore", manager.id],
    ]);
    expect(rows.every((r) => r.entity === "Deal")).toBe(true);
    const [create, update, target, closing, del, restore] = rows;
    expect(create!.before).toBeNull();
    expect(create!.after).toMatchObject({
      title: prefix,
      expectedValue: "80000000",
      stage: "TARGET",
      version: 1,
    });
    expect(update!.before).toMatchObject({ title: prefix, expectedValue: "80000000", version: 1 });
    expect(update!.after).toMatchObject({
      title: `${prefix} renamed`,
      expectedValue: "90000000",
      products: "压铸件",
      version: 2,
    });
    expect(target!.before).toMatchObject({ opportunity: "UNKNOWN", version: 2 });
    expect(target!.after).toMatchObject({ opportunity: "YES", needUrgency: 4, version: 3 });
    expect(closing!.before).toMatchObject({ seniorMeetingHeld: false, version: 3 });
    expect(closing!.after).toMatchObject({ seniorMeetingHeld: true, siteAuditDone: true, version: 4 });
    expect(del!.before).toMatchObject({ deletedAt: null, version: 4 });
    expect(del!.after).toMatchObject({ deletedAt: expect.any(String), version: 5 });
    expect(restore!.before).toMatchObject({ deletedAt: expect.any(String), version: 5 });
    expect(restore!.after).toMatchObject({ deletedAt: null, version: 6 });
  });

  it("the account's timeline shows its deals' stage changes", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Timeline"));
    await work(kam, id, TARGET_DONE);
    await move(kam, id, "INFORMATION");
    const { rows } = await accountTimeline(kam, account.id);
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.actor?.id])).toEqual([
      ["deal.move", "Deal", id, kam.id],
      ["deal.work.target", "Deal", id, kam.id],
      ["deal.create", "Deal", id, kam.id],
    ]);
    expect(rows[0]!.after).toMatchObject({ stage: "INFORMATION", accountId: account.id });
  });
});
