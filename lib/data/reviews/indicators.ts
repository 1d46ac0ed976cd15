import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import {
  FULL_MARKS_METRICS,
  FULL_MARKS_REQUIRED,
  RECOMMENDED_INDICATORS,
  type Indicator,
} from "@/lib/domain/scorecard";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { IndicatorInput } from "@/lib/validation/scorecards";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";

// 绩效考核指标体系: the administrator's indicators with a weight per role. Changing them never
// rewrites a review: a review froze the names and weights it was opened with.

type Client = Tx | typeof db;

export type IndicatorRow = Indicator & { sortOrder: number; version: number; deletedAt: Date | null };

const select = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  metric: true,
  fullMarksAt: true,
  weightManager: true,
  weightKam: true,
  weightRep: true,
  sortOrder: true,
  version: true,
  deletedAt: true,
} as const;

/** The live indicators in their order (every scorecard reads these; no viewer check: not secret). */
export async function activeIndicators(client: Client = db): Promise<IndicatorRow[]> {
  return client.scorecardIndicator.findMany({
    where: { deletedAt: null },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select,
  });
}

function assertAdmin(viewer: Viewer) {
  if (!hasCapability(viewer, "admin.kpi")) throw forbidden();
}

/** The administrator's list: live or deleted indicators. */
export async function listIndicators(
  viewer: Viewer,
  opts: { deleted?: boolean } = {},
): Promise<IndicatorRow[]> {
  assertAdmin(viewer);
  if (!opts.deleted) return activeIndicators();
  return db.scorecardIndicator.findMany({
    where: { deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    select,
  });
}

const fieldError = (field: string, key: string) =>
  new AppError("VALIDATION", key, { [field]: [`reviews.errors.${key}`] });

/** fullMarksAt means something only for some metrics; required for 拜访量 × 成功率, a % ≤ 100 for rates. */
function fullMarksOf(input: IndicatorInput): number | null {
  if (!FULL_MARKS_METRICS.includes(input.metric)) return null;
  if (input.fullMarksAt === null) {
    if (FULL_MARKS_REQUIRED.includes(input.metric)) throw fieldError("fullMarksAt", "fullMarksRequired");
    return null;
  }
  if (!FULL_MARKS_REQUIRED.includes(input.metric) && input.fullMarksAt > 100) {
    throw fieldError("fullMarksAt", "fullMarksPercent");
  }
  return input.fullMarksAt;
}

const fieldsOf = (input: IndicatorInput) => ({
  name: input.name,
  nameEn: input.nameEn,
  metric: input.metric,
  fullMarksAt: fullMarksOf(input),
  weightManager: input.weightManager,
  weightKam: input.weightKam,
  weightRep: input.weightRep,
});

async function nextSortOrder(tx: Tx) {
  const last = await tx.scorecardIndicator.aggregate({ _max: { sortOrder: true } });
  return (last._max.sortOrder ?? 0) + 10;
}

export async function createIndicator(viewer: Viewer, input: IndicatorInput) {
  assertAdmin(viewer);
  return mutate(viewer, async ({ tx, audit }) => {
    const row = await tx.scorecardIndicator.create({
      // The code is internal (a stable key for seeds and snapshots); people see the names.
      data: {
        ...fieldsOf(input),
        code: `${input.metric.toLowerCase()}-${randomBytes(4).toString("hex")}`,
        sortOrder: await nextSortOrder(tx),
      },
    });
    await audit({
      action: "scorecardIndicator.create",
      entity: "ScorecardIndicator",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

async function forChange(tx: Tx, id: string, deleted: boolean) {
  const row = await tx.scorecardIndicator.findFirst({
    where: { id, deletedAt: deleted ? { not: null } : null },
  });
  if (!row) throw notFound("indicator");
  return row;
}

export async function updateIndicator(
  viewer: Viewer,
  input: IndicatorInput & { id: string; version: number },
) {
  assertAdmin(viewer);
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await forChange(tx, input.id, false);
    await updateVersioned(tx.scorecardIndicator, {
      where: { id: before.id },
      version: input.version,
      data: fieldsOf(input),
    });
    const after = await tx.scorecardIndicator.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: "scorecardIndicator.update",
      entity: "ScorecardIndicator",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

async function setDeleted(viewer: Viewer, input: { id: string; version: number }, deleted: boolean) {
  assertAdmin(viewer);
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await forChange(tx, input.id, !deleted);
    const deletedAt = deleted ? new Date() : null;
    await updateVersioned(tx.scorecardIndicator, {
      where: { id: before.id },
      version: input.version,
      data: { deletedAt },
    });
    await audit({
      action: deleted ? "scorecardIndicator.delete" : "scorecardIndicator.restore",
      entity: "ScorecardIndicator",
      entityId: before.id,
      before: { deletedAt: before.deletedAt },
      after: { deletedAt },
    });
    return before;
  });
}

export const deleteIndicator = (viewer: Viewer, input: { id: string; version: number }) =>
  setDeleted(viewer, input, true);
export const restoreIndicator = (viewer: Viewer, input: { id: string; version: number }) =>
  setDeleted(viewer, input, false);

/**
 * Adds the recommended indicators (推荐指标) to an empty system. Refused while any indicator is live:
 * the administrator's own system is never mixed with the template behind their back. A deleted
 * indicator keeps its code, so a template code already taken gets a suffix.
 */
export async function addRecommendedIndicators(viewer: Viewer): Promise<number> {
  assertAdmin(viewer);
  return mutate(viewer, async ({ tx, auditMany }) => {
    if ((await tx.scorecardIndicator.count({ where: { deletedAt: null } })) > 0) {
      throw new AppError("CONFLICT", "indicators exist");
    }
    const taken = new Set(
      (await tx.scorecardIndicator.findMany({ select: { code: true } })).map((r) => r.code),
    );
    const base = await nextSortOrder(tx);
    const data = RECOMMENDED_INDICATORS.map((i, n) => ({
      ...i,
      code: taken.has(i.code) ? `${i.code}-${randomBytes(4).toString("hex")}` : i.code,
      sortOrder: base + n * 10,
    }));
    await tx.scorecardIndicator.createMany({ data });
    const rows = await tx.scorecardIndicator.findMany({
      where: { code: { in: data.map((d) => d.code) } },
      select,
    });
    await auditMany(
      rows.map((r) => ({
        action: "scorecardIndicator.create",
        entity: "ScorecardIndicator",
        entityId: r.id,
        after: r,
      })),
    );
    return rows.length;
  });
}
