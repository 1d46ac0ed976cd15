import { describe, expect, it } from "vitest";
import {
  initialRecruitment,
  placeCard,
  recruitmentReducer,
  shownCards,
  type StageColumns,
} from "@/components/distributors/board-state";
import type { DistributorCard } from "@/lib/data/distributors/board";
import { DISTRIBUTOR_STAGES, type DistributorStage } from "@/lib/domain/distributors";

// The recruitment board's state: a move shown at once, then kept or put back; counts follow.

const card = (id: string, stage: DistributorStage, rank: string, version = 1): DistributorCard => ({
  id,
  code: `QD-${id}`,
  name: `经销商 ${id}`,
  kind: "DEALER",
  model: null,
  territory: { name: "上海", nameEn: "Shanghai" },
  ownerName: "钱志远",
  stage,
  daysInStage: 12,
  rank,
  version,
});

function board(cards: DistributorCard[]): StageColumns {
  const out = {} as StageColumns;
  for (const s of DISTRIBUTOR_STAGES) {
    const here = cards.filter((c) => c.stage === s);
    out[s] = { cards: here, count: here.length };
  }
  return out;
}

const a = card("a", "PROSPECT", "m001");
const b = card("b", "EVALUATION", "m000");
const c = card("c", "EVALUATION", "m002");

describe("recruitment board state", () => {
  it("places a card in its stage by rank and adjusts both counts", () => {
    const cols = placeCard(board([a, b, c]), { ...a, stage: "EVALUATION" });
    expect(cols.PROSPECT).toEqual({ cards: [], count: 0 });
    expect(cols.EVALUATION.cards.map((x) => x.id)).toEqual(["b", "a", "c"]);
    expect(cols.EVALUATION.count).toBe(3);
  });

  it("shows a move at once (pending, on top), then keeps the server's card", () => {
    let s = recruitmentReducer(initialRecruitment(board([a, b, c])), {
      type: "moveSent",
      card: a,
      to: "EVALUATION",
    });
    expect(s.pendingIds.has("a")).toBe(true);
    expect(s.columns.EVALUATION.cards.find((x) => x.id === "a")).toMatchObject({ daysInStage: 0 });
    expect(shownCards(s.columns.EVALUATION, s.recentIds).map((x) => x.id)).toEqual(["a", "b", "c"]);
    s = recruitmentReducer(s, {
      type: "moveSaved",
      card: { ...a, stage: "EVALUATION", version: 2, daysInStage: 0 },
    });
    expect(s.pendingIds.size).toBe(0);
    expect(s.columns.EVALUATION.cards.find((x) => x.id === "a")?.version).toBe(2);
  });

  it("puts a refused move back where it was", () => {
    let s = recruitmentReducer(initialRecruitment(board([a, b, c])), {
      type: "moveSent",
      card: a,
      to: "TERMINATED",
    });
    s = recruitmentReducer(s, { type: "moveRefused", card: a });
    expect(s.columns.PROSPECT.cards).toEqual([a]);
    expect(s.columns.TERMINATED).toEqual({ cards: [], count: 0 });
    expect(s.recentIds).toEqual([]);
    expect(s.pendingIds.size).toBe(0);
  });
});
