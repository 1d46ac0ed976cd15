// The status machine on PostgreSQL: every step with what it needs, refusals (wrong status, no root
// cause, stale version), reopen restarting the resolve clock, notifications, events and audit.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getComplaint } from "@/lib/data/complaints/detail";
import { transitionComplaint } from "@/lib/data/complaints/transition";
import { editComplaint } from "@/lib/data/complaints/write";
import { listNotifications } from "@/lib/data/notifications";
import type { ComplaintAction } from "@/lib/domain/complaints";
import { AppError } from "@/lib/errors";
import { auditRowsFor, outcome } from "../helpers";
import { accountWithContacts, complaintInput, record, region, versionOf, type Region } from "./fixtures";

let east: Region;
let west: Region;
let accountId: string;
let contactIds: string[];

beforeAll(async () => {
  [east, west] = [await region("流程东区"), await region("流程西区")];
  const made = await accountWithContacts(east.rep1.id);
  accountId = made.account.id;
  contactIds = made.contacts.map((c) => c.id);
});

const step = async (
  viewer: Region["rep1"],
  id: string,
  action: ComplaintAction,
  fields: { resolution?: string; rootCause?: string; correctiveAction?: string; note?: string } = {},
  now?: Date,
) =>
  transitionComplaint(
    viewer,
    {
      id,
      version: await versionOf(id),
      action,
      resolution: fields.resolution ?? null,
      rootCause: fields.rootCause ?? null,
      correctiveAction: fields.correctiveAction ?? null,
      note: fields.note ?? null,
    },
    now,
  );

describe("the complaint's life", () => {
  it("goes received → acknowledged → investigating → resolved → confirmed → closed", async () => {
    const t0 = new Date("2026-11-02T01:00:00Z");
    // The customer's two people are named: closing asks them how the handling went.
    const c = await record(
      east.rep1,
      accountId,
      { handlerId: west.rep1.id, severity: "HIGH", contactIds },
      t0,
    );
    const sla = await db.complaintSla.findUniqueOrThrow({ where: { severity: "HIGH" } });
    const row0 = await db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row0.ackDueAt.getTime() - t0.getTime()).toBe(sla.ackMinutes * 60_000);
    expect(row0.resolveDueAt.getTime() - t0.getTime()).toBe(sla.resolveMinutes * 60_000);

    await step(west.rep1, c.id, "acknowledge", {}, new Date("2026-11-02T01:30:00Z"));
    await step(west.rep1, c.id, "investigate");
    expect(await outcome(step(west.rep1, c.id, "resolve"))).toBe("VALIDATION");
    await step(west.rep1, c.id, "resolve", { resolution: "已换货并补偿运费" });
    // the owner is told it is resolved
    const told = (await listNotifications(east.rep1)).find(
      (n) => n.entityId === c.id && n.kind === "complaint.resolved",
    );
    expect(told?.payload).toMatchObject({ complaintNumber: c.number });
    await step(east.rep1, c.id, "confirm");

    // closing without a root cause and a corrective action is refused with both fields named
    const refused = await transitionComplaint(east.rep1, {
      id: c.id,
      version: await versionOf(c.id),
      action: "close",
      resolution: null,
      rootCause: null,
      correctiveAction: null,
      note: null,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("VALIDATION");
    expect(Object.keys((refused as AppError).fieldErrors ?? {}).sort()).toEqual([
      "correctiveAction",
      "rootCause",
    ]);
    expect((await db.complaint.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("CONFIRMED");

    const closed = await step(east.rep1, c.id, "close", {
      rootCause: "包装箱缓冲不足",
      correctiveAction: "改用加厚泡棉并抽检",
    });
    expect(closed.status).toBe("CLOSED");
    const row = await db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({
      status: "CLOSED",
      rootCause: "包装箱缓冲不足",
      resolution: "已换货并补偿运费",
    });
    expect(row.acknowledgedAt && row.resolvedAt && row.confirmedAt && row.closedAt).toBeTruthy();

    const detail = await getComplaint(east.rep1, c.id);
    expect(detail.events.filter((e) => e.kind === "status").map((e) => e.toStatus)).toEqual([
      "RECEIVED",
      "ACKNOWLEDGED",
      "INVESTIGATING",
      "RESOLVED",
      "CONFIRMED",
      "CLOSED",
    ]);
    // Closing sent the satisfaction survey to the account's decision makers: one "survey" step.
    expect(closed.surveyId).toBeTruthy();
    expect(detail.events.filter((e) => e.kind === "survey").length).toBe(1);
    const actions = (await auditRowsFor(c.id)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "complaint.create",
        "complaint.acknowledge",
        "complaint.resolve",
        "complaint.close",
      ]),
    );
  });

  it("refuses a step from the wrong status without writing", async () => {
    const c = await record(east.rep1, accountId);
    expect(await outcome(step(east.rep1, c.id, "close", { rootCause: "a", correctiveAction: "b" }))).toBe(
      "CONFLICT",
    );
    expect(await outcome(step(east.rep1, c.id, "reopen", { note: "x" }))).toBe("CONFLICT");
    expect(await versionOf(c.id)).toBe(1);
  });

  it("refuses a stale version (two people acting on the same complaint)", async () => {
    const c = await record(east.rep1, accountId, { handlerId: east.rep2.id });
    const base = {
      id: c.id,
      version: 1,
      resolution: null,
      rootCause: null,
      correctiveAction: null,
      note: null,
    };
    const results = await Promise.all([
      outcome(transitionComplaint(east.rep1, { ...base, action: "acknowledge" })),
      outcome(transitionComplaint(east.rep2, { ...base, action: "acknowledge" })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect(
      await outcome(editComplaint(east.rep1, { ...complaintInput(accountId), id: c.id, version: 1 })),
    ).toBe("CONFLICT");
  });

  it("reopening counts, restarts the resolve clock and tells owner and handler", async () => {
    const c = await record(east.rep1, accountId, { handlerId: west.rep2.id, severity: "MEDIUM" });
    await step(west.rep2, c.id, "acknowledge");
    await step(west.rep2, c.id, "investigate");
    await step(west.rep2, c.id, "resolve", { resolution: "已补发" });
    await step(east.rep1, c.id, "confirm");
    await step(east.rep1, c.id, "close", { rootCause: "仓库漏发", correctiveAction: "出库双人复核" });
    const reopenedAt = new Date(Date.now() + 60_000);
    expect(await outcome(step(east.manager, c.id, "reopen", {}, reopenedAt))).toBe("VALIDATION");
    await step(east.manager, c.id, "reopen", { note: "客户反馈仍缺两箱" }, reopenedAt);
    const row = await db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    const sla = await db.complaintSla.findUniqueOrThrow({ where: { severity: "MEDIUM" } });
    expect(row).toMatchObject({
      status: "INVESTIGATING",
      reopenCount: 1,
      resolvedAt: null,
      closedAt: null,
      confirmedAt: null,
    });
    expect(row.resolveDueAt.getTime()).toBe(reopenedAt.getTime() + sla.resolveMinutes * 60_000);
    for (const v of [east.rep1, west.rep2])
      expect(
        (await listNotifications(v)).some((n) => n.entityId === c.id && n.kind === "complaint.reopened"),
      ).toBe(true);
  });

  it("a new severity moves the clocks that still run", async () => {
    const t0 = new Date("2026-11-10T02:00:00Z");
    const c = await record(east.rep1, accountId, { severity: "LOW" }, t0);
    await editComplaint(east.rep1, {
      ...complaintInput(accountId),
      severity: "CRITICAL",
      id: c.id,
      version: 1,
    });
    const crit = await db.complaintSla.findUniqueOrThrow({ where: { severity: "CRITICAL" } });
    const row = await db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.ackDueAt.getTime()).toBe(t0.getTime() + crit.ackMinutes * 60_000);
    expect(row.resolveDueAt.getTime()).toBe(t0.getTime() + crit.resolveMinutes * 60_000);
  });

  it("refuses contacts of another account", async () => {
    const other = await accountWithContacts(east.rep2.id);
    expect(await outcome(record(east.rep1, accountId, { contactIds: [other.contacts[0]!.id] }))).toBe(
      "VALIDATION",
    );
  });

  it("numbers complaints of a year without gaps or duplicates when recorded at once", async () => {
    const made = await Promise.all(Array.from({ length: 6 }, () => record(east.rep1, accountId)));
    const numbers = made.map((m) => m.number);
    expect(new Set(numbers).size).toBe(6);
    const seqs = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    expect(seqs[5]! - seqs[0]!).toBe(5);
  });
});
