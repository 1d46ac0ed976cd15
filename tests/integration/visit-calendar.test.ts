// The calendar slice on PostgreSQL: whose calendar, weekly log and team day a person may open
// (another team's person answers NOT_FOUND), who writes which text of the weekly log, and the
// iCalendar feed's tokens (only the hash stored, revoked → 404) through its route handler.
import ICAL from "ical.js";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { listCalendarEvents } from "@/lib/data/visits/calendar";
import { createFeed, feedOwnerByToken, getFeedStatus, revokeFeed } from "@/lib/data/visits/calendar-feed";
import { getTeamDay } from "@/lib/data/visits/team-day";
import { commentWeeklyLog, getWeeklyLog, saveWeeklyTexts } from "@/lib/data/visits/weekly-log";
import { chinaDayStart } from "@/lib/domain/calendar";
import { calendarRange } from "@/lib/domain/visit-calendar";
import { makePlan, makeRecord } from "../factories/visits";
import { fakeRequest, signInFakeRequest } from "../support/next-request";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "./helpers";

vi.mock("next/headers", async () => {
  const { fakeHeaders, fakeCookies } = await import("../support/next-request");
  return { headers: fakeHeaders, cookies: fakeCookies };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { fakeTranslations } = await import("../support/next-request");
  return { getTranslations: fakeTranslations };
});

const { GET: feedRoute } = await import("@/app/api/calendar/[token]/route");
const { GET: weeklyExport } = await import("@/app/(app)/visits/weekly/export/route");

/** An instant on a China calendar day: `hour`:00 Beijing time. */
const at = (day: string, hour: number) => new Date(chinaDayStart(day).getTime() + hour * 3_600_000);

const callFeed = (token: string) =>
  feedRoute(new Request(`http://localhost:3000/api/calendar/${token}`), {
    params: Promise.resolve({ token }),
  });

describe("the calendar's scope", () => {
  // A week far from the seed's data, so only this test's rows are in it.
  const WEEK = "2031-03-10"; // a Monday

  it("a rep sees their own plans and records; another person's id is NOT_FOUND unless a manager sees their team", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const plan = await makePlan(db, {
      ownerId: rep.id,
      accountId: account.id,
      plannedStart: at("2031-03-11", 9),
    });
    const closed = await makePlan(db, {
      ownerId: rep.id,
      accountId: account.id,
      plannedStart: at("2031-03-12", 9),
      status: "DONE",
    });
    const record = await makeRecord(db, {
      ownerId: rep.id,
      accountId: account.id,
      visitedAt: at("2031-03-12", 10),
      planId: closed.id,
    });
    // 07:30 on Monday the 17th in Beijing is 23:30 UTC on Sunday the 16th: next week, not this one.
    await makeRecord(db, { ownerId: rep.id, accountId: account.id, visitedAt: at("2031-03-17", 7.5) });
    const range = calendarRange("week", WEEK);
    const query = { start: range.start, end: range.end };

    const own = await listCalendarEvents(rep, query);
    expect(own.events.map((e) => `${e.kind}:${e.id}`)).toEqual([`plan:${plan.id}`, `record:${record.id}`]);

    const manager = await viewerFor("usr_east_manager");
    const seen = await listCalendarEvents(manager, { ...query, personId: rep.id });
    expect(seen.person.id).toBe(rep.id);
    expect(seen.events).toHaveLength(2);
    const director = await viewerFor("usr_director");
    expect((await listCalendarEvents(director, { ...query, personId: rep.id })).events).toHaveLength(2);

    for (const [viewerId, personId] of [
      ["usr_north_manager", rep.id], // another team's manager
      ["usr_east_kam1", rep.id], // a teammate who is not a manager
      ["usr_north_rep1", rep.id],
      ["usr_east_manager", "usr_north_rep1"], // a person outside the manager's teams
      ["usr_east_rep1", "usr_east_rep2"],
      ["usr_east_manager", "no-such-person"],
    ]) {
      const viewer = await viewerFor(viewerId!);
      expect(
        await outcome(listCalendarEvents(viewer, { ...query, personId })),
        `${viewerId} → ${personId}`,
      ).toBe("NOT_FOUND");
    }
  });
});

describe("the weekly contact log", () => {
  const WEEK = "2031-04-07"; // a Monday

  it("shows the week's records and next week's plans, with contacts by name", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id, `联络表客户 ${Date.now()}`);
    const contact = await db.contact.create({ data: { accountId: account.id, name: "周总工" } });
    const rec = await makeRecord(db, {
      ownerId: rep.id,
      accountId: account.id,
      visitedAt: at("2031-04-09", 14),
      contactIds: [contact.id],
      method: "PHONE",
      outcome: "SETBACK",
      talkingPoints: "价格谈判",
    });
    const next = await makePlan(db, {
      ownerId: rep.id,
      accountId: account.id,
      plannedStart: at("2031-04-15", 10),
      contactIds: [contact.id],
    });
    await makePlan(db, {
      ownerId: rep.id,
      accountId: account.id,
      plannedStart: at("2031-04-16", 10),
      status: "CANCELLED",
    });

    const log = await getWeeklyLog(rep, { week: "2031-04-10" });
    expect(log.bounds.weekStart).toBe(WEEK);
    expect(log.contacts.map((c) => [c.recordId, c.contacts, c.method, c.outcome])).toEqual([
      [rec.id, ["周总工"], "PHONE", "SETBACK"],
    ]);
    expect(log.nextWeekPlans.map((p) => p.planId)).toEqual([next.id]);
    expect(log.texts.version).toBe(0);
    expect(log.canEditTexts).toBe(true);
    expect(log.canComment).toBe(false);

    const manager = await viewerFor("usr_east_manager");
    const managerView = await getWeeklyLog(manager, { personId: rep.id, week: WEEK });
    expect(managerView.contacts).toHaveLength(1);
    expect(managerView.canEditTexts).toBe(false);
    expect(managerView.canComment).toBe(true);
    const outsider = await viewerFor("usr_north_manager");
    expect(await outcome(getWeeklyLog(outsider, { personId: rep.id, week: WEEK }))).toBe("NOT_FOUND");
  });

  it("only the person writes the texts and only a manager in scope comments, versioned and audited", async () => {
    const rep = await viewerFor("usr_east_rep2");
    const week = "2031-05-05";
    const first = await saveWeeklyTexts(rep, {
      personId: rep.id,
      week: "2031-05-07", // any day of the week files under its Monday
      version: 0,
      summary: "本周拜访三家客户",
      nextWeekPlan: "跟进报价",
    });
    expect(first).toMatchObject({ version: 1, weekStart: week });
    // A second first save (another tab) loses: the row exists now.
    expect(
      await outcome(
        saveWeeklyTexts(rep, { personId: rep.id, week, version: 0, summary: "x", nextWeekPlan: null }),
      ),
    ).toBe("CONFLICT");

    const manager = await viewerFor("usr_east_manager");
    const kam = await viewerFor("usr_east_kam1");
    const north = await viewerFor("usr_north_manager");
    const texts = { personId: rep.id, week, version: 1, summary: "改写", nextWeekPlan: null };
    expect(await outcome(saveWeeklyTexts(manager, texts))).toBe("FORBIDDEN");
    expect(await outcome(saveWeeklyTexts(kam, texts))).toBe("NOT_FOUND");
    expect(await outcome(saveWeeklyTexts(north, texts))).toBe("NOT_FOUND");

    const comment = { personId: rep.id, week, version: 1, comment: "继续保持" };
    expect(await outcome(commentWeeklyLog(rep, comment))).toBe("FORBIDDEN"); // not on one's own log
    expect(await outcome(commentWeeklyLog(kam, comment))).toBe("NOT_FOUND");
    expect(await outcome(commentWeeklyLog(north, comment))).toBe("NOT_FOUND");
    expect(await commentWeeklyLog(manager, comment)).toMatchObject({ version: 2 });
    // The rep's form still shows version 1: their save is refused rather than applied blindly.
    expect(await outcome(saveWeeklyTexts(rep, { ...texts, personId: rep.id }))).toBe("CONFLICT");

    const log = await getWeeklyLog(rep, { week });
    expect(log.texts).toMatchObject({
      summary: "本周拜访三家客户",
      nextWeekPlan: "跟进报价",
      managerComment: "继续保持",
      managerCommentBy: manager.name,
      version: 2,
    });
    // The administrator keeps no log of their own (no team), but may comment on anyone's.
    const admin = await viewerFor("usr_admin");
    expect((await getWeeklyLog(admin, { week })).canEditTexts).toBe(false);
    expect((await getWeeklyLog(admin, { personId: rep.id, week })).canComment).toBe(true);
    const audit = await auditRowsFor(log.texts.id!);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["weeklyLog.texts", rep.id],
      ["weeklyLog.comment", manager.id],
    ]);
  });

  it("exports the week as CSV in scope, with formula-like text neutralised", async () => {
    await signInFakeRequest("east.manager@keystone.demo");
    const rep = await viewerFor("usr_east_rep3");
    const account = await accountFixture(rep.id);
    await makeRecord(db, {
      ownerId: rep.id,
      accountId: account.id,
      visitedAt: at("2031-06-03", 9),
      talkingPoints: '=HYPERLINK("http://evil")',
    });
    const response = await weeklyExport(
      new Request(`http://localhost:3000/visits/weekly/export?person=${rep.id}&week=2031-06-02`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = await response.text();
    expect(text).toContain(account.name);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);

    await signInFakeRequest("north.manager@keystone.demo");
    const hidden = await weeklyExport(
      new Request(`http://localhost:3000/visits/weekly/export?person=${rep.id}&week=2031-06-02`),
    );
    expect(hidden.status).toBe(404);
    fakeRequest.cookie = "";
  });
});

describe("the team's day", () => {
  it("shows each person in the manager's teams today, with far check-ins flagged; others' people never", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const account = await accountFixture(rep.id);
    const now = at("2031-07-09", 15); // a Wednesday
    const far = await makeRecord(db, {
      ownerId: rep.id,
      accountId: account.id,
      visitedAt: at("2031-07-09", 10),
      checkInAt: at("2031-07-09", 10),
      checkInDistanceM: 5000,
    });
    const near = await makeRecord(db, {
      ownerId: rep.id,
      accountId: account.id,
      visitedAt: at("2031-07-07", 10),
      checkInAt: at("2031-07-07", 10),
      checkInDistanceM: 80,
    });
    const plan = await makePlan(db, {
      ownerId: rep.id,
      accountId: account.id,
      plannedStart: at("2031-07-09", 16),
    });

    const manager = await viewerFor("usr_east_manager");
    const day = await getTeamDay(manager, now);
    expect(day.today).toBe("2031-07-09");
    expect(day.weekStart).toBe("2031-07-07");
    const person = day.people.find((p) => p.person.id === rep.id)!;
    expect(person.today.records.map((r) => r.id)).toEqual([far.id]);
    expect(person.today.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(person.checkIns.map((c) => [c.id, c.far])).toEqual([
      [far.id, true],
      [near.id, false],
    ]);
    expect(day.people.map((p) => p.person.id)).not.toContain("usr_north_rep1");
    expect(day.people.map((p) => p.person.id)).not.toContain(manager.id);

    const north = await getTeamDay(await viewerFor("usr_north_manager"), now);
    expect(north.people.map((p) => p.person.id)).not.toContain(rep.id);
    expect(await outcome(getTeamDay(rep, now))).toBe("FORBIDDEN");
    expect(await outcome(getTeamDay(await viewerFor("usr_east_kam1"), now))).toBe("FORBIDDEN");
  });
});

describe("the calendar feed", () => {
  beforeAll(() => {
    fakeRequest.cookie = "";
  });

  it("stores only the token's hash, serves a valid calendar without a session, and 404s once revoked", async () => {
    const rep = await viewerFor("usr_south_rep1");
    const account = await accountFixture(rep.id, `订阅客户 ${Date.now()}`);
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const plan = await makePlan(db, {
      ownerId: rep.id,
      accountId: account.id,
      plannedStart: soon,
      place: "上海, 浦东; 张江",
    });
    const cancelled = await makePlan(db, {
      ownerId: rep.id,
      accountId: account.id,
      plannedStart: soon,
      status: "CANCELLED",
    });
    const record = await makeRecord(db, {
      ownerId: rep.id,
      accountId: account.id,
      visitedAt: new Date(Date.now() - 86_400_000),
    });
    // Outside the window: 200 days ago.
    const old = await makeRecord(db, {
      ownerId: rep.id,
      accountId: account.id,
      visitedAt: new Date(Date.now() - 200 * 86_400_000),
    });
    // Someone else's plan on the same account never shows.
    const other = await viewerFor("usr_south_kam1");
    const othersPlan = await makePlan(db, { ownerId: other.id, accountId: account.id, plannedStart: soon });

    const { id, token } = await createFeed(rep);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.calendarFeed.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const audit = await auditRowsFor(id);
    expect(audit.map((a) => a.action)).toEqual(["calendarFeed.create"]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(await getFeedStatus(rep)).toMatchObject({ id });

    const response = await callFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    // The demo seed gives this rep visits too: the feed holds ours, and only the rep's own.
    const uids = events.map((e) => e.uid);
    expect(uids).toEqual(
      expect.arrayContaining([`plan-${plan.id}@keystone`, `record-${record.id}@keystone`]),
    );
    for (const left of [`plan-${cancelled.id}`, `record-${old.id}`, `plan-${othersPlan.id}`])
      expect(uids).not.toContain(`${left}@keystone`);
    const idsOf = (kind: string) =>
      uids.filter((u) => u.startsWith(`${kind}-`)).map((u) => u.slice(kind.length + 1, -"@keystone".length));
    const [plansOwned, recordsOwned] = await Promise.all([
      db.visitPlan.count({
        where: { id: { in: idsOf("plan") }, ownerId: rep.id, status: { not: "CANCELLED" } },
      }),
      db.visitRecord.count({ where: { id: { in: idsOf("record") }, ownerId: rep.id } }),
    ]);
    expect(plansOwned + recordsOwned).toBe(uids.length);
    const planEvent = events.find((e) => e.uid === `plan-${plan.id}@keystone`)!;
    expect(planEvent.location).toBe("上海, 浦东; 张江");
    expect(planEvent.summary).toContain(account.name);
    expect(planEvent.startDate.toJSDate().getTime()).toBe(Math.floor(soon.getTime() / 1000) * 1000);

    // A new URL revokes the old one.
    const rotated = await createFeed(rep);
    expect((await callFeed(token)).status).toBe(404);
    expect((await callFeed(rotated.token)).status).toBe(200);
    expect(await feedOwnerByToken(rotated.token)).toMatchObject({ id: rep.id });

    await revokeFeed(rep);
    expect((await callFeed(rotated.token)).status).toBe(404);
    expect(await getFeedStatus(rep)).toBeNull();
    expect((await auditRowsFor(rotated.id)).map((a) => a.action)).toEqual([
      "calendarFeed.create",
      "calendarFeed.revoke",
    ]);
    expect(await revokeFeed(rep)).toEqual({ revoked: 0 });
  });

  it("answers 404 for a made-up or malformed token, the same as a revoked one", async () => {
    for (const token of ["x".repeat(43), "short", "../../etc/passwd", "%00"]) {
      expect((await callFeed(token)).status, token).toBe(404);
    }
  });

  it("a feed belongs to its person: another person's revoke leaves it working", async () => {
    const rep = await viewerFor("usr_south_rep2");
    const { token } = await createFeed(rep);
    await revokeFeed(await viewerFor("usr_south_manager"));
    expect((await callFeed(token)).status).toBe(200);
  });
});
