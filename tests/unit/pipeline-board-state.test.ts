import { describe, expect, it } from "vitest";
import {
  boardReducer,
  initialBoard,
  place,
  withPage,
  type BoardColumnPage,
  type BoardState,
} from "@/components/pipeline/board-state";
import type { PipelineCard } from "@/components/pipeline/card-data";
import { BOARD_COLUMNS, columnTotals, type BoardColumn, type DealStage } from "@/lib/domain/pipeline";

// The board's state without React: columns, totals, paging, and a move shown at once, then kept
// (the server's card) or rolled back.

let serial = 0;
function card(stage: DealStage, value: number, over: Partial<PipelineCard> = {}): PipelineCard {
  serial++;
  return {
    id: `deal-${String(serial).padStart(3, "0")}`,
    title: `项目 ${serial}`,
    accountId: "acc",
    accountName: "客户",
    tier: "B",
    value,
    weighted: 0,
    ownerId: "u",
    ownerName: "王伟",
    stage,
    status: "OPEN",
    daysInStage: 5,
    closedOn: null,
    closeProbability: null,
    expectedCloseDate: null,
    version: 1,
    unmet: [],
    overdue: false,
    ...over,
  };
}

const valued = (c: PipelineCard) => ({
  stage: c.stage,
  closeProbability: c.closeProbability,
  expectedValue: c.value,
});

/** Pages with these cards; each column's totals are those of its cards plus `hidden` more on the server. */
function pages(cards: PipelineCard[], hidden: Partial<Record<BoardColumn, PipelineCard[]>> = {}) {
  const out = {} as Record<BoardColumn, BoardColumnPage>;
  for (const column of BOARD_COLUMNS) {
    const here = cards.filter((c) => (c.status === "OPEN" ? c.stage : c.status) === column);
    const all = [...here, ...(hidden[column] ?? [])];
    out[column] = { cards: here, totals: columnTotals(all.map(valued)), more: !!hidden[column]?.length };
  }
  return out;
}

const ids = (state: BoardState, column: BoardColumn) => state.columns[column].cards.map((c) => c.id);

describe("the board's columns", () => {
  it("start from the server's pages with a cursor after each column's last card", () => {
    const a = card("TARGET", 300);
    const b = card("TARGET", 100);
    const state = initialBoard(pages([a, b], { TARGET: [card("TARGET", 50)] }));
    expect(ids(state, "TARGET")).toEqual([a.id, b.id]);
    expect(state.columns.TARGET).toMatchObject({ more: true, cursor: { value: 100, id: b.id } });
    expect(state.columns.VALUE).toMatchObject({ cards: [], more: false, cursor: null });
    expect(state.columns.TARGET.totals.count).toBe(3);
  });

  it("place a card in its column by value (then id), moving the totals of both columns", () => {
    const big = card("VALUE", 900);
    const small = card("VALUE", 100);
    const moving = card("TARGET", 500, { closeProbability: 50 });
    const before = initialBoard(pages([big, small, moving])).columns;
    const after = place(before, { ...moving, stage: "VALUE" });
    expect(after.VALUE.cards.map((c) => c.id)).toEqual([big.id, moving.id, small.id]);
    expect(after.TARGET.cards).toEqual([]);
    expect(after.VALUE.totals).toEqual({ count: 3, value: 1500, weighted: 900 * 0.4 + 100 * 0.4 + 250 });
    expect(after.TARGET.totals).toEqual({ count: 0, value: 0, weighted: 0 });
    // Columns the move does not touch keep their objects (their cards are not rendered again).
    expect(after.CLOSING).toBe(before.CLOSING);
  });

  it("add the next page after the cards already there, leaving out a card shown elsewhere", () => {
    const a = card("TARGET", 300);
    const moved = card("INFORMATION", 200);
    const b = card("TARGET", 100);
    const columns = initialBoard(pages([a, moved])).columns;
    const next = withPage(columns, "TARGET", { cards: [{ ...moved, stage: "TARGET" }, b], more: false });
    expect(next.TARGET.cards.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(next.TARGET).toMatchObject({ more: false, cursor: { value: 100, id: b.id }, loading: false });
    expect(next.INFORMATION).toBe(columns.INFORMATION);
  });
});

describe("a move", () => {
  it("shown at once: in its new stage today with no gate known, marked as saving and just moved", () => {
    const c = card("VALUE", 400, { daysInStage: 12, unmet: ["probability"] });
    let state = initialBoard(pages([c]));
    state = boardReducer(state, { type: "moveSent", card: c, to: "INFORMATION" });
    expect(ids(state, "VALUE")).toEqual([]);
    expect(state.columns.INFORMATION.cards[0]).toMatchObject({
      id: c.id,
      stage: "INFORMATION",
      daysInStage: 0,
      unmet: [],
    });
    expect(state.marks.INFORMATION).toEqual({ recent: [c.id], pending: [c.id] });
    expect(state.marks.VALUE).toEqual({ recent: [], pending: [] });
  });

  it("confirmed: the server's card takes the place; nothing is saving any more", () => {
    const c = card("VALUE", 400);
    let state = boardReducer(initialBoard(pages([c])), { type: "moveSent", card: c, to: "INFORMATION" });
    const saved = { ...c, stage: "INFORMATION" as const, version: 2, unmet: ["needsClear" as const] };
    state = boardReducer(state, { type: "moveSaved", card: saved });
    expect(state.columns.INFORMATION.cards).toEqual([saved]);
    expect(state.pendingIds.size).toBe(0);
    expect(state.marks.INFORMATION).toEqual({ recent: [c.id], pending: [] });
    expect(state.columns.INFORMATION.totals.count).toBe(1);
  });

  it("refused after it was shown: the card goes back as it was, with the totals", () => {
    const c = card("VALUE", 400);
    const start = initialBoard(pages([c]));
    let state = boardReducer(start, { type: "moveSent", card: c, to: "INFORMATION" });
    state = boardReducer(state, { type: "moveRefused", card: c, optimistic: true });
    expect(state.columns.VALUE.cards).toEqual([c]);
    expect(state.columns.INFORMATION.cards).toEqual([]);
    expect(state.columns.VALUE.totals).toEqual(start.columns.VALUE.totals);
    expect(state.columns.INFORMATION.totals).toEqual({ count: 0, value: 0, weighted: 0 });
    expect(state.recentIds).toEqual([]);
    expect(state.pendingIds.size).toBe(0);
  });

  it("that waited for the server (a skip, an override, a loss) stays put until it answers", () => {
    const c = card("TARGET", 400);
    const start = initialBoard(pages([c]));
    let state = boardReducer(start, { type: "moveSent", card: c });
    expect(state.columns).toBe(start.columns);
    expect(state.marks.TARGET).toEqual({ recent: [], pending: [c.id] });
    state = boardReducer(state, { type: "moveRefused", card: c, optimistic: false });
    expect(state.columns).toBe(start.columns);
    expect(state.pendingIds.size).toBe(0);
    // Lost: the server's card goes to 丢单.
    state = boardReducer(state, { type: "moveSent", card: c });
    state = boardReducer(state, { type: "moveSaved", card: { ...c, status: "LOST", version: 2 } });
    expect(ids(state, "TARGET")).toEqual([]);
    expect(ids(state, "LOST")).toEqual([c.id]);
  });

  it("keeps the marks of columns it does not touch, so they do not render again", () => {
    const a = card("VALUE", 400);
    const b = card("CLOSING", 300);
    let state = initialBoard(pages([a, b]));
    state = boardReducer(state, { type: "moveSent", card: a, to: "INFORMATION" });
    state = boardReducer(state, { type: "moveSaved", card: { ...a, stage: "INFORMATION", version: 2 } });
    const informationMarks = state.marks.INFORMATION;
    state = boardReducer(state, { type: "moveSent", card: b, to: "RELATIONSHIP" });
    expect(state.marks.INFORMATION).toBe(informationMarks);
    expect(state.marks.RELATIONSHIP).toEqual({ recent: [b.id], pending: [b.id] });
  });
});

describe("loading a column's next page", () => {
  it("marks it loading, then adds the page, or marks it failed for a retry", () => {
    const a = card("TARGET", 300);
    const more = card("TARGET", 100);
    let state = initialBoard(pages([a], { TARGET: [more] }));
    state = boardReducer(state, { type: "pageRequested", column: "TARGET" });
    expect(state.columns.TARGET).toMatchObject({ loading: true, failed: false });
    const failed = boardReducer(state, { type: "pageFailed", column: "TARGET" });
    expect(failed.columns.TARGET).toMatchObject({ loading: false, failed: true, more: true });
    state = boardReducer(state, {
      type: "pageLoaded",
      column: "TARGET",
      page: { cards: [more], more: false },
    });
    expect(ids(state, "TARGET")).toEqual([a.id, more.id]);
    expect(state.columns.TARGET).toMatchObject({ loading: false, more: false });
  });

  it("starts over from new pages (a refresh or other filters)", () => {
    const a = card("TARGET", 300);
    let state = boardReducer(initialBoard(pages([a])), { type: "moveSent", card: a, to: "INFORMATION" });
    const b = card("VALUE", 100);
    state = boardReducer(state, { type: "reset", pages: pages([b]) });
    expect(ids(state, "VALUE")).toEqual([b.id]);
    expect(ids(state, "INFORMATION")).toEqual([]);
    expect(state.recentIds).toEqual([]);
    expect(state.pendingIds.size).toBe(0);
  });
});
