// Raising a decision maker where the 关系建立 gate stops a deal: the gate opens, the change is
// versioned, audited and scoped like any contact change.
import { describe, expect, it } from "vitest";
import { updateDecisionMakerRelationship } from "@/lib/data/deals/decision-makers";
import { moveDeal } from "@/lib/data/deals/moves";
import { decisionMakerRelationshipSchema } from "@/lib/validation/deals";
import { dealRow, gateUnmet, newDeal, person, refused, STRONG_DM, uniquePrefix } from "./fixtures";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";

describe("raising a decision maker's relationship", () => {
  it("opens the stage-4 gate, once, at the contact's version, with an audit row", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const id = await newDeal(kam, account.id, uniquePrefix("Raise"));
    const weak = await person(kam, account.id, { ...STRONG_DM, relationshipStrength: "3" });
    await moveDeal(manager, { id, version: 1, to: "RELATIONSHIP", overrideReason: "集团指定" });
    expect(await refused(moveDeal(kam, { id, version: 2, to: "CLOSING" }))).toMatchObject({
      gate: gateUnmet("decisionMakersStrong"),
    });

    const input = decisionMakerRelationshipSchema.parse({
      id: weak.id,
      version: String(weak.version),
      dealId: id,
      relationshipStrength: "4",
      approach: "季度高层互访",
    });
    const { dealId: _, ...change } = input;
    const after = await updateDecisionMakerRelationship(kam, change);
    expect(after).toMatchObject({
      relationshipStrength: 4,
      approach: "季度高层互访",
      version: weak.version + 1,
    });
    expect((await auditRowsFor(weak.id)).map((r) => r.action)).toContain("contact.update");
    // The same form sent again (an old version) is refused, not applied twice.
    expect(await outcome(updateDecisionMakerRelationship(kam, change))).toBe("CONFLICT");
    expect(await outcome(moveDeal(kam, { id, version: (await dealRow(id)).version, to: "CLOSING" }))).toBe(
      "OK",
    );
  });

  it("is out of reach for someone outside the account's scope", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const outsider = await viewerFor("usr_south_kam1");
    const account = await accountFixture(kam.id);
    const contact = await person(kam, account.id, { ...STRONG_DM, relationshipStrength: "2" });
    const change = { id: contact.id, version: contact.version, relationshipStrength: 5, approach: null };
    expect(await outcome(updateDecisionMakerRelationship(outsider, change))).toBe("NOT_FOUND");
  });

  it("refuses a strength outside 1–5", () => {
    const parsed = decisionMakerRelationshipSchema.safeParse({
      id: "c1",
      version: "1",
      dealId: "d1",
      relationshipStrength: "9",
    });
    expect(parsed.success).toBe(false);
  });
});
