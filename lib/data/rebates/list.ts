import "server-only";
import { db, type Prisma } from "@/lib/db";
import { canEditDistributor, hasCapability, type Viewer } from "@/lib/domain/access";
import type { StatementWorkings } from "@/lib/domain/rebates";
import { notFound } from "@/lib/errors";
import { channelTerritoryIds, distributorScopeWhere, loadDistributorFor } from "../distributors/scope";

export const STATEMENT_PAGE_SIZE = 50;
type Status = "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED";

/** Statements the viewer may see, newest period first. */
export async function listRebateStatements(
  viewer: Viewer,
  query: { status?: Status; distributorId?: string; page?: number },
) {
  const page = Math.max(1, query.page ?? 1);
  const scope = await distributorScopeWhere(viewer);
  const ids = await db.distributor.findMany({ where: { deletedAt: null, ...scope }, select: { id: true } });
  const where: Prisma.RebateStatementWhereInput = {
    deletedAt: null,
    distributorId: query.distributorId
      ? { in: ids.some((d) => d.id === query.distributorId) ? [query.distributorId] : [] }
      : { in: ids.map((d) => d.id) },
    ...(query.status ? { status: query.status } : {}),
  };
  const [rows, total] = await Promise.all([
    db.rebateStatement.findMany({
      where,
      orderBy: [{ periodStart: "desc" }, { number: "desc" }],
      skip: (page - 1) * STATEMENT_PAGE_SIZE,
      take: STATEMENT_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        distributorId: true,
        periodKey: true,
        status: true,
        achieved: true,
        achievementBp: true,
        rateBp: true,
        payable: true,
      },
    }),
    db.rebateStatement.count({ where }),
  ]);
  const names = await db.distributor.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.distributorId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    rows: rows.map((r) => ({ ...r, distributorName: nameOf.get(r.distributorId) ?? "" })),
    total,
    page,
    pageSize: STATEMENT_PAGE_SIZE,
  };
}

/** One statement with its workings and what the viewer may do with it. */
export async function getRebateStatement(viewer: Viewer, id: string) {
  const s = await db.rebateStatement.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      number: true,
      distributorId: true,
      agreementId: true,
      agreementVersionId: true,
      periodKey: true,
      periodStart: true,
      periodEnd: true,
      target: true,
      achieved: true,
      achievementBp: true,
      rateBp: true,
      rebateAmount: true,
      deductions: true,
      payable: true,
      workings: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
      reviewNote: true,
      version: true,
      createdAt: true,
    },
  });
  if (!s) throw notFound("statement");
  const d = await loadDistributorFor(viewer, s.distributorId, "read");
  const [info, territories] = await Promise.all([
    db.distributor.findUniqueOrThrow({ where: { id: d.id }, select: { id: true, code: true, name: true } }),
    channelTerritoryIds(viewer),
  ]);
  const [agreement, reviewer] = await Promise.all([
    db.channelAgreement.findUnique({ where: { id: s.agreementId }, select: { id: true, number: true } }),
    db.rebateStatement
      .findUnique({ where: { id: s.id }, select: { reviewedById: true } })
      .then((r) =>
        r?.reviewedById
          ? db.user.findUnique({ where: { id: r.reviewedById }, select: { name: true } })
          : null,
      ),
  ]);
  const edit = canEditDistributor(viewer, d, territories);
  return {
    statement: { ...s, workings: s.workings as StatementWorkings },
    distributor: info,
    agreement,
    reviewerName: reviewer?.name ?? null,
    rights: {
      recompute: edit && (s.status === "DRAFT" || s.status === "REJECTED"),
      submit: edit && s.status === "DRAFT",
      review: hasCapability(viewer, "channel.approve") && s.status === "SUBMITTED",
    },
  };
}

/** Distributors with an agreement that the viewer may compute statements for. */
export async function distributorsForStatements(viewer: Viewer) {
  return db.distributor.findMany({
    where: {
      deletedAt: null,
      ...(await distributorScopeWhere(viewer)),
      agreements: { some: { deletedAt: null, status: { not: "DRAFT" } } },
    },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
}
