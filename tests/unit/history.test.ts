import { describe, expect, it } from "vitest";
import { changedFieldNames, describeAudit, isSessionAction } from "@/lib/domain/history";

const row = (action: string, before: unknown, after: unknown, entity = "Deal") => ({
  action,
  entity,
  before,
  after,
});

describe("describeAudit", () => {
  it("words a deal's moves with its title and stages, the note as the reason", () => {
    expect(
      describeAudit(row("deal.move", { stage: "TARGET" }, { stage: "INFORMATION", title: "二期" })),
    ).toEqual({
      key: "dealMoved",
      values: {
        title: { kind: "text", value: "二期" },
        from: { kind: "stage", value: "TARGET" },
        to: { kind: "stage", value: "INFORMATION" },
      },
    });
    expect(
      describeAudit(
        row("deal.moveBack", { stage: "VALUE" }, { stage: "INFORMATION", title: "二期", note: "补样" }),
      )?.key,
    ).toBe("dealMovedBackReason");
  });

  it("keeps the reason and the unmet gate items of an override, and tells a won override apart", () => {
    const after = {
      stage: "RELATIONSHIP",
      status: "OPEN",
      title: "二期",
      overrideReason: "总经理已口头确认",
      overriddenGate: ["INFORMATION.insideContact", 42],
    };
    const s = describeAudit(row("deal.moveOverride", { stage: "INFORMATION" }, after));
    expect(s?.key).toBe("dealMovedOverride");
    expect(s?.values.reason).toEqual({ kind: "text", value: "总经理已口头确认" });
    expect(s?.values.items).toEqual({ kind: "gateItems", value: ["INFORMATION.insideContact"] });
    expect(describeAudit(row("deal.moveOverride", {}, { ...after, status: "WON" }))?.key).toBe(
      "dealWonOverride",
    );
  });

  it("words agreements, lifecycle moves, tiers, contacts and qualification", () => {
    expect(
      describeAudit(
        row("agreement.create", null, {
          startDate: "2026-01-01T00:00:00.000Z",
          endDate: "x",
          contractValue: "500",
        }),
      )?.values.value,
    ).toEqual({ kind: "fen", value: "500" });
    expect(describeAudit(row("agreement.renew", null, {}))?.key).toBe("agreementRenewed");
    expect(
      describeAudit(
        row("account.lifecycleOverride", { lifecycle: "PROSPECT" }, { lifecycle: "INTENT", reason: "r" }),
      )?.key,
    ).toBe("lifecycleOverrideReason");
    expect(describeAudit(row("account.lifecycle", {}, { lifecycle: "INTENT" }))).toBeNull();
    expect(
      describeAudit(row("account.tierOverride", {}, { tier: "A", tierOverrideReason: "标杆" }))?.key,
    ).toBe("tierManual");
    expect(describeAudit(row("account.tierOverride", {}, { tier: "B", tierOverrideReason: null }))?.key).toBe(
      "tierComputed",
    );
    expect(describeAudit(row("contact.create", null, { name: "刘总", buyingRole: "COACH" }))?.values).toEqual(
      {
        name: { kind: "text", value: "刘总" },
        role: { kind: "buyingRole", value: "COACH" },
      },
    );
    expect(
      describeAudit(
        row(
          "account.qualify",
          { needMark: "UNKNOWN", affordMark: "YES" },
          { needMark: "YES", affordMark: "YES" },
        ),
      )?.values.marks,
    ).toEqual({ kind: "marks", value: [{ mark: "need", answer: "YES" }] });
    expect(describeAudit(row("account.dealWon", { lifecycle: "INTENT" }, {}))?.key).toBe("becameCustomer");
    expect(describeAudit(row("account.dealWon", { lifecycle: "CUSTOMER" }, {}))?.key).toBe(
      "volumeFromAgreement",
    );
  });

  it("leaves actions whose label says it all, and hostile snapshots, without a sentence", () => {
    expect(describeAudit(row("auth.signIn", null, null))).toBeNull();
    expect(describeAudit(row("account.update", { name: "a" }, { name: "a", version: 3 }))).toBeNull();
    expect(describeAudit(row("deal.won", "not an object", [1, 2]))).toEqual({
      key: "dealWon",
      values: { title: { kind: "text", value: "" } },
    });
  });
});

describe("changedFieldNames", () => {
  it("lists fields whose values differ, without bookkeeping", () => {
    expect(changedFieldNames({ name: "a", version: 1, phone: null }, { name: "b", version: 2 })).toEqual([
      "name",
    ]);
    expect(changedFieldNames(null, { title: "经理", updatedAt: "x" })).toEqual(["title"]);
  });
});

describe("isSessionAction", () => {
  it("tells sign-in and session events from work", () => {
    expect(["auth.signIn", "auth.signOut", "auth.signInFailed"].every(isSessionAction)).toBe(true);
    expect(isSessionAction("deal.move")).toBe(false);
  });
});
