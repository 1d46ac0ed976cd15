import "server-only";
import { db, Prisma } from "@/lib/db";
import { canHandleComplaint, canSeeComplaint, hasCapability, type Viewer } from "@/lib/domain/access";
import { allowedActions } from "@/lib/domain/complaints";
import { notFound } from "@/lib/errors";
import { scopeWhere } from "@/lib/auth/permissions";
import { teamNames } from "./shared";

// One complaint as its page shows it: the record, its people, contacts, linked deal and agreement,
// the timeline of events, and what the viewer may do with it.

const detailSelect = {
  id: true,
  number: true,
  accountId: true,
  teamId: true,
  ownerId: true,
  ownerTeamId: true,
  handlerId: true,
  handlerTeamId: true,
  channel: true,
  category: true,
  severity: true,
  status: true,
  title: true,
  customerWords: true,
  contactIds: true,
  dealId: true,
  agreementId: true,
  visitRecordId: true,
  surveyResponseId: true,
  receivedAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  confirmedAt: true,
  closedAt: true,
  reopenCount: true,
  ackDueAt: true,
  resolveDueAt: true,
  ackBreachedAt: true,
  resolveBreachedAt: true,
  escalatedToId: true,
  escalatedAt: true,
  resolution: true,
  rootCause: true,
  correctiveAction: true,
  sendSurveyOnClose: true,
  version: true,
  deletedAt: true,
  account: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
  handler: { select: { id: true, name: true } },
  events: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      payload: true,
      createdAt: true,
      actorId: true,
    },
  },
} satisfies Prisma.ComplaintSelect;

export async function getComplaint(viewer: Viewer, id: string) {
  const c = await db.complaint.findUnique({ where: { id }, select: detailSelect });
  if (!c || !canSeeComplaint(viewer, c)) throw notFound("complaint");
  const handle = canHandleComplaint(viewer, c);
  const manage = handle && hasCapability(viewer, "records.restore");
  if (c.deletedAt && !manage) throw notFound("complaint");
  const people = new Set<string>(
    [c.escalatedToId, ...c.events.map((e) => e.actorId)].filter((x): x is string => !!x),
  );
  for (const e of c.events) {
    const p = e.payload as { handlerId?: string; to?: string[] };
    if (p.handlerId) people.add(p.handlerId);
    for (const t of p.to ?? []) people.add(t);
  }
  const [users, contacts, deal, agreement, teams] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true } }),
    db.contact.findMany({
      where: { id: { in: c.contactIds }, accountId: c.accountId },
      select: { id: true, name: true, title: true },
    }),
    c.dealId ? db.deal.findUnique({ where: { id: c.dealId }, select: { id: true, title: true } }) : null,
    c.agreementId
      ? db.cooperationAgreement.findUnique({
          where: { id: c.agreementId },
          select: { id: true, startDate: true, endDate: true },
        })
      : null,
    teamNames(db, [
      c.handlerTeamId,
      ...c.events.map((e) => (e.payload as { handlerTeamId?: string }).handlerTeamId ?? null),
    ]),
  ]);
  return {
    ...c,
    contacts,
    deal,
    agreement,
    names: new Map(users.map((u) => [u.id, u.name])),
    teams,
    rights: { handle, manage, actions: handle && !c.deletedAt ? allowedActions(c.status) : [] },
  };
}
export type ComplaintDetail = Awaited<ReturnType<typeof getComplaint>>;

/** Whom a complaint can be handed to: any active colleague in a team, or a team (company-wide). */
export async function handOverOptions() {
  const [people, teams] = await Promise.all([
    db.user.findMany({
      where: { active: true, teamId: { not: null } },
      select: { id: true, name: true, teamId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.team.findMany({
      where: { deletedAt: null },
      select: { id: true, name: true, nameZh: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { people, teams };
}

/** What the record form offers for an account the viewer sees: its contacts, deals and agreements. */
export async function complaintFormOptions(viewer: Viewer, accountId: string | undefined) {
  const scope = scopeWhere(viewer);
  const [accounts, { people, teams }, account] = await Promise.all([
    db.account.findMany({
      where: { deletedAt: null, ...scope },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 2000,
    }),
    handOverOptions(),
    accountId
      ? db.account.findFirst({
          where: { id: accountId, deletedAt: null, ...scope },
          select: { id: true, name: true },
        })
      : null,
  ]);
  const [contacts, deals, agreements] = account
    ? await Promise.all([
        db.contact.findMany({
          where: { accountId: account.id, deletedAt: null },
          select: { id: true, name: true, title: true },
          orderBy: { name: "asc" },
        }),
        db.deal.findMany({
          where: { accountId: account.id, deletedAt: null },
          select: { id: true, title: true },
          orderBy: { createdAt: "desc" },
          take: 100,
        }),
        db.cooperationAgreement.findMany({
          where: { accountId: account.id, deletedAt: null },
          select: { id: true, startDate: true, endDate: true },
          orderBy: { createdAt: "desc" },
          take: 100,
        }),
      ])
    : [[], [], []];
  return { accounts, account: account ?? null, contacts, deals, agreements, people, teams };
}
