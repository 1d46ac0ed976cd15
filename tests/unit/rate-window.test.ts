import { describe, expect, it } from "vitest";
import { takeFromWindow } from "@/lib/domain/rate-window";

describe("takeFromWindow", () => {
  const window = { limit: 3, windowMs: 1000 };

  it("allows up to the limit within the window, then refuses until the oldest leaves it", () => {
    let history: number[] = [];
    for (const t of [0, 100, 200]) {
      const r = takeFromWindow(history, t, window);
      expect(r.allowed).toBe(true);
      history = r.history;
    }
    expect(takeFromWindow(history, 999, window).allowed).toBe(false);
    const later = takeFromWindow(history, 1001, window);
    expect(later).toEqual({ allowed: true, history: [100, 200, 1001] });
  });

  it("does not count a refused attempt, nor times from the future (a clock set back)", () => {
    const refused = takeFromWindow([0, 1, 2], 3, window);
    expect(refused.history).toEqual([0, 1, 2]);
    expect(takeFromWindow([5000, 6000, 7000], 10, window)).toEqual({ allowed: true, history: [10] });
  });
});
