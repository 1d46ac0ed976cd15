import "server-only";
import { db, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import {
  MONTHS,
  monthsFromRows,
  subjectKey,
  targetTree,
  type Months,
  type TargetMetric,
  type TargetTreeRow,
} from "@/lib/domain/targets";
import { AppError, staleVersion } from "@/lib/errors";
import type { SaveTargetInput, TargetSetRef } from "@/lib/validation/targets";
import { mutate } from "../audit";
import { actualsByMonth } from "./actuals";
import { auditMonths, clearedMonths, liveMonths, lockSet, setVersionOf, type SetRow } from "./month-set";
import { mayEditSubject, scopedSubject, subjectForChange, teamName, type TargetSubject } from "./subjects";

// 销售目标: a team's or person's monthly targets per metric and year. Read as a grid of the teams
// and people the viewer sees; set from above (canSetTarget), a year at a time, versioned, audited,
// cleared softly and restorable.

export type TargetGridRow = TargetTreeRow & { canEdit: boolean };

/**
 * The grid for a year and metric: with kpi.team, the viewer's teams (every team for
 * administrators) with their members; otherwise the viewer's own row only.
 */
export async function targetGrid(
  viewer: Viewer,
  opts: { year: number; metric: TargetMetric },
): Promise<TargetGridRow[]> {
  const seesTeams = hasCapability(viewer, "kpi.team");
  const teamIds = viewer.visibleTeamIds === "all" ? undefined : [...viewer.visibleTeamIds];
  const [teams, people] = await Promise.all([
    seesTeams
      ? db.team.findMany({
          where: { deletedAt: null, ...(teamIds ? { id: { in: teamIds } } : {}) },
          select: { id: true, parentId: true, name: true, nameZh: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        })
      : Promise.resolve([]),
    db.user.findMany({
      where: seesTeams
        ? { active: true, teamId: teamIds ? { in: teamIds } : { not: null } }
        : { id: viewer.id },
      select: { id: true, name: true, teamId: true },
      orderBy: [{ role: "asc" }, { name: "asc" }, { id: "asc" }],
    }),
  ]);
  const subjects = [
    ...teams.map((t) => subjectKey("team", t.id)),
    ...people.map((p) => subjectKey("user", p.id)),
  ];
  const rows = await db.salesTarget.findMany({
    where: { deletedAt: null, year: opts.year, metric: opts.metric, subject: { in: subjects } },
    select: { subject: true, month: true, value: true },
  });
  const bySubject = new Map<string, { month: number; value: bigint }[]>();
  for (const r of rows) bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), r]);
  const figures = new Map([...bySubject].map(([k, v]) => [k, monthsFromRows(v)]));
  const tree = seesTeams
    ? targetTree(
        teams.map((t) => ({ id: t.id, parentId: t.parentId, name: teamName(viewer, t) })),
        people,
        figures,
      )
    : people.map((p): TargetTreeRow => ({
        kind: "user",
        id: p.id,
        name: p.name,
        depth: 0,
        own: figures.get(subjectKey("user", p.id)) ?? null,
        children: null,
        difference: null,
      }));
  const teamOf = new Map(people.map((p) => [p.id, p.teamId]));
  return tree.map((r) => ({
    ...r,
    canEdit: mayEditSubject(viewer, {
      kind: r.kind,
      id: r.id,
      teamId: r.kind === "team" ? r.id : (teamOf.get(r.id) ?? null),
    }),
  }));
}

const setSelect = { id: true, month: true, value: true, version: true, deletedAt: true } as const;

async function setRows(
  client: Tx | typeof db,
  subject: string,
  year: number,
  metric: TargetMetric,
): Promise<SetRow[]> {
  return client.salesTarget.findMany({ where: { subject, year, metric }, select: setSelect });
}

export type TargetSetDetail = {
  subject: TargetSubject;
  year: number;
  metric: TargetMetric;
  months: Months | null;
  cleared: Months | null;
  version: number;
  lastYear: Months;
  canEdit: boolean;
};

/** One subject's target for a year and metric, last year's actuals beside it. NOT_FOUND out of sight. */
export async function targetSetDetail(
  viewer: Viewer,
  opts: { subject: string; year: number; metric: TargetMetric },
): Promise<TargetSetDetail> {
  const subject = await scopedSubject(db, viewer, opts.subject);
  const of =
    subject.kind === "team"
      ? { kind: "team" as const, teamId: subject.id }
      : { kind: "user" as const, userId: subject.id };
  const [rows, lastYear] = await Promise.all([
    setRows(db, subject.key, opts.year, opts.metric),
    actualsByMonth(db, of, opts.year - 1, opts.metric),
  ]);
  return {
    subject,
    year: opts.year,
    metric: opts.metric,
    months: liveMonths(rows),
    cleared: clearedMonths(rows),
    version: setVersionOf(rows),
    lastYear,
    canEdit: mayEditSubject(viewer, subject),
  };
}

const auditId = (s: { subject: string; metric: string; year: number }) =>
  `${s.subject}/${s.metric}/${s.year}`;

/** The set, locked, at the version the person loaded: CONFLICT if someone saved since. */
async function lockedSet(tx: Tx, viewer: Viewer, ref: TargetSetRef) {
  const subject = await subjectForChange(tx, viewer, ref.subject);
  await lockSet(tx, `SalesTarget/${auditId({ ...ref, subject: subject.key })}`);
  const rows = await setRows(tx, subject.key, ref.year, ref.metric);
  const version = setVersionOf(rows);
  if (version !== ref.version) throw staleVersion();
  return { subject, rows, version };
}

/** Saves twelve months (creating the rows that are missing, reviving cleared ones) in one transaction. */
export async function saveTarget(viewer: Viewer, input: SaveTargetInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { subject, rows, version } = await lockedSet(tx, viewer, input);
    const next = version + 1;
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    for (const month of MONTHS) {
      const row = byMonth.get(month);
      if (row) {
        await tx.salesTarget.update({
          where: { id: row.id },
          data: { value: input.months[month - 1]!, version: next, deletedAt: null },
        });
      }
    }
    await tx.salesTarget.createMany({
      data: MONTHS.filter((m) => !byMonth.has(m)).map((month) => ({
        subject: subject.key,
        teamId: subject.kind === "team" ? subject.id : null,
        userId: subject.kind === "user" ? subject.id : null,
        metric: input.metric,
        year: input.year,
        month,
        value: input.months[month - 1]!,
        version: next,
      })),
    });
    const set = { subject: subject.key, metric: input.metric, year: input.year };
    await audit({
      action: "salesTarget.set",
      entity: "SalesTarget",
      entityId: auditId(set),
      before: { ...set, months: auditMonths(liveMonths(rows)) },
      after: { ...set, months: auditMonths(input.months) },
    });
    return { version: next };
  });
}

/** Clears (soft-deletes) a target set, or restores a cleared one. */
async function setCleared(viewer: Viewer, ref: TargetSetRef, clear: boolean) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { subject, rows, version } = await lockedSet(tx, viewer, ref);
    const months = clear ? liveMonths(rows) : clearedMonths(rows);
    if (!months) throw new AppError("CONFLICT", clear ? "nothing to clear" : "nothing to restore");
    await tx.salesTarget.updateMany({
      where: { subject: subject.key, metric: ref.metric, year: ref.year },
      data: { deletedAt: clear ? new Date() : null, version: version + 1 },
    });
    const set = { subject: subject.key, metric: ref.metric, year: ref.year };
    await audit({
      action: clear ? "salesTarget.clear" : "salesTarget.restore",
      entity: "SalesTarget",
      entityId: auditId(set),
      before: clear ? { ...set, months: auditMonths(months) } : null,
      after: clear ? null : { ...set, months: auditMonths(months) },
    });
    return { version: version + 1 };
  });
}

export const clearTarget = (viewer: Viewer, ref: TargetSetRef) => setCleared(viewer, ref, true);
export const restoreTarget = (viewer: Viewer, ref: TargetSetRef) => setCleared(viewer, ref, false);
