import { describe, expect, it } from "vitest";
import {
  creditCodeCheckChar,
  creditCodeDivision,
  creditCodeProblem,
  isValidCreditCode,
  normaliseCreditCode,
} from "@/lib/domain/credit-code";

// Codes printed on real business licences (public registrations).
const REAL = ["91350100M000100Y43", "91110000802100433B", "91440300708461136T", "9144030071526726XG"];

describe("unified social credit code (GB 32100-2015)", () => {
  it.each(REAL)("accepts the real code %s", (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(REAL)("refuses %s with any single check character changed", (code) => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (const c of alphabet) {
      if (c === code[17]) continue;
      expect(creditCodeProblem(code.slice(0, 17) + c)).toBe("checkDigit");
    }
  });

  it("catches a mistyped body digit through the check character", () => {
    expect(creditCodeProblem("91350100M000200Y43")).toBe("checkDigit");
  });

  it.each([
    ["", "length"],
    ["9135010", "length"],
    ["91350100M000100Y431", "length"],
    ["91350100M000100I43", "characters"], // I is not in the alphabet
    ["91350100M000100O43", "characters"],
    ["91350100M000100S43", "characters"],
    ["913501A0M000100Y43", "characters"], // the division must be digits
    ["91350100m000100y43", "characters"], // lower case before normalising
  ] as const)("%j → %s", (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it("normalises pasted codes", () => {
    expect(normaliseCreditCode(" 9135 0100-m000100y43 ")).toBe("91350100M000100Y43");
    expect(isValidCreditCode(normaliseCreditCode("91350100m000100y43"))).toBe(true);
  });

  it("computes check characters, including the 0 case", () => {
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    // Find a body whose check is 0 to cover (31 - 0) % 31.
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const body = Array.from({ length: 31 }, (_, i) => `9132050000000000${alphabet[i]}`).find(
      (b) => creditCodeCheckChar(b) === "0",
    );
    expect(body).toBeDefined();
    expect(isValidCreditCode(`${body}0`)).toBe(true);
  });

  it("reads the administrative division", () => {
    expect(creditCodeDivision("91350100M000100Y43")).toBe("350100");
  });
});
