// The board's card as the browser holds it: the data layer's BoardCard reduced to what the board
// shows, with dates as plain strings and the days in stage counted on the server (so the server's
// and the browser's clocks never disagree during hydration). Shared by the page and the move action.
import type { BoardCard } from "@/lib/data/deals/card";
import {
  BOARD_COLUMNS,
  daysBetween,
  isOverdue,
  weightedValue,
  type BoardColumn,
  type DealStage,
  type DealStatus,
  type GateItem,
} from "@/lib/domain/pipeline";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";

export type PipelineCard = {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  tier: "A" | "B" | "C";
  /** Expected annual value, yuan. */
  value: number;
  /** Probability-weighted value, yuan. */
  weighted: number;
  ownerId: string;
  ownerName: string;
  stage: DealStage;
  status: DealStatus;
  daysInStage: number;
  /** YYYY-MM-DD (Beijing) for closed deals. */
  closedOn: string | null;
  closeProbability: number | null;
  /** YYYY-MM-DD. */
  expectedCloseDate: string | null;
  version: number;
  unmet: GateItem[];
  /** Open and past its expected close date (worked out on the server, as daysInStage). */
  overdue: boolean;
};

export function toPipelineCard(card: BoardCard, now: Date): PipelineCard {
  // A calendar date (@db.Date) arrives as UTC midnight.
  const expectedCloseDate = card.expectedCloseDate ? fromDbDate(card.expectedCloseDate) : null;
  return {
    id: card.id,
    title: card.title,
    accountId: card.accountId,
    accountName: card.accountName,
    tier: card.tier,
    value: card.expectedValue,
    weighted: weightedValue({
      stage: card.stage,
      closeProbability: card.closeProbability,
      expectedValue: card.expectedValue,
    }),
    ownerId: card.ownerId,
    ownerName: card.ownerName,
    stage: card.stage,
    status: card.status,
    daysInStage: daysBetween(card.stageEnteredAt, now),
    closedOn: card.closedAt ? chinaDate(card.closedAt) : null,
    closeProbability: card.closeProbability,
    expectedCloseDate,
    version: card.version,
    unmet: card.unmet,
    overdue: isOverdue({ status: card.status, expectedCloseDate }, now),
  };
}

/** The column a card sits in: its stage while open, else its outcome. */
export function columnOf(card: Pick<PipelineCard, "stage" | "status">): BoardColumn | null {
  if (card.status === "OPEN") return card.stage;
  if (card.status === "WON" || card.status === "LOST") return card.status;
  return null;
}

export const isBoardColumn = (value: unknown): value is BoardColumn =>
  typeof value === "string" && (BOARD_COLUMNS as readonly string[]).includes(value);

/** The board's order inside a column: largest value first, then id (as the server sends them). */
export const cardOrder = (a: PipelineCard, b: PipelineCard) =>
  b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
