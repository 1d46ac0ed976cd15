import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONFLICT_ACTIONS,
  CONFLICT_OUTCOMES,
  CONFLICT_SLA_DAYS,
  CONFLICT_STATUSES,
  OPEN_CASE_PENALTY,
  availableActions,
  checkResolve,
  conflictAge,
  conflictScoreImpact,
  conflictSubject,
  mayAct,
  nextStep,
  outcomeNeedsAmount,
  outcomePenalty,
  reopenStep,
  type ConflictOutcome,
  type ConflictRights,
  type ResolveInput,
} from "@/lib/domain/channel-conflicts";

const CHANNEL: ConflictRights = { write: true, approve: false };
const MANAGER: ConflictRights = { write: true, approve: true };
const READER: ConflictRights = { write: false, approve: false };

const resolve = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  outcome: "REBATE_DEDUCTION",
  amount: 5_000_00n,
  outcomeNote: null,
  causeAnalysis: "跨区低价出货",
  preventionNote: null,
  ...over,
});

describe("the ladder", () => {
  it("escalates one step at a time and stops at arbitration", () => {
    expect(nextStep("NEGOTIATION")).toBe("MEDIATION");
    expect(nextStep("MEDIATION")).toBe("ARBITRATION");
    expect(nextStep("ARBITRATION")).toBeNull();
    expect(nextStep("RESOLVED")).toBeNull();
  });

  it("lets the channel manager negotiate: analyse, escalate to mediation, settle", () => {
    expect(availableActions("NEGOTIATION", CHANNEL)).toEqual(["analyse", "escalate", "resolve"]);
  });

  it("leaves mediation and arbitration decisions to a manager", () => {
    expect(availableActions("MEDIATION", CHANNEL)).toEqual(["analyse"]);
    expect(availableActions("ARBITRATION", CHANNEL)).toEqual(["analyse"]);
    expect(availableActions("MEDIATION", MANAGER)).toEqual(["analyse", "escalate", "resolve"]);
    expect(availableActions("ARBITRATION", MANAGER)).toEqual(["analyse", "resolve"]);
  });

  it("reopens a resolved case only by a manager", () => {
    expect(availableActions("RESOLVED", CHANNEL)).toEqual([]);
    expect(availableActions("RESOLVED", MANAGER)).toEqual(["reopen"]);
  });

  it("gives a reader nothing to do at any step", () => {
    for (const s of CONFLICT_STATUSES)
      for (const a of CONFLICT_ACTIONS) expect(mayAct(a, s, READER)).toBe(false);
  });

  it("never offers escalate without a next step, nor reopen on an open case (any rights)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONFLICT_STATUSES),
        fc.boolean(),
        fc.boolean(),
        (status, write, approve) => {
          const acts = availableActions(status, { write, approve });
          if (acts.includes("escalate")) expect(nextStep(status)).not.toBeNull();
          if (acts.includes("reopen")) expect(status).toBe("RESOLVED");
          if (acts.includes("resolve") || acts.includes("analyse")) expect(status).not.toBe("RESOLVED");
        },
      ),
    );
  });

  it("reopens at the step the case was resolved from", () => {
    expect(reopenStep("ARBITRATION")).toBe("ARBITRATION");
    expect(reopenStep("MEDIATION")).toBe("MEDIATION");
    expect(reopenStep(null)).toBe("NEGOTIATION");
    expect(reopenStep("RESOLVED")).toBe("NEGOTIATION");
  });
});

describe("resolving", () => {
  it("accepts a complete resolution", () => {
    expect(checkResolve("MEDIATION", resolve(), null, MANAGER)).toEqual([]);
  });

  it("refuses a resolved case", () => {
    expect(checkResolve("RESOLVED", resolve(), "x", MANAGER)).toEqual([
      { field: "status", problem: "closed" },
    ]);
  });

  it("needs a cause analysis, recorded before or given now", () => {
    expect(checkResolve("NEGOTIATION", resolve({ causeAnalysis: null }), null, CHANNEL)).toContainEqual({
      field: "causeAnalysis",
      problem: "required",
    });
    expect(checkResolve("NEGOTIATION", resolve({ causeAnalysis: "  " }), null, CHANNEL)).toHaveLength(1);
    expect(checkResolve("NEGOTIATION", resolve({ causeAnalysis: null }), "已记录", CHANNEL)).toEqual([]);
  });

  it("needs an outcome", () => {
    expect(checkResolve("NEGOTIATION", resolve({ outcome: null }), null, CHANNEL)).toEqual([
      { field: "outcome", problem: "required" },
    ]);
  });

  it("a warning may carry a fine, above zero, or none", () => {
    expect(outcomeNeedsAmount("WARNING")).toBe(false);
    expect(checkResolve("ARBITRATION", resolve({ outcome: "WARNING", amount: null }), null, MANAGER)).toEqual(
      [],
    );
    expect(checkResolve("ARBITRATION", resolve({ outcome: "WARNING", amount: 0n }), null, MANAGER)).toEqual([
      { field: "outcomeAmount", problem: "positive" },
    ]);
    expect(checkResolve("ARBITRATION", resolve({ outcome: "WARNING", amount: 5n }), null, MANAGER)).toEqual(
      [],
    );
  });

  it.each(["REBATE_DEDUCTION", "COMPENSATION"] as const)("%s needs an amount above zero", (o) => {
    expect(outcomeNeedsAmount(o)).toBe(true);
    expect(checkResolve("ARBITRATION", resolve({ outcome: o, amount: null }), null, MANAGER)).toEqual([
      { field: "outcomeAmount", problem: "required" },
    ]);
    expect(checkResolve("ARBITRATION", resolve({ outcome: o, amount: 0n }), null, MANAGER)).toEqual([
      { field: "outcomeAmount", problem: "positive" },
    ]);
    expect(checkResolve("ARBITRATION", resolve({ outcome: o, amount: 1n }), null, MANAGER)).toEqual([]);
  });

  it.each(["NO_ACTION", "TERRITORY_CHANGE", "TERMINATION"] as const)("%s takes no amount", (o) => {
    expect(outcomeNeedsAmount(o)).toBe(false);
    const note = o === "TERRITORY_CHANGE" ? "苏州划归申联" : null;
    expect(
      checkResolve("ARBITRATION", resolve({ outcome: o, amount: 100n, outcomeNote: note }), null, MANAGER),
    ).toEqual([{ field: "outcomeAmount", problem: "notAllowed" }]);
    expect(
      checkResolve("ARBITRATION", resolve({ outcome: o, amount: null, outcomeNote: note }), null, MANAGER),
    ).toEqual([]);
  });

  it("a territory change says what changes", () => {
    expect(
      checkResolve("MEDIATION", resolve({ outcome: "TERRITORY_CHANGE", amount: null }), null, MANAGER),
    ).toEqual([{ field: "outcomeNote", problem: "required" }]);
  });

  it("termination is a manager's decision even in negotiation", () => {
    const term = resolve({ outcome: "TERMINATION", amount: null });
    expect(checkResolve("NEGOTIATION", term, null, CHANNEL)).toEqual([
      { field: "outcome", problem: "managerOnly" },
    ]);
    expect(checkResolve("NEGOTIATION", term, null, MANAGER)).toEqual([]);
  });

  it("does not require a prevention note", () => {
    expect(checkResolve("NEGOTIATION", resolve({ preventionNote: null }), null, CHANNEL)).toEqual([]);
  });

  it("reports every problem at once", () => {
    const problems = checkResolve(
      "NEGOTIATION",
      resolve({ outcome: "TERMINATION", amount: 5n, causeAnalysis: null }),
      null,
      CHANNEL,
    );
    expect(problems.map((p) => p.field).sort()).toEqual(["causeAnalysis", "outcome", "outcomeAmount"]);
  });
});

describe("age and SLA", () => {
  const opened = new Date("2026-10-01T02:00:00Z");
  const at = (days: number) => new Date(opened.getTime() + days * 86_400_000);

  it("counts whole days and flags a step past its limit", () => {
    expect(conflictAge({ status: "NEGOTIATION", openedAt: opened, resolvedAt: null }, at(14))).toEqual({
      days: 14,
      limitDays: 14,
      overdue: false,
    });
    expect(conflictAge({ status: "NEGOTIATION", openedAt: opened, resolvedAt: null }, at(15)).overdue).toBe(
      true,
    );
    expect(conflictAge({ status: "MEDIATION", openedAt: opened, resolvedAt: null }, at(15)).overdue).toBe(
      false,
    );
    expect(conflictAge({ status: "ARBITRATION", openedAt: opened, resolvedAt: null }, at(61)).overdue).toBe(
      true,
    );
  });

  it("stops the clock when resolved and is never overdue then", () => {
    const age = conflictAge({ status: "RESOLVED", openedAt: opened, resolvedAt: at(9) }, at(200));
    expect(age).toEqual({ days: 9, limitDays: null, overdue: false });
  });

  it("never goes negative (clock skew)", () => {
    expect(conflictAge({ status: "NEGOTIATION", openedAt: at(2), resolvedAt: null }, opened).days).toBe(0);
  });

  it("gives each step a longer limit than the one below", () => {
    expect(CONFLICT_SLA_DAYS.NEGOTIATION).toBeLessThan(CONFLICT_SLA_DAYS.MEDIATION);
    expect(CONFLICT_SLA_DAYS.MEDIATION).toBeLessThan(CONFLICT_SLA_DAYS.ARBITRATION);
  });
});

describe("scorecard impact", () => {
  it("scores 100 with no cases", () => {
    expect(conflictScoreImpact([])).toEqual({ open: 0, resolved: 0, penalty: 0, points: 100 });
  });

  it("costs nothing when the distributor was found blameless", () => {
    expect(conflictScoreImpact([{ status: "RESOLVED", outcome: "NO_ACTION" }]).points).toBe(100);
  });

  it("weighs sanctions from warning to termination", () => {
    const order: ConflictOutcome[] = [
      "NO_ACTION",
      "WARNING",
      "REBATE_DEDUCTION",
      "COMPENSATION",
      "TERMINATION",
    ];
    for (let i = 1; i < order.length; i++)
      expect(outcomePenalty(order[i]!)).toBeGreaterThan(outcomePenalty(order[i - 1]!));
    expect(outcomePenalty("TERMINATION")).toBe(100);
  });

  it("counts open cases and resolved outcomes", () => {
    const r = conflictScoreImpact([
      { status: "NEGOTIATION", outcome: null },
      { status: "MEDIATION", outcome: null },
      { status: "RESOLVED", outcome: "WARNING" },
      { status: "RESOLVED", outcome: "COMPENSATION" },
    ]);
    expect(r).toEqual({
      open: 2,
      resolved: 2,
      penalty: 2 * OPEN_CASE_PENALTY + outcomePenalty("WARNING") + outcomePenalty("COMPENSATION"),
      points: 100 - (2 * OPEN_CASE_PENALTY + 40),
    });
  });

  it("stays within 0–100 and never rises with another case", () => {
    const aCase = fc.record({
      status: fc.constantFrom(...CONFLICT_STATUSES),
      outcome: fc.option(fc.constantFrom(...CONFLICT_OUTCOMES), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(aCase, { maxLength: 30 }), aCase, (cases, extra) => {
        const before = conflictScoreImpact(cases).points;
        const after = conflictScoreImpact([...cases, extra]).points;
        expect(before).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(100);
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe("subject of a case", () => {
  const c = { territoryId: "t", productId: "p", accountId: "a" };
  it("names the territory, product or key account by kind", () => {
    expect(conflictSubject("CROSS_TERRITORY", c)).toBe("t");
    expect(conflictSubject("BELOW_FLOOR_PRICE", c)).toBe("p");
    expect(conflictSubject("CUSTOMER_OVERLAP", c)).toBe("a");
    expect(conflictSubject("CUSTOMER_OVERLAP", { ...c, accountId: null })).toBeNull();
  });
});
