import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endSession, loadSessionViewer } from "@/lib/data/session";
import { signInWithPassword } from "@/lib/data/sign-in";
import { viewerFor } from "./helpers";
import { DEMO_PASSWORD } from "@/prisma/demo-org";

let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;

describe("sign-in", () => {
  it("accepts the right password and records the sign-in", async () => {
    const result = await signInWithPassword({
      email: "North.KAM1@keystone.demo ",
      password: DEMO_PASSWORD,
      ip: freshIp(),
    });
    expect(result).toMatchObject({ ok: true, user: { id: "usr_north_kam1", role: "KAM" } });
    const audit = await db.auditLog.findFirst({
      where: { action: "auth.signIn", actorId: "usr_north_kam1" },
    });
    expect(audit).not.toBeNull();
  });

  it("refuses a wrong password without saying whether the e-mail exists", async () => {
    const ip = freshIp();
    expect(
      await signInWithPassword({ email: "north.kam2@keystone.demo", password: "wrong-password", ip }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await signInWithPassword({ email: "nobody@keystone.demo", password: "wrong-password", ip }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after 5 failures, even for the right password, then lets it in after the wait", async () => {
    const email = "north.rep3@keystone.demo";
    const t0 = new Date("2026-11-25T09:00:00Z");
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(
        await signInWithPassword(
          { email, password: `wrong-${i}`, ip: freshIp() },
          new Date(t0.getTime() + i * 1000),
        ),
      );
    }
    expect(results.slice(0, 4).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[4]).toMatchObject({ ok: false, reason: "throttled", retryAfterSeconds: 30 });
    // Within the delay, even the right password is refused, and the failure count is not advanced.
    const during = await signInWithPassword(
      { email, password: DEMO_PASSWORD, ip: freshIp() },
      new Date(t0.getTime() + 10_000),
    );
    expect(during).toMatchObject({ ok: false, reason: "throttled" });
    // After the delay the right password works and clears the account's counter.
    const after = await signInWithPassword(
      { email, password: DEMO_PASSWORD, ip: freshIp() },
      new Date(t0.getTime() + 40_000),
    );
    expect(after.ok).toBe(true);
    expect(await db.signInThrottle.findUnique({ where: { key: `email:${email}` } })).toBeNull();
  });

  it("throttles an IP address that fails across many accounts", async () => {
    const ip = freshIp();
    const t0 = new Date("2026-11-25T10:00:00Z");
    let last;
    for (let i = 0; i < 20; i++) {
      last = await signInWithPassword(
        { email: `spray${i}@example.com`, password: "Password1", ip },
        new Date(t0.getTime() + i * 100),
      );
    }
    expect(last).toMatchObject({ ok: false, reason: "throttled" });
    const blocked = await signInWithPassword(
      { email: "south.kam1@keystone.demo", password: DEMO_PASSWORD, ip },
      new Date(t0.getTime() + 5_000),
    );
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    const elsewhere = await signInWithPassword(
      { email: "south.kam1@keystone.demo", password: DEMO_PASSWORD, ip: freshIp() },
      new Date(t0.getTime() + 5_000),
    );
    expect(elsewhere.ok).toBe(true);
  });

  it("counts concurrent failures without losing any", async () => {
    const email = "south.rep3@keystone.demo";
    const now = new Date("2026-11-25T11:00:00Z");
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        signInWithPassword({ email, password: `x${i}`, ip: freshIp() }, now),
      ),
    );
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `email:${email}` } });
    expect(row.failures).toBe(4);
  });

  it("refuses a deactivated user who knows the password", async () => {
    await db.user.update({ where: { id: "usr_south_rep2" }, data: { active: false } });
    try {
      expect(
        await signInWithPassword({
          email: "south.rep2@keystone.demo",
          password: DEMO_PASSWORD,
          ip: freshIp(),
        }),
      ).toEqual({
        ok: false,
        reason: "inactive",
      });
    } finally {
      await db.user.update({ where: { id: "usr_south_rep2" }, data: { active: true } });
    }
  });
});

describe("sign-in sessions", () => {
  const email = "south.kam1@keystone.demo";
  const open = (ip: string) =>
    signInWithPassword({ email, password: DEMO_PASSWORD, ip, userAgent: "Vitest" });

  it("each sign-in opens its own session row, with the address it came from", async () => {
    const result = await open("198.51.100.20");
    if (!result.ok) throw new Error("sign-in failed");
    const row = await db.userSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(row).toMatchObject({
      userId: result.user.id,
      ip: "198.51.100.20",
      userAgent: "Vitest",
      endedAt: null,
    });
    // 128 random bits: not guessable, not sequential.
    expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("signing out ends that session everywhere a copy of its cookie is, and only that one", async () => {
    const phone = await open("198.51.100.21");
    const desktop = await open("198.51.100.22");
    if (!phone.ok || !desktop.ok) throw new Error("sign-in failed");
    const claimsOf = (r: typeof phone & { ok: true }) => ({
      userId: r.user.id,
      tokenVersion: r.user.tokenVersion,
      sessionId: r.sessionId,
    });
    const viewer = await loadSessionViewer(claimsOf(phone));
    expect(viewer?.id).toBe(phone.user.id);

    await endSession(viewer!, phone.sessionId);
    expect(await loadSessionViewer(claimsOf(phone))).toBeNull();
    expect(await loadSessionViewer(claimsOf(desktop))).not.toBeNull();
    const row = await db.userSession.findUniqueOrThrow({ where: { id: phone.sessionId } });
    expect(row.endReason).toBe("signOut");
    expect(
      await db.auditLog.count({ where: { action: "auth.signOut", actorId: phone.user.id } }),
    ).toBeGreaterThan(0);
  });

  it("a session id cannot be borrowed by another user, nor made up", async () => {
    const mine = await open("198.51.100.23");
    if (!mine.ok) throw new Error("sign-in failed");
    expect(
      await loadSessionViewer({ userId: "usr_admin", tokenVersion: 0, sessionId: mine.sessionId }),
    ).toBeNull();
    expect(
      await loadSessionViewer({ userId: mine.user.id, tokenVersion: 0, sessionId: "made-up" }),
    ).toBeNull();
  });

  it("another user cannot end my session", async () => {
    const mine = await open("198.51.100.24");
    if (!mine.ok) throw new Error("sign-in failed");
    const someoneElse = await viewerFor("usr_north_kam1");
    await endSession(someoneElse, mine.sessionId);
    const row = await db.userSession.findUniqueOrThrow({ where: { id: mine.sessionId } });
    expect(row.endedAt).toBeNull();
  });
});
