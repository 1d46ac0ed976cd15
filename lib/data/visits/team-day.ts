import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, type IsoDate } from "@/lib/domain/calendar";
import { summariseTeamDay, type PersonDay } from "@/lib/domain/team-day";
import { weekBounds } from "@/lib/domain/weekly-log";
import { assertCapability, scopeWhere } from "@/lib/auth/permissions";
import { listOwnerOptions, type OwnerOption } from "../people";
import { cachedVisitSettings } from "./settings";

// The manager's view of the day (visits.team): every active person in the teams the manager sees,
// with today's and this week's plans, records and check-ins. Two range scans over the week (the
// (teamId, deletedAt, plannedStart/visitedAt) indexes), grouped in lib/domain/team-day.ts.

export type TeamDay = {
  today: IsoDate;
  weekStart: IsoDate;
  radiusM: number;
  people: (PersonDay & { person: OwnerOption })[];
};

export async function getTeamDay(viewer: Viewer, now = new Date()): Promise<TeamDay> {
  assertCapability(viewer, "visits.team");
  const today = chinaDate(now);
  const week = weekBounds(today);
  const people = (await listOwnerOptions(viewer)).filter((p) => p.id !== viewer.id);
  const ownerIds = people.map((p) => p.id);
  const scope = scopeWhere(viewer);
  const [plans, records, settings] = await Promise.all([
    db.visitPlan.findMany({
      where: {
        ownerId: { in: ownerIds },
        deletedAt: null,
        plannedStart: { gte: week.start, lt: week.end },
        ...scope,
      },
      select: {
        id: true,
        ownerId: true,
        plannedStart: true,
        status: true,
        account: { select: { id: true, name: true } },
      },
    }),
    db.visitRecord.findMany({
      where: {
        ownerId: { in: ownerIds },
        deletedAt: null,
        visitedAt: { gte: week.start, lt: week.end },
        ...scope,
      },
      select: {
        id: true,
        ownerId: true,
        visitedAt: true,
        outcome: true,
        checkInAt: true,
        checkInDistanceM: true,
        account: { select: { id: true, name: true } },
      },
    }),
    cachedVisitSettings(),
  ]);
  const summaries = summariseTeamDay(
    people,
    plans.map((p) => ({ ...p, accountId: p.account.id, accountName: p.account.name })),
    records.map((r) => ({ ...r, accountId: r.account.id, accountName: r.account.name })),
    today,
    settings.checkInRadiusM,
  );
  return {
    today,
    weekStart: week.weekStart,
    radiusM: settings.checkInRadiusM,
    people: summaries.map((s, i) => ({ ...s, person: people[i]! })),
  };
}
