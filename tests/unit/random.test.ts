import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/domain/random";

const draw = (seed: number, n = 20) => {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe("seededRandom", () => {
  it("gives the same sequence for the same seed", () => {
    expect(draw(42)).toEqual(draw(42));
  });

  it.each([
    [1, 2],
    [42, 43],
    [0, 2026],
  ])("gives a different sequence for seed %i and seed %i", (a, b) => {
    const [x, y] = [draw(a), draw(b)];
    expect(x).not.toEqual(y);
    // not merely shifted or partly shared
    expect(x.filter((v, i) => v === y[i])).toHaveLength(0);
  });

  it("keeps its known sequence (the seeded demo data depends on it)", () => {
    expect(draw(1, 3)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const r = seededRandom(2026);
    expect([r.int(1, 100), r.int(1, 100), r.int(1, 100), r.pick(["a", "b", "c", "d"])]).toEqual([
      46,
      31,
      67,
      "c",
    ]);
  });

  it("treats the seed as an unsigned 32-bit integer", () => {
    expect(draw(-1)).toEqual(draw(2 ** 32 - 1));
    expect(draw(2 ** 32 + 7)).toEqual(draw(7));
  });

  it("draws in [0, 1) and spreads over the range", () => {
    const values = draw(7, 10_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(new Set(values).size).toBeGreaterThan(9_990);
  });
});

describe("int", () => {
  it.each([
    [1, 6],
    [0, 1],
    [-3, 3],
    [10, 12],
  ])("stays within [%i, %i], both ends included, and hits every value", (min, max) => {
    const r = seededRandom(99);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const n = r.int(min, max);
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(min);
      expect(n).toBeLessThanOrEqual(max);
      seen.add(n);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: max - min + 1 }, (_, i) => min + i));
  });

  it("returns the only value when min equals max", () => {
    const r = seededRandom(5);
    expect(Array.from({ length: 50 }, () => r.int(4, 4))).toEqual(Array(50).fill(4));
  });
});

describe("pick", () => {
  const items = ["Beijing", "Shanghai", "Shenzhen", "Chengdu", "Hangzhou"] as const;

  it("returns items from the list, reaching every one of them", () => {
    const r = seededRandom(3);
    const picks = Array.from({ length: 500 }, () => r.pick(items));
    expect(picks.every((p) => items.includes(p))).toBe(true);
    expect(new Set(picks)).toEqual(new Set(items));
  });

  it("picks the same items for the same seed", () => {
    const a = seededRandom(11);
    const b = seededRandom(11);
    expect(Array.from({ length: 30 }, () => a.pick(items))).toEqual(
      Array.from({ length: 30 }, () => b.pick(items)),
    );
  });

  it("always returns the single item of a one-item list", () => {
    const r = seededRandom(8);
    expect(Array.from({ length: 20 }, () => r.pick(["only"]))).toEqual(Array(20).fill("only"));
  });
});

describe("chance", () => {
  it("is never true at 0 and always true at 1", () => {
    const r = seededRandom(13);
    const draws = Array.from({ length: 1_000 }, () => [r.chance(0), r.chance(1)]);
    expect(draws.every(([never, always]) => never === false && always === true)).toBe(true);
  });

  it("is true about as often as asked", () => {
    const r = seededRandom(21);
    const hits = Array.from({ length: 10_000 }, () => r.chance(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2_800);
    expect(hits).toBeLessThan(3_200);
  });
});
