import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { scopeWhere } from "@/lib/auth/permissions";
import { planDisplayStatus, type PlanStatus, type VisitMethod } from "@/lib/domain/visits";
import { mergeEvents, recordEnd, type CalendarEvent } from "@/lib/domain/visit-calendar";
import { notFound } from "@/lib/errors";
import { listOwnerOptions, type OwnerOption } from "../people";

// The visit calendar's reads: whose calendar the viewer may open, and that person's plans and
// records in a time range. A rep or KAM sees only their own calendar; a manager (visits.team) any
// person's in the teams they see. Anyone else's id answers NOT_FOUND, never "forbidden".

export type CalendarPerson = { id: string; name: string; teamId: string | null };

/**
 * The person whose visits the viewer asked for (themselves when `personId` is empty). Others are
 * open only to a manager who sees their team; any other id is NOT_FOUND.
 */
export async function resolveVisitPerson(viewer: Viewer, personId?: string | null): Promise<CalendarPerson> {
  if (!personId || personId === viewer.id) return { id: viewer.id, name: viewer.name, teamId: viewer.teamId };
  if (!hasCapability(viewer, "visits.team")) throw notFound("person");
  const person = await db.user.findFirst({
    where: {
      id: personId,
      teamId: viewer.visibleTeamIds === "all" ? { not: null } : { in: [...viewer.visibleTeamIds] },
    },
    select: { id: true, name: true, teamId: true },
  });
  if (!person) throw notFound("person");
  return person;
}

/** Whose calendar the viewer may pick: themselves, and for managers every active person in scope. */
export async function listVisitPeople(viewer: Viewer): Promise<OwnerOption[]> {
  const self = { id: viewer.id, name: viewer.name, teamId: viewer.teamId ?? "" };
  if (!hasCapability(viewer, "visits.team")) return [self];
  const people = await listOwnerOptions(viewer);
  return people.some((p) => p.id === viewer.id) ? people : [self, ...people];
}

/** The rows a calendar needs, shared with the feed (lib/data/visits/calendar-feed.ts). */
export const planEventSelect = {
  id: true,
  plannedStart: true,
  plannedEnd: true,
  status: true,
  method: true,
  place: true,
  purpose: true,
  updatedAt: true,
  account: { select: { id: true, name: true } },
  owner: { select: { name: true } },
  record: { select: { id: true } },
} satisfies Prisma.VisitPlanSelect;

export const recordEventSelect = {
  id: true,
  visitedAt: true,
  durationMinutes: true,
  method: true,
  place: true,
  outcome: true,
  talkingPoints: true,
  nextStep: true,
  planId: true,
  updatedAt: true,
  account: { select: { id: true, name: true } },
  owner: { select: { name: true } },
} satisfies Prisma.VisitRecordSelect;

export type PlanEventRow = Prisma.VisitPlanGetPayload<{ select: typeof planEventSelect }>;
export type RecordEventRow = Prisma.VisitRecordGetPayload<{ select: typeof recordEventSelect }>;

export function planEvent(p: PlanEventRow, now: Date): CalendarEvent & { recordId: string | null } {
  return {
    kind: "plan",
    id: p.id,
    start: p.plannedStart,
    end: p.plannedEnd,
    accountId: p.account.id,
    accountName: p.account.name,
    method: p.method,
    place: p.place,
    status: planDisplayStatus(
      { status: p.status as PlanStatus, plannedEnd: p.plannedEnd, hasRecord: Boolean(p.record) },
      now,
    ),
    ownerName: p.owner.name,
    recordId: p.record?.id ?? null,
  };
}

export function recordEvent(r: RecordEventRow): CalendarEvent {
  return {
    kind: "record",
    id: r.id,
    start: r.visitedAt,
    end: recordEnd(r.visitedAt, r.durationMinutes),
    accountId: r.account.id,
    accountName: r.account.name,
    method: r.method as VisitMethod,
    place: r.place,
    status: r.outcome,
    ownerName: r.owner.name,
  };
}

/** A month of one busy person is a few hundred rows; the cap keeps a runaway range bounded. */
const MAX_EVENTS = 2000;

/**
 * The person's plans (starting in [start, end)) and visit records (visited in it), within the
 * viewer's scope, merged into one list (a plan closed by a record shows as the record).
 */
export async function listCalendarEvents(
  viewer: Viewer,
  query: { personId?: string | null; start: Date; end: Date },
  now = new Date(),
): Promise<{ person: CalendarPerson; events: CalendarEvent[] }> {
  const person = await resolveVisitPerson(viewer, query.personId);
  const scope = scopeWhere(viewer);
  const [plans, records] = await Promise.all([
    db.visitPlan.findMany({
      where: {
        ownerId: person.id,
        deletedAt: null,
        plannedStart: { gte: query.start, lt: query.end },
        ...scope,
      },
      select: planEventSelect,
      orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
      take: MAX_EVENTS,
    }),
    db.visitRecord.findMany({
      where: {
        ownerId: person.id,
        deletedAt: null,
        visitedAt: { gte: query.start, lt: query.end },
        ...scope,
      },
      select: recordEventSelect,
      orderBy: [{ visitedAt: "asc" }, { id: "asc" }],
      take: MAX_EVENTS,
    }),
  ]);
  return {
    person,
    events: mergeEvents(
      plans.map((p) => planEvent(p, now)),
      records.map(recordEvent),
    ),
  };
}
