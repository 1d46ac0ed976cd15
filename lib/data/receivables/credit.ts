import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCapability } from "@/lib/auth/permissions";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { decideCredit, type CreditRequestStatus } from "@/lib/domain/receivables";
import { AppError, forbidden, notFound, staleVersion } from "@/lib/errors";
import type { DecideCreditInput, RequestCreditInput } from "@/lib/validation/receivables";
import { mutate } from "../audit";
import { distributorScopeSql, loadDistributorFor } from "../distributors/scope";

// 授信申请: a channel manager asks for a credit limit; a manager (channel.approve) approves or
// rejects it. Only an approval changes Distributor.creditLimit, in the decision's transaction.

export async function requestCreditLimit(viewer: Viewer, input: RequestCreditInput): Promise<{ id: string }> {
  assertCapability(viewer, "channel.write");
  const distributor = await loadDistributorFor(viewer, input.distributorId, "edit");
  return mutate(viewer, async ({ tx, audit }) => {
    // Lock the distributor so two requests sent at once cannot both be the pending one.
    const [d] = await tx.$queryRaw<{ creditLimit: bigint }[]>`
      SELECT "creditLimit" FROM "Distributor" WHERE id = ${distributor.id} FOR UPDATE`;
    if (!d) throw notFound("distributor");
    const pending = await tx.creditLimitRequest.count({
      where: { distributorId: distributor.id, status: "PENDING" },
    });
    if (pending)
      throw new AppError("VALIDATION", "pending request", {
        distributorId: ["receivables.errors.pendingExists"],
      });
    const created = await tx.creditLimitRequest.create({
      data: {
        distributorId: distributor.id,
        requestedById: viewer.id,
        currentLimit: BigInt(d.creditLimit),
        requestedLimit: input.requestedLimit,
        reason: input.reason,
        teamId: distributor.teamId,
      },
    });
    await audit({
      action: "credit.request",
      entity: "CreditLimitRequest",
      entityId: created.id,
      after: created,
    });
    return { id: created.id };
  });
}

export async function decideCreditRequest(
  viewer: Viewer,
  input: DecideCreditInput,
): Promise<{ id: string; status: "APPROVED" | "REJECTED"; distributorId: string }> {
  assertCapability(viewer, "channel.approve");
  return mutate(viewer, async ({ tx, audit }) => {
    const req = await tx.creditLimitRequest.findUnique({ where: { id: input.id } });
    if (!req) throw notFound("credit request");
    await loadDistributorFor(viewer, req.distributorId, "read", { tx });
    // Four eyes: whoever asked does not decide.
    if (req.requestedById === viewer.id) throw forbidden();
    if (req.version !== input.version) throw staleVersion();
    const [d] = await tx.$queryRaw<{ creditLimit: bigint }[]>`
      SELECT "creditLimit" FROM "Distributor" WHERE id = ${req.distributorId} FOR UPDATE`;
    if (!d) throw notFound("distributor");
    const outcome = decideCredit(req, BigInt(d.creditLimit), input.decision);
    if (!outcome.ok) throw staleVersion();
    const decidedAt = new Date();
    const { count } = await tx.creditLimitRequest.updateMany({
      where: { id: req.id, version: input.version, status: "PENDING" },
      data: {
        status: outcome.status,
        deciderId: viewer.id,
        decidedAt,
        decisionNote: input.note,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw staleVersion();
    await audit({
      action: outcome.status === "APPROVED" ? "credit.approve" : "credit.reject",
      entity: "CreditLimitRequest",
      entityId: req.id,
      before: { status: req.status, version: req.version },
      after: { status: outcome.status, note: input.note, version: req.version + 1 },
    });
    if (outcome.status === "APPROVED") {
      await tx.distributor.update({
        where: { id: req.distributorId },
        data: { creditLimit: outcome.newLimit },
      });
      await audit({
        action: "distributor.creditLimit",
        entity: "Distributor",
        entityId: req.distributorId,
        before: { creditLimit: d.creditLimit },
        after: { creditLimit: outcome.newLimit, requestId: req.id },
      });
    }
    return { id: req.id, status: outcome.status, distributorId: req.distributorId };
  });
}

export type CreditRequestRow = {
  id: string;
  distributorId: string;
  distributorCode: string;
  distributorName: string;
  requestedBy: string;
  requestedById: string;
  currentLimit: bigint;
  requestedLimit: bigint;
  reason: string;
  status: CreditRequestStatus;
  decider: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  version: number;
  createdAt: Date;
  /** May this viewer decide it (a pending request they did not make, with channel.approve)? */
  canDecide: boolean;
};

/** Credit-limit requests in the viewer's scope (pending first, then newest); the history of one distributor when asked. */
export async function listCreditRequests(
  viewer: Viewer,
  opts: { status?: CreditRequestStatus; distributorId?: string; take?: number } = {},
): Promise<CreditRequestRow[]> {
  assertCapability(viewer, "channel.read");
  const scope = await distributorScopeSql(viewer, "d");
  const status = opts.status
    ? Prisma.sql`AND r.status = ${opts.status}::"CreditRequestStatus"`
    : Prisma.empty;
  const one = opts.distributorId ? Prisma.sql`AND r."distributorId" = ${opts.distributorId}` : Prisma.empty;
  const rows = await db.$queryRaw<Omit<CreditRequestRow, "canDecide">[]>`
    SELECT r.id, r."distributorId", d.code AS "distributorCode", d.name AS "distributorName",
      u.name AS "requestedBy", r."requestedById", r."currentLimit", r."requestedLimit", r.reason, r.status,
      v.name AS decider, r."decidedAt", r."decisionNote", r.version, r."createdAt"
    FROM "CreditLimitRequest" r
    JOIN "Distributor" d ON d.id = r."distributorId"
    JOIN "User" u ON u.id = r."requestedById"
    LEFT JOIN "User" v ON v.id = r."deciderId"
    WHERE d."deletedAt" IS NULL AND ${scope} ${status} ${one}
    ORDER BY (r.status = 'PENDING') DESC, r."createdAt" DESC
    LIMIT ${Math.min(opts.take ?? 200, 500)}`;
  const approver = hasCapability(viewer, "channel.approve");
  return rows.map((r) => ({
    ...r,
    currentLimit: BigInt(r.currentLimit),
    requestedLimit: BigInt(r.requestedLimit),
    canDecide: approver && r.status === "PENDING" && r.requestedById !== viewer.id,
  }));
}
