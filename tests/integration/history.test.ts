// History people can read: the seeded audit trail, the account timeline, the home feed and the
// admin audit log, through the real data layer on PostgreSQL, within each viewer's scope.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAuditLog, recentActivity } from "@/lib/data/audit";
import { auditRecordNames } from "@/lib/data/audit-records";
import { accountTimeline } from "@/lib/data/contacts";
import { dealRow } from "../factories/deals";
import { accountFixture, outcome, viewerFor } from "./helpers";

/** A seeded East China customer won through a deal, with its agreement. */
async function wonEastCustomer() {
  const deal = await db.deal.findFirstOrThrow({
    where: {
      // Seeded ids only: other test files add won deals (without seeded history) to the same database.
      id: { startsWith: "deal_" },
      status: "WON",
      teamId: "team_east",
      agreement: { isNot: null },
      account: { lifecycle: "CUSTOMER" },
    },
    orderBy: { id: "asc" },
    include: { account: true, agreement: true },
  });
  return { deal, account: deal.account, agreement: deal.agreement! };
}

describe("the seeded history", () => {
  it("gives a won customer's timeline its stage changes, the win and the agreement, with who and when", async () => {
    const { deal, account, agreement } = await wonEastCustomer();
    const kam = await viewerFor(account.ownerId);
    const { rows } = await accountTimeline(kam, account.id, { take: 500 });
    const of = (entityId: string) => rows.filter((r) => r.entityId === entityId).map((r) => r.action);
    expect(of(deal.id)).toContain("deal.create");
    expect(of(deal.id)).toContain("deal.won");
    expect(of(deal.id).some((a) => a === "deal.move" || a === "deal.moveOverride")).toBe(true);
    expect(of(agreement.id)).toEqual(["agreement.create"]);
    expect(of(account.id)).toContain("account.create");
    // The seed's stage history and the audit trail agree: one audit row per stage change.
    expect(of(deal.id)).toHaveLength(await db.dealStageChange.count({ where: { dealId: deal.id } }));
    expect(rows.every((r) => r.actor !== null)).toBe(true);
    // Newest first.
    const times = rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("leaves out a deal on the account that was handed to another team", async () => {
    const eastRep = await viewerFor("usr_east_rep1");
    const account = await accountFixture("usr_east_kam1");
    const theirs = await db.deal.create({
      data: dealRow({
        accountId: account.id,
        ownerId: "usr_north_kam1",
        teamId: "team_north",
        title: "华北接手",
      }),
    });
    await db.auditLog.createMany({
      data: [
        { action: "account.create", entity: "Account", entityId: account.id, actorId: "usr_east_kam1" },
        { action: "deal.create", entity: "Deal", entityId: theirs.id, actorId: "usr_north_kam1" },
      ],
    });
    const { rows } = await accountTimeline(eastRep, account.id);
    expect(rows.map((r) => r.action)).toEqual(["account.create"]);
  });

  it("is not shown to a rep of another team", async () => {
    const { account } = await wonEastCustomer();
    const northRep = await viewerFor("usr_north_rep1");
    expect(await outcome(accountTimeline(northRep, account.id))).toBe("NOT_FOUND");
  });
});

describe("the home feed", () => {
  it("shows work in the viewer's scope, never sign-ins or another team's records", async () => {
    const northRep = await viewerFor("usr_north_rep1");
    // A sign-in of this very person is the newest row: it must not appear as work.
    await db.auditLog.create({
      data: { actorId: northRep.id, action: "auth.signIn", entity: "User", entityId: northRep.id },
    });
    const feed = await recentActivity(northRep, 30);
    expect(feed.length).toBeGreaterThan(0);
    expect(feed.some((r) => r.action.startsWith("auth."))).toBe(false);
    const eastAccounts = await db.account.findMany({ where: { teamId: "team_east" }, select: { id: true } });
    const eastDeals = await db.deal.findMany({ where: { teamId: "team_east" }, select: { id: true } });
    const east = new Set([...eastAccounts, ...eastDeals].map((r) => r.id));
    expect(feed.filter((r) => east.has(r.entityId))).toEqual([]);
    // Every row names its record.
    expect(feed.every((r) => r.record && r.record.name.length > 0)).toBe(true);
  });
});

describe("the audit log", () => {
  it("names records in one batch and finds rows by an account's name, agreements included", async () => {
    const admin = await viewerFor("usr_admin");
    const { account, agreement, deal } = await wonEastCustomer();
    const log = await listAuditLog(admin, { q: account.name, page: 1 });
    expect(log.total).toBeGreaterThan(0);
    const agreementRow = log.rows.find((r) => r.entityId === agreement.id);
    expect(agreementRow).toMatchObject({ entity: "CooperationAgreement", record: { name: account.name } });
    expect(log.rows.find((r) => r.entityId === account.id)?.record?.name).toBe(account.name);
    // The customer's name finds its deal's story too, named by the deal's title.
    expect(log.rows.find((r) => r.entityId === deal.id && r.action === "deal.won")?.record).toMatchObject({
      name: deal.title,
      nameAlt: account.name,
    });
    // By a person's name: their own actions.
    const byPerson = await listAuditLog(admin, { q: "王伟", page: 1 });
    expect(byPerson.rows.length).toBeGreaterThan(0);
    // The person's own % is taken literally, not as a wildcard.
    expect((await listAuditLog(admin, { q: "%%%", page: 1 })).total).toBe(0);
  });

  it("is for administrators only", async () => {
    const manager = await viewerFor("usr_east_manager");
    expect(await outcome(listAuditLog(manager, { page: 1 }))).toBe("FORBIDDEN");
  });
});

describe("record names", () => {
  it("names deals and contacts when no account row is among them (each part of the query names its columns)", async () => {
    const { deal } = await wonEastCustomer();
    const contact = await db.contact.findFirstOrThrow({ where: { accountId: deal.accountId } });
    const names = await auditRecordNames([
      { entity: "Deal", entityId: deal.id },
      { entity: "Contact", entityId: contact.id },
    ]);
    expect(names.get(`Deal:${deal.id}`)).toEqual({
      name: deal.title,
      nameAlt: deal.account.name,
      href: `/deals/${deal.id}`,
    });
    expect(names.get(`Contact:${contact.id}`)?.name).toBe(contact.name);
  });
});
