// Visit records through the real data layer on PostgreSQL: one record per client-made id (also under
// a race), scope on records and photos, the follow-up made and completed, the account's last contact
// kept through add / edit / delete / restore, plans closed and deal work ticked in the same save.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { contactDueOn, DEFAULT_VISIT_SETTINGS } from "@/lib/domain/visits";
import { listMyFollowUps } from "@/lib/data/visits/follow-ups";
import { getVisitPhoto } from "@/lib/data/visits/photos";
import { getVisitRecordDetail, listAccountVisits, listMyVisitRecords } from "@/lib/data/visits/record-reads";
import {
  createVisitRecord,
  deleteVisitRecord,
  restoreVisitRecord,
  updateVisitRecord,
} from "@/lib/data/visits/records";
import { createVisitRecordSchema, updateVisitRecordSchema } from "@/lib/validation/visit-records";
import { dealRow } from "../factories/deals";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "./helpers";

const HOUR = 3_600_000;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);

/** "YYYY-MM-DDTHH:mm" in Beijing time for an instant (what the form's datetime-local sends). */
const chinaLocal = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 16);

function recordInput(accountId: string, fields: Record<string, unknown> = {}) {
  return createVisitRecordSchema.parse({
    clientId: randomUUID(),
    accountId,
    method: "IN_PERSON",
    talkingPoints: "介绍新产品线，客户关注交期",
    nextStep: "下周送样",
    ...fields,
  });
}

async function lastContact(accountId: string) {
  const a = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { lastContactAt: true, contactDueOn: true, tier: true, createdAt: true },
  });
  return {
    lastContactAt: a.lastContactAt?.toISOString() ?? null,
    dueOn: a.contactDueOn ? fromDbDate(a.contactDueOn) : null,
    expectedDue: contactDueOn(a, DEFAULT_VISIT_SETTINGS),
  };
}

describe("visit records: one per client id", () => {
  it("returns the saved record for a repeated submission and writes no second row or audit row", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const input = recordInput(account.id);
    const first = await createVisitRecord(rep, input);
    const again = await createVisitRecord(rep, input);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, record: { id: first.record.id } });
    expect(await db.visitRecord.count({ where: { clientId: input.clientId } })).toBe(1);
    expect((await auditRowsFor(first.record.id)).map((r) => r.action)).toEqual(["visit.create"]);
    expect(await db.followUp.count({ where: { sourceRecordId: first.record.id } })).toBe(1);
  });

  it("makes one record when two submissions with the same id race", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const input = recordInput(account.id);
    const results = await Promise.all([createVisitRecord(rep, input), createVisitRecord(rep, input)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    expect(await db.visitRecord.count({ where: { clientId: input.clientId } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: results[0]!.record.id } })).toBe(1);
    expect(await db.followUp.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("does not hand another person's record to a colliding client id", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const teammate = await viewerFor("usr_east_rep2");
    const account = await accountFixture(rep.id);
    const input = recordInput(account.id);
    await createVisitRecord(rep, input);
    expect(await outcome(createVisitRecord(teammate, input))).toBe("DUPLICATE");
  });
});

describe("visit records: scope", () => {
  it("another team's records and photos answer not found; the account must be in scope to log", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const outsider = await viewerFor("usr_north_rep1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(rep.id);
    const { record } = await createVisitRecord(
      rep,
      recordInput(account.id, {
        photos: [{ data: `data:image/jpeg;base64,${JPEG.toString("base64")}`, width: 10, height: 8 }],
      }),
    );
    const photo = await db.visitPhoto.findFirstOrThrow({ where: { recordId: record.id } });
    expect(photo.mimeType).toBe("image/jpeg");

    expect(await outcome(getVisitRecordDetail(outsider, record.id))).toBe("NOT_FOUND");
    expect(await outcome(getVisitPhoto(outsider, photo.id))).toBe("NOT_FOUND");
    expect(await outcome(createVisitRecord(outsider, recordInput(account.id)))).toBe("NOT_FOUND");
    expect(await listAccountVisits(outsider, account.id)).toEqual([]);
    expect(
      await outcome(
        updateVisitRecord(outsider, updateVisitRecordSchema.parse({ ...editOf(record), version: 1 })),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(deleteVisitRecord(outsider, { id: record.id, version: 1 }))).toBe("NOT_FOUND");

    // The team's manager sees the record and its photo; the photo's bytes come back whole.
    expect((await getVisitRecordDetail(manager, record.id)).photos).toHaveLength(1);
    expect(Buffer.from((await getVisitPhoto(manager, photo.id)).bytes)).toEqual(JPEG);
  });

  it("refuses a contact or a deal of another account", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const other = await accountFixture(rep.id);
    const contact = await db.contact.create({ data: { accountId: other.id, name: "别家联系人" } });
    const deal = await db.deal.create({
      data: dealRow({ ownerId: rep.id, teamId: rep.teamId!, accountId: other.id }),
    });
    expect(await outcome(createVisitRecord(rep, recordInput(account.id, { contactIds: [contact.id] })))).toBe(
      "VALIDATION",
    );
    expect(await outcome(createVisitRecord(rep, recordInput(account.id, { dealId: deal.id })))).toBe(
      "VALIDATION",
    );
    expect(await db.visitRecord.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("lists only the person's own records, newest first, in keyset pages", async () => {
    const rep = await viewerFor("usr_east_rep3");
    const teammate = await viewerFor("usr_east_kam1");
    const account = await accountFixture(rep.id);
    const base = Date.now() - 100 * HOUR;
    for (let i = 0; i < 5; i++)
      await createVisitRecord(
        rep,
        recordInput(account.id, { visitedAt: chinaLocal(new Date(base + i * HOUR)) }),
      );
    await createVisitRecord(teammate, recordInput(account.id));

    const first = await listMyVisitRecords(rep, { account: account.id }, 2);
    const second = await listMyVisitRecords(rep, { account: account.id, cursor: first.next! }, 2);
    const third = await listMyVisitRecords(rep, { account: account.id, cursor: second.next! }, 2);
    const all = [...first.rows, ...second.rows, ...third.rows];
    expect(all).toHaveLength(5);
    expect(third.next).toBeNull();
    const times = all.map((r) => r.visitedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(all.map((r) => r.id)).size).toBe(5);
  });
});

function editOf(record: { id: string; method: string; talkingPoints: string }) {
  return { id: record.id, method: record.method, talkingPoints: record.talkingPoints };
}

describe("visit records: last contact", () => {
  it("follows records as they are added, moved, deleted and restored", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(rep.id);
    const never = await lastContact(account.id);
    expect(never.lastContactAt).toBeNull();

    const early = new Date(Date.now() - 48 * HOUR);
    const late = new Date(Date.now() - 24 * HOUR);
    const a = await createVisitRecord(rep, recordInput(account.id, { visitedAt: chinaLocal(early) }));
    const b = await createVisitRecord(rep, recordInput(account.id, { visitedAt: chinaLocal(late) }));
    const minute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000).toISOString();
    let now = await lastContact(account.id);
    expect(now.lastContactAt).toBe(minute(late));
    expect(now.dueOn).toBe(now.expectedDue);

    // The later visit is moved back before the first one: last contact is now the first one's.
    const older = new Date(Date.now() - 72 * HOUR);
    await updateVisitRecord(
      rep,
      updateVisitRecordSchema.parse({ ...editOf(b.record), version: 1, visitedAt: chinaLocal(older) }),
    );
    now = await lastContact(account.id);
    expect(now.lastContactAt).toBe(minute(early));
    expect(now.dueOn).toBe(now.expectedDue);

    // Deleted (by the manager: reps do not delete), the first falls back to the moved one; restored, back.
    await deleteVisitRecord(manager, { id: a.record.id, version: 1 });
    expect((await lastContact(account.id)).lastContactAt).toBe(minute(older));
    await restoreVisitRecord(manager, { id: a.record.id, version: 2 });
    expect((await lastContact(account.id)).lastContactAt).toBe(minute(early));

    // Everything deleted: never contacted again, due one cadence after creation.
    await deleteVisitRecord(manager, { id: a.record.id, version: 3 });
    await deleteVisitRecord(manager, { id: b.record.id, version: 2 });
    now = await lastContact(account.id);
    expect(now.lastContactAt).toBeNull();
    expect(now.dueOn).toBe(now.expectedDue);
    expect(await outcome(deleteVisitRecord(rep, { id: b.record.id, version: 3 }))).toBe("NOT_FOUND");
  });

  it("refuses a stale edit", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const { record } = await createVisitRecord(rep, recordInput(account.id));
    await updateVisitRecord(
      rep,
      updateVisitRecordSchema.parse({ ...editOf(record), version: 1, nextStep: "一" }),
    );
    expect(
      await outcome(updateVisitRecord(rep, updateVisitRecordSchema.parse({ ...editOf(record), version: 1 }))),
    ).toBe("CONFLICT");
  });
});

describe("visit records: follow-ups", () => {
  it("saving creates the visitor's follow-up; the next visit by anyone completes it", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(rep.id);
    const visitedAt = new Date(Date.now() - 3 * 24 * HOUR);
    const first = await createVisitRecord(rep, recordInput(account.id, { visitedAt: chinaLocal(visitedAt) }));
    const followUp = await db.followUp.findFirstOrThrow({ where: { sourceRecordId: first.record.id } });
    expect(followUp).toMatchObject({ ownerId: rep.id, completedAt: null });
    // Due on the visit's China day + 7 (the default setting), whatever the minute within it.
    const visitDay = chinaDate(first.record.visitedAt);
    expect(fromDbDate(followUp.dueOn)).toBe(
      fromDbDate(new Date(Date.parse(`${visitDay}T00:00:00Z`) + 7 * 24 * HOUR)),
    );
    expect((await listMyFollowUps(rep)).rows.map((r) => r.id)).toContain(followUp.id);

    // A phone call by a colleague completes it and sets a follow-up of its own.
    const call = await createVisitRecord(kam, recordInput(account.id, { method: "PHONE" }));
    const done = await db.followUp.findUniqueOrThrow({ where: { id: followUp.id } });
    expect(done.completedByRecordId).toBe(call.record.id);
    expect(done.completedAt).not.toBeNull();
    expect((await listMyFollowUps(rep)).rows.map((r) => r.id)).not.toContain(followUp.id);
    expect(await db.followUp.count({ where: { accountId: account.id, completedAt: null } })).toBe(1);
  });
});

describe("visit records: plans and deals", () => {
  it("closes the plan it comes from, once, and only a plan of that account", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const other = await accountFixture(rep.id);
    const planOf = (accountId: string) =>
      db.visitPlan.create({
        data: {
          accountId,
          ownerId: rep.id,
          teamId: rep.teamId!,
          purpose: "回访样品使用情况",
          method: "IN_PERSON",
          plannedStart: new Date(),
          plannedEnd: new Date(Date.now() + HOUR),
          status: "APPROVED",
        },
      });
    const plan = await planOf(account.id);
    const { record } = await createVisitRecord(rep, recordInput(account.id, { planId: plan.id }));
    expect(record.planId).toBe(plan.id);
    expect((await db.visitPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("DONE");
    expect(await outcome(createVisitRecord(rep, recordInput(account.id, { planId: plan.id })))).toBe(
      "VALIDATION",
    );
    const elsewhere = await planOf(other.id);
    expect(await outcome(createVisitRecord(rep, recordInput(account.id, { planId: elsewhere.id })))).toBe(
      "VALIDATION",
    );
    // A colleague's plan is not theirs to close (a teammate sees it, but may not act on it).
    const teammate = await viewerFor("usr_east_rep2");
    const third = await planOf(account.id);
    expect(await outcome(createVisitRecord(teammate, recordInput(account.id, { planId: third.id })))).toBe(
      "FORBIDDEN",
    );
    expect((await db.visitPlan.findUniqueOrThrow({ where: { id: third.id } })).status).toBe("APPROVED");
  });

  it("ticks the linked deal's current-stage work through the deal's versioned, audited update", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const deal = await db.deal.create({
      data: dealRow({ ownerId: rep.id, teamId: rep.teamId!, accountId: account.id, stage: "CLOSING" }),
    });
    await createVisitRecord(
      rep,
      recordInput(account.id, { dealId: deal.id, tickWork: ["siteAuditDone", "needsClear"] }),
    );
    const after = await db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(after).toMatchObject({
      siteAuditDone: true,
      seniorMeetingHeld: false,
      needsClear: false,
      version: 2,
    });
    expect((await auditRowsFor(deal.id)).map((r) => r.action)).toEqual(["deal.work.closing"]);
  });
});
