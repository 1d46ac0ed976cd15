import { describe, expect, it } from "vitest";
import {
  conflictQueueQuerySchema,
  openConflictSchema,
  resolveConflictSchema,
} from "@/lib/validation/channel-conflicts";

describe("conflict forms", () => {
  it("reads a resolution as typed: yuan to fen, empty fields to null", () => {
    const r = resolveConflictSchema.parse({
      id: "ccf_east_wuxi",
      version: "3",
      outcome: "REBATE_DEDUCTION",
      outcomeAmount: "12,000.50",
      outcomeNote: "",
      preventionNote: " 月度巡检 ",
    });
    expect(r).toMatchObject({
      version: 3,
      outcome: "REBATE_DEDUCTION",
      outcomeAmount: 1_200_050n,
      outcomeNote: null,
      causeAnalysis: null,
      preventionNote: "月度巡检",
    });
    expect(resolveConflictSchema.parse({ id: "x", version: "1", outcome: "" }).outcome).toBeNull();
  });

  it.each(["0x10", "-5", "1e9", "1.234", "12abc"])("refuses the amount %s", (amount) => {
    const r = resolveConflictSchema.safeParse({
      id: "x",
      version: "1",
      outcome: "COMPENSATION",
      outcomeAmount: amount,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["outcomeAmount"]);
  });

  it("refuses an unknown outcome and a stale-looking version", () => {
    expect(resolveConflictSchema.safeParse({ id: "x", version: "1", outcome: "FINE" }).success).toBe(false);
    expect(resolveConflictSchema.safeParse({ id: "x", version: "0", outcome: "WARNING" }).success).toBe(
      false,
    );
  });

  it("needs a kind, a distributor and a summary to open a case, and refuses hidden characters", () => {
    const r = openConflictSchema.safeParse({ kind: "", distributorId: "", summary: "" });
    expect(r.success).toBe(false);
    expect(new Set(r.error?.issues.map((i) => i.path[0]))).toEqual(
      new Set(["kind", "distributorId", "summary"]),
    );
    expect(
      openConflictSchema.safeParse({ kind: "CROSS_TERRITORY", distributorId: "dst_001", summary: "a\u0000b" })
        .success,
    ).toBe(false);
    const ok = openConflictSchema.parse({
      kind: "CROSS_TERRITORY",
      distributorId: "dst_001",
      territoryId: "",
      summary: "窜货",
    });
    expect(ok.territoryId).toBeNull();
  });

  it("falls back on bad queue parameters instead of failing", () => {
    expect(
      conflictQueueQuerySchema.parse({
        status: "NOPE",
        kind: "X",
        sort: "evil",
        page: "-1",
        distributorId: "../x",
      }),
    ).toMatchObject({
      status: undefined,
      kind: undefined,
      sort: "createdAt",
      page: 1,
      distributorId: undefined,
    });
    expect(conflictQueueQuerySchema.parse({ status: "OPEN" }).status).toBe("OPEN");
  });
});
