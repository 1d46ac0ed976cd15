// The demo complaints: every status, breached-and-escalated, reopened, handed over to another
// region, closed with root cause and corrective action, numbers well-formed, and no clock that ran
// out before seeding left unmarked (the SLA job would otherwise escalate a year of history at once).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { COMPLAINT_STATUSES } from "@/lib/domain/complaints";

const demo = () =>
  db.complaint.findMany({ where: { id: { startsWith: "cmp_demo_" } }, orderBy: { id: "asc" } });

describe("demo complaints", () => {
  it("cover every status and the interesting cases", async () => {
    const rows = await demo();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(COMPLAINT_STATUSES));
    expect(rows.some((r) => r.escalatedToId && (r.ackBreachedAt || r.resolveBreachedAt))).toBe(true);
    expect(rows.some((r) => r.reopenCount > 0)).toBe(true);
    expect(rows.some((r) => r.handlerTeamId && r.handlerTeamId !== r.ownerTeamId)).toBe(true);
    for (const r of rows.filter((x) => x.status === "CLOSED")) {
      expect(r.rootCause && r.correctiveAction && r.closedAt).toBeTruthy();
    }
    for (const r of rows) expect(r.number).toMatch(/^TS-\d{4}-\d{5}$/);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  });

  it("mark every clock that ran out before seeding, with one escalation event per breach", async () => {
    const seededAt = (await db.auditLog.findFirstOrThrow({ where: { action: "system.seed" } })).createdAt;
    const events = await db.complaintEvent.findMany({
      where: { complaintId: { startsWith: "cmp_demo_" }, kind: "escalate" },
      select: { complaintId: true },
    });
    for (const r of await demo()) {
      const ackLate = (r.acknowledgedAt ?? seededAt) > r.ackDueAt;
      expect(!!r.ackBreachedAt && r.ackBreachedAt <= seededAt, `${r.id} ack`).toBe(ackLate);
      const breaches = (r.ackBreachedAt ? 1 : 0) + (r.resolveBreachedAt ? 1 : 0);
      expect(events.filter((e) => e.complaintId === r.id).length, r.id).toBe(breaches);
    }
  });
});
