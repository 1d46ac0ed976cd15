import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  belowFloorPrice,
  crossTerritory,
  customerOverlap,
  detectConflicts,
  matchKeyAccount,
  territoryChain,
  versionInForce,
  type AgreementVersionTerms,
  type ConflictContext,
  type SaleForRules,
} from "@/lib/domain/channel-conflict-rules";

// Territories: east ⊃ js ⊃ {sz ⊃ sip, wx}; east ⊃ sh. Distributors: A exclusive in sz (home sz),
// B in wx (home wx, also covers sip), C exclusive in js (the province), D with no coverage.
const PARENT: Record<string, string | null> = {
  east: null,
  js: "east",
  sz: "js",
  sip: "sz",
  wx: "js",
  sh: "east",
};
const COVERAGE: Record<string, string[]> = { A: ["sz"], B: ["wx", "sip"], C: ["js"], D: [] };
const EXCLUSIVE: Record<string, string[]> = { sz: ["A"], js: ["C"] };
const v = (
  id: string,
  number: number,
  startsOn: string,
  endsOn: string,
  madeOn: string,
  floor?: bigint,
): AgreementVersionTerms => ({
  id,
  number,
  startsOn,
  endsOn,
  madeOn,
  floors: new Map(floor === undefined ? [] : [["servo", floor]]),
});
const VERSIONS: Record<string, AgreementVersionTerms[]> = {
  B: [
    v("b25", 1, "2025-01-01", "2025-12-31", "2024-12-20", 90_00n),
    v("b1", 1, "2026-01-01", "2026-12-31", "2025-12-20", 80_00n),
    v("b2", 2, "2026-01-01", "2026-12-31", "2026-07-01", 85_00n),
  ],
};
const ctx: ConflictContext = {
  parentOf: (t) => PARENT[t] ?? null,
  coverageOf: (d) => COVERAGE[d] ?? [],
  exclusiveHoldersOf: (t) => EXCLUSIVE[t] ?? [],
  agreementVersionsOf: (d) => VERSIONS[d] ?? [],
  accountByCreditCode: new Map([["91320000MA1XXXXX1A", "acc1"]]),
  accountByName: new Map([
    ["苏州大客户有限公司", { id: "acc1", creditCode: "91320000MA1XXXXX1A" }],
    ["无码客户有限公司", { id: "acc2", creditCode: null }],
  ]),
};
const sale = (o: Partial<SaleForRules> = {}): SaleForRules => ({
  distributorId: "B",
  soldOn: "2026-03-01",
  territoryId: "wx",
  productId: "servo",
  quantity: 2,
  unitPrice: 100_00n,
  amount: 200_00n,
  customerName: "某终端有限公司",
  customerCreditCode: null,
  ...o,
});

describe("区域窜货 (cross-territory)", () => {
  it("flags a sale into another distributor's exclusive city, naming the nearest exclusive territory", () => {
    const d = crossTerritory(sale({ territoryId: "sz" }), ctx)!;
    expect(d).toMatchObject({
      kind: "CROSS_TERRITORY",
      subjectId: "sz",
      affectedDistributorId: "A",
      openKey: "CROSS_TERRITORY:B:sz",
    });
    expect(d.detail).toEqual({
      territoryId: "sz",
      saleTerritoryId: "sz",
      exclusiveTerritoryId: "sz",
      exclusiveDistributorId: "A",
    });
  });
  it("a territory below the exclusive one counts as inside it", () =>
    expect(crossTerritory(sale({ distributorId: "D", territoryId: "sip" }), ctx)?.affectedDistributorId).toBe(
      "A",
    ));
  it("not when the seller covers the territory or one above it", () => {
    expect(crossTerritory(sale({ territoryId: "sip" }), ctx)).toBeNull(); // B covers sip itself
    expect(crossTerritory(sale({ distributorId: "C", territoryId: "sz" }), ctx)).toBeNull(); // C covers js above sz
  });
  it("not the exclusive holder in its own territory, not where nobody is exclusive, not without a territory", () => {
    expect(crossTerritory(sale({ distributorId: "A", territoryId: "sz" }), ctx)).toBeNull();
    expect(crossTerritory(sale({ distributorId: "D", territoryId: "sh" }), ctx)).toBeNull();
    expect(crossTerritory(sale({ territoryId: null }), ctx)).toBeNull();
  });
  it("the province's exclusive distributor when the city has none", () =>
    expect(crossTerritory(sale({ distributorId: "D", territoryId: "wx" }), ctx)).toMatchObject({
      subjectId: "js",
      affectedDistributorId: "C",
    }));
  it("survives a cycle in bad data", () =>
    expect(territoryChain("a", (t) => (t === "a" ? "b" : "a"))).toEqual(["a", "b"]));
});

describe("价格竞争 (below the floor price)", () => {
  it("uses the version in force on the sale date: v1 before the mid-year change, v2 after", () => {
    expect(belowFloorPrice(sale({ unitPrice: 82_00n, soldOn: "2026-03-01" }), ctx)).toBeNull();
    const d = belowFloorPrice(sale({ unitPrice: 82_00n, soldOn: "2026-07-02" }), ctx)!;
    expect(d).toMatchObject({ subjectId: "servo", openKey: "BELOW_FLOOR_PRICE:B:servo" });
    expect(d.detail).toEqual({ unitPrice: "8200", floorPrice: "8500", agreementVersionId: "b2" });
    expect(belowFloorPrice(sale({ unitPrice: 89_00n, soldOn: "2025-06-01" }), ctx)?.detail).toMatchObject({
      agreementVersionId: "b25",
    });
  });
  it("exactly the floor is fine; a return, no agreement or no floor never fires", () => {
    expect(belowFloorPrice(sale({ unitPrice: 80_00n }), ctx)).toBeNull();
    expect(belowFloorPrice(sale({ unitPrice: 1n, quantity: -1 }), ctx)).toBeNull();
    expect(belowFloorPrice(sale({ unitPrice: 1n, soldOn: "2024-06-01" }), ctx)).toBeNull();
    expect(belowFloorPrice(sale({ unitPrice: 1n, productId: "cable" }), ctx)).toBeNull();
    expect(belowFloorPrice(sale({ unitPrice: 1n, distributorId: "D" }), ctx)).toBeNull();
  });
  it("a version made after the sale date applies only when none was made by then", () => {
    expect(versionInForce([v("late", 1, "2026-01-01", "2026-12-31", "2026-05-01")], "2026-02-01")?.id).toBe(
      "late",
    );
    expect(versionInForce(VERSIONS.B!, "2027-01-01")).toBeNull();
  });
  it("property: a price at or above the floor never fires, below it always does", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.integer({ min: 1, max: 1000 }),
        (price, quantity) => {
          const d = belowFloorPrice(sale({ unitPrice: price, quantity, soldOn: "2026-03-01" }), ctx);
          expect(d !== null).toBe(price < 80_00n);
        },
      ),
    );
  });
});

describe("客户重叠 (customer overlap)", () => {
  it("matches by credit code first, whatever the name", () =>
    expect(matchKeyAccount("随便写的名字", "91320000MA1XXXXX1A", ctx)).toEqual({
      accountId: "acc1",
      matchedBy: "creditCode",
    }));
  it("then by the normalised name (full-width, spaces, case)", () => {
    expect(matchKeyAccount(" 苏州大客户 有限公司", null, ctx)).toEqual({
      accountId: "acc1",
      matchedBy: "name",
    });
    expect(matchKeyAccount("无码客户有限公司", "91320000MA1YYYYY2B", ctx)).toEqual({
      accountId: "acc2",
      matchedBy: "name",
    });
  });
  it("not when the account's own code says it is another company", () =>
    expect(matchKeyAccount("苏州大客户有限公司", "91320000MA1YYYYY2B", ctx)).toBeNull());
  it("opens per account", () =>
    expect(customerOverlap(sale({ customerName: "苏州大客户有限公司" }), ctx)).toMatchObject({
      openKey: "CUSTOMER_OVERLAP:B:acc1",
      accountId: "acc1",
      amount: 200_00n,
    }));
});

describe("detectConflicts", () => {
  it("an ordinary sale in one's own territory at list price finds nothing", () =>
    expect(detectConflicts(sale(), ctx)).toEqual([]));
  it("one sale can reveal all three", () =>
    expect(
      detectConflicts(
        sale({ territoryId: "sz", unitPrice: 1_00n, customerName: "苏州大客户有限公司" }),
        ctx,
      ).map((d) => d.kind),
    ).toEqual(["CROSS_TERRITORY", "BELOW_FLOOR_PRICE", "CUSTOMER_OVERLAP"]));
  it("property: a sale inside the seller's own coverage is never cross-territory", () => {
    fc.assert(
      fc.property(fc.constantFrom("A", "B", "C"), fc.constantFrom(...Object.keys(PARENT)), (d, t) => {
        const covered = territoryChain(t, ctx.parentOf).some((x) => COVERAGE[d]!.includes(x));
        if (covered) expect(crossTerritory(sale({ distributorId: d, territoryId: t }), ctx)).toBeNull();
      }),
    );
  });
});
