// 首问负责制 on PostgreSQL: the first-responsibility owner keeps the complaint after handing it to
// another team; the handler and the handling team see it; a third team gets NOT_FOUND on reading
// and on every action; the queue's where clause agrees with canSeeComplaint.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { canSeeComplaint } from "@/lib/domain/access";
import { getComplaint } from "@/lib/data/complaints/detail";
import { listComplaintQueue } from "@/lib/data/complaints/queue";
import { transitionComplaint } from "@/lib/data/complaints/transition";
import {
  addComplaintNote,
  assignComplaint,
  deleteComplaint,
  editComplaint,
  escalateComplaint,
  restoreComplaint,
} from "@/lib/data/complaints/write";
import { listNotifications } from "@/lib/data/notifications";
import { auditRowsFor, outcome } from "../helpers";
import { accountWithContacts, complaintInput, record, region, versionOf, type Region } from "./fixtures";

let east: Region;
let west: Region;
let north: Region;
let complaintId: string;

beforeAll(async () => {
  [east, west, north] = [await region("投诉东区"), await region("投诉西区"), await region("投诉北区")];
  const { account, contacts } = await accountWithContacts(east.rep1.id);
  const c = await record(east.rep1, account.id, { contactIds: [contacts[0]!.id] });
  complaintId = c.id;
  await assignComplaint(east.rep1, {
    id: c.id,
    version: 1,
    handlerId: west.rep1.id,
    handlerTeamId: null,
    note: "请西区质量组处理",
  });
});

describe("hand-over to another team", () => {
  it("keeps the first-responsibility owner and moves the handler and handling team", async () => {
    const c = await db.complaint.findUniqueOrThrow({ where: { id: complaintId } });
    expect(c).toMatchObject({
      ownerId: east.rep1.id,
      handlerId: west.rep1.id,
      handlerTeamId: west.team.id,
      teamId: east.team.id,
    });
    expect(c.number).toMatch(/^TS-\d{4}-\d{5}$/);
  });

  it("tells the new handler", async () => {
    const notes = await listNotifications(west.rep1);
    expect(notes.find((n) => n.entityId === complaintId)).toMatchObject({
      kind: "complaint.assigned",
      entity: "Complaint",
    });
  });

  it("the owner, the handler, the handling team's manager and the account team's manager all read it", async () => {
    for (const v of [east.rep1, west.rep1, west.manager, east.manager]) {
      expect((await getComplaint(v, complaintId)).id).toBe(complaintId);
      expect((await listComplaintQueue(v, { pageSize: 100 })).rows.map((r) => r.id)).toContain(complaintId);
    }
  });

  it("a colleague of the handler (same team, not a manager) sees it; the owner's colleague does too", async () => {
    expect(await outcome(getComplaint(west.rep2, complaintId))).toBe("OK");
    expect(await outcome(getComplaint(east.rep2, complaintId))).toBe("OK");
  });

  it("the owner keeps it after a second hand-over to a team", async () => {
    const other = await accountWithContacts(east.rep2.id);
    const c = await record(east.rep2, other.account.id);
    await assignComplaint(east.rep2, {
      id: c.id,
      version: 1,
      handlerId: null,
      handlerTeamId: west.team.id,
      note: null,
    });
    const row = await db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ ownerId: east.rep2.id, handlerId: null, handlerTeamId: west.team.id });
    expect(await outcome(getComplaint(east.rep2, c.id))).toBe("OK");
    // the handling team's manager was told
    expect((await listNotifications(west.manager)).some((n) => n.entityId === c.id)).toBe(true);
  });
});

describe("a third team", () => {
  it("gets NOT_FOUND on reading and on every action, and nothing is written", async () => {
    const version = await versionOf(complaintId);
    const before = (await auditRowsFor(complaintId)).length;
    for (const v of [north.rep1, north.manager]) {
      expect(await outcome(getComplaint(v, complaintId))).toBe("NOT_FOUND");
      const attempts = [
        () =>
          transitionComplaint(v, {
            id: complaintId,
            version,
            action: "acknowledge",
            resolution: null,
            rootCause: null,
            correctiveAction: null,
            note: null,
          }),
        () =>
          assignComplaint(v, { id: complaintId, version, handlerId: v.id, handlerTeamId: null, note: null }),
        () => addComplaintNote(v, { id: complaintId, note: "看看" }),
        () => escalateComplaint(v, { id: complaintId, version, note: "升级" }),
        () => editComplaint(v, { id: complaintId, version, ...complaintInput("x"), title: "改" }),
        () => deleteComplaint(v, { id: complaintId, version }),
        () => restoreComplaint(v, { id: complaintId, version }),
      ];
      for (const a of attempts) expect(await outcome(a())).toBe("NOT_FOUND");
      expect((await listComplaintQueue(v, { pageSize: 100 })).rows.map((r) => r.id)).not.toContain(
        complaintId,
      );
    }
    expect((await auditRowsFor(complaintId)).length).toBe(before);
    expect(await versionOf(complaintId)).toBe(version);
  });

  it("cannot record a complaint on an account it does not see", async () => {
    const c = await db.complaint.findUniqueOrThrow({
      where: { id: complaintId },
      select: { accountId: true },
    });
    const r = await outcome(record(north.rep1, c.accountId));
    expect(r).toBe("VALIDATION");
  });
});

describe("rights within scope", () => {
  it("a colleague who only sees the account's team may read and add notes but not move it on", async () => {
    const version = await versionOf(complaintId);
    expect(await outcome(addComplaintNote(east.rep2, { id: complaintId, note: "客户又来电催了" }))).toBe(
      "OK",
    );
    expect(
      await outcome(
        transitionComplaint(east.rep2, {
          id: complaintId,
          version,
          action: "acknowledge",
          resolution: null,
          rootCause: null,
          correctiveAction: null,
          note: null,
        }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("only managers delete, and the deleted complaint leaves the queue until restored", async () => {
    const version = await versionOf(complaintId);
    expect(await outcome(deleteComplaint(east.rep1, { id: complaintId, version }))).toBe("FORBIDDEN");
    await deleteComplaint(east.manager, { id: complaintId, version });
    expect(await outcome(getComplaint(east.rep1, complaintId))).toBe("NOT_FOUND");
    expect(
      (await listComplaintQueue(east.manager, { deleted: "1", pageSize: 100 })).rows.map((r) => r.id),
    ).toContain(complaintId);
    await restoreComplaint(east.manager, { id: complaintId, version: version + 1 });
    expect(await outcome(getComplaint(east.rep1, complaintId))).toBe("OK");
    const actions = (await auditRowsFor(complaintId)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "complaint.create",
        "complaint.assign",
        "complaint.delete",
        "complaint.restore",
      ]),
    );
  });
});

describe("the queue's where clause is canSeeComplaint", () => {
  it("lists exactly the complaints the rule allows, for every person of the three regions", async () => {
    const all = await db.complaint.findMany({
      where: { deletedAt: null },
      select: { id: true, teamId: true, ownerId: true, handlerId: true, handlerTeamId: true },
    });
    for (const v of [
      east.rep1,
      east.rep2,
      east.manager,
      west.rep1,
      west.rep2,
      west.manager,
      north.rep1,
      north.manager,
    ]) {
      const expected = all
        .filter((c) => canSeeComplaint(v, c))
        .map((c) => c.id)
        .sort();
      const listed = [];
      for (let page = 1; ; page++) {
        const r = await listComplaintQueue(v, { page, pageSize: 100 });
        listed.push(...r.rows.map((x) => x.id));
        if (r.rows.length < 100) break;
      }
      expect(listed.sort()).toEqual(expected);
    }
  });
});
