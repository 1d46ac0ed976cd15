import "server-only";
import { db, Prisma, type DistributorStage } from "@/lib/db";
import { daysBetween } from "@/lib/domain/pipeline";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { DISTRIBUTOR_STAGES, stageMoveRefusal } from "@/lib/domain/distributors";
import { AppError, staleVersion } from "@/lib/errors";
import type { MoveDistributorInput } from "@/lib/validation/distributors";
import { mutate } from "../audit";
import { changeDistributorStage } from "./stage";
import { distributorScopeWhere, loadDistributorFor } from "./scope";

// 招募看板: the distributors the viewer sees, one column per lifecycle stage in the board's order
// (rank), and a move from one column to another through the lifecycle rule and
// changeDistributorStage (which keeps exclusivity).

/** A distributor as a card on the recruitment board (dates worked out on the server). */
export type DistributorCard = {
  id: string;
  code: string;
  name: string;
  kind: "DIRECT" | "AGENT" | "DEALER";
  model: "WHOLESALE" | "TERMINAL" | null;
  territory: { name: string; nameEn: string };
  ownerName: string;
  stage: DistributorStage;
  daysInStage: number;
  rank: string;
  version: number;
};

/** The most cards a column sends; a column with more says how many it holds (count). */
export const BOARD_COLUMN_LIMIT = 200;

const cardSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  model: true,
  territory: { select: { name: true, nameEn: true } },
  owner: { select: { name: true } },
  stage: true,
  stageChangedAt: true,
  rank: true,
  version: true,
} satisfies Prisma.DistributorSelect;

type CardRow = Prisma.DistributorGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow, now: Date): DistributorCard {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    model: row.model,
    territory: row.territory,
    ownerName: row.owner.name,
    stage: row.stage,
    daysInStage: daysBetween(row.stageChangedAt, now),
    rank: row.rank,
    version: row.version,
  };
}

export type BoardColumns = Record<DistributorStage, { cards: DistributorCard[]; count: number }>;

/** Every column of the board: its first cards by rank, and how many distributors it holds. */
export async function loadDistributorBoard(
  viewer: Viewer,
  filter: { territoryIds?: string[]; ownerId?: string } = {},
  now = new Date(),
): Promise<BoardColumns> {
  const where: Prisma.DistributorWhereInput = {
    AND: [
      await distributorScopeWhere(viewer),
      { deletedAt: null },
      filter.territoryIds ? { territoryId: { in: filter.territoryIds } } : {},
      filter.ownerId ? { ownerId: filter.ownerId } : {},
    ],
  };
  const [counts, columns] = await Promise.all([
    db.distributor.groupBy({ by: ["stage"], where, _count: { _all: true } }),
    Promise.all(
      DISTRIBUTOR_STAGES.map((stage) =>
        db.distributor.findMany({
          where: { AND: [where, { stage }] },
          select: cardSelect,
          orderBy: [{ rank: "asc" }, { id: "asc" }],
          take: BOARD_COLUMN_LIMIT,
        }),
      ),
    ),
  ]);
  const out = {} as BoardColumns;
  DISTRIBUTOR_STAGES.forEach((stage, i) => {
    out[stage] = {
      cards: columns[i]!.map((r) => toCard(r, now)),
      count: counts.find((c) => c.stage === stage)?._count._all ?? 0,
    };
  });
  return out;
}

/** One card as the board shows it (after a move). */
export async function distributorCard(viewer: Viewer, id: string, now = new Date()) {
  await loadDistributorFor(viewer, id, "read");
  const row = await db.distributor.findUniqueOrThrow({ where: { id }, select: cardSelect });
  return toCard(row, now);
}

/**
 * A move on the board: the person may edit the distributor, the card is still where they saw it
 * (stage and version), and the lifecycle allows it. Moving into SIGNED is refused with
 * `signByAgreement` — that happens by signing a channel agreement.
 */
export async function moveDistributor(
  viewer: Viewer,
  input: MoveDistributorInput,
  now = new Date(),
): Promise<DistributorCard> {
  await mutate(viewer, async ({ tx, audit }) => {
    await loadDistributorFor(viewer, input.id, "edit", { tx });
    // Locked, so of two moves of the same card at once the second sees the first's version.
    const [d] = await tx.$queryRaw<{ stage: DistributorStage; version: number }[]>`
      SELECT stage, version FROM "Distributor" WHERE id = ${input.id} FOR UPDATE`;
    if (!d || d.version !== input.version || (input.from && input.from !== d.stage)) throw staleVersion();
    const refusal = stageMoveRefusal(d.stage, input.to, {
      manager: hasCapability(viewer, "channel.approve"),
    });
    if (refusal) throw new AppError("VALIDATION", refusal, { to: [`distributors.moves.refused.${refusal}`] });
    await audit(
      await changeDistributorStage(tx, viewer.id, {
        distributorId: input.id,
        toStage: input.to,
        note: input.note,
      }),
    );
  });
  return distributorCard(viewer, input.id, now);
}
