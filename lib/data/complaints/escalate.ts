import "server-only";
import type { Tx } from "@/lib/db";
import { escalationTargets, type TeamNode } from "@/lib/domain/complaints";
import type { AuditEntry } from "../audit";
import { notify } from "../notifications";

// 升级: a breach (or a handler asking for help) goes to the first-responsibility owner's manager —
// the team tree decides who that is (lib/domain/complaints escalationTargets).

export type EscalationOrg = { teams: TeamNode[]; adminIds: string[]; userTeams: Map<string, string | null> };

/** The team tree, the administrators and the owners' teams, loaded once per batch. */
export async function loadEscalationOrg(tx: Tx, ownerIds: readonly string[]): Promise<EscalationOrg> {
  const [teams, admins, owners] = await Promise.all([
    tx.team.findMany({ where: { deletedAt: null }, select: { id: true, managerId: true, parentId: true } }),
    tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } }),
    tx.user.findMany({ where: { id: { in: [...new Set(ownerIds)] } }, select: { id: true, teamId: true } }),
  ]);
  return {
    teams,
    adminIds: admins.map((a) => a.id),
    userTeams: new Map(owners.map((o) => [o.id, o.teamId])),
  };
}

export type EscalatedComplaint = {
  id: string;
  number: string;
  title: string;
  ownerId: string;
  accountName: string;
};

/**
 * Records one escalation of `c` inside the caller's transaction: escalatedToId/At, a "escalate"
 * event, a notification to each target and the audit entry (returned for the caller's auditMany).
 */
export async function escalateInTx(
  tx: Tx,
  org: EscalationOrg,
  c: EscalatedComplaint,
  input: {
    breach: "ack" | "resolve" | "manual";
    actorId: string | null;
    actorName: string | null;
    note?: string | null;
    now: Date;
  },
): Promise<AuditEntry> {
  const target = escalationTargets(
    { id: c.ownerId, teamId: org.userTeams.get(c.ownerId) ?? null },
    org.teams,
    org.adminIds,
  );
  const escalatedToId = target.userIds[0] ?? null;
  await tx.complaint.update({
    where: { id: c.id },
    data: { escalatedToId, escalatedAt: input.now },
  });
  await tx.complaintEvent.create({
    data: {
      complaintId: c.id,
      actorId: input.actorId,
      kind: "escalate",
      note: input.note ?? null,
      payload: { breach: input.breach, to: target.userIds, via: target.via },
      createdAt: input.now,
    },
  });
  for (const userId of target.userIds) {
    await notify(tx, {
      userId,
      kind: "complaint.escalated",
      entity: "Complaint",
      entityId: c.id,
      actorId: input.actorId,
      payload: {
        complaintNumber: c.number,
        title: c.title,
        accountName: c.accountName,
        actorName: input.actorName ?? undefined,
        breach: input.breach,
      },
    });
  }
  return {
    action: "complaint.escalate",
    entity: "Complaint",
    entityId: c.id,
    after: { breach: input.breach, escalatedToId, targets: target.userIds, escalatedAt: input.now },
  };
}
