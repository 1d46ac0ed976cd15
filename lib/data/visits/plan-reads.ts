import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { planDisplayStatus, type PlanDisplayStatus, type PlanStatus } from "@/lib/domain/visits";
import { notFound } from "@/lib/errors";
import { scopeWhere } from "@/lib/auth/permissions";
import { auditRowSelect, type AuditRow } from "../audit";
import { approvalScope } from "./approvals";
import { scopedAccount } from "./plans";

// Reading visit plans: a person's list (a manager may pick someone in scope), one plan with its
// people, requests and history.

export const PLAN_PAGE_SIZE = 30;

/** The stored-status condition behind a shown status: "missed" is approved/submitted, past, no record. */
function statusWhere(status: PlanDisplayStatus | undefined, now: Date): Prisma.VisitPlanWhereInput {
  if (!status) return {};
  const past = { plannedEnd: { lt: now }, record: { is: null } };
  if (status === "MISSED") return { status: { in: ["APPROVED", "SUBMITTED"] }, ...past };
  if (status === "APPROVED" || status === "SUBMITTED") return { status, NOT: past };
  return { status };
}

export async function listPlans(
  viewer: Viewer,
  query: { status?: PlanDisplayStatus; owner?: string; page: number },
  now = new Date(),
) {
  const where: Prisma.VisitPlanWhereInput = {
    deletedAt: null,
    ownerId: query.owner ?? viewer.id,
    ...approvalScope(viewer),
    ...statusWhere(query.status, now),
  };
  const [rows, total] = await Promise.all([
    db.visitPlan.findMany({
      where,
      orderBy: [{ plannedStart: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * PLAN_PAGE_SIZE,
      take: PLAN_PAGE_SIZE,
      select: {
        id: true,
        purpose: true,
        method: true,
        status: true,
        plannedStart: true,
        plannedEnd: true,
        account: { select: { id: true, name: true, tier: true } },
        owner: { select: { id: true, name: true } },
        record: { select: { id: true } },
      },
    }),
    db.visitPlan.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      display: planDisplayStatus(
        { status: r.status as PlanStatus, plannedEnd: r.plannedEnd, hasRecord: !!r.record },
        now,
      ),
    })),
    total,
    page: query.page,
    pageSize: PLAN_PAGE_SIZE,
  };
}

export type PlanListRow = Awaited<ReturnType<typeof listPlans>>["rows"][number];

/** One plan with names for its ids, its requests and its history. NOT_FOUND outside scope. */
export async function getPlan(viewer: Viewer, id: string, now = new Date()) {
  const plan = await db.visitPlan.findFirst({
    where: { id, deletedAt: null, ...approvalScope(viewer) },
    include: {
      account: { select: { id: true, name: true, tier: true } },
      owner: { select: { id: true, name: true } },
      approver: { select: { id: true, name: true } },
      deal: { select: { id: true, title: true } },
      record: { select: { id: true } },
      requests: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, status: true, amount: true, createdAt: true },
      },
    },
  });
  if (!plan) throw notFound("plan");
  const [contacts, companions, history] = await Promise.all([
    db.contact.findMany({
      where: { id: { in: plan.contactIds }, accountId: plan.accountId },
      select: { id: true, name: true, title: true },
    }),
    db.user.findMany({ where: { id: { in: plan.companionIds } }, select: { id: true, name: true } }),
    db.auditLog.findMany({
      where: { entity: "VisitPlan", entityId: plan.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: auditRowSelect,
    }),
  ]);
  return {
    ...plan,
    contacts,
    companions,
    history: history as AuditRow[],
    display: planDisplayStatus(
      { status: plan.status as PlanStatus, plannedEnd: plan.plannedEnd, hasRecord: !!plan.record },
      now,
    ),
  };
}

export type PlanDetail = Awaited<ReturnType<typeof getPlan>>;

/** What the plan form offers for an account: its contacts, its open deals, and colleagues in scope. */
export async function planFormOptions(viewer: Viewer, accountId: string) {
  const teamIds = viewer.visibleTeamIds === "all" ? null : [...viewer.visibleTeamIds];
  const [contacts, deals, colleagues] = await Promise.all([
    db.contact.findMany({
      where: { accountId, deletedAt: null },
      orderBy: [{ influence: "desc" }, { name: "asc" }],
      select: { id: true, name: true, title: true },
    }),
    db.deal.findMany({
      where: {
        accountId,
        deletedAt: null,
        status: "OPEN",
        ...(teamIds ? { OR: [{ ownerId: viewer.id }, { teamId: { in: teamIds } }] } : {}),
      },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true },
    }),
    db.user.findMany({
      where: {
        active: true,
        id: { not: viewer.id },
        ...(teamIds ? { teamId: { in: teamIds } } : { teamId: { not: null } }),
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { contacts, deals, colleagues };
}

/** People whose plans the viewer may list (themselves, and for managers their teams' people). */
export async function planOwnerOptions(viewer: Viewer) {
  // Reps and KAMs list their own plans; managers and admins pick a person.
  if (!hasCapability(viewer, "visits.team")) return [];
  const teamIds = viewer.visibleTeamIds === "all" ? null : [...viewer.visibleTeamIds];
  return db.user.findMany({
    where: { active: true, ...(teamIds ? { teamId: { in: teamIds } } : { teamId: { not: null } }) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Accounts to plan a visit to when none was chosen: those in scope, A tier first. */
export async function planAccountOptions(viewer: Viewer) {
  return db.account.findMany({
    where: { deletedAt: null, ...scopeWhere(viewer) },
    orderBy: [{ tier: "asc" }, { name: "asc" }],
    take: 300,
    select: { id: true, name: true, tier: true },
  });
}

/** The account a new plan or request is for (live, in scope), or NOT_FOUND. */
export const accountForPlanning = (viewer: Viewer, accountId: string) => scopedAccount(db, viewer, accountId);
