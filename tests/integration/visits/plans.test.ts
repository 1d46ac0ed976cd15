// Visit plans, gift and reception requests, approvals and notifications on PostgreSQL: scoped like
// owned records, decided only by their approver, idempotent by client id, audited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  decidePlan,
  decideRequest,
  listPendingApprovals,
  pendingApprovalCount,
} from "@/lib/data/visits/approvals";
import { getPlan, listPlans } from "@/lib/data/visits/plan-reads";
import {
  cancelPlan,
  createPlan,
  deletePlan,
  reschedulePlan,
  restorePlan,
  submitPlan,
  updatePlan,
} from "@/lib/data/visits/plans";
import { createRequest, getRequest, giftYearTotals, resubmitRequest } from "@/lib/data/visits/requests";
import { listNotifications, markAllNotificationsRead, unreadCount } from "@/lib/data/notifications";
import { createGiftSchema, createPlanSchema, createReceptionSchema } from "@/lib/validation/visit-plans";
import { contactRow } from "../../factories/accounts";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";

async function tieredAccount(ownerId: string, tier: "A" | "B" | "C") {
  const account = await accountFixture(ownerId);
  await db.account.update({ where: { id: account.id }, data: { tier } });
  const contact = await db.contact.create({ data: contactRow({ accountId: account.id }) });
  return { ...account, tier, contactId: contact.id };
}

function planInput(accountId: string, fields: Record<string, string | string[]> = {}) {
  return createPlanSchema.parse({
    accountId,
    purpose: "季度回顾与续约洽谈",
    method: "IN_PERSON",
    plannedStart: "2030-03-02T09:00",
    plannedEnd: "2030-03-02T11:00",
    ...fields,
  });
}

const giftInput = (
  accountId: string,
  contactId: string,
  amount: string,
  extra: Record<string, string> = {},
) =>
  createGiftSchema.parse({
    kind: "GIFT",
    accountId,
    recipientContactId: contactId,
    giftItems: "茶叶两盒",
    amount,
    reason: "春节拜访",
    ...extra,
  });

describe("visit plans", () => {
  it("an A-tier plan waits for the team's manager, who is notified; a B-tier one is approved at once", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const a = await tieredAccount(rep.id, "A");
    const b = await tieredAccount(rep.id, "B");
    const before = await unreadCount({ id: "usr_east_manager" });

    const waiting = await createPlan(rep, {
      ...planInput(a.id, { intent: "submit", contactIds: [a.contactId] }),
    });
    expect(waiting).toMatchObject({
      status: "SUBMITTED",
      needsApproval: true,
      approverId: "usr_east_manager",
    });
    expect(await unreadCount({ id: "usr_east_manager" })).toBe(before + 1);
    const [note] = await listNotifications({ id: "usr_east_manager" }, { take: 1 });
    expect(note).toMatchObject({ kind: "plan.submitted", entityId: waiting.id, readAt: null });
    expect(note!.payload).toMatchObject({ actorName: rep.name, purpose: "季度回顾与续约洽谈" });

    const approved = await createPlan(rep, planInput(b.id, { intent: "submit" }));
    expect(approved).toMatchObject({ status: "APPROVED", needsApproval: false, approverId: null });
    expect(await unreadCount({ id: "usr_east_manager" })).toBe(before + 1);
  });

  it("goes to the director above the threshold, and a manager's own plan goes one level up", async () => {
    const rep = await viewerFor("usr_east_rep2");
    const manager = await viewerFor("usr_east_manager");
    const account = await tieredAccount(rep.id, "B");
    const costly = await createPlan(
      rep,
      planInput(account.id, { intent: "submit", expectedCost: "20000.01" }),
    );
    expect(costly).toMatchObject({ status: "SUBMITTED", approverId: "usr_director" });
    const managers = await tieredAccount(manager.id, "A");
    const own = await createPlan(manager, planInput(managers.id, { intent: "submit" }));
    expect(own.approverId).toBe("usr_director");
    // The director (team_sales, no team above) is decided by an administrator.
    const director = await viewerFor("usr_director");
    const top = await createPlan(director, planInput(managers.id, { intent: "submit" }));
    expect(top.approverId).toBe("usr_admin");
  });

  it("answers NOT_FOUND to another team for every read and change", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const outsider = await viewerFor("usr_north_rep1");
    const outsiderManager = await viewerFor("usr_north_manager");
    const account = await tieredAccount(rep.id, "A");
    const plan = await createPlan(rep, planInput(account.id, { intent: "submit" }));
    const gift = await createRequest(rep, giftInput(account.id, account.contactId, "800"));
    const ref = { id: plan.id, version: plan.version };

    for (const viewer of [outsider, outsiderManager]) {
      expect(await outcome(getPlan(viewer, plan.id))).toBe("NOT_FOUND");
      expect(await outcome(getRequest(viewer, gift.id))).toBe("NOT_FOUND");
      expect(await outcome(submitPlan(viewer, ref))).toBe("NOT_FOUND");
      expect(await outcome(cancelPlan(viewer, ref))).toBe("NOT_FOUND");
      expect(await outcome(updatePlan(viewer, { ...planInput(account.id), ...ref }))).toBe("NOT_FOUND");
      expect(await outcome(decidePlan(viewer, { ...ref, decision: "approve", comment: null }))).toBe(
        "NOT_FOUND",
      );
      expect(
        await outcome(decideRequest(viewer, { id: gift.id, version: 1, decision: "approve", comment: null })),
      ).toBe("NOT_FOUND");
      expect(await outcome(createPlan(viewer, planInput(account.id)))).toBe("NOT_FOUND");
      expect(await outcome(createRequest(viewer, giftInput(account.id, account.contactId, "10")))).toBe(
        "NOT_FOUND",
      );
      expect(await outcome(giftYearTotals(viewer, account.id))).toBe("NOT_FOUND");
      expect((await listPlans(viewer, { owner: rep.id, page: 1 })).total).toBe(0);
    }
    expect((await db.visitPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("SUBMITTED");
  });

  it("is decided only by its approver or an administrator", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const teammate = await viewerFor("usr_east_kam1");
    const director = await viewerFor("usr_director");
    const manager = await viewerFor("usr_east_manager");
    const admin = await viewerFor("usr_admin");
    const account = await tieredAccount(rep.id, "A");
    const plan = await createPlan(rep, planInput(account.id, { intent: "submit" }));
    const decision = { id: plan.id, version: plan.version, decision: "approve" as const, comment: null };

    // They may see it, but it is not theirs to decide.
    expect(await outcome(decidePlan(teammate, decision))).toBe("FORBIDDEN");
    expect(await outcome(decidePlan(director, decision))).toBe("FORBIDDEN");
    expect(await outcome(decidePlan(rep, decision))).toBe("FORBIDDEN");
    expect((await listPendingApprovals(manager)).plans.map((p) => p.id)).toContain(plan.id);
    expect((await listPendingApprovals(director)).plans.map((p) => p.id)).not.toContain(plan.id);

    const unreadBefore = await unreadCount(rep);
    const decided = await decidePlan(manager, { ...decision, decision: "return", comment: "请补充拜访目标" });
    expect(decided).toMatchObject({ status: "RETURNED", decisionComment: "请补充拜访目标" });
    expect(await outcome(decidePlan(manager, { ...decision, version: decided.version }))).toBe("CONFLICT");
    // The owner hears of it; the approver's own notification is done with.
    expect(await unreadCount(rep)).toBe(unreadBefore + 1);
    const [note] = await listNotifications(rep, { take: 1 });
    expect(note).toMatchObject({ kind: "plan.returned", entityId: plan.id });
    expect(note!.payload.comment).toBe("请补充拜访目标");
    expect(
      await db.notification.count({ where: { userId: manager.id, entityId: plan.id, readAt: null } }),
    ).toBe(0);
    expect((await listPendingApprovals(manager)).plans.map((p) => p.id)).not.toContain(plan.id);

    // Returned → edited and submitted again → an administrator may decide it too.
    const again = await updatePlan(rep, {
      ...planInput(account.id, { intent: "submit", objectives: "确认续约条款" }),
      id: plan.id,
      version: decided.version,
    });
    expect(again).toMatchObject({ status: "SUBMITTED", objectives: "确认续约条款", decisionComment: null });
    const byAdmin = await decidePlan(admin, { ...decision, version: again.version });
    expect(byAdmin.status).toBe("APPROVED");
    expect((await auditRowsFor(plan.id)).map((r) => r.action)).toEqual([
      "visitPlan.create",
      "visitPlan.return",
      "visitPlan.submit",
      "visitPlan.approve",
    ]);
  });

  it("a retried create with the same client id makes one plan and one audit row", async () => {
    const rep = await viewerFor("usr_east_rep3");
    const account = await tieredAccount(rep.id, "B");
    const clientId = `plan-${Date.now()}`;
    const input = { ...planInput(account.id), clientId };
    const [first, second] = await Promise.all([createPlan(rep, input), createPlan(rep, input)]);
    const third = await createPlan(rep, input);
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    expect(await db.visitPlan.count({ where: { clientId } })).toBe(1);
    expect(await auditRowsFor(first.id)).toHaveLength(1);
    // Someone else's client id is not theirs to find.
    const other = await viewerFor("usr_east_rep1");
    expect(await outcome(createPlan(other, input))).toBe("NOT_FOUND");
  });

  it("refuses contacts, colleagues and deals the plan may not name", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await tieredAccount(rep.id, "B");
    const elsewhere = await tieredAccount(rep.id, "B");
    expect(await outcome(createPlan(rep, planInput(account.id, { contactIds: [elsewhere.contactId] })))).toBe(
      "VALIDATION",
    );
    expect(await outcome(createPlan(rep, planInput(account.id, { companionIds: ["usr_north_rep1"] })))).toBe(
      "VALIDATION",
    );
    expect(await outcome(createPlan(rep, planInput(account.id, { dealId: "no_such_deal" })))).toBe(
      "VALIDATION",
    );
    const ok = await createPlan(rep, planInput(account.id, { companionIds: ["usr_east_rep2"] }));
    expect(ok.companionIds).toEqual(["usr_east_rep2"]);
  });

  it("an approved plan is rescheduled (status and history kept), cancelled; a draft is deleted and restored", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await tieredAccount(rep.id, "C");
    const plan = await createPlan(rep, planInput(account.id, { intent: "submit" }));
    expect(plan.status).toBe("APPROVED");
    const start = new Date("2030-03-05T01:00:00Z");
    const end = new Date("2030-03-05T03:00:00Z");
    expect(await outcome(deletePlan(rep, { id: plan.id, version: plan.version }))).toBe("CONFLICT");
    const moved = await reschedulePlan(rep, {
      id: plan.id,
      version: plan.version,
      plannedStart: start,
      plannedEnd: end,
    });
    expect(moved).toMatchObject({ status: "APPROVED", plannedStart: start });
    const [, row] = await auditRowsFor(plan.id);
    expect(row).toMatchObject({ action: "visitPlan.reschedule" });
    expect((row!.before as { plannedStart: string }).plannedStart).toBe(plan.plannedStart.toISOString());
    const cancelled = await cancelPlan(rep, { id: plan.id, version: moved.version });
    expect(cancelled.status).toBe("CANCELLED");
    expect(
      await outcome(
        reschedulePlan(rep, {
          id: plan.id,
          version: cancelled.version,
          plannedStart: start,
          plannedEnd: end,
        }),
      ),
    ).toBe("CONFLICT");

    const draft = await createPlan(rep, planInput(account.id));
    expect(draft.status).toBe("DRAFT");
    const gone = await deletePlan(rep, { id: draft.id, version: draft.version });
    expect(await outcome(getPlan(rep, draft.id))).toBe("NOT_FOUND");
    await restorePlan(rep, { id: draft.id, version: gone.version });
    expect((await getPlan(rep, draft.id)).status).toBe("DRAFT");
  });

  it("lists a person's plans, with missed ones found by the MISSED filter", async () => {
    const rep = await viewerFor("usr_east_kam2");
    const manager = await viewerFor("usr_east_manager");
    const account = await tieredAccount(rep.id, "C");
    const past = await createPlan(
      rep,
      planInput(account.id, {
        intent: "submit",
        plannedStart: "2020-01-02T09:00",
        plannedEnd: "2020-01-02T10:00",
      }),
    );
    const future = await createPlan(rep, planInput(account.id, { intent: "submit" }));
    const missed = await listPlans(rep, { status: "MISSED", page: 1 });
    expect(missed.rows.map((r) => r.id)).toContain(past.id);
    expect(missed.rows.map((r) => r.id)).not.toContain(future.id);
    expect(missed.rows.find((r) => r.id === past.id)!.display).toBe("MISSED");
    const approved = await listPlans(rep, { status: "APPROVED", page: 1 });
    expect(approved.rows.map((r) => r.id)).toEqual(expect.arrayContaining([future.id]));
    expect(approved.rows.map((r) => r.id)).not.toContain(past.id);
    // The manager picks the person.
    expect((await listPlans(manager, { owner: rep.id, page: 1 })).total).toBeGreaterThanOrEqual(2);
  });
});

describe("gift and reception requests", () => {
  it("a small gift is approved at once, a larger one and every reception wait for the manager", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const manager = await viewerFor("usr_east_manager");
    const account = await tieredAccount(rep.id, "A");
    const plan = await createPlan(rep, planInput(account.id));
    const pendingBefore = await pendingApprovalCount(manager);

    const small = await createRequest(
      rep,
      giftInput(account.id, account.contactId, "500", { planId: plan.id }),
    );
    expect(small).toMatchObject({ status: "APPROVED", needsApproval: false, planId: plan.id });
    const large = await createRequest(rep, giftInput(account.id, account.contactId, "1200"));
    expect(large).toMatchObject({ status: "SUBMITTED", approverId: "usr_east_manager" });
    const reception = await createRequest(
      rep,
      createReceptionSchema.parse({
        kind: "RECEPTION",
        accountId: account.id,
        amount: "300",
        reason: "客户来厂参观",
        delegation: "采购部王总一行",
        startDate: "2030-04-01",
        endDate: "2030-04-02",
        headcount: "4",
      }),
    );
    expect(reception).toMatchObject({ status: "SUBMITTED", approverId: "usr_east_manager", headcount: 4 });
    expect(await pendingApprovalCount(manager)).toBe(pendingBefore + 2);
    const notes = await listNotifications(manager, { take: 2 });
    expect(notes.map((n) => n.kind)).toEqual(["request.submitted", "request.submitted"]);

    // A gift attached to a plan of another account is refused.
    const other = await tieredAccount(rep.id, "B");
    expect(
      await outcome(createRequest(rep, giftInput(other.id, other.contactId, "10", { planId: plan.id }))),
    ).toBe("VALIDATION");
  });

  it("counts the year's gifts per contact and account: approved and waiting, not returned", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const manager = await viewerFor("usr_east_manager");
    const account = await tieredAccount(rep.id, "B");
    const second = await db.contact.create({ data: contactRow({ accountId: account.id }) });
    await createRequest(rep, giftInput(account.id, account.contactId, "400"));
    const waiting = await createRequest(rep, giftInput(account.id, second.id, "900"));
    const returned = await createRequest(rep, giftInput(account.id, second.id, "5000"));
    await decideRequest(manager, {
      id: returned.id,
      version: returned.version,
      decision: "return",
      comment: "超标",
    });
    const totals = await giftYearTotals(rep, account.id);
    expect(totals.account).toBe(130_000n);
    expect(totals.perContact.get(account.contactId)).toBe(40_000n);
    expect(totals.perContact.get(second.id)).toBe(90_000n);
    expect(waiting.status).toBe("SUBMITTED");

    // Returned → edited → sent again; only the approver decides.
    const again = await resubmitRequest(rep, {
      ...giftInput(account.id, second.id, "600"),
      id: returned.id,
      version: returned.version + 1,
    });
    expect(again).toMatchObject({ status: "SUBMITTED", amount: 60_000n });
    const kam = await viewerFor("usr_east_kam1");
    expect(
      await outcome(
        decideRequest(kam, { id: again.id, version: again.version, decision: "approve", comment: null }),
      ),
    ).toBe("FORBIDDEN");
    const ok = await decideRequest(manager, {
      id: again.id,
      version: again.version,
      decision: "approve",
      comment: null,
    });
    expect(ok.status).toBe("APPROVED");
    expect((await listNotifications(rep, { take: 1 }))[0]).toMatchObject({
      kind: "request.approved",
      entityId: again.id,
    });
    const read = await markAllNotificationsRead(rep);
    expect(read).toBeGreaterThan(0);
    expect(await unreadCount(rep)).toBe(0);
  });
});
