import { describe, expect, it } from "vitest";
import {
  agreementNumber,
  canRunAgreementCommand,
  evenQuarters,
  nextAgreementStatus,
  termChanges,
  termProblems,
  versionCovers,
  type AgreementTerms,
} from "@/lib/domain/channel-agreements";

const LIST = new Map([
  ["prd_a", 10_000n],
  ["prd_b", 5_000n],
]);

const TERMS: AgreementTerms = {
  startsOn: "2026-01-01",
  endsOn: "2026-12-31",
  territoryId: "ter_1",
  annualTarget: 400n,
  quarterlyTargets: [100n, 100n, 100n, 100n],
  rebateRules: { period: "QUARTER", bands: [{ fromBp: 8_000, rateBp: 100 }] },
  discountBp: 300,
  marketSupportFund: 0n,
  deposit: 1_000n,
  paymentTermDays: 30,
  creditLimit: 0n,
  products: [
    { productId: "prd_a", floorPrice: 8_000n },
    { productId: "prd_b", floorPrice: null },
  ],
};

describe("termProblems", () => {
  it("accepts sound terms", () => {
    expect(termProblems(TERMS, LIST)).toEqual({});
  });
  it("keeps the period inside one year", () => {
    expect(termProblems({ ...TERMS, endsOn: "2027-01-01" }, LIST).endsOn).toMatch(/longerThanYear/);
    expect(termProblems({ ...TERMS, startsOn: "2024-01-01", endsOn: "2024-12-31" }, LIST)).toEqual({}); // leap year, 366 days
    expect(termProblems({ ...TERMS, endsOn: "2025-12-31" }, LIST).endsOn).toMatch(/endBeforeStart/);
    expect(termProblems({ ...TERMS, endsOn: "2026-01-01" }, LIST)).toEqual({});
  });
  it("wants the quarters to add up to the year", () => {
    expect(
      termProblems({ ...TERMS, quarterlyTargets: [100n, 100n, 100n, 99n] }, LIST).quarterlyTargets,
    ).toMatch(/quartersSum/);
    expect(termProblems({ ...TERMS, quarterlyTargets: [100n, 100n, 200n] }, LIST).quarterlyTargets).toMatch(
      /quartersInvalid/,
    );
    expect(
      termProblems({ ...TERMS, annualTarget: 0n, quarterlyTargets: [0n, 0n, 0n, 0n] }, LIST).annualTarget,
    ).toMatch(/targetPositive/);
  });
  it("floor price between 0 and list price (both edges allowed)", () => {
    const at = (floor: bigint) =>
      termProblems({ ...TERMS, products: [{ productId: "prd_a", floorPrice: floor }] }, LIST);
    expect(at(10_000n)).toEqual({});
    expect(at(0n)).toEqual({});
    expect(at(10_001n).floor_prd_a).toMatch(/floorAboveList/);
    expect(at(-1n).floor_prd_a).toMatch(/floorAboveList/);
  });
  it("refuses unknown or repeated products and none at all", () => {
    expect(termProblems({ ...TERMS, products: [] }, LIST).products).toMatch(/noProducts/);
    expect(
      termProblems({ ...TERMS, products: [{ productId: "x", floorPrice: null }] }, LIST).products,
    ).toMatch(/productInvalid/);
    const twice = [TERMS.products[0]!, TERMS.products[0]!];
    expect(termProblems({ ...TERMS, products: twice }, LIST).products).toMatch(/productInvalid/);
  });
  it("checks the ranges of discount, money and payment days", () => {
    expect(termProblems({ ...TERMS, discountBp: 5_001 }, LIST).discountBp).toBeDefined();
    expect(termProblems({ ...TERMS, discountBp: 5_000 }, LIST)).toEqual({});
    expect(termProblems({ ...TERMS, deposit: -1n }, LIST).deposit).toBeDefined();
    expect(termProblems({ ...TERMS, marketSupportFund: -1n }, LIST).marketSupportFund).toBeDefined();
    expect(termProblems({ ...TERMS, creditLimit: -1n }, LIST).creditLimit).toBeDefined();
    expect(termProblems({ ...TERMS, paymentTermDays: 366 }, LIST).paymentTermDays).toBeDefined();
    expect(termProblems({ ...TERMS, paymentTermDays: 0 }, LIST)).toEqual({});
  });
  it("passes rebate band problems on", () => {
    const bad = {
      period: "QUARTER" as const,
      bands: [
        { fromBp: 9_000, rateBp: 1 },
        { fromBp: 100, rateBp: 2 },
      ],
    };
    expect(termProblems({ ...TERMS, rebateRules: bad }, LIST).rebateBands).toMatch(/notAscending/);
  });
});

describe("termChanges", () => {
  it("is empty for the same terms", () => {
    expect(termChanges(TERMS, { ...TERMS })).toEqual([]);
  });
  it("lists scalar, target, band and product changes", () => {
    const after: AgreementTerms = {
      ...TERMS,
      annualTarget: 800n,
      quarterlyTargets: [200n, 200n, 200n, 200n],
      rebateRules: { period: "QUARTER", bands: [{ fromBp: 9_000, rateBp: 150 }] },
      deposit: 2_000n,
      products: [
        { productId: "prd_a", floorPrice: 7_000n },
        { productId: "prd_c", floorPrice: null },
      ],
    };
    const c = termChanges(TERMS, after);
    expect(c).toContainEqual({ field: "annualTarget", from: "400", to: "800" });
    expect(c).toContainEqual({ field: "deposit", from: "1000", to: "2000" });
    expect(c.find((x) => x.field === "quarterlyTargets")).toBeDefined();
    expect(c).toContainEqual({ field: "rebateRules", from: "QUARTER:8000/100", to: "QUARTER:9000/150" });
    expect(c).toContainEqual({ field: "floorPrice", productId: "prd_a", from: "8000", to: "7000" });
    expect(c).toContainEqual({ field: "productAdded", productId: "prd_c", floorPrice: null });
    expect(c).toContainEqual({ field: "productRemoved", productId: "prd_b", floorPrice: null });
  });
});

describe("status rules", () => {
  it("signs only a draft; terminates or expires only an active agreement", () => {
    expect(nextAgreementStatus("DRAFT", "sign")).toBe("ACTIVE");
    expect(nextAgreementStatus("ACTIVE", "sign")).toBeNull();
    expect(nextAgreementStatus("ACTIVE", "terminate")).toBe("TERMINATED");
    expect(nextAgreementStatus("ACTIVE", "expire")).toBe("EXPIRED");
    expect(nextAgreementStatus("DRAFT", "terminate")).toBeNull();
    expect(nextAgreementStatus("TERMINATED", "terminate")).toBeNull();
    expect(nextAgreementStatus("EXPIRED", "sign")).toBeNull();
  });
  it("changes terms of drafts and active agreements only", () => {
    expect(canRunAgreementCommand("DRAFT", "changeTerms")).toBe(true);
    expect(canRunAgreementCommand("ACTIVE", "changeTerms")).toBe(true);
    expect(canRunAgreementCommand("TERMINATED", "changeTerms")).toBe(false);
    expect(canRunAgreementCommand("EXPIRED", "changeTerms")).toBe(false);
  });
});

describe("helpers", () => {
  it("splits a target evenly, remainder in Q4", () => {
    expect(evenQuarters(10n)).toEqual([2n, 2n, 2n, 4n]);
    expect(evenQuarters(10n).reduce((a, b) => a + b, 0n)).toBe(10n);
  });
  it("numbers agreements and tells whether a version covers a period", () => {
    expect(agreementNumber(2026, 42)).toBe("QX-2026-0042");
    expect(versionCovers({ startsOn: "2026-01-01", endsOn: "2026-12-31" }, "2026-07-01", "2026-09-30")).toBe(
      true,
    );
    expect(versionCovers({ startsOn: "2026-01-01", endsOn: "2026-06-30" }, "2026-07-01", "2026-09-30")).toBe(
      false,
    );
    expect(versionCovers({ startsOn: "2026-09-30", endsOn: "2027-06-30" }, "2026-07-01", "2026-09-30")).toBe(
      true,
    );
  });
});
