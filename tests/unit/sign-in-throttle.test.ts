import { describe, expect, it } from "vitest";
import {
  delayAfterFailures,
  registerFailure,
  secondsBlocked,
  THROTTLE,
  type ThrottleKind,
  type ThrottleState,
} from "@/lib/domain/sign-in-throttle";

const SEC = 1_000;
const MIN = 60 * SEC;
const T0 = new Date("2026-03-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Registers `n` failures one second apart, starting at T0. */
function failTimes(n: number, kind: ThrottleKind): ThrottleState {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = registerFailure(state, kind, at(i * SEC));
  return state!;
}

describe("THROTTLE settings", () => {
  it("blocks accounts after 5 failures, IPs after 20, for 30 s doubling up to 15 min, forgiving after 15 quiet min", () => {
    expect(THROTTLE).toEqual({
      windowMs: 15 * MIN,
      accountThreshold: 5,
      ipThreshold: 20,
      baseDelayMs: 30 * SEC,
      maxDelayMs: 15 * MIN,
    });
  });
});

describe("delayAfterFailures", () => {
  it.each([
    // kind       failures  delay
    ["account", 0, 0],
    ["account", 1, 0],
    ["account", 4, 0],
    ["account", 5, 30 * SEC],
    ["account", 6, 60 * SEC],
    ["account", 7, 120 * SEC],
    ["account", 8, 240 * SEC],
    ["account", 9, 480 * SEC],
    ["account", 10, 15 * MIN], // 960 s, capped
    ["account", 11, 15 * MIN],
    ["account", 100, 15 * MIN],
    ["ip", 5, 0],
    ["ip", 19, 0],
    ["ip", 20, 30 * SEC],
    ["ip", 21, 60 * SEC],
    ["ip", 24, 480 * SEC],
    ["ip", 25, 15 * MIN], // 960 s, capped
    ["ip", 1000, 15 * MIN],
  ] as const)("%s after %i failures → %i ms", (kind, failures, delay) => {
    expect(delayAfterFailures(failures, kind)).toBe(delay);
  });
});

describe("registerFailure", () => {
  it("starts counting from one without blocking", () => {
    expect(registerFailure(null, "account", T0)).toEqual({
      failures: 1,
      lastFailedAt: T0,
      blockedUntil: null,
    });
  });

  it.each([
    // kind       failures  blocked for
    ["account", 4, null],
    ["account", 5, 30 * SEC],
    ["account", 6, 60 * SEC],
    ["account", 12, 15 * MIN],
    ["ip", 19, null],
    ["ip", 20, 30 * SEC],
    ["ip", 22, 120 * SEC],
  ] as const)("%s: the failure number %i blocks for %s ms from that failure", (kind, n, blockedFor) => {
    const state = failTimes(n, kind);
    const last = at((n - 1) * SEC);
    expect(state.failures).toBe(n);
    expect(state.lastFailedAt).toEqual(last);
    expect(state.blockedUntil).toEqual(blockedFor === null ? null : new Date(last.getTime() + blockedFor));
  });

  it("does not change the state it was given", () => {
    const before = failTimes(5, "account");
    const copy = structuredClone(before);
    registerFailure(before, "account", at(10 * MIN));
    expect(before).toEqual(copy);
  });

  it.each([
    { gap: "1 minute", gapMs: 1 * MIN, failures: 6 },
    { gap: "exactly 15 minutes", gapMs: 15 * MIN, failures: 6 },
    { gap: "15 minutes and 1 ms", gapMs: 15 * MIN + 1, failures: 1 },
    { gap: "a day", gapMs: 24 * 60 * MIN, failures: 1 },
  ])("after a quiet gap of $gap the count is $failures", ({ gapMs, failures }) => {
    const five = failTimes(5, "account");
    const next = registerFailure(five, "account", new Date(five.lastFailedAt.getTime() + gapMs));
    expect(next.failures).toBe(failures);
    if (failures === 1) expect(next.blockedUntil).toBeNull();
  });

  it("measures the quiet window from the latest failure, so steady failures keep adding up", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 6; i++) state = registerFailure(state, "account", at(i * 14 * MIN));
    expect(state!.failures).toBe(6);
    expect(state!.blockedUntil).toEqual(at(5 * 14 * MIN + 60 * SEC));
  });
});

describe("secondsBlocked", () => {
  const blocked = (untilMs: number): ThrottleState => ({
    failures: 5,
    lastFailedAt: T0,
    blockedUntil: at(untilMs),
  });

  it.each([
    { state: "no state", value: null, nowMs: 0, seconds: 0 },
    {
      state: "not blocked",
      value: { failures: 3, lastFailedAt: T0, blockedUntil: null },
      nowMs: 0,
      seconds: 0,
    },
    { state: "30 s left", value: blocked(30 * SEC), nowMs: 0, seconds: 30 },
    { state: "29.001 s left (rounds up)", value: blocked(30 * SEC), nowMs: 999, seconds: 30 },
    { state: "29 s left", value: blocked(30 * SEC), nowMs: 1 * SEC, seconds: 29 },
    { state: "1 ms left (rounds up)", value: blocked(30 * SEC), nowMs: 30 * SEC - 1, seconds: 1 },
    { state: "exactly expired", value: blocked(30 * SEC), nowMs: 30 * SEC, seconds: 0 },
    { state: "long expired", value: blocked(30 * SEC), nowMs: 60 * MIN, seconds: 0 },
  ])("$state → $seconds", ({ value, nowMs, seconds }) => {
    expect(secondsBlocked(value, at(nowMs))).toBe(seconds);
  });

  it("reports the full delay right after the blocking failure", () => {
    const state = failTimes(7, "account");
    expect(secondsBlocked(state, state.lastFailedAt)).toBe(120);
  });
});
