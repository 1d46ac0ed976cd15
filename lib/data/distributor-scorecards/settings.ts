import "server-only";
import { db, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { thresholdsValid, weightSum } from "@/lib/domain/distributor-scorecard";
import {
  isModelBalanced,
  RECOMMENDED_CRITERIA,
  type SelectionCriterion,
} from "@/lib/domain/distributor-selection";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type {
  CriterionInput,
  CriterionRefInput,
  ScorecardSettingsInput,
} from "@/lib/validation/distributor-scorecards";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { scorecardSettings, type ScorecardSettings } from "./compute";

export { scorecardSettings, type ScorecardSettings };

// The administrator's settings for 经销商甄选 (the evaluation model) and 季度考评 (weights,
// thresholds, healthy stock). The model is not secret: every channel user scores against it.

type Client = Tx | typeof db;

function assertAdmin(viewer: Viewer) {
  if (!hasCapability(viewer, "admin.channels")) throw forbidden();
}

const fieldError = (field: string, key: string) =>
  new AppError("VALIDATION", key, { [field]: [`distributorScorecards.errors.${key}`] });

/** Saves weights (sum 100), thresholds (rising) and the healthy stock months, versioned and audited. */
export async function saveScorecardSettings(viewer: Viewer, input: ScorecardSettingsInput): Promise<void> {
  assertAdmin(viewer);
  const weights = input.weights;
  if (weightSum(weights) !== 100) throw fieldError("_form", "weightsTotal");
  if (!thresholdsValid(input)) throw fieldError("_form", "thresholdsOrder");
  await mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.channelSettings.findUnique({ where: { id: "default" } });
    const data = {
      scorecardWeights: weights,
      upgradeAt: input.upgradeAt,
      keepAt: input.keepAt,
      warnAt: input.warnAt,
      healthyStockMonths: input.healthyStockMonths,
    };
    if (!before) {
      if (input.version !== 0) throw new AppError("CONFLICT", "changed by someone else");
      await tx.channelSettings.create({ data: { id: "default", ...data } });
    } else {
      await updateVersioned(tx.channelSettings, { where: { id: "default" }, version: input.version, data });
    }
    await audit({
      action: "channelSettings.update",
      entity: "ChannelSettings",
      entityId: "default",
      before,
      after: data,
    });
  });
}

// ── The evaluation model ────────────────────────────────────────────────────────────────────────

export type CriterionRow = SelectionCriterion & {
  sortOrder: number;
  version: number;
  deletedAt: Date | null;
};

const criterionSelect = {
  id: true,
  key: true,
  name: true,
  nameEn: true,
  kind: true,
  weight: true,
  unit: true,
  worst: true,
  best: true,
  active: true,
  sortOrder: true,
  version: true,
  deletedAt: true,
} as const;

/** The live criteria in their order (active and inactive). */
export async function selectionCriteria(client: Client = db): Promise<CriterionRow[]> {
  return client.selectionCriterion.findMany({
    where: { deletedAt: null },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: criterionSelect,
  });
}

export async function deletedCriteria(viewer: Viewer): Promise<CriterionRow[]> {
  assertAdmin(viewer);
  return db.selectionCriterion.findMany({
    where: { deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    select: criterionSelect,
  });
}

/** A quantitative criterion needs distinct worst and best values; a qualitative one has none. */
function bounds(input: CriterionInput) {
  if (input.kind === "QUALITATIVE") return { unit: null, worst: null, best: null };
  if (input.worst === null) throw fieldError("worst", "boundsRequired");
  if (input.best === null) throw fieldError("best", "boundsRequired");
  if (input.worst === input.best) throw fieldError("best", "boundsEqual");
  return { unit: input.unit, worst: input.worst, best: input.best };
}

function keyOf(nameEn: string): string {
  const base =
    nameEn
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 30) || "criterion";
  return `${base}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function createCriterion(viewer: Viewer, input: CriterionInput): Promise<CriterionRow> {
  assertAdmin(viewer);
  const b = bounds(input);
  return mutate(viewer, async ({ tx, audit }) => {
    const last = await tx.selectionCriterion.aggregate({ _max: { sortOrder: true } });
    const row = await tx.selectionCriterion.create({
      data: {
        key: keyOf(input.nameEn),
        name: input.name,
        nameEn: input.nameEn,
        kind: input.kind,
        weight: input.weight,
        active: input.active,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
        ...b,
      },
      select: criterionSelect,
    });
    await audit({
      action: "selectionCriterion.create",
      entity: "SelectionCriterion",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateCriterion(
  viewer: Viewer,
  input: CriterionInput & CriterionRefInput,
): Promise<CriterionRow> {
  assertAdmin(viewer);
  const b = bounds(input);
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.selectionCriterion.findFirst({
      where: { id: input.id, deletedAt: null },
      select: criterionSelect,
    });
    if (!before) throw notFound("criterion");
    await updateVersioned(tx.selectionCriterion, {
      where: { id: input.id },
      version: input.version,
      data: {
        name: input.name,
        nameEn: input.nameEn,
        kind: input.kind,
        weight: input.weight,
        active: input.active,
        ...b,
      },
    });
    const after = await tx.selectionCriterion.findUniqueOrThrow({
      where: { id: input.id },
      select: criterionSelect,
    });
    await audit({
      action: "selectionCriterion.update",
      entity: "SelectionCriterion",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}

/** Soft delete (restorable); an evaluation already saved keeps the criterion as it was. */
export async function setCriterionDeleted(
  viewer: Viewer,
  input: CriterionRefInput,
  deleted: boolean,
): Promise<CriterionRow> {
  assertAdmin(viewer);
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.selectionCriterion.findFirst({
      where: { id: input.id, deletedAt: deleted ? null : { not: null } },
      select: criterionSelect,
    });
    if (!before) throw notFound("criterion");
    await updateVersioned(tx.selectionCriterion, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: deleted ? new Date() : null },
    });
    await audit({
      action: deleted ? "selectionCriterion.delete" : "selectionCriterion.restore",
      entity: "SelectionCriterion",
      entityId: input.id,
      before,
      after: { ...before, deletedAt: deleted ? new Date() : null },
    });
    return before;
  });
}

/** Adds the recommended model (DOMAIN §4) to an empty one. */
export async function addRecommendedCriteria(viewer: Viewer, client?: Tx): Promise<number> {
  if (!client) assertAdmin(viewer);
  const work = async (tx: Tx) => {
    const existing = await tx.selectionCriterion.count({ where: { deletedAt: null } });
    if (existing) return 0;
    const taken = new Set(
      (await tx.selectionCriterion.findMany({ select: { key: true } })).map((c) => c.key),
    );
    const rows = RECOMMENDED_CRITERIA.map((c, i) => ({
      ...c,
      key: taken.has(c.key) ? `${c.key}-${Date.now().toString(36)}` : c.key,
      sortOrder: i + 1,
    }));
    await tx.selectionCriterion.createMany({ data: rows });
    return rows.length;
  };
  if (client) return work(client);
  return mutate(viewer, async ({ tx, audit }) => {
    const n = await work(tx);
    await audit({
      action: "selectionCriterion.addRecommended",
      entity: "SelectionCriterion",
      entityId: "model",
      after: { added: n },
    });
    return n;
  });
}

/** The model can score candidates only when its active weights total 100. */
export async function modelIsBalanced(client: Client = db): Promise<boolean> {
  return isModelBalanced(await selectionCriteria(client));
}
