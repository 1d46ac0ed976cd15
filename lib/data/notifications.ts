import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import { mutate } from "./audit";

// In-app notifications (the bell): something waits for the person (a plan or request submitted to
// them) or was decided for them. Each person reads and marks only their own. The payload carries
// what the sentence needs, so the list renders without joining every entity.

export type NotificationKind =
  | "plan.submitted"
  | "plan.approved"
  | "plan.returned"
  | "request.submitted"
  | "request.approved"
  | "request.returned"
  | "review.shared"
  | "review.acknowledged"
  | "survey.lowScore"
  | "survey.reminder"
  | "complaint.assigned"
  | "complaint.escalated"
  | "complaint.resolved"
  | "complaint.reopened"
  | "receivables.overLimit"
  | "receivables.overdue"
  | "channelConflict.opened";

export type NotificationPayload = {
  accountName?: string;
  actorName?: string;
  purpose?: string;
  requestKind?: "GIFT" | "RECEPTION";
  comment?: string | null;
  /** A review's period as the URL writes it ("2026-Q3"). */
  period?: string;
  /** A survey answer's scores as shown ("CSAT 2 · NPS 3"), or how many links wait for an answer. */
  score?: string;
  count?: number;
  /** A complaint's number and title (TS-2026-00042), and for an escalation which clock broke. */
  complaintNumber?: string;
  title?: string;
  breach?: "ack" | "resolve" | "manual";
  /** Receivables alerts: the distributor, the amount over or overdue and its credit limit (fen as text). */
  distributorName?: string;
  amountFen?: string;
  limitFen?: string;
  /** A channel conflict case opened by a sales report: its number (CC-2026-00007) and kind (with distributorName above). */
  number?: string;
  kind?: string;
};

/** Writes one notification inside the caller's transaction (the change that caused it). */
export async function notify(
  tx: Tx,
  input: {
    userId: string;
    kind: NotificationKind;
    entity:
      | "VisitPlan"
      | "VisitRequest"
      | "PerformanceReview"
      | "Survey"
      | "Complaint"
      | "Distributor"
      | "ChannelConflict";
    entityId: string;
    actorId: string | null;
    payload: NotificationPayload;
  },
): Promise<void> {
  await tx.notification.create({
    data: { ...input, payload: input.payload as Prisma.InputJsonValue },
  });
}

/** Marks the person's notifications about a record read (an approver who decided it has seen it). */
export async function markReadFor(tx: Tx, userId: string, entity: string, entityId: string): Promise<void> {
  await tx.notification.updateMany({
    where: { userId, entity, entityId, readAt: null },
    data: { readAt: new Date() },
  });
}

/** The bell's number: one COUNT on the (userId, readAt, createdAt) index. */
export async function unreadCount(viewer: Pick<Viewer, "id">): Promise<number> {
  return db.notification.count({ where: { userId: viewer.id, readAt: null } });
}

export type NotificationRow = {
  id: string;
  kind: string;
  entity: string;
  entityId: string;
  payload: NotificationPayload;
  readAt: Date | null;
  createdAt: Date;
};

export const NOTIFICATIONS_PAGE_SIZE = 50;

/** The person's notifications, newest first. */
export async function listNotifications(
  viewer: Pick<Viewer, "id">,
  opts: { take?: number } = {},
): Promise<NotificationRow[]> {
  const rows = await db.notification.findMany({
    where: { userId: viewer.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(opts.take ?? NOTIFICATIONS_PAGE_SIZE, 1), 200),
    select: {
      id: true,
      kind: true,
      entity: true,
      entityId: true,
      payload: true,
      readAt: true,
      createdAt: true,
    },
  });
  return rows.map((r) => ({ ...r, payload: (r.payload ?? {}) as NotificationPayload }));
}

export async function markNotificationRead(viewer: Viewer, input: { id: string }): Promise<void> {
  await mutate(viewer, async ({ tx, audit }) => {
    const row = await tx.notification.findFirst({
      where: { id: input.id, userId: viewer.id },
      select: { id: true, readAt: true },
    });
    if (!row) throw notFound("notification");
    const readAt = row.readAt ?? new Date();
    if (!row.readAt) await tx.notification.update({ where: { id: row.id }, data: { readAt } });
    await audit({
      action: "notification.read",
      entity: "Notification",
      entityId: row.id,
      before: { readAt: row.readAt },
      after: { readAt },
    });
  });
}

export async function markAllNotificationsRead(viewer: Viewer): Promise<number> {
  return mutate(viewer, async ({ tx, audit }) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: viewer.id, readAt: null },
      data: { readAt: new Date() },
    });
    await audit({ action: "notification.readAll", entity: "User", entityId: viewer.id, after: { count } });
    return count;
  });
}
