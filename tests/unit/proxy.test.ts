// The proxy's part of the session and origin rules, on real NextRequests (no server needed).
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionFromCookie } from "@/lib/auth/session";
import { encodeSession, sessionCookieName, type SessionClaims } from "@/lib/auth/session-token";
import { proxy } from "@/proxy";

const BASE = "http://localhost:3000";
const MINUTE = 60_000;

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = "unit-test-secret-unit-test-secret";
});

async function cookieFor(minutesIdle: number, hoursOld = 1): Promise<string> {
  const now = Date.now();
  const claims: SessionClaims = {
    uid: "usr_1",
    tv: 0,
    sid: "sid_1",
    signedInAt: now - hoursOld * 60 * MINUTE,
    lastSeenAt: now - minutesIdle * MINUTE,
  };
  return `${sessionCookieName()}=${await encodeSession(claims)}`;
}

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(new URL(path, BASE), {
    method: init.method ?? "GET",
    headers: { host: "localhost:3000", ...init.headers },
  });
}

const serverAction = (cookie: string, origin = BASE) =>
  request("/accounts", { method: "POST", headers: { cookie, origin, "next-action": "abc123" } });

describe("the proxy", () => {
  it("never refreshes the cookie of a token idle past 30 minutes, even for a server action", async () => {
    const response = await proxy(serverAction(await cookieFor(31)));
    // The action itself answers (it refuses the session through the same check); no fresh cookie.
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("moves an active session's idle clock forward (at most once a minute)", async () => {
    const refreshed = await proxy(serverAction(await cookieFor(5)));
    const setCookie = refreshed.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain(`${sessionCookieName()}=`);
    const value = setCookie.split(";")[0]!.split("=").slice(1).join("=");
    const read = await sessionFromCookie(value);
    expect(read.status).toBe("active");
    expect(Date.now() - read.claims!.lastSeenAt).toBeLessThan(MINUTE);

    const recent = await proxy(serverAction(await cookieFor(0.5)));
    expect(recent.headers.get("set-cookie")).toBeNull();
  });

  it("sends a page request with an idle or expired token to the sign-in page and clears the cookie", async () => {
    const idle = await proxy(request("/pipeline?view=list", { headers: { cookie: await cookieFor(31) } }));
    expect(idle.status).toBe(307);
    const location = new URL(idle.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("reason")).toBe("idle");
    expect(location.searchParams.get("callbackUrl")).toBe("/pipeline?view=list");
    expect(idle.headers.get("set-cookie")).toContain("Expires=Thu, 01 Jan 1970");

    const expired = await proxy(request("/", { headers: { cookie: await cookieFor(1, 13) } }));
    expect(new URL(expired.headers.get("location")!).searchParams.get("reason")).toBe("expired");
  });

  it("refuses a state-changing request from another origin, or with no origin, before anything runs", async () => {
    const forged = await proxy(serverAction(await cookieFor(1), "https://evil.example"));
    expect(forged.status).toBe(403);
    const noOrigin = await proxy(request("/login", { method: "POST" }));
    expect(noOrigin.status).toBe(403);
    // Reads need no origin.
    const read = await proxy(request("/login"));
    expect(read.status).toBe(200);
  });

  it("answers an API request without a session with 401, not a redirect", async () => {
    const response = await proxy(request("/api/accounts/export"));
    expect(response.status).toBe(401);
  });
});
