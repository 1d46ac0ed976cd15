// The recruitment board's state without React: the columns as loaded (cards by rank, and how many
// distributors each stage holds), the cards moved in this visit and those being saved — a move is
// shown at once, then kept with the server's card or put back. tests/unit/distributor-board-state.test.ts.
import type { DistributorCard } from "@/lib/data/distributors/board";
import { DISTRIBUTOR_STAGES, type DistributorStage } from "@/lib/domain/distributors";

export type StageColumn = { cards: DistributorCard[]; count: number };
export type StageColumns = Record<DistributorStage, StageColumn>;

export type RecruitmentState = {
  columns: StageColumns;
  /** Cards moved in this visit, most recent first (shown on top of their column). */
  recentIds: readonly string[];
  pendingIds: ReadonlySet<string>;
};

export type RecruitmentAction =
  | { type: "reset"; columns: StageColumns }
  | { type: "moveSent"; card: DistributorCard; to: DistributorStage }
  | { type: "moveSaved"; card: DistributorCard }
  | { type: "moveRefused"; card: DistributorCard };

/** The board's order within a stage: rank, then id (as the server sends them). */
export const byRank = (a: DistributorCard, b: DistributorCard) =>
  a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The columns with `card` taken out wherever it is and put (as given) into its stage, in rank order. */
export function placeCard(columns: StageColumns, card: DistributorCard): StageColumns {
  const next = { ...columns };
  for (const stage of DISTRIBUTOR_STAGES) {
    const column = next[stage];
    if (column.cards.some((c) => c.id === card.id))
      next[stage] = { cards: column.cards.filter((c) => c.id !== card.id), count: column.count - 1 };
  }
  const target = next[card.stage];
  next[card.stage] = { cards: [...target.cards, card].sort(byRank), count: target.count + 1 };
  return next;
}

export const initialRecruitment = (columns: StageColumns): RecruitmentState => ({
  columns,
  recentIds: [],
  pendingIds: new Set(),
});

const withId = (ids: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(ids);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export function recruitmentReducer(state: RecruitmentState, action: RecruitmentAction): RecruitmentState {
  switch (action.type) {
    case "reset":
      return initialRecruitment(action.columns);
    case "moveSent":
      return {
        columns: placeCard(state.columns, { ...action.card, stage: action.to, daysInStage: 0 }),
        recentIds: [action.card.id, ...state.recentIds.filter((id) => id !== action.card.id)],
        pendingIds: withId(state.pendingIds, action.card.id, true),
      };
    case "moveSaved":
      return {
        ...state,
        columns: placeCard(state.columns, action.card),
        pendingIds: withId(state.pendingIds, action.card.id, false),
      };
    case "moveRefused":
      return {
        columns: placeCard(state.columns, action.card),
        recentIds: state.recentIds.filter((id) => id !== action.card.id),
        pendingIds: withId(state.pendingIds, action.card.id, false),
      };
  }
}

/** A column's cards with this visit's moves on top, so a moved card stays in view. */
export function shownCards(column: StageColumn, recentIds: readonly string[]): DistributorCard[] {
  const recent = column.cards
    .filter((c) => recentIds.includes(c.id))
    .sort((a, b) => recentIds.indexOf(a.id) - recentIds.indexOf(b.id));
  return recent.length ? [...recent, ...column.cards.filter((c) => !recentIds.includes(c.id))] : column.cards;
}
