import { describe, expect, it } from "vitest";
import {
  canClosePlan,
  canPlan,
  canRequest,
  checkGiftCaps,
  chinaYear,
  chinaYearRange,
  countsTowardGiftTotal,
  decidedStatus,
  giftYearTotals,
  planApprovalReasons,
  planNeedsApproval,
  requestNeedsApproval,
  resolveApprover,
  submittedStatus,
  type PlanAction,
  type TeamNode,
} from "@/lib/domain/visit-approval";
import {
  DEFAULT_VISIT_SETTINGS,
  PLAN_STATUSES,
  planDisplayStatus,
  type PlanStatus,
} from "@/lib/domain/visits";

const S = DEFAULT_VISIT_SETTINGS; // A tier, > ¥2,000, hosting; director > ¥20,000; gifts > ¥500

describe("which plans need approval", () => {
  const plan = { tier: "B" as const, expectedCost: null, method: "IN_PERSON" as const };

  it("asks for approval for the tiers the admin chose", () => {
    expect(planNeedsApproval({ ...plan, tier: "A" }, S)).toBe(true);
    expect(planNeedsApproval(plan, S)).toBe(false);
    expect(planNeedsApproval(plan, { ...S, approvalTiers: ["A", "B"] })).toBe(true);
    expect(planNeedsApproval({ ...plan, tier: "A" }, { ...S, approvalTiers: [] })).toBe(false);
  });

  it("asks above the cost threshold, not at it", () => {
    expect(planNeedsApproval({ ...plan, expectedCost: 200_000n }, S)).toBe(false);
    expect(planNeedsApproval({ ...plan, expectedCost: 200_001n }, S)).toBe(true);
  });

  it("asks for hosting a delegation only when the setting says so", () => {
    expect(planNeedsApproval({ ...plan, method: "HOSTING" }, S)).toBe(true);
    expect(planNeedsApproval({ ...plan, method: "HOSTING" }, { ...S, approvalForHosting: false })).toBe(
      false,
    );
  });

  it("names every reason", () => {
    expect(planApprovalReasons({ tier: "A", expectedCost: 999_999n, method: "HOSTING" }, S)).toEqual([
      "tier",
      "cost",
      "hosting",
    ]);
    expect(planApprovalReasons(plan, S)).toEqual([]);
  });

  it("approves on submission what needs no approval", () => {
    expect(submittedStatus(false)).toBe("APPROVED");
    expect(submittedStatus(true)).toBe("SUBMITTED");
  });
});

describe("which requests need approval", () => {
  it("every reception, whatever its budget", () => {
    expect(requestNeedsApproval({ kind: "RECEPTION", amount: 0n }, S)).toBe(true);
  });
  it("a gift only above the threshold", () => {
    expect(requestNeedsApproval({ kind: "GIFT", amount: 50_000n }, S)).toBe(false);
    expect(requestNeedsApproval({ kind: "GIFT", amount: 50_001n }, S)).toBe(true);
  });
});

describe("who approves", () => {
  // sales (director) ─┬─ east (east.manager) ── east-city (no manager)
  //                   └─ lone (no manager)
  const TEAMS: TeamNode[] = [
    { id: "sales", parentId: null, managerId: "director" },
    { id: "east", parentId: "sales", managerId: "east.manager" },
    { id: "east-city", parentId: "east", managerId: null },
    { id: "lone", parentId: null, managerId: null },
  ];
  const ask = (ownerId: string, teamId: string | null, amount: bigint | null, teams = TEAMS) =>
    resolveApprover({ ownerId, teamId, amount, directorThreshold: 2_000_000n, teams });

  it("is the manager of the owner's team", () => {
    expect(ask("rep", "east", null)).toBe("east.manager");
    expect(ask("rep", "east", 2_000_000n)).toBe("east.manager");
  });
  it("is the director above the director threshold", () => {
    expect(ask("rep", "east", 2_000_001n)).toBe("director");
  });
  it("goes one level up when the owner is that manager", () => {
    expect(ask("east.manager", "east", null)).toBe("director");
    expect(ask("east.manager", "east", 9_999_999n)).toBe("director");
  });
  it("goes up past a team without a manager", () => {
    expect(ask("rep", "east-city", null)).toBe("east.manager");
    expect(ask("rep", "east-city", 3_000_000n)).toBe("east.manager");
  });
  it("is nobody (an admin decides) at the top or without a team", () => {
    expect(ask("director", "sales", null)).toBeNull();
    expect(ask("rep", "lone", null)).toBeNull();
    expect(ask("admin", null, null)).toBeNull();
    expect(ask("rep", "unknown", null)).toBeNull();
  });
  it("uses the top team's own manager for a director-level amount when there is no team above", () => {
    expect(ask("rep", "sales", 9_000_000n)).toBe("director");
  });
  it("does not loop on a cycle in bad data", () => {
    const cycle: TeamNode[] = [
      { id: "a", parentId: "b", managerId: null },
      { id: "b", parentId: "a", managerId: null },
    ];
    expect(ask("rep", "a", null, cycle)).toBeNull();
  });
});

describe("plan status changes", () => {
  const allowed = (action: PlanAction) => PLAN_STATUSES.filter((s) => canPlan(action, s));

  it("edits and submits drafts and returned plans only", () => {
    expect(allowed("edit")).toEqual(["DRAFT", "RETURNED"]);
    expect(allowed("submit")).toEqual(["DRAFT", "RETURNED"]);
  });
  it("decides only what waits", () => {
    expect(allowed("decide")).toEqual(["SUBMITTED"]);
    expect(decidedStatus("approve")).toBe("APPROVED");
    expect(decidedStatus("return")).toBe("RETURNED");
  });
  it("reschedules only approved plans (which stay approved)", () => {
    expect(allowed("reschedule")).toEqual(["APPROVED"]);
  });
  it("cancels what has not happened, deletes what never went ahead", () => {
    expect(allowed("cancel")).toEqual(["SUBMITTED", "APPROVED", "RETURNED"]);
    expect(allowed("delete")).toEqual(["DRAFT", "RETURNED", "CANCELLED"]);
    for (const action of ["edit", "submit", "cancel", "reschedule", "delete", "decide"] as const)
      expect(canPlan(action, "DONE")).toBe(false);
  });
  it("lets a record close an approved plan without a record, even a missed one", () => {
    expect(canClosePlan({ status: "APPROVED", hasRecord: false })).toBe(true);
    expect(canClosePlan({ status: "APPROVED", hasRecord: true })).toBe(false);
    expect(canClosePlan({ status: "APPROVED", hasRecord: false, deleted: true })).toBe(false);
    for (const status of PLAN_STATUSES.filter((s) => s !== "APPROVED"))
      expect(canClosePlan({ status: status as PlanStatus, hasRecord: false })).toBe(false);
    const missed = planDisplayStatus(
      { status: "APPROVED", plannedEnd: new Date("2026-12-01T02:00:00Z"), hasRecord: false },
      new Date("2026-12-02T02:00:00Z"),
    );
    expect(missed).toBe("MISSED");
  });
});

describe("request status changes", () => {
  it("decides submitted requests; a returned one is edited and sent again", () => {
    expect(canRequest("decide", "SUBMITTED")).toBe(true);
    expect(canRequest("decide", "APPROVED")).toBe(false);
    expect(canRequest("edit", "RETURNED")).toBe(true);
    expect(canRequest("edit", "SUBMITTED")).toBe(false);
    expect(canRequest("cancel", "APPROVED")).toBe(true);
    expect(canRequest("cancel", "CANCELLED")).toBe(false);
  });
});

describe("gift compliance", () => {
  const at = (iso: string) => new Date(iso);
  const gift = (
    amount: bigint,
    createdAt: Date,
    extra: Partial<Parameters<typeof giftYearTotals>[0][number]> = {},
  ) => ({
    kind: "GIFT" as const,
    status: "APPROVED" as const,
    amount,
    recipientContactId: "c1",
    createdAt,
    ...extra,
  });

  it("counts approved and waiting gifts, not returned, cancelled or deleted ones", () => {
    expect(countsTowardGiftTotal("APPROVED")).toBe(true);
    expect(countsTowardGiftTotal("SUBMITTED")).toBe(true);
    expect(countsTowardGiftTotal("RETURNED")).toBe(false);
    expect(countsTowardGiftTotal("CANCELLED")).toBe(false);
    const totals = giftYearTotals(
      [
        gift(100n, at("2026-03-01T02:00:00Z")),
        gift(20n, at("2026-03-01T02:00:00Z"), { status: "SUBMITTED", recipientContactId: "c2" }),
        gift(5_000n, at("2026-03-01T02:00:00Z"), { status: "RETURNED" }),
        gift(5_000n, at("2026-03-01T02:00:00Z"), { status: "CANCELLED" }),
        gift(5_000n, at("2026-03-01T02:00:00Z"), { deleted: true }),
        { ...gift(5_000n, at("2026-03-01T02:00:00Z")), kind: "RECEPTION" as const },
        gift(7n, at("2026-03-01T02:00:00Z"), { recipientContactId: null }),
      ],
      2026,
    );
    expect(totals.account).toBe(127n);
    expect(totals.perContact.get("c1")).toBe(100n);
    expect(totals.perContact.get("c2")).toBe(20n);
  });

  it("uses the China calendar year: 31 Dec 17:00 UTC is already next year in Beijing", () => {
    expect(chinaYear(at("2026-12-31T15:59:59Z"))).toBe(2026);
    expect(chinaYear(at("2026-12-31T16:00:00Z"))).toBe(2027);
    const totals = giftYearTotals(
      [gift(1n, at("2025-12-31T16:30:00Z")), gift(2n, at("2025-12-31T15:30:00Z"))],
      2026,
    );
    expect(totals.account).toBe(1n);
    const { start, end } = chinaYearRange(2026);
    expect(start.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("warns when a new gift would pass the yearly cap per contact or per account", () => {
    const under = checkGiftCaps({ contact: 150_000n, account: 900_000n }, 50_000n, S);
    expect(under).toEqual({
      contactAfter: 200_000n,
      accountAfter: 950_000n,
      overContactCap: false,
      overAccountCap: false,
    });
    const over = checkGiftCaps({ contact: 150_000n, account: 990_000n }, 50_001n, S);
    expect(over.overContactCap).toBe(true);
    expect(over.overAccountCap).toBe(true);
    expect(checkGiftCaps({ contact: 0n, account: 990_000n }, 20_000n, S)).toMatchObject({
      overContactCap: false,
      overAccountCap: true,
    });
  });
});
