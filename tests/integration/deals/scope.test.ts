// Team scope of deals and agreements on PostgreSQL, and the hand-over when their owner leaves.
import { describe, expect, it } from "vitest";
import { listAgreements, listRenewals, renewAgreement } from "@/lib/data/deals/agreements";
import { listBoardDeals } from "@/lib/data/deals/board";
import { updateStageWork } from "@/lib/data/deals/changes";
import { getDealDetail, listAccountDeals } from "@/lib/data/deals/detail";
import { getPipelineFigures } from "@/lib/data/deals/figures";
import { moveDeal } from "@/lib/data/deals/moves";
import { deleteDeal, terminateDeal, winDeal } from "@/lib/data/deals/outcomes";
import { createUser, deactivateUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import {
  uniquePrefix,
  dealRow,
  actionsFor,
  newDeal,
  move,
  TARGET_DONE,
  dayFromToday,
  agreementFixture,
  NEXT_TERM,
  boardIds,
} from "./fixtures";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";

describe("team scope", () => {
  it("another team's KAM or rep never sees the deal or its agreement, and guessing the id answers NOT_FOUND", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Scope");
    const id = await newDeal(kam, account.id, prefix);
    await move(manager, id, "CLOSING", { overrideReason: "范围测试" });
    const { agreementId } = await winDeal(manager, {
      id,
      version: (await dealRow(id)).version,
      overrideReason: "范围测试",
      applyToValue: false,
      agreement: { ...NEXT_TERM, startDate: dayFromToday(-300), endDate: dayFromToday(30) },
    });
    const open = await newDeal(kam, account.id, `${prefix} open`);

    for (const outsiderId of ["usr_north_kam1", "usr_south_rep2"]) {
      const outsider = await viewerFor(outsiderId);
      expect(await boardIds(outsider, prefix), outsiderId).toEqual([]);
      expect(
        (await listBoardDeals(outsider)).cards.map((c) => c.id),
        outsiderId,
      ).not.toContain(open);
      expect(await outcome(getDealDetail(outsider, open)), outsiderId).toBe("NOT_FOUND");
      expect(
        await outcome(moveDeal(outsider, { id: open, version: 1, to: "LOST", lostReasonId: "lr_price" })),
      ).toBe("NOT_FOUND");
      expect(await outcome(updateStageWork(outsider, { id: open, version: 1, ...TARGET_DONE }))).toBe(
        "NOT_FOUND",
      );
      expect(await outcome(terminateDeal(outsider, { id: open, version: 1, reason: "猜的" }))).toBe(
        "NOT_FOUND",
      );
      expect(await outcome(deleteDeal(outsider, { id: open, version: 1 }))).toBe("NOT_FOUND");
      expect(
        await outcome(winDeal(outsider, { id: open, version: 1, applyToValue: false, agreement: NEXT_TERM })),
      ).toBe("NOT_FOUND");
      expect(await outcome(listAccountDeals(outsider, account.id))).toBe("NOT_FOUND");
      expect((await listAgreements(outsider)).map((a) => a.id)).not.toContain(agreementId);
      expect(await outcome(listAgreements(outsider, { accountId: account.id }))).toBe("NOT_FOUND");
      expect((await listRenewals(outsider)).rows.map((a) => a.id)).not.toContain(agreementId);
      expect(await outcome(renewAgreement(outsider, { id: agreementId, version: 1, ...NEXT_TERM }))).toBe(
        "NOT_FOUND",
      );
      expect((await getPipelineFigures(outsider, { q: prefix })).dealCount).toBe(0);
    }
    expect(await dealRow(open)).toMatchObject({ status: "OPEN", version: 1 });

    // The owner's team sees both; the owner lists the agreement on the account and for renewal.
    expect((await boardIds(kam, prefix)).sort()).toEqual([id, open].sort());
    expect((await listAgreements(kam, { accountId: account.id })).map((a) => a.id)).toEqual([agreementId]);
    expect((await listRenewals(kam)).rows.map((a) => a.id)).toContain(agreementId);
    expect((await listAccountDeals(kam, account.id)).map((d) => d.id).sort()).toEqual([id, open].sort());
    // A rep of the same team reads the deal but may not move a KAM's deal.
    const colleague = await viewerFor("usr_east_rep1");
    expect((await getDealDetail(colleague, open)).canEdit).toBe(false);
    expect(
      await outcome(moveDeal(colleague, { id: open, version: 1, to: "LOST", lostReasonId: "lr_price" })),
    ).toBe("FORBIDDEN");
  });

  it("a manager sees the deals of their team and the teams below it, not a sibling team's; an admin sees all", async () => {
    const east = await viewerFor("usr_east_kam1");
    const north = await viewerFor("usr_north_kam1");
    const prefix = uniquePrefix("Tree");
    const eastDeal = await newDeal(east, (await accountFixture(east.id)).id, `${prefix} east`);
    const northDeal = await newDeal(north, (await accountFixture(north.id)).id, `${prefix} north`);

    const eastManager = await viewerFor("usr_east_manager");
    expect(await boardIds(eastManager, prefix)).toEqual([eastDeal]);
    expect(await outcome(getDealDetail(eastManager, northDeal))).toBe("NOT_FOUND");
    const director = await viewerFor("usr_director"); // manages team_sales, above east, north and south
    expect((await boardIds(director, prefix)).sort()).toEqual([eastDeal, northDeal].sort());
    expect((await getDealDetail(director, northDeal)).canEdit).toBe(true);
    const admin = await viewerFor("usr_admin");
    expect((await boardIds(admin, prefix)).sort()).toEqual([eastDeal, northDeal].sort());
    // Filtering by a team narrows an admin's board to that team.
    expect(await boardIds(admin, prefix, { teamId: "team_north" })).toEqual([northDeal]);
  });
});

describe("hand-over on deactivation", () => {
  it("moves the leaver's deals and agreements to the colleague and their team, one audit row each", async () => {
    const admin = await viewerFor("usr_admin");
    const leaver = await createUser(admin, {
      name: "离职 KAM",
      email: `leaver.${Date.now().toString(36)}@keystone.demo`,
      role: "KAM",
      teamId: "team_east",
      locale: "zh-CN",
      password: "Leaving-Soon-2026",
    });
    const asLeaver = await viewerFor(leaver.id);
    const account = await accountFixture(leaver.id);
    const prefix = uniquePrefix("Handover");
    const dealId = await newDeal(asLeaver, account.id, prefix);
    const agreement = await agreementFixture(account.id, leaver.id, 100);

    const { moved } = await deactivateUser(admin, {
      id: leaver.id,
      version: leaver.version,
      reassignToId: "usr_north_kam1",
    });
    expect(moved).toBe(3); // the account, the deal and the agreement
    expect(await dealRow(dealId)).toMatchObject({
      ownerId: "usr_north_kam1",
      teamId: "team_north",
      version: 2,
    });
    expect(await db.cooperationAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).toMatchObject({
      ownerId: "usr_north_kam1",
      teamId: "team_north",
      version: 2,
    });
    const dealAudit = await auditRowsFor(dealId);
    expect(dealAudit.map((r) => r.action)).toEqual(["deal.create", "deal.reassign"]);
    expect(dealAudit[1]).toMatchObject({
      actorId: admin.id,
      before: { ownerId: leaver.id, teamId: "team_east", version: 1 },
      after: { ownerId: "usr_north_kam1", teamId: "team_north", version: 2 },
    });
    expect(await actionsFor(agreement.id)).toEqual(["agreement.reassign"]);
    // The heir works the deal now; the leaver's old team no longer sees it.
    const heir = await viewerFor("usr_north_kam1");
    expect(await boardIds(heir, prefix)).toEqual([dealId]);
    expect(await move(heir, dealId, "LOST", { lostReasonId: "lr_other" })).toMatchObject({ status: "LOST" });
    expect(await boardIds(await viewerFor("usr_east_kam1"), prefix)).toEqual([]);
  });
});
