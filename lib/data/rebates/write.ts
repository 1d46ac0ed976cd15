import "server-only";
import { db, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import { statementNumber, type RebatePeriod } from "@/lib/domain/rebates";
import { AppError, forbidden, notFound, staleVersion } from "@/lib/errors";
import { mutate } from "../audit";
import { loadDistributorFor } from "../distributors/scope";
import { updateVersioned } from "../versioning";
import { computeFigures, periodOrThrow, type ComputedStatement } from "./compute";

// 返点结算单: saved as a draft (FD-<year>-Q<n>-<seq>), recomputed while a draft, submitted, then
// approved or rejected by a manager. An approved statement is frozen; it keeps the agreement
// version it was computed from, so it can be reproduced after the terms change.

const field = (name: string, key: string) => new AppError("VALIDATION", key, { [name]: [key] });

async function allocateStatementNumber(tx: Tx, period: RebatePeriod): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keystone.rebate-number'))`;
  const prefix = statementNumber(period, 0).slice(0, -4);
  const [top] = await tx.$queryRaw<{ number: string }[]>`
    SELECT number FROM "RebateStatement"
    WHERE number LIKE ${prefix + "%"} ORDER BY length(number) DESC, number DESC LIMIT 1`;
  return statementNumber(period, top ? Number(top.number.slice(prefix.length)) + 1 : 1);
}

function figuresData(f: ComputedStatement) {
  return {
    agreementId: f.agreementId,
    agreementVersionId: f.agreementVersionId,
    target: f.target,
    achieved: f.achieved,
    achievementBp: f.achievementBp,
    rateBp: f.rateBp,
    rebateAmount: f.rebateAmount,
    deductions: f.deductions,
    payable: f.payable,
    workings: f.workings,
  };
}

const auditFigures = (f: ComputedStatement) => ({
  agreementVersionId: f.agreementVersionId,
  achieved: f.achieved,
  rateBp: f.rateBp,
  rebateAmount: f.rebateAmount,
  deductions: f.deductions,
  payable: f.payable,
});

/** Saves a draft statement for a distributor and period (one live statement per period; a rejected one may be redone). */
export async function saveRebateStatement(
  viewer: Viewer,
  input: { distributorId: string; periodKey: string },
): Promise<{ id: string; number: string }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  const period = periodOrThrow(input.periodKey);
  return mutate(viewer, async ({ tx, audit }) => {
    const d = await loadDistributorFor(viewer, input.distributorId, "edit", { tx });
    const existing = await tx.rebateStatement.findFirst({
      where: { distributorId: d.id, periodKey: period.key, deletedAt: null, status: { not: "REJECTED" } },
      select: { number: true },
    });
    if (existing) throw field("periodKey", "channelAgreements.problems.statementExists");
    const f = await computeFigures(tx, d.id, period);
    const number = await allocateStatementNumber(tx, period);
    const s = await tx.rebateStatement.create({
      data: {
        number,
        distributorId: d.id,
        periodKind: period.kind,
        periodKey: period.key,
        periodStart: toDbDate(period.start),
        periodEnd: toDbDate(period.end),
        ...figuresData(f),
        status: "DRAFT",
        computedById: viewer.id,
        ownerId: d.ownerId,
        teamId: d.teamId,
      },
      select: { id: true, number: true },
    });
    await audit({
      action: "rebateStatement.create",
      entity: "RebateStatement",
      entityId: s.id,
      after: { number, ...auditFigures(f) },
    });
    return s;
  });
}

type Loaded = { id: string; status: string; version: number; distributorId: string; periodKey: string };

async function loadStatementFor(
  viewer: Viewer,
  tx: Tx,
  id: string,
  action: "read" | "edit",
): Promise<Loaded> {
  const s = await tx.rebateStatement.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, status: true, version: true, distributorId: true, periodKey: true },
  });
  if (!s) throw notFound("statement");
  await loadDistributorFor(viewer, s.distributorId, action, { tx });
  return s;
}

/** Recomputes a draft (or a rejected statement, which becomes a draft again) from today's data. */
export async function recomputeRebateStatement(
  viewer: Viewer,
  input: { id: string; version: number },
): Promise<void> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  await mutate(viewer, async ({ tx, audit }) => {
    const s = await loadStatementFor(viewer, tx, input.id, "edit");
    if (s.version !== input.version) throw staleVersion();
    if (s.status !== "DRAFT" && s.status !== "REJECTED")
      throw field("_form", "channelAgreements.problems.frozen");
    const f = await computeFigures(tx, s.distributorId, periodOrThrow(s.periodKey));
    await updateVersioned(tx.rebateStatement, {
      where: { id: s.id },
      version: input.version,
      data: { ...figuresData(f), status: "DRAFT", computedById: viewer.id, reviewNote: null },
    });
    await audit({
      action: "rebateStatement.recompute",
      entity: "RebateStatement",
      entityId: s.id,
      before: { status: s.status },
      after: auditFigures(f),
    });
  });
}

/** 提交审核: a draft goes to a manager. */
export async function submitRebateStatement(
  viewer: Viewer,
  input: { id: string; version: number },
): Promise<void> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  await mutate(viewer, async ({ tx, audit }) => {
    const s = await loadStatementFor(viewer, tx, input.id, "edit");
    if (s.status !== "DRAFT") throw field("_form", "channelAgreements.problems.notDraft");
    await updateVersioned(tx.rebateStatement, {
      where: { id: s.id },
      version: input.version,
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    await audit({
      action: "rebateStatement.submit",
      entity: "RebateStatement",
      entityId: s.id,
      before: { status: s.status },
      after: { status: "SUBMITTED" },
    });
  });
}

/** 审核: a manager approves (the statement is then frozen) or rejects it with a reason. */
export async function reviewRebateStatement(
  viewer: Viewer,
  input: { id: string; version: number; decision: "APPROVE" | "REJECT"; note: string | null },
): Promise<{ status: "APPROVED" | "REJECTED" }> {
  if (!hasCapability(viewer, "channel.approve")) throw forbidden();
  if (input.decision === "REJECT" && !input.note) throw field("note", "validation.required");
  return mutate(viewer, async ({ tx, audit }) => {
    const s = await loadStatementFor(viewer, tx, input.id, "read");
    if (s.status !== "SUBMITTED") throw field("_form", "channelAgreements.problems.notSubmitted");
    const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
    await updateVersioned(tx.rebateStatement, {
      where: { id: s.id },
      version: input.version,
      data: { status, reviewedById: viewer.id, reviewedAt: new Date(), reviewNote: input.note },
    });
    await audit({
      action: `rebateStatement.${status.toLowerCase()}`,
      entity: "RebateStatement",
      entityId: s.id,
      before: { status: s.status },
      after: { status, note: input.note },
    });
    return { status };
  });
}

/**
 * The statement's figures computed again from the agreement version it recorded (not today's
 * terms): equal to the saved figures unless the period's sell-in or deductions changed since.
 */
export async function reproduceRebateStatement(viewer: Viewer, id: string): Promise<ComputedStatement> {
  const s = await db.rebateStatement.findFirst({
    where: { id, deletedAt: null },
    select: { distributorId: true, periodKey: true, agreementVersionId: true },
  });
  if (!s) throw notFound("statement");
  await loadDistributorFor(viewer, s.distributorId, "read");
  return computeFigures(db, s.distributorId, periodOrThrow(s.periodKey), s.agreementVersionId);
}
