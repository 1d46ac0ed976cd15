// 合作协议 on PostgreSQL: the renewal window, versioned edits and 续签.
import { describe, expect, it } from "vitest";
import { listRenewals, renewAgreement, updateAgreement } from "@/lib/data/deals/agreements";
import { db } from "@/lib/db";
import { agreementFixture, NEXT_TERM } from "./fixtures";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";

describe("agreements and renewals", () => {
  it("lists agreements ending within the window (today and the last day included), soonest first", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const [ended, today, soon, lastDay, later] = await Promise.all(
      [-1, 0, 30, 60, 61].map((days) => agreementFixture(account.id, kam.id, days)),
    );
    const { rows, windowDays } = await listRenewals(kam);
    expect(windowDays).toBe(60);
    const mine = rows.filter((r) => r.accountId === account.id).map((r) => r.id);
    expect(mine).toEqual([today!.id, soon!.id, lastDay!.id]);
    expect(mine).not.toContain(ended!.id);
    expect(mine).not.toContain(later!.id);
  });

  it("updates an agreement with a version check, audited", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const a = await agreementFixture(account.id, kam.id, 200);
    const terms = {
      startDate: a.startDate,
      endDate: a.endDate,
      serviceContent: a.serviceContent,
      cooperationMode: a.cooperationMode,
      contractValue: a.contractValue,
    };
    const after = await updateAgreement(kam, { id: a.id, version: 1, ...terms, pricingPolicy: "月度调价" });
    expect(after).toMatchObject({ pricingPolicy: "月度调价", version: 2 });
    expect(
      await outcome(updateAgreement(kam, { id: a.id, version: 1, ...terms, pricingPolicy: "过期的改动" })),
    ).toBe("CONFLICT");
    const rows = await auditRowsFor(a.id);
    expect(rows.map((r) => r.action)).toEqual(["agreement.update"]);
    expect(rows[0]!.before).toMatchObject({ pricingPolicy: "季度调价", version: 1 });
    expect(rows[0]!.after).toMatchObject({ pricingPolicy: "月度调价", version: 2 });
  });

  it("a renewal makes a linked agreement; a second renewal of the same version at the same time gets CONFLICT", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const previous = await agreementFixture(account.id, kam.id, 20);
    const results = await Promise.all([
      outcome(renewAgreement(kam, { id: previous.id, version: 1, ...NEXT_TERM })),
      outcome(
        renewAgreement(manager, { id: previous.id, version: 1, ...NEXT_TERM, pricingPolicy: "另一份" }),
      ),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    const renewals = await db.cooperationAgreement.findMany({ where: { renewedFromId: previous.id } });
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({
      accountId: account.id,
      ownerId: kam.id,
      teamId: "team_east",
      dealId: null,
      startDate: NEXT_TERM.startDate,
      endDate: NEXT_TERM.endDate,
      contractValue: NEXT_TERM.contractValue,
    });
    expect((await db.cooperationAgreement.findUniqueOrThrow({ where: { id: previous.id } })).version).toBe(2);
    const audit = await auditRowsFor(renewals[0]!.id);
    expect(audit.map((r) => r.action)).toEqual(["agreement.renew"]);
    expect(audit[0]!.before).toMatchObject({ id: previous.id, version: 1 });
    expect(audit[0]!.after).toMatchObject({ id: renewals[0]!.id, renewedFromId: previous.id });
  });

  it("a renewed agreement leaves the renewal list and cannot be renewed a second time", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const previous = await agreementFixture(account.id, kam.id, 20);
    await renewAgreement(kam, { id: previous.id, version: 1, ...NEXT_TERM });
    const due = (await listRenewals(kam)).rows.map((r) => r.id);
    // Renewed already: nothing left to do for it on the renewal list.
    expect(due).not.toContain(previous.id);
    // And renewing it again later (with its fresh version) must not make a second next term.
    expect(await outcome(renewAgreement(kam, { id: previous.id, version: 2, ...NEXT_TERM }))).not.toBe("OK");
    expect(await db.cooperationAgreement.count({ where: { renewedFromId: previous.id } })).toBe(1);
  });
});
