import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { canReadReview, canReview, hasCapability, type Viewer } from "@/lib/domain/access";
import { fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { periodKey, type Period } from "@/lib/domain/kpi-period";
import type { ScorecardSnapshot } from "@/lib/domain/scorecard";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { ReviewDraftInput } from "@/lib/validation/reviews";
import { mutate } from "../audit";
import { notify } from "../notifications";
import { updateVersioned } from "../versioning";
import { computeScorecard } from "./scorecard";

// 绩效反馈与改进: a manager opens a review of one of their people for a period, which freezes the
// scorecard into the review; writes strengths, gaps, a rating and an improvement plan (a draft);
// shares it; the person reads it and answers. One live review per person and period; deleting is
// soft and the history per person stays.

const stateError = () => new AppError("CONFLICT", "the review's status does not allow this");

const reviewSelect = {
  id: true,
  subjectId: true,
  reviewerId: true,
  teamId: true,
  periodKind: true,
  periodStart: true,
  periodEnd: true,
  snapshot: true,
  frozenAt: true,
  status: true,
  strengths: true,
  gaps: true,
  rating: true,
  improvementPlan: true,
  sharedAt: true,
  response: true,
  respondedAt: true,
  version: true,
  deletedAt: true,
  createdAt: true,
  subject: { select: { id: true, name: true, teamId: true } },
  reviewer: { select: { id: true, name: true } },
} satisfies Prisma.PerformanceReviewSelect;

type ReviewRecord = Prisma.PerformanceReviewGetPayload<{ select: typeof reviewSelect }>;
export type Review = Omit<ReviewRecord, "snapshot" | "periodStart" | "periodEnd"> & {
  snapshot: ScorecardSnapshot;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  periodKey: string;
};

function shape(r: ReviewRecord): Review {
  const period: Period = {
    kind: r.periodKind as Period["kind"],
    start: fromDbDate(r.periodStart),
    end: fromDbDate(r.periodEnd),
  };
  return {
    ...r,
    snapshot: r.snapshot as unknown as ScorecardSnapshot,
    periodStart: period.start,
    periodEnd: period.end,
    periodKey: periodKey(period),
  };
}

const readable = (viewer: Viewer, r: ReviewRecord) =>
  canReadReview(viewer, { subjectId: r.subjectId, subjectTeamId: r.subject.teamId, status: r.status });

/** One review the viewer may read (deleted ones only for those who may restore them), or NOT_FOUND. */
export async function getReview(viewer: Viewer, id: string): Promise<Review> {
  const r = await db.performanceReview.findUnique({ where: { id }, select: reviewSelect });
  if (!r || !readable(viewer, r)) throw notFound("review");
  if (r.deletedAt && !canReview(viewer, { id: r.subjectId, teamId: r.subject.teamId }))
    throw notFound("review");
  return shape(r);
}

/** A review for a change by a reviewer: NOT_FOUND outside their people. */
async function forReviewer(tx: Tx, viewer: Viewer, id: string, opts: { deleted?: boolean } = {}) {
  const r = await tx.performanceReview.findFirst({
    where: { id, deletedAt: opts.deleted ? { not: null } : null },
    select: reviewSelect,
  });
  if (!r || !canReview(viewer, { id: r.subjectId, teamId: r.subject.teamId })) throw notFound("review");
  return r;
}

const auditable = (r: ReviewRecord) => {
  // The snapshot is in the create row; later entries keep to what changed.
  const { snapshot: _s, subject: _p, reviewer: _r, ...rest } = r;
  return rest;
};

export type OpenResult = { id: string; existing: boolean };

/**
 * Opens a review of `subjectId` for `period`, freezing their scorecard as of `today`. If a live
 * review of that person and period exists, answers it instead of opening a second.
 */
export async function openReview(
  viewer: Viewer,
  input: { subjectId: string; period: Period },
  today: IsoDate,
): Promise<OpenResult> {
  if (!hasCapability(viewer, "reviews.write")) throw forbidden();
  const subject = await db.user.findFirst({
    where: { id: input.subjectId, active: true },
    select: { id: true, teamId: true, name: true },
  });
  if (!subject || !canReview(viewer, subject) || !subject.teamId) throw notFound("person");
  const teamId = subject.teamId;
  const where = {
    subjectId: subject.id,
    periodStart: toDbDate(input.period.start),
    periodEnd: toDbDate(input.period.end),
    deletedAt: null,
  };
  const existing = await db.performanceReview.findFirst({ where, select: { id: true } });
  if (existing) return { id: existing.id, existing: true };
  // Computed outside the transaction (read-only, and the transaction stays short).
  const snapshot = await computeScorecard(subject.id, input.period, today);
  return mutate(viewer, async ({ tx, audit }) => {
    // Two managers opening the same review at once: the second waits here, then finds the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`review:${subject.id}:${input.period.start}:${input.period.end}`}))`;
    const raced = await tx.performanceReview.findFirst({ where, select: { id: true } });
    if (raced) {
      await audit({
        action: "performanceReview.openExisting",
        entity: "PerformanceReview",
        entityId: raced.id,
      });
      return { id: raced.id, existing: true };
    }
    const row = await tx.performanceReview.create({
      data: {
        subjectId: subject.id,
        reviewerId: viewer.id,
        teamId,
        periodKind: input.period.kind,
        periodStart: where.periodStart,
        periodEnd: where.periodEnd,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
      },
    });
    await audit({
      action: "performanceReview.open",
      entity: "PerformanceReview",
      entityId: row.id,
      after: row,
    });
    return { id: row.id, existing: false };
  });
}

/** Saves the manager's draft (version-checked). Only a draft changes: a shared review is the record. */
export async function updateReview(viewer: Viewer, input: ReviewDraftInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await forReviewer(tx, viewer, input.id);
    if (before.status !== "DRAFT") throw stateError();
    const data = {
      strengths: input.strengths,
      gaps: input.gaps,
      rating: input.rating,
      improvementPlan: input.improvementPlan,
    };
    await updateVersioned(tx.performanceReview, { where: { id: before.id }, version: input.version, data });
    const after = await tx.performanceReview.findUniqueOrThrow({
      where: { id: before.id },
      select: reviewSelect,
    });
    await audit({
      action: "performanceReview.update",
      entity: "PerformanceReview",
      entityId: before.id,
      before: auditable(before),
      after: auditable(after),
    });
    return shape(after);
  });
}

const SHARE_NEEDS = ["strengths", "gaps", "rating", "improvementPlan"] as const;

/** Shares a draft with its subject, who is notified; it needs all four parts written. */
export async function shareReview(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await forReviewer(tx, viewer, input.id);
    if (before.status !== "DRAFT") throw stateError();
    const missing = SHARE_NEEDS.filter((k) => !before[k]);
    if (missing.length) {
      throw new AppError(
        "VALIDATION",
        "incomplete",
        Object.fromEntries(missing.map((k) => [k, ["reviews.errors.neededToShare"]])),
      );
    }
    const sharedAt = new Date();
    await updateVersioned(tx.performanceReview, {
      where: { id: before.id },
      version: input.version,
      data: { status: "SHARED", sharedAt },
    });
    await audit({
      action: "performanceReview.share",
      entity: "PerformanceReview",
      entityId: before.id,
      before: { status: before.status },
      after: { status: "SHARED", sharedAt },
    });
    await notify(tx, {
      userId: before.subjectId,
      kind: "review.shared",
      entity: "PerformanceReview",
      entityId: before.id,
      actorId: viewer.id,
      payload: { actorName: viewer.name, period: shape(before).periodKey },
    });
    return { id: before.id };
  });
}

/** The subject's answer: only they answer, once the review is shared; the reviewer is notified. */
export async function respondToReview(
  viewer: Viewer,
  input: { id: string; version: number; response: string },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.performanceReview.findFirst({
      where: { id: input.id, deletedAt: null },
      select: reviewSelect,
    });
    if (!before || !readable(viewer, before)) throw notFound("review");
    if (before.subjectId !== viewer.id) throw forbidden();
    if (before.status !== "SHARED") throw stateError();
    const respondedAt = new Date();
    await updateVersioned(tx.performanceReview, {
      where: { id: before.id },
      version: input.version,
      data: { status: "ACKNOWLEDGED", response: input.response, respondedAt },
    });
    await audit({
      action: "performanceReview.respond",
      entity: "PerformanceReview",
      entityId: before.id,
      before: { status: before.status, response: before.response },
      after: { status: "ACKNOWLEDGED", response: input.response, respondedAt },
    });
    await notify(tx, {
      userId: before.reviewerId,
      kind: "review.acknowledged",
      entity: "PerformanceReview",
      entityId: before.id,
      actorId: viewer.id,
      payload: { actorName: viewer.name, period: shape(before).periodKey },
    });
    return { id: before.id };
  });
}

/** Soft-deletes a review (any status); its history stays and a manager may restore it. */
export async function deleteReview(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await forReviewer(tx, viewer, input.id);
    const deletedAt = new Date();
    await updateVersioned(tx.performanceReview, {
      where: { id: before.id },
      version: input.version,
      data: { deletedAt },
    });
    await audit({
      action: "performanceReview.delete",
      entity: "PerformanceReview",
      entityId: before.id,
      before: { deletedAt: null },
      after: { deletedAt },
    });
    return { id: before.id };
  });
}

/** Restores a deleted review, unless another live review of the same person and period exists. */
export async function restoreReview(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await forReviewer(tx, viewer, input.id, { deleted: true });
    const live = await tx.performanceReview.findFirst({
      where: {
        subjectId: before.subjectId,
        periodStart: before.periodStart,
        periodEnd: before.periodEnd,
        deletedAt: null,
      },
      select: { id: true },
    });
    if (live) throw new AppError("DUPLICATE", "a live review of this person and period exists");
    await updateVersioned(tx.performanceReview, {
      where: { id: before.id },
      version: input.version,
      data: { deletedAt: null },
    });
    await audit({
      action: "performanceReview.restore",
      entity: "PerformanceReview",
      entityId: before.id,
      before: { deletedAt: before.deletedAt },
      after: { deletedAt: null },
    });
    return { id: before.id };
  });
}

export type ReviewListRow = {
  id: string;
  subject: { id: string; name: string };
  reviewer: { id: string; name: string };
  teamId: string;
  periodKey: string;
  periodStart: IsoDate;
  period: Period;
  status: "DRAFT" | "SHARED" | "ACKNOWLEDGED";
  rating: string | null;
  weightedScore: number | null;
  version: number;
  deletedAt: Date | null;
};

const listSelect = {
  id: true,
  teamId: true,
  periodKind: true,
  periodStart: true,
  periodEnd: true,
  status: true,
  rating: true,
  version: true,
  deletedAt: true,
  subject: { select: { id: true, name: true } },
  reviewer: { select: { id: true, name: true } },
  // Only the score is read from the snapshot, in SQL, so a list never ships every snapshot.
} satisfies Prisma.PerformanceReviewSelect;

async function withScores(rows: Prisma.PerformanceReviewGetPayload<{ select: typeof listSelect }>[]) {
  const scores = rows.length
    ? await db.$queryRaw<{ id: string; score: number | null }[]>`
        SELECT id, (snapshot->>'weightedScore')::float8 AS score FROM "PerformanceReview"
        WHERE id = ANY(${rows.map((r) => r.id)}::text[])`
    : [];
  const byId = new Map(scores.map((s) => [s.id, s.score]));
  return rows.map((r): ReviewListRow => {
    const period: Period = {
      kind: r.periodKind as Period["kind"],
      start: fromDbDate(r.periodStart),
      end: fromDbDate(r.periodEnd),
    };
    return {
      id: r.id,
      subject: r.subject,
      reviewer: r.reviewer,
      teamId: r.teamId,
      periodKey: periodKey(period),
      periodStart: period.start,
      period,
      status: r.status,
      rating: r.rating,
      weightedScore: byId.get(r.id) ?? null,
      version: r.version,
      deletedAt: r.deletedAt,
    };
  });
}

/** The viewer's own reviews (as the subject): shared and answered ones, newest period first. */
export async function listMyReviews(viewer: Viewer): Promise<ReviewListRow[]> {
  const rows = await db.performanceReview.findMany({
    where: { subjectId: viewer.id, deletedAt: null, status: { not: "DRAFT" } },
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
    select: listSelect,
    take: 200,
  });
  return withScores(rows);
}

/**
 * A manager's team reviews: every review of a person in their subtree (not their own), by period
 * and person; `person` narrows to one person's history; `deleted` shows the deleted ones.
 */
export async function listTeamReviews(
  viewer: Viewer,
  opts: { person?: string | null; deleted?: boolean } = {},
): Promise<ReviewListRow[]> {
  if (!hasCapability(viewer, "reviews.write")) return [];
  const rows = await db.performanceReview.findMany({
    where: {
      deletedAt: opts.deleted ? { not: null } : null,
      subjectId: opts.person ? { equals: opts.person, not: viewer.id } : { not: viewer.id },
      ...(viewer.visibleTeamIds === "all" ? {} : { subject: { teamId: { in: [...viewer.visibleTeamIds] } } }),
    },
    orderBy: [{ periodStart: "desc" }, { subject: { name: "asc" } }],
    select: listSelect,
    take: 500,
  });
  return withScores(rows);
}
