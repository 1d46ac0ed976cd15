import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import {
  createDistributorSchema,
  distributorListQuerySchema,
  moveDistributorSchema,
} from "@/lib/validation/distributors";

// The distributor form's schema: money in 元/万元 → fen, the credit-code check, employees, the
// founding date, the kind/model choices and coverage with its exclusive flag.

const first17 = "91330200123456789";
const code = first17 + creditCodeCheckChar(first17);
const valid = { name: "宁波甬港机电设备有限公司", kind: "DEALER", territoryId: "ter_nb" };

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("createDistributorSchema", () => {
  it("reads money in 元 or 万元 as fen, and empty optional fields as null", () => {
    const v = createDistributorSchema.parse({
      ...valid,
      registeredCapital: "500万",
      annualSales: "1,250,000.5",
    });
    expect(v.registeredCapital).toBe(500_0000_00n);
    expect(v.annualSales).toBe(125_000_050n);
    expect(v).toMatchObject({
      model: null,
      creditCode: null,
      employees: null,
      foundedOn: null,
      ownerId: null,
    });
  });

  it("normalises a valid credit code and refuses a wrong check character", () => {
    expect(createDistributorSchema.parse({ ...valid, creditCode: code.toLowerCase() }).creditCode).toBe(code);
    const wrong = first17 + (code.endsWith("0") ? "1" : "0");
    expect(issuesOf(createDistributorSchema, { ...valid, creditCode: wrong })).toEqual([
      { path: "creditCode", message: "validation.creditCode_checkDigit" },
    ]);
  });

  it("refuses hostile numbers, impossible or future founding dates and unknown kinds", () => {
    expect(issuesOf(createDistributorSchema, { ...valid, employees: "0x10" })).toEqual([
      { path: "employees", message: "validation.wholeNumber" },
    ]);
    expect(issuesOf(createDistributorSchema, { ...valid, foundedOn: "2023-02-30" })[0]?.path).toBe(
      "foundedOn",
    );
    expect(issuesOf(createDistributorSchema, { ...valid, foundedOn: "2099-01-01" })).toEqual([
      { path: "foundedOn", message: "validation.dateFuture" },
    ]);
    expect(issuesOf(createDistributorSchema, { ...valid, kind: "RETAIL" })[0]?.path).toBe("kind");
    expect(issuesOf(createDistributorSchema, { ...valid, model: "OTHER" })[0]?.path).toBe("model");
  });

  it("turns coverage checkboxes into territories with the exclusive flag", () => {
    const v = createDistributorSchema.parse({ ...valid, coverage: ["t1", "t2", "t1"], exclusive: "t2" });
    expect(v.territories).toEqual([
      { territoryId: "t1", exclusive: false },
      { territoryId: "t2", exclusive: true },
    ]);
  });

  it("refuses exclusivity in a territory not covered", () => {
    expect(issuesOf(createDistributorSchema, { ...valid, coverage: ["t1"], exclusive: ["t2"] })).toEqual([
      { path: "exclusive", message: "validation.invalid" },
    ]);
  });
});

describe("moves and the list's URL", () => {
  it("accepts a move with a note and refuses an unknown stage", () => {
    expect(
      moveDistributorSchema.parse({ id: "d1", version: 2, to: "EVALUATION", note: " 资料齐全 " }),
    ).toMatchObject({
      note: "资料齐全",
    });
    expect(issuesOf(moveDistributorSchema, { id: "d1", version: 2, to: "WON" })[0]?.path).toBe("to");
  });

  it("falls back on bad URL values", () => {
    expect(
      distributorListQuerySchema.parse({ stage: "NOPE", sort: "x", page: "-1", pageSize: "5000" }),
    ).toMatchObject({
      stage: undefined,
      sort: "updatedAt",
      dir: "desc",
      page: 1,
      pageSize: 25,
    });
  });
});
