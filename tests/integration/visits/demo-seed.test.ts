// The demo's visit history as the seed left it (global-setup seeds the demo): what a rep and a
// manager are promised to find, and that the stored contact dates follow the app's own rule.
// Seeded rows only (ids vrec_/vplan_/vreq_): other files add visits to the same database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaDate, daysBetween, fromDbDate } from "@/lib/domain/calendar";
import {
  contactDueOn,
  DEFAULT_VISIT_SETTINGS,
  planDisplayStatus,
  type PlanStatus,
  type Tier,
} from "@/lib/domain/visits";

const seededRecords = { id: { startsWith: "vrec_" } };

/** Great-circle distance in metres (to check the stored check-in distances against the coordinates). */
function metres(a: [number, number], b: [number, number]) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b[0] - a[0]) / 2) ** 2 +
    Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(rad(b[1] - a[1]) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe("the demo's visits", () => {
  it("has about 1,500 records, each by the owner of its account, with distinct talking points", async () => {
    const records = await db.visitRecord.findMany({
      where: seededRecords,
      select: {
        ownerId: true,
        teamId: true,
        talkingPoints: true,
        account: { select: { ownerId: true, teamId: true } },
      },
    });
    expect(records.length).toBeGreaterThan(1300);
    expect(records.length).toBeLessThan(1800);
    for (const r of records) expect([r.ownerId, r.teamId]).toEqual([r.account.ownerId, r.account.teamId]);
    expect(new Set(records.map((r) => r.talkingPoints)).size).toBe(records.length);
  });

  it("has plans in every status a person sees, returned ones with the approver's comment", async () => {
    const plans = await db.visitPlan.findMany({
      where: { id: { startsWith: "vplan_" } },
      select: {
        status: true,
        plannedEnd: true,
        decisionComment: true,
        needsApproval: true,
        record: { select: { id: true } },
      },
    });
    const now = new Date();
    const shown = new Set(
      plans.map((p) =>
        planDisplayStatus(
          { status: p.status as PlanStatus, plannedEnd: p.plannedEnd, hasRecord: !!p.record },
          now,
        ),
      ),
    );
    expect([...shown].sort()).toEqual([
      "APPROVED",
      "CANCELLED",
      "DONE",
      "DRAFT",
      "MISSED",
      "RETURNED",
      "SUBMITTED",
    ]);
    for (const p of plans.filter((x) => x.status === "RETURNED")) {
      expect(p.needsApproval).toBe(true);
      expect(p.decisionComment).toBeTruthy();
    }
    for (const p of plans.filter((x) => x.status === "DONE")) expect(p.record).not.toBeNull();
  });

  it("stores each account's last contact and due date as the app's rule computes them", async () => {
    const accounts = await db.account.findMany({
      where: { id: { startsWith: "acc_" }, visits: { some: seededRecords } },
      select: {
        tier: true,
        createdAt: true,
        lastContactAt: true,
        contactDueOn: true,
        visits: {
          where: { deletedAt: null },
          orderBy: { visitedAt: "desc" },
          take: 1,
          select: { visitedAt: true },
        },
      },
    });
    expect(accounts.length).toBeGreaterThan(100);
    for (const a of accounts) {
      expect(a.lastContactAt).toEqual(a.visits[0]!.visitedAt);
      // The cadence of the tier the seed saw: other files in this database rescore accounts (and
      // their tiers) while this one runs, so the current tier may no longer be that one.
      const dueByTier = (["A", "B", "C"] as Tier[]).map((tier) =>
        contactDueOn({ ...a, tier }, DEFAULT_VISIT_SETTINGS),
      );
      expect(dueByTier).toContain(fromDbDate(a.contactDueOn!));
    }
  });

  it("leaves accounts overdue for contact in every tier", async () => {
    const today = chinaDate(new Date());
    const overdue = await db.account.groupBy({
      by: ["tier"],
      where: {
        id: { startsWith: "acc_" },
        deletedAt: null,
        contactDueOn: { lt: new Date(`${today}T00:00:00Z`) },
      },
      _count: true,
    });
    expect(overdue.map((g) => g.tier).sort()).toEqual(["A", "B", "C"]);
  });

  it("has follow-ups closed by the account's next contact, and open ones both due and overdue", async () => {
    const followUps = await db.followUp.findMany({
      where: { sourceRecord: seededRecords },
      select: {
        accountId: true,
        dueOn: true,
        sourceRecord: { select: { visitedAt: true } },
        completedByRecord: { select: { accountId: true, visitedAt: true } },
      },
    });
    const today = chinaDate(new Date());
    const open = followUps.filter((f) => !f.completedByRecord);
    // One open follow-up per contacted account at most: the one of its latest record.
    expect(new Set(open.map((f) => f.accountId)).size).toBe(open.length);
    expect(open.some((f) => fromDbDate(f.dueOn) < today)).toBe(true);
    expect(open.some((f) => fromDbDate(f.dueOn) >= today)).toBe(true);
    for (const f of followUps.filter((x) => x.completedByRecord)) {
      expect(f.completedByRecord!.accountId).toBe(f.accountId);
      expect(f.completedByRecord!.visitedAt.getTime()).toBeGreaterThan(f.sourceRecord!.visitedAt.getTime());
    }
  });

  it("stores check-in distances that match the coordinates, a few beyond the radius", async () => {
    const checkIns = await db.visitRecord.findMany({
      where: { ...seededRecords, checkInDistanceM: { not: null } },
      select: {
        checkInLatitude: true,
        checkInLongitude: true,
        checkInDistanceM: true,
        account: { select: { latitude: true, longitude: true } },
      },
    });
    expect(checkIns.length).toBeGreaterThan(200);
    for (const c of checkIns) {
      const d = metres(
        [c.checkInLatitude!, c.checkInLongitude!],
        [c.account.latitude!, c.account.longitude!],
      );
      expect(Math.abs(d - c.checkInDistanceM!)).toBeLessThan(5 + c.checkInDistanceM! * 0.02);
    }
    expect(checkIns.some((c) => c.checkInDistanceM! > DEFAULT_VISIT_SETTINGS.checkInRadiusM)).toBe(true);
  });

  it("has gift and reception requests approved, returned with a comment and waiting, and a contact over the gift cap", async () => {
    const requests = await db.visitRequest.findMany({ where: { id: { startsWith: "vreq_" } } });
    for (const kind of ["GIFT", "RECEPTION"]) {
      const statuses = new Set(requests.filter((q) => q.kind === kind).map((q) => q.status));
      expect([...statuses]).toEqual(expect.arrayContaining(["APPROVED", "RETURNED", "SUBMITTED"]));
    }
    for (const q of requests.filter((x) => x.status === "RETURNED")) expect(q.decisionComment).toBeTruthy();
    const perContact = new Map<string, bigint>();
    for (const q of requests.filter(
      (x) => x.kind === "GIFT" && x.status !== "CANCELLED" && x.status !== "RETURNED",
    )) {
      perContact.set(q.recipientContactId!, (perContact.get(q.recipientContactId!) ?? 0n) + q.amount);
    }
    expect([...perContact.values()].some((v) => v > DEFAULT_VISIT_SETTINGS.giftYearCapPerContact)).toBe(true);
  });

  it("gives managers waiting approvals and reps weekly logs, some with a manager's comment", async () => {
    const waiting = await db.notification.count({
      where: { id: { startsWith: "vnote_" }, kind: "plan.submitted", readAt: null },
    });
    expect(waiting).toBeGreaterThan(0);
    const logs = await db.weeklyContactLog.findMany({ where: { id: { startsWith: "vweek_" } } });
    expect(new Set(logs.map((l) => l.ownerId)).size).toBe(15);
    expect(logs.some((l) => l.managerComment && l.managerCommentById)).toBe(true);
  });

  it("gives the people the README names what it promises: every plan status, requests decided both ways, overdue in each tier", async () => {
    const today = new Date(`${chinaDate(new Date())}T00:00:00Z`);
    for (const ownerId of ["usr_east_rep1", "usr_east_kam1"]) {
      const plans = await db.visitPlan.findMany({ where: { ownerId, id: { startsWith: "vplan_" } } });
      expect(new Set(plans.map((p) => p.status))).toEqual(
        new Set(["DRAFT", "SUBMITTED", "APPROVED", "RETURNED", "DONE", "CANCELLED"]),
      );
      const gifts = await db.visitRequest.findMany({
        where: { ownerId, kind: "GIFT", id: { startsWith: "vreq_" } },
      });
      expect([...new Set(gifts.map((g) => g.status))]).toEqual(
        expect.arrayContaining(["SUBMITTED", "RETURNED", "APPROVED"]),
      );
      const accounts = await db.account.findMany({
        where: { ownerId, id: { startsWith: "acc_" }, deletedAt: null },
        select: { createdAt: true, lastContactAt: true, contactDueOn: true },
      });
      // The tier the seed saw, read back from the cadence it used: other files here rescore
      // accounts, and tiers may have moved since.
      const s = DEFAULT_VISIT_SETTINGS;
      const seedTier = (a: (typeof accounts)[number]) =>
        ({ [s.cadenceDaysA]: "A", [s.cadenceDaysB]: "B", [s.cadenceDaysC]: "C" })[
          daysBetween(chinaDate(a.lastContactAt ?? a.createdAt), fromDbDate(a.contactDueOn!))
        ];
      const tiers = new Set(accounts.map(seedTier));
      const overdueTiers = new Set(accounts.filter((a) => a.contactDueOn! < today).map(seedTier));
      expect(tiers.has(undefined)).toBe(false);
      expect(overdueTiers).toEqual(tiers);
    }
  });
});
