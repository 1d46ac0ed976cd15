import { describe, expect, it } from "vitest";
import {
  allowedMoves,
  checkLifecycleMove,
  isQualified,
  priorityScore,
  unmetMarks,
  type Qualification,
} from "@/lib/domain/qualification";

const ALL_YES: Qualification = { need: "YES", afford: "YES", willing: "YES", decide: "YES" };

describe("the four marks", () => {
  it("is qualified only when all four are yes", () => {
    expect(isQualified(ALL_YES)).toBe(true);
    expect(isQualified({ ...ALL_YES, decide: "UNKNOWN" })).toBe(false);
    expect(unmetMarks({ need: "NO", afford: "YES", willing: "UNKNOWN", decide: "YES" })).toEqual([
      "need",
      "willing",
    ]);
  });
});

describe("lifecycle moves", () => {
  const move = (over: Partial<Parameters<typeof checkLifecycleMove>[0]>) =>
    checkLifecycleMove({
      from: "PROSPECT",
      to: "INTENT",
      qualification: ALL_YES,
      reason: null,
      canOverride: false,
      ...over,
    });

  it("lets a qualified prospect become an intent customer", () => {
    expect(move({})).toEqual({ ok: true, overridden: false });
  });

  it("stops an unqualified prospect and names the unmet marks", () => {
    expect(move({ qualification: { ...ALL_YES, afford: "NO", decide: "UNKNOWN" } })).toEqual({
      ok: false,
      reason: "unqualified",
      unmet: ["afford", "decide"],
    });
  });

  it("lets a manager override the gate, but only with a written reason", () => {
    const q: Qualification = { ...ALL_YES, decide: "NO" };
    expect(move({ qualification: q, canOverride: true, reason: "  " })).toMatchObject({
      ok: false,
      reason: "reasonRequired",
    });
    expect(move({ qualification: q, canOverride: true, reason: "董事长已口头确认" })).toEqual({
      ok: true,
      overridden: true,
    });
  });

  it("requires a reason to mark an account lost", () => {
    expect(move({ to: "LOST" })).toMatchObject({ ok: false, reason: "reasonRequired" });
    expect(move({ from: "CUSTOMER", to: "LOST", reason: "被竞争对手以低价抢走" })).toEqual({
      ok: true,
      overridden: false,
    });
  });

  it.each([
    ["PROSPECT", "CUSTOMER"],
    ["CUSTOMER", "PROSPECT"],
    ["LOST", "INTENT"],
    ["INTENT", "INTENT"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(move({ from, to, reason: "x" })).toEqual({ ok: false, reason: "notAllowed" });
  });

  it("lists the moves offered from each stage", () => {
    expect(allowedMoves("PROSPECT")).toEqual(["INTENT", "LOST"]);
    expect(allowedMoves("LOST")).toEqual(["PROSPECT"]);
  });
});

describe("priority ranking", () => {
  it("weighs potential value, willingness and urgency", () => {
    expect(priorityScore({ potential: 100, willing: "YES", urgency: 5 })).toBe(100);
    expect(priorityScore({ potential: 0, willing: "NO", urgency: 1 })).toBe(0);
    expect(priorityScore({ potential: 80, willing: "UNKNOWN", urgency: null })).toBe(65);
  });

  it("ranks a willing, urgent account above a merely large one", () => {
    const urgent = priorityScore({ potential: 60, willing: "YES", urgency: 5 });
    const large = priorityScore({ potential: 80, willing: "NO", urgency: 2 });
    expect(urgent).toBeGreaterThan(large);
  });
});
