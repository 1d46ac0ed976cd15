import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import type { VisitMethod, VisitOutcome } from "@/lib/domain/visits";
import {
  assembleWeeklyLog,
  weekBounds,
  type WeekBounds,
  type WeeklyLogContent,
} from "@/lib/domain/weekly-log";
import { scopeWhere } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { resolveVisitPerson, type CalendarPerson } from "./calendar";

// 客户联络表: one person's week — generated from their visit records and next week's plans — with
// the two texts only they write (this week's summary, next week's plan) and their manager's comment.
// Who may open it is the calendar's rule (resolveVisitPerson). Saved texts are versioned: the first
// save of a week creates its row (the page showed version 0), later saves need the version shown.

export type WeeklyLogTexts = {
  id: string | null;
  summary: string | null;
  nextWeekPlan: string | null;
  managerComment: string | null;
  managerCommentBy: string | null;
  version: number;
  updatedAt: Date | null;
};

export type WeeklyLog = WeeklyLogContent & {
  person: CalendarPerson;
  bounds: WeekBounds;
  texts: WeeklyLogTexts;
  canEditTexts: boolean;
  canComment: boolean;
};

/** Only the person writes their texts (a person without a team — the administrator — keeps no log). */
const mayEditTexts = (viewer: Viewer, person: CalendarPerson) =>
  viewer.id === person.id && person.teamId !== null;

/** A manager who sees the person's team comments on their log (not on their own). */
const mayComment = (viewer: Viewer, person: CalendarPerson) =>
  hasCapability(viewer, "visits.team") &&
  viewer.id !== person.id &&
  person.teamId !== null &&
  (viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(person.teamId));

const textsSelect = {
  id: true,
  summary: true,
  nextWeekPlan: true,
  managerComment: true,
  managerCommentBy: { select: { name: true } },
  version: true,
  updatedAt: true,
} satisfies Prisma.WeeklyContactLogSelect;

/** The log of `personId` (the viewer when empty) for the week containing `date`. */
export async function getWeeklyLog(
  viewer: Viewer,
  query: { personId?: string | null; week: IsoDate },
): Promise<WeeklyLog> {
  const person = await resolveVisitPerson(viewer, query.personId);
  const bounds = weekBounds(query.week);
  const scope = scopeWhere(viewer);
  const [records, plans, saved] = await Promise.all([
    db.visitRecord.findMany({
      where: {
        ownerId: person.id,
        deletedAt: null,
        visitedAt: { gte: bounds.start, lt: bounds.end },
        ...scope,
      },
      select: {
        id: true,
        visitedAt: true,
        contactIds: true,
        method: true,
        outcome: true,
        talkingPoints: true,
        nextStep: true,
        account: { select: { id: true, name: true } },
      },
      orderBy: [{ visitedAt: "asc" }, { id: "asc" }],
    }),
    db.visitPlan.findMany({
      where: {
        ownerId: person.id,
        deletedAt: null,
        plannedStart: { gte: bounds.nextStart, lt: bounds.nextEnd },
        status: { notIn: ["CANCELLED", "DONE"] },
        ...scope,
      },
      select: {
        id: true,
        plannedStart: true,
        contactIds: true,
        method: true,
        purpose: true,
        status: true,
        account: { select: { id: true, name: true } },
      },
      orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
    }),
    db.weeklyContactLog.findUnique({
      where: { ownerId_weekStart: { ownerId: person.id, weekStart: toDbDate(bounds.weekStart) } },
      select: textsSelect,
    }),
  ]);
  const contactIds = [...new Set([...records, ...plans].flatMap((r) => r.contactIds))];
  const contacts = contactIds.length
    ? await db.contact.findMany({
        where: { id: { in: contactIds }, deletedAt: null },
        select: { id: true, name: true },
      })
    : [];
  const content = assembleWeeklyLog(
    bounds,
    records.map((r) => ({
      ...r,
      accountId: r.account.id,
      accountName: r.account.name,
      method: r.method as VisitMethod,
      outcome: r.outcome as VisitOutcome | null,
    })),
    plans.map((p) => ({
      ...p,
      accountId: p.account.id,
      accountName: p.account.name,
      method: p.method as VisitMethod,
    })),
    new Map(contacts.map((c) => [c.id, c.name])),
  );
  return {
    ...content,
    person,
    bounds,
    texts: saved
      ? { ...saved, managerCommentBy: saved.managerCommentBy?.name ?? null }
      : {
          id: null,
          summary: null,
          nextWeekPlan: null,
          managerComment: null,
          managerCommentBy: null,
          version: 0,
          updatedAt: null,
        },
    canEditTexts: mayEditTexts(viewer, person),
    canComment: mayComment(viewer, person),
  };
}

type LogRef = { personId: string; week: IsoDate; version: number };

/**
 * Writes fields of a person's log for a week in one audited, versioned step: creates the row when
 * the page showed none (version 0), else updates it if still at `version` (CONFLICT otherwise).
 */
async function writeLog(
  viewer: Viewer,
  person: CalendarPerson,
  ref: LogRef,
  data: Partial<
    Pick<
      Prisma.WeeklyContactLogUncheckedCreateInput,
      "summary" | "nextWeekPlan" | "managerComment" | "managerCommentById"
    >
  >,
  action: string,
) {
  const weekStart = toDbDate(weekBounds(ref.week).weekStart);
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.weeklyContactLog.findUnique({
      where: { ownerId_weekStart: { ownerId: person.id, weekStart } },
    });
    if (!before) {
      if (ref.version !== 0) throw new AppError("CONFLICT");
      if (!person.teamId) throw forbidden();
      const { count } = await tx.weeklyContactLog.createMany({
        data: [{ ownerId: person.id, teamId: person.teamId, weekStart, ...data }],
        skipDuplicates: true,
      });
      if (count === 0) throw new AppError("CONFLICT"); // someone created it a moment ago
    } else {
      await updateVersioned(tx.weeklyContactLog, { where: { id: before.id }, version: ref.version, data });
    }
    const after = await readLog(tx, person.id, weekStart);
    await audit({ action, entity: "WeeklyContactLog", entityId: after.id, before, after });
    return { id: after.id, version: after.version, weekStart: fromDbDate(after.weekStart) };
  });
}

const readLog = (tx: Tx, ownerId: string, weekStart: Date) =>
  tx.weeklyContactLog.findUniqueOrThrow({ where: { ownerId_weekStart: { ownerId, weekStart } } });

/** The person's own summary and next week's plan. Another person's log: FORBIDDEN if visible, else NOT_FOUND. */
export async function saveWeeklyTexts(
  viewer: Viewer,
  input: LogRef & { summary: string | null; nextWeekPlan: string | null },
) {
  const person = await resolveVisitPerson(viewer, input.personId);
  if (!mayEditTexts(viewer, person)) throw forbidden();
  return writeLog(
    viewer,
    person,
    input,
    { summary: input.summary, nextWeekPlan: input.nextWeekPlan },
    "weeklyLog.texts",
  );
}

/** The manager's comment on a log in their scope. */
export async function commentWeeklyLog(viewer: Viewer, input: LogRef & { comment: string | null }) {
  const person = await resolveVisitPerson(viewer, input.personId);
  if (!mayComment(viewer, person)) throw forbidden();
  return writeLog(
    viewer,
    person,
    input,
    { managerComment: input.comment, managerCommentById: input.comment ? viewer.id : null },
    "weeklyLog.comment",
  );
}
