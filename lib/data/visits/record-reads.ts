import "server-only";
import { db, Prisma } from "@/lib/db";
import { canDo, type Viewer } from "@/lib/domain/access";
import { chinaDayStart, addDays, type IsoDate } from "@/lib/domain/calendar";
import { decodeRecordCursor, encodeRecordCursor } from "@/lib/domain/visit-records";
import type { VisitMethod } from "@/lib/domain/visits";
import { scopeWhere } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { auditRowSelect } from "../audit";

// Reading visit records: the person's own list (keyset pages, newest first — the index
// (ownerId, deletedAt, visitedAt desc, id desc) answers any page in one range scan), one record with
// what its page shows, and an account's recent visits.

export const VISIT_PAGE_SIZE = 20;

const listSelect = {
  id: true,
  visitedAt: true,
  method: true,
  outcome: true,
  talkingPoints: true,
  nextStep: true,
  checkInAt: true,
  checkInDistanceM: true,
  account: { select: { id: true, name: true } },
  _count: { select: { photos: { where: { deletedAt: null } } } },
} satisfies Prisma.VisitRecordSelect;

export type VisitListRow = Prisma.VisitRecordGetPayload<{ select: typeof listSelect }>;

export type VisitListFilters = {
  cursor?: string;
  account?: string;
  method?: VisitMethod;
  from?: IsoDate;
  to?: IsoDate;
};

/** The viewer's own records, newest first, one page after `cursor`; `next` is the following page's cursor. */
export async function listMyVisitRecords(
  viewer: Viewer,
  filters: VisitListFilters = {},
  pageSize = VISIT_PAGE_SIZE,
): Promise<{ rows: VisitListRow[]; next: string | null }> {
  const cursor = decodeRecordCursor(filters.cursor);
  const visitedAt: Prisma.DateTimeFilter = {};
  if (filters.from) visitedAt.gte = chinaDayStart(filters.from);
  if (filters.to) visitedAt.lt = chinaDayStart(addDays(filters.to, 1));
  const where: Prisma.VisitRecordWhereInput = {
    ownerId: viewer.id,
    deletedAt: null,
    ...(filters.account ? { accountId: filters.account } : {}),
    ...(filters.method ? { method: filters.method } : {}),
    ...(filters.from || filters.to ? { visitedAt } : {}),
    ...(cursor
      ? {
          OR: [
            { visitedAt: { lt: cursor.visitedAt } },
            { visitedAt: cursor.visitedAt, id: { lt: cursor.id } },
          ],
        }
      : {}),
  };
  const rows = await db.visitRecord.findMany({
    where,
    orderBy: [{ visitedAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: listSelect,
  });
  const more = rows.length > pageSize;
  const page = more ? rows.slice(0, pageSize) : rows;
  const last = page.at(-1);
  return { rows: page, next: more && last ? encodeRecordCursor(last) : null };
}

/**
 * One record with what its page shows, or NOT_FOUND outside the viewer's scope (another team's id
 * answers as if it did not exist). Deleted records are found too (the page offers restore).
 */
export async function getVisitRecordDetail(viewer: Viewer, id: string) {
  const row = await db.visitRecord.findFirst({
    where: { id, ...scopeWhere(viewer) },
    include: {
      account: {
        select: { id: true, name: true, latitude: true, longitude: true, ownerId: true, teamId: true },
      },
      owner: { select: { id: true, name: true } },
      plan: { select: { id: true, purpose: true } },
      deal: { select: { id: true, title: true } },
      photos: {
        where: { deletedAt: null },
        select: { id: true, width: true, height: true },
        orderBy: { createdAt: "asc" },
      },
      followUpsCreated: { select: { id: true, dueOn: true, completedAt: true, deletedAt: true } },
    },
  });
  if (!row) throw notFound("visit");
  // The account's contacts: those met are named on the page, the live ones offered in the edit form.
  const people = await db.contact.findMany({
    where: { accountId: row.accountId, OR: [{ deletedAt: null }, { id: { in: row.contactIds } }] },
    select: { id: true, name: true, title: true, deletedAt: true },
    orderBy: [{ influence: "desc" }, { name: "asc" }],
    take: 100,
  });
  return {
    ...row,
    contacts: people.filter((c) => row.contactIds.includes(c.id)),
    accountContacts: people.filter((c) => !c.deletedAt),
  };
}

export type VisitRecordDetail = Awaited<ReturnType<typeof getVisitRecordDetail>>;

/** The account's latest visits the viewer may see (the account page), newest first. */
export async function listAccountVisits(viewer: Viewer, accountId: string, take = 5) {
  return db.visitRecord.findMany({
    where: { accountId, deletedAt: null, ...scopeWhere(viewer), account: scopeWhere(viewer) },
    orderBy: [{ visitedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      visitedAt: true,
      method: true,
      talkingPoints: true,
      owner: { select: { id: true, name: true } },
    },
  });
}

/** What the quick log needs of an account: its name, saved location, contacts and open deals. */
export async function getVisitAccountContext(viewer: Viewer, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, ...scopeWhere(viewer), deletedAt: null },
    select: {
      id: true,
      name: true,
      ownerId: true,
      teamId: true,
      latitude: true,
      longitude: true,
      contacts: {
        where: { deletedAt: null },
        select: { id: true, name: true, title: true },
        orderBy: [{ influence: "desc" }, { name: "asc" }],
        take: 50,
      },
      deals: {
        where: { deletedAt: null, status: "OPEN", ...scopeWhere(viewer) },
        select: {
          id: true,
          title: true,
          stage: true,
          status: true,
          ownerId: true,
          teamId: true,
          informationSufficient: true,
          needsClear: true,
          seniorMeetingHeld: true,
          siteAuditDone: true,
          systemSupportArranged: true,
        },
        orderBy: { updatedAt: "desc" },
        take: 20,
      },
    },
  });
  if (!account) throw notFound("account");
  return account;
}

/** Accounts the viewer may log a visit on, matching `q` (the quick log's picker). */
export async function searchVisitAccounts(viewer: Viewer, q: string, take = 8) {
  const text = q.trim();
  return db.account.findMany({
    where: {
      ...scopeWhere(viewer),
      deletedAt: null,
      ...(text ? { name: { contains: text, mode: "insensitive" } } : { ownerId: viewer.id }),
    },
    // The person's own accounts first, then by how soon the next contact is due.
    orderBy: [{ contactDueOn: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    take,
    select: { id: true, name: true },
  });
}

/**
 * The plan a record will close (/visits/new?plan=ID), for prefilling the form: NOT_FOUND outside
 * the viewer's scope; null when it is closed already or not the viewer's to act on.
 */
export async function getPlanPrefill(viewer: Viewer, planId: string) {
  const plan = await db.visitPlan.findFirst({
    where: { id: planId, ...scopeWhere(viewer), deletedAt: null },
    select: {
      id: true,
      accountId: true,
      ownerId: true,
      teamId: true,
      dealId: true,
      purpose: true,
      method: true,
      place: true,
      contactIds: true,
      status: true,
      record: { select: { id: true } },
    },
  });
  if (!plan) throw notFound("plan");
  const open = !plan.record && plan.status !== "DONE" && plan.status !== "CANCELLED";
  return open && canDo(viewer, "edit", plan) ? plan : null;
}

/** A record's history (its audit rows, oldest first), once the viewer may see the record. */
export async function visitRecordHistory(viewer: Viewer, id: string) {
  const visible = await db.visitRecord.count({ where: { id, ...scopeWhere(viewer) } });
  if (!visible) throw notFound("visit");
  return db.auditLog.findMany({
    where: { entity: "VisitRecord", entityId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: auditRowSelect,
  });
}
