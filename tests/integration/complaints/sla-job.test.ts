// The SLA job on PostgreSQL: a breach is marked and escalated to the owner's manager exactly once,
// even when two runners race; a manager who owns the complaint escalates to the manager above.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runComplaintSlaJob } from "@/lib/data/complaints/sla-job";
import { accountWithContacts, record, region, type Region } from "./fixtures";

let east: Region;
let west: Region;

beforeAll(async () => {
  [east, west] = [await region("时限东区"), await region("时限西区")];
});

const escalations = (complaintId: string) =>
  Promise.all([
    db.notification.findMany({ where: { entityId: complaintId, kind: "complaint.escalated" } }),
    db.complaintEvent.findMany({ where: { complaintId, kind: "escalate" } }),
  ]);

describe("runComplaintSlaJob", () => {
  it("two racing runners escalate an acknowledgement breach once", async () => {
    const { account } = await accountWithContacts(east.rep1.id);
    const c = await record(east.rep1, account.id, { handlerId: west.rep1.id });
    await db.complaint.update({ where: { id: c.id }, data: { ackDueAt: new Date(Date.now() - 60_000) } });
    const now = new Date();
    const results = await Promise.all([runComplaintSlaJob(now), runComplaintSlaJob(now)]);
    expect(results.every((r) => typeof r.processed === "number")).toBe(true);
    const [notes, events] = await escalations(c.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: east.manager.id, entity: "Complaint" });
    expect(notes[0]!.payload).toMatchObject({ breach: "ack", complaintNumber: c.number });
    expect(events).toHaveLength(1);
    const row = await db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.ackBreachedAt?.getTime()).toBe(now.getTime());
    expect(row.escalatedToId).toBe(east.manager.id);
    expect(row.resolveBreachedAt).toBeNull();

    // a later run changes nothing for it
    await runComplaintSlaJob(new Date(now.getTime() + 60_000));
    const [again] = await escalations(c.id);
    expect(again).toHaveLength(1);
  });

  it("the resolve clock breaches separately and escalates once more", async () => {
    const { account } = await accountWithContacts(east.rep2.id);
    const c = await record(east.rep2, account.id);
    await db.complaint.update({
      where: { id: c.id },
      data: { acknowledgedAt: new Date(), status: "ACKNOWLEDGED", resolveDueAt: new Date(Date.now() - 1000) },
    });
    const now = new Date();
    await Promise.all([runComplaintSlaJob(now), runComplaintSlaJob(now), runComplaintSlaJob(now)]);
    const [notes, events] = await escalations(c.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.payload).toMatchObject({ breach: "resolve" });
    expect(events).toHaveLength(1);
    const audit = await db.auditLog.findMany({ where: { entityId: c.id, action: "complaint.slaBreach" } });
    expect(audit).toHaveLength(1);
  });

  it("a clock exactly at its due moment is not breached yet; a closed complaint never is", async () => {
    const { account } = await accountWithContacts(east.rep1.id);
    const due = new Date(Date.now() - 10_000);
    const onTime = await record(east.rep1, account.id);
    await db.complaint.update({ where: { id: onTime.id }, data: { ackDueAt: due } });
    const closed = await record(east.rep1, account.id);
    await db.complaint.update({
      where: { id: closed.id },
      data: { status: "CLOSED", resolveDueAt: new Date(0), ackDueAt: new Date(0), acknowledgedAt: null },
    });
    await runComplaintSlaJob(due);
    expect((await db.complaint.findUniqueOrThrow({ where: { id: onTime.id } })).ackBreachedAt).toBeNull();
    expect((await db.complaint.findUniqueOrThrow({ where: { id: closed.id } })).ackBreachedAt).toBeNull();
  });

  it("a manager's own complaint escalates to the manager above, with no manager above to the administrators", async () => {
    const parent = await region("时限总部");
    await db.team.update({ where: { id: east.team.id }, data: { parentId: parent.team.id } });
    const { account } = await accountWithContacts(east.manager.id);
    const c = await record(east.manager, account.id);
    await db.complaint.update({ where: { id: c.id }, data: { ackDueAt: new Date(Date.now() - 1000) } });
    await runComplaintSlaJob(new Date());
    const [notes] = await escalations(c.id);
    expect(notes.map((n) => n.userId)).toEqual([parent.manager.id]);

    const top = await accountWithContacts(parent.manager.id);
    const c2 = await record(parent.manager, top.account.id);
    await db.complaint.update({ where: { id: c2.id }, data: { ackDueAt: new Date(Date.now() - 1000) } });
    await runComplaintSlaJob(new Date());
    const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
    const [notes2] = await escalations(c2.id);
    expect(notes2.map((n) => n.userId).sort()).toEqual(admins.map((a) => a.id).sort());
  });
});
