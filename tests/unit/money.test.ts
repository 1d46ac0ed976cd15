import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenToYuanInput, MAX_YUAN, moneyFormat, parseYuan } from "@/lib/domain/money";

const fen = (text: string, opts?: { allowNegative?: boolean }) => {
  const r = parseYuan(text, opts);
  return r.ok ? r.fen : r.problem;
};

describe("parseYuan", () => {
  it.each([
    ["1250000", 125_000_000n],
    ["1,250,000", 125_000_000n],
    ["1,250,000.50", 125_000_050n],
    ["¥3,000.5", 300_050n],
    ["￥３０００", 300_000n],
    ["125万", 125_000_000n],
    ["125万元", 125_000_000n],
    ["8.5亿", 85_000_000_000n],
    ["1.23456万", 1_234_560n],
    ["1000元", 100_000n],
    [" 12 345 ", 1_234_500n],
    ["1，250，000", 125_000_000n],
    ["0", 0n],
    ["-0", 0n],
    ["0.10", 10n],
    ["10000亿", 10n ** 14n],
    // Spaces (also no-break and narrow no-break) group thousands as well as commas do.
    ["1 200 000", 120_000_000n],
    ["1\u00a0200\u00a0000", 120_000_000n],
    ["1\u202f200\u202f000", 120_000_000n],
    ["180 万元", 180_000_000n],
    ["1.8亿元", 18_000_000_000n],
    ["5千", 500_000n],
    ["1万亿", 10n ** 14n],
    // What the English screens show ("¥1.8M", "CN¥1,800,000") reads back as the same amount.
    ["¥1.8M", 180_000_000n],
    ["1.25m", 125_000_000n],
    ["800k", 80_000_000n],
    ["800K元", 80_000_000n],
    ["2.5B", 250_000_000_000n],
    ["3bn", 300_000_000_000n],
    ["CN¥1,800,000", 180_000_000n],
    ["RMB 1,200,000 yuan", 120_000_000n],
  ])("reads %s", (text, expected) => {
    expect(fen(text)).toBe(expected);
  });

  it.each([
    ["0x10", "format"],
    ["1e5", "format"],
    ["1E5", "format"],
    ["Infinity", "format"],
    ["NaN", "format"],
    ["12,34", "format"],
    ["1,2345", "format"],
    ["1.2.3", "format"],
    ["万", "format"],
    ["M", "format"],
    ["1MM", "format"],
    ["1万万", "format"],
    ["1kb", "format"],
    ["1.2.3M", "format"],
    ["", "format"],
    ["12a", "format"],
    ["1.234", "precision"],
    ["1.2345678万", "precision"],
    ["1.234567k", "precision"],
    ["-5", "negative"],
    ["10001亿", "tooLarge"],
    ["1000000000001", "tooLarge"],
    ["1001B", "tooLarge"],
    ["99999999999999999999999999", "tooLarge"],
  ])("refuses %s (%s)", (text, problem) => {
    expect(fen(text)).toBe(problem);
  });

  it("takes a negative amount only where asked", () => {
    expect(fen("-1,000", { allowNegative: true })).toBe(-100_000n);
  });

  it("round-trips every amount through the form field (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_YUAN * 100n }), (value) => {
        expect(fen(fenToYuanInput(value))).toBe(value);
      }),
    );
  });

  it("agrees with the same amount written in 万 and 亿 (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 8n - 1n }),
        fc.integer({ min: 0, max: 99 }),
        (wan, hundredths) => {
          const text = `${wan}.${String(hundredths).padStart(2, "0")}万`;
          expect(fen(text)).toBe(wan * 1_000_000n + BigInt(hundredths) * 10_000n);
        },
      ),
    );
  });

  it("never accepts something Number() would read differently, and never throws (property)", () => {
    const alphabet = fc.constantFrom(..."0123456789.,-+eExXabf万亿元¥ ￥，".split(""));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 16 }).map((a) => a.join("")),
        (text) => {
          const r = parseYuan(text);
          if (r.ok) {
            expect(r.fen).toBeGreaterThanOrEqual(0n);
            expect(r.fen).toBeLessThanOrEqual(MAX_YUAN * 100n);
            expect(text).not.toMatch(/[xXeE]/);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("money formats", () => {
  it("show 万 and 亿 in Chinese and M/B in English", () => {
    expect(moneyFormat("zh-CN").compact(1_250_000)).toBe("¥125万");
    expect(moneyFormat("zh-CN").compact(850_000_000)).toBe("¥8.5亿");
    expect(moneyFormat("en").compact(1_250_000)).toBe("¥1.3M");
    expect(moneyFormat("en").full(1_250_000)).toBe("¥1,250,000");
  });
});
