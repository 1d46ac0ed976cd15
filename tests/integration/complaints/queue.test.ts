// The queue's filters, tabs, sorting and paging on PostgreSQL (server-side, within scope).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listComplaintQueue } from "@/lib/data/complaints/queue";
import { accountWithContacts, record, region, type Region } from "./fixtures";

let east: Region;
let west: Region;
let accountId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [east, west] = [await region("队列东区"), await region("队列西区")];
  accountId = (await accountWithContacts(east.rep1.id)).account.id;
  ids.quality = (await record(east.rep1, accountId, { severity: "CRITICAL", category: "QUALITY" })).id;
  ids.billing = (
    await record(east.rep1, accountId, { severity: "LOW", category: "BILLING", handlerId: west.rep1.id })
  ).id;
  ids.delivery = (
    await record(east.rep2, accountId, { severity: "MEDIUM", category: "DELIVERY", title: "交货延期两周" })
  ).id;
  ids.late = (await record(east.rep2, accountId, { severity: "HIGH", category: "SERVICE" })).id;
  await db.complaint.update({ where: { id: ids.late }, data: { ackDueAt: new Date(Date.now() - 3600_000) } });
});

const listed = async (...args: Parameters<typeof listComplaintQueue>) =>
  (await listComplaintQueue(...args)).rows.map((r) => r.id);

describe("listComplaintQueue", () => {
  it("filters by account, severity, category and status", async () => {
    expect(await listed(east.manager, { accountId })).toHaveLength(4);
    expect(await listed(east.manager, { accountId, severity: "CRITICAL" })).toEqual([ids.quality]);
    expect(await listed(east.manager, { accountId, category: "BILLING" })).toEqual([ids.billing]);
    expect(await listed(east.manager, { accountId, status: "RECEIVED" })).toHaveLength(4);
    expect(await listed(east.manager, { accountId, status: "CLOSED" })).toHaveLength(0);
  });

  it("mine: owner or handler; owner=me and handler=me separately", async () => {
    expect((await listed(east.rep1, { tab: "mine", accountId })).sort()).toEqual(
      [ids.quality, ids.billing].sort(),
    );
    expect(await listed(west.rep1, { tab: "mine" })).toEqual([ids.billing]);
    expect(await listed(west.rep1, { handler: "me" })).toEqual([ids.billing]);
    expect(await listed(west.rep1, { owner: "me" })).toEqual([]);
  });

  it("team: only for managers; by team covers the handling team too", async () => {
    expect(await listed(east.rep1, { tab: "team" })).toEqual([]);
    expect((await listed(east.manager, { tab: "team", accountId })).length).toBe(4);
    expect(await listed(west.manager, { tab: "team" })).toEqual([ids.billing]);
    expect(await listed(east.manager, { teamId: west.team.id })).toEqual([ids.billing]);
  });

  it("breached: a clock that ran out, marked by the job or not yet", async () => {
    expect(await listed(east.manager, { tab: "breached", accountId })).toEqual([ids.late]);
    expect(await listed(east.manager, { breached: "1", accountId })).toEqual([ids.late]);
  });

  it("searches number, title and account name", async () => {
    expect(await listed(east.manager, { q: "交货延期" })).toEqual([ids.delivery]);
    const number = (await db.complaint.findUniqueOrThrow({ where: { id: ids.billing } })).number;
    expect(await listed(east.manager, { q: number })).toEqual([ids.billing]);
  });

  it("sorts by severity and pages without overlap", async () => {
    const bySeverity = await listComplaintQueue(east.manager, { accountId, sort: "severity", dir: "asc" });
    expect(bySeverity.rows.map((r) => r.severity)).toEqual(["CRITICAL", "HIGH", "MEDIUM", "LOW"]);
    const p1 = await listComplaintQueue(east.manager, {
      accountId,
      pageSize: 10,
      page: 1,
      sort: "number",
      dir: "asc",
    });
    expect(p1.total).toBe(4);
    const numbers = p1.rows.map((r) => r.number);
    expect([...numbers].sort()).toEqual(numbers);
    const p2 = await listComplaintQueue(east.manager, { accountId, pageSize: 10, page: 2 });
    expect(p2.rows).toEqual([]);
    expect(p2.total).toBe(4);
  });

  it("shows the handling team's name", async () => {
    const row = (await listComplaintQueue(east.manager, { accountId, category: "BILLING" })).rows[0]!;
    expect(row.handlerTeam?.name).toBe(west.team.name);
    expect(row.owner.id).toBe(east.rep1.id);
  });
});
