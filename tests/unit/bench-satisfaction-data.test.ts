import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/domain/random";
import {
  DAY,
  DEFAULT_SLA,
  STATUSES,
  benchAnswer,
  benchComplaint,
  weighted,
} from "../bench/satisfaction-data";

const now = new Date("2026-12-02T06:00:00Z");

describe("bench satisfaction data", () => {
  it("draws weighted values in proportion and within the range", () => {
    const random = seededRandom(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[weighted(random, [1, 2, 7], 0)]!++;
    expect(counts[0]! / 30_000).toBeCloseTo(0.1, 1);
    expect(counts[2]! / 30_000).toBeCloseTo(0.7, 1);
    expect(weighted(seededRandom(2), [0, 0, 5], 1)).toBe(3);
  });

  it("gives unhappy accounts more low scores, and marks them as the thresholds say", () => {
    const share = (unhappy: boolean) => {
      const random = seededRandom(3);
      let low = 0;
      for (let i = 0; i < 5_000; i++) {
        const a = benchAnswer(random, i % 2 ? "CSAT" : "NPS", unhappy);
        expect(a.lowScore).toBe(a.csat !== null ? a.csat <= 2 : a.nps! <= 6);
        expect(a.answers[a.csat !== null ? "csat" : "nps"]).toBe(a.csat ?? a.nps);
        if (a.lowScore) low++;
      }
      return low / 5_000;
    };
    expect(share(true)).toBeGreaterThan(0.5);
    expect(share(false)).toBeLessThan(0.25);
  });

  it("is deterministic for a seed", () => {
    const one = benchComplaint(seededRandom(9), now, 40);
    const two = benchComplaint(seededRandom(9), now, 40);
    expect(two).toEqual(one);
  });

  it("keeps a complaint's clocks consistent with its status and SLA", () => {
    const random = seededRandom(5);
    const seen = new Set<string>();
    let breached = 0;
    for (let i = 0; i < 4_000; i++) {
      const c = benchComplaint(random, now, i % 3 === 0 ? 0 : random.int(0, 1095));
      seen.add(c.status);
      const reach = STATUSES.indexOf(c.status);
      const sla = DEFAULT_SLA[c.severity];
      expect(c.ackDueAt.getTime() - c.receivedAt.getTime()).toBe(sla.ack * 60_000);
      expect(c.resolveDueAt.getTime() - c.receivedAt.getTime()).toBe(sla.resolve * 60_000);
      expect(c.acknowledgedAt !== null).toBe(reach >= 1);
      expect(c.resolvedAt !== null).toBe(reach >= 3);
      expect(c.closedAt !== null).toBe(reach >= 5);
      for (const s of c.steps) {
        expect(s.at.getTime()).toBeGreaterThanOrEqual(c.receivedAt.getTime());
        expect(s.at.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      // A breach is exactly a clock passed before its step (or before now, if not reached yet).
      expect(c.ackBreachedAt !== null).toBe((c.acknowledgedAt ?? now) > c.ackDueAt);
      expect(c.resolveBreachedAt !== null).toBe((c.resolvedAt ?? now) > c.resolveDueAt);
      expect(c.escalated).toBe(c.ackBreachedAt !== null || c.resolveBreachedAt !== null);
      if (c.escalated) breached++;
      expect(c.receivedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(c.receivedAt.getTime()).toBeGreaterThan(now.getTime() - 1096 * DAY);
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
    expect(breached / 4_000).toBeGreaterThan(0.05);
    expect(breached / 4_000).toBeLessThan(0.6);
  });
});
