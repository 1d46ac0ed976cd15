// The board's state without React: the columns as loaded (cards, totals of all their deals, paging),
// the cards moved in this visit and those whose move is being saved, and how a move changes them —
// shown at once, then confirmed with the server's card or rolled back. PipelineBoard keeps this in a
// reducer; tests/unit/pipeline-board-state.test.ts checks it.
import {
  adjustTotals,
  BOARD_COLUMNS,
  type BoardColumn,
  type ColumnTotals,
  type DealStage,
} from "@/lib/domain/pipeline";
import { cardOrder, columnOf, type PipelineCard } from "./card-data";

/** A column as the page sends it: its first cards, the totals of all its deals, more to load or not. */
export type BoardColumnPage = { cards: PipelineCard[]; totals: ColumnTotals; more: boolean };

/** What the board holds of a column: the cards loaded so far, and the totals of all its deals. */
export type ColumnState = {
  cards: PipelineCard[];
  totals: ColumnTotals;
  /** More deals on the server after the last page. */
  more: boolean;
  /** The last card of the last page the server sent: the next page starts after it. */
  cursor: { value: number; id: string } | null;
  loading: boolean;
  failed: boolean;
};

export type Columns = Record<BoardColumn, ColumnState>;

export type BoardState = {
  columns: Columns;
  /** Cards moved in this visit, most recent first (shown on top of their column). */
  recentIds: readonly string[];
  /** Cards whose move the server has not answered yet. */
  pendingIds: ReadonlySet<string>;
  /** The two above per column (see columnMarks). */
  marks: ColumnMarks;
};

export type BoardAction =
  /** The server's first pages (again, after a refresh or other filters): start over. */
  | { type: "reset"; pages: Record<BoardColumn, BoardColumnPage> }
  /** A move is sent: with `to`, the card shows in that stage at once (optimistic); without, it waits. */
  | { type: "moveSent"; card: PipelineCard; to?: DealStage }
  /** The server moved the card: its card (new version, gate, days) takes the place. */
  | { type: "moveSaved"; card: PipelineCard }
  /** The server refused: a card shown at once (`optimistic`) goes back as it was. */
  | { type: "moveRefused"; card: PipelineCard; optimistic: boolean }
  | { type: "pageRequested"; column: BoardColumn }
  | { type: "pageLoaded"; column: BoardColumn; page: { cards: PipelineCard[]; more: boolean } }
  | { type: "pageFailed"; column: BoardColumn };

export function initialBoard(pages: Record<BoardColumn, BoardColumnPage>): BoardState {
  const columns = {} as Columns;
  for (const column of BOARD_COLUMNS) {
    const { cards, totals, more } = pages[column];
    const last = cards.at(-1);
    columns[column] = {
      cards,
      totals,
      more,
      cursor: last ? { value: last.value, id: last.id } : null,
      loading: false,
      failed: false,
    };
  }
  const state = { columns, recentIds: [], pendingIds: new Set<string>() };
  return { ...state, marks: columnMarks(state) };
}

const valued = (card: PipelineCard) => ({
  stage: card.stage,
  closeProbability: card.closeProbability,
  expectedValue: card.value,
});

/**
 * The columns with `card` taken out wherever it is and put (as given) where it now belongs, in the
 * board's order, with both columns' totals adjusted. Only the columns that change get new objects
 * (the others keep their memoised cards).
 */
export function place(columns: Columns, card: PipelineCard): Columns {
  const next = { ...columns };
  for (const column of BOARD_COLUMNS) {
    const state = next[column];
    const at = state.cards.findIndex((c) => c.id === card.id);
    if (at >= 0)
      next[column] = {
        ...state,
        cards: state.cards.toSpliced(at, 1),
        totals: adjustTotals(state.totals, valued(state.cards[at]!), -1),
      };
  }
  const target = columnOf(card);
  if (target) {
    const state = next[target];
    const list = state.cards;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cardOrder(list[mid]!, card) < 0) lo = mid + 1;
      else hi = mid;
    }
    next[target] = {
      ...state,
      cards: list.toSpliced(lo, 0, card),
      totals: adjustTotals(state.totals, valued(card), 1),
    };
  }
  return next;
}

/** A column with the server's next page added (less any card the board already shows elsewhere). */
export function withPage(
  columns: Columns,
  column: BoardColumn,
  page: { cards: PipelineCard[]; more: boolean },
): Columns {
  const shown = new Set(BOARD_COLUMNS.flatMap((c) => columns[c].cards.map((card) => card.id)));
  const state = columns[column];
  const last = page.cards.at(-1);
  return {
    ...columns,
    [column]: {
      ...state,
      cards: [...state.cards, ...page.cards.filter((c) => !shown.has(c.id))].sort(cardOrder),
      more: page.more,
      cursor: last ? { value: last.value, id: last.id } : state.cursor,
      loading: false,
      failed: false,
    },
  };
}

const withId = (ids: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(ids);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};
const toFront = (ids: readonly string[], id: string) => [id, ...ids.filter((x) => x !== id)];

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  const next = step(state, action);
  return next === state ? state : { ...next, marks: columnMarks(next, state.marks) };
}

function step(state: BoardState, action: BoardAction): Omit<BoardState, "marks"> | BoardState {
  switch (action.type) {
    case "reset":
      return initialBoard(action.pages);
    case "moveSent": {
      const { card, to } = action;
      const pendingIds = withId(state.pendingIds, card.id, true);
      if (!to) return { ...state, pendingIds };
      // Shown in its new stage at once: its days there start today, its gate is not known yet.
      const moved = { ...card, stage: to, daysInStage: 0, unmet: [] };
      return {
        columns: place(state.columns, moved),
        recentIds: toFront(state.recentIds, card.id),
        pendingIds,
      };
    }
    case "moveSaved":
      return {
        columns: place(state.columns, action.card),
        recentIds: toFront(state.recentIds, action.card.id),
        pendingIds: withId(state.pendingIds, action.card.id, false),
      };
    case "moveRefused": {
      const { card, optimistic } = action;
      const pendingIds = withId(state.pendingIds, card.id, false);
      // A card that waited for the answer never left its place.
      if (!optimistic) return { ...state, pendingIds };
      return {
        columns: place(state.columns, card),
        recentIds: state.recentIds.filter((id) => id !== card.id),
        pendingIds,
      };
    }
    case "pageRequested":
    case "pageFailed": {
      const loading = action.type === "pageRequested";
      const column = state.columns[action.column];
      return {
        ...state,
        columns: { ...state.columns, [action.column]: { ...column, loading, failed: !loading } },
      };
    }
    case "pageLoaded":
      return { ...state, columns: withPage(state.columns, action.column, action.page) };
  }
}

export type ColumnMarks = Record<BoardColumn, { recent: readonly string[]; pending: readonly string[] }>;

const NONE: readonly string[] = [];
const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The moved and saving cards of each column. A column whose marks did not change keeps the very
 * same lists (those of `previous`, or one shared empty list), so its props stay equal and it does
 * not render again when a card moves elsewhere.
 */
function columnMarks(
  state: Pick<BoardState, "columns" | "recentIds" | "pendingIds">,
  previous?: ColumnMarks,
): ColumnMarks {
  const out = {} as ColumnMarks;
  for (const column of BOARD_COLUMNS) {
    const here = (id: string) => state.columns[column].cards.some((c) => c.id === id);
    const recent = state.recentIds.filter(here);
    const pending = [...state.pendingIds].filter(here);
    const before = previous?.[column];
    const marks = {
      recent: !recent.length ? NONE : before && same(before.recent, recent) ? before.recent : recent,
      pending: !pending.length ? NONE : before && same(before.pending, pending) ? before.pending : pending,
    };
    out[column] = before?.recent === marks.recent && before.pending === marks.pending ? before : marks;
  }
  return out;
}
