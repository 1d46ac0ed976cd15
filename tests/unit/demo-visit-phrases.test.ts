import { describe, expect, it } from "vitest";
import { INDUSTRIES } from "@/lib/domain/industries";
import { seededRandom } from "@/lib/domain/random";
import { VISIT_METHODS, VISIT_OUTCOMES } from "@/lib/domain/visits";
import { visitPhraseBook, type VisitContext } from "@/prisma/demo-visit-phrases";

function texts(seed: number, n: number) {
  const r = seededRandom(seed);
  const book = visitPhraseBook(r);
  return Array.from({ length: n }, (_, i) => {
    const ctx: VisitContext = {
      industry: INDUSTRIES[i % INDUSTRIES.length]!,
      method: VISIT_METHODS[i % VISIT_METHODS.length]!,
      outcome: i % 7 === 0 ? null : VISIT_OUTCOMES[i % VISIT_OUTCOMES.length]!,
      contact: i % 11 === 0 ? null : { name: "王建国", title: i % 2 ? "采购总监" : null },
      city: "苏州",
    };
    return book.visit(ctx);
  });
}

describe("the demo's visit phrase book", () => {
  it("writes 3,000 visits with no talking points repeated", () => {
    const points = texts(1, 3000).map((t) => t.talkingPoints);
    expect(new Set(points).size).toBe(points.length);
  });

  it("fills every placeholder", () => {
    for (const t of texts(2, 500)) {
      for (const text of Object.values(t)) expect(text).not.toMatch(/[{}]/);
    }
  });

  it("is deterministic for a seed", () => {
    expect(texts(3, 50)).toEqual(texts(3, 50));
    expect(texts(3, 50)).not.toEqual(texts(4, 50));
  });

  it("names the contact met, or a stand-in when none was chosen", () => {
    const [first] = texts(5, 1);
    expect(first!.talkingPoints).toContain("客户采购负责人"); // i = 0: no contact
    expect(texts(5, 2)[1]!.talkingPoints).toMatch(/采购总监王建国|客户考察团/);
  });
});
