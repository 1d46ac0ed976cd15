import "server-only";
import {
  unmetGate,
  type DealStage,
  type DealStatus,
  type GateInput,
  type GateItem,
} from "@/lib/domain/pipeline";
import type { GateFields } from "./gate-input";

// A deal as a card on the board: what the board queries return and a move answers with.

export type BoardCard = {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  tier: "A" | "B" | "C";
  expectedValue: number;
  ownerId: string;
  ownerName: string;
  teamId: string;
  stage: DealStage;
  status: DealStatus;
  stageEnteredAt: Date;
  closedAt: Date | null;
  closeProbability: number | null;
  expectedCloseDate: Date | null;
  version: number;
  unmet: GateItem[];
};

/** A deal row with its account, owner and people summary, as a move reads it. */
export type BoardRow = GateFields & {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  tier: "A" | "B" | "C";
  expectedValue: bigint;
  ownerId: string;
  ownerName: string;
  teamId: string;
  stage: DealStage;
  status: DealStatus;
  stageEnteredAt: Date;
  closedAt: Date | null;
  expectedCloseDate: Date | null;
  version: number;
  coachCount: number | null;
  decisionMakers: number | null;
  weakDecisionMakers: number | null;
};

/** A card's own columns (a row without its gate work and people summary). */
export type CardFields = Omit<
  BoardRow,
  keyof GateFields | "coachCount" | "decisionMakers" | "weakDecisionMakers"
> & {
  closeProbability: number | null;
};

export function toCard(r: CardFields, gate: GateInput | null): BoardCard {
  return {
    id: r.id,
    title: r.title,
    accountId: r.accountId,
    accountName: r.accountName,
    tier: r.tier,
    expectedValue: Number(r.expectedValue) / 100,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    teamId: r.teamId,
    stage: r.stage,
    status: r.status,
    stageEnteredAt: r.stageEnteredAt,
    closedAt: r.closedAt,
    closeProbability: r.closeProbability,
    expectedCloseDate: r.expectedCloseDate,
    version: r.version,
    unmet: r.status === "OPEN" && gate ? unmetGate(r.stage, gate) : [],
  };
}
