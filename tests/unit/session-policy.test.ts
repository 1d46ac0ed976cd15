import { describe, expect, it } from "vitest";
import { SESSION_POLICY, sessionStatus, shouldRefreshLastSeen } from "@/lib/domain/session-policy";

const MIN = 60_000;
const HOUR = 60 * MIN;
const SIGNED_IN = Date.UTC(2026, 2, 1, 8, 0, 0);

describe("SESSION_POLICY", () => {
  it("allows 12 hours in total and 30 minutes without a request", () => {
    expect(SESSION_POLICY).toEqual({ absoluteMs: 12 * HOUR, idleMs: 30 * MIN });
  });
});

describe("sessionStatus", () => {
  // Times are offsets from sign-in.
  it.each([
    { when: "right after sign-in", lastSeen: 0, now: 0, status: "active" },
    { when: "29 min since the last request", lastSeen: 0, now: 29 * MIN, status: "active" },
    { when: "exactly 30 min since the last request", lastSeen: 0, now: 30 * MIN, status: "active" },
    { when: "30 min and 1 ms since the last request", lastSeen: 0, now: 30 * MIN + 1, status: "idle" },
    {
      when: "idle clock measured from the last request, not sign-in",
      lastSeen: 5 * HOUR,
      now: 5 * HOUR + 20 * MIN,
      status: "active",
    },
    { when: "idle late in the day", lastSeen: 5 * HOUR, now: 5 * HOUR + 31 * MIN, status: "idle" },
    { when: "busy at exactly 12 h", lastSeen: 12 * HOUR - MIN, now: 12 * HOUR, status: "active" },
    { when: "busy at 12 h and 1 ms", lastSeen: 12 * HOUR - MIN, now: 12 * HOUR + 1, status: "expired" },
    {
      when: "busy at 12 h and 1 ms, last request this very moment",
      lastSeen: 12 * HOUR + 1,
      now: 12 * HOUR + 1,
      status: "expired",
    },
    { when: "both idle and past 12 h (expiry wins)", lastSeen: 1 * HOUR, now: 13 * HOUR, status: "expired" },
    {
      when: "idle by 1 ms and past 12 h by 1 ms (expiry wins)",
      lastSeen: 11 * HOUR + 30 * MIN,
      now: 12 * HOUR + 1,
      status: "expired",
    },
  ])("$when → $status", ({ lastSeen, now, status }) => {
    expect(sessionStatus({ signedInAt: SIGNED_IN, lastSeenAt: SIGNED_IN + lastSeen }, SIGNED_IN + now)).toBe(
      status,
    );
  });
});

describe("shouldRefreshLastSeen", () => {
  it.each([
    { since: 0, refresh: false },
    { since: 1_000, refresh: false },
    { since: 60_000, refresh: false },
    { since: 60_001, refresh: true },
    { since: 10 * MIN, refresh: true },
  ])("$since ms after the last refresh → $refresh", ({ since, refresh }) => {
    expect(shouldRefreshLastSeen(SIGNED_IN, SIGNED_IN + since)).toBe(refresh);
  });
});
