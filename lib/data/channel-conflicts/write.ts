import "server-only";
import type { Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { scopeWhere } from "@/lib/auth/permissions";
import { conflictOpenKey } from "@/lib/domain/channel-conflict-keys";
import {
  checkResolve,
  conflictSubject,
  mayAct,
  nextStep,
  reopenStep,
  type ConflictAction,
  type ConflictStatus,
  type ResolveProblem,
} from "@/lib/domain/channel-conflicts";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type {
  ConflictCauseInput,
  ConflictNoteInput,
  EscalateConflictInput,
  OpenConflictInput,
  ReopenConflictInput,
  ResolveConflictInput,
} from "@/lib/validation/channel-conflicts";
import { mutate } from "../audit";
import { loadDistributorFor } from "../distributors/scope";
import { changeDistributorStage } from "../distributors/stage";
import { updateVersioned } from "../versioning";
import { allocateConflictNumber } from "./numbers";
import { conflictForChange, conflictRightsFor, type CaseForChange } from "./shared";

// Changes to a conflict case. Each runs in one transaction with its event (the case's timeline) and
// its audit row, carries the version the person saw (a stale one answers CONFLICT), and asks the
// domain (lib/domain/channel-conflicts.ts) whether the step may be taken and by whom.

const ALL_RIGHTS = { write: true, approve: true };

/** FORBIDDEN when the viewer lacks the right for `action`; CONFLICT when the step itself does not allow it. */
function assertMay(c: CaseForChange, action: ConflictAction): void {
  if (mayAct(action, c.status, c.rights)) return;
  if (mayAct(action, c.status, ALL_RIGHTS)) throw forbidden();
  throw new AppError("CONFLICT", `a case at ${c.status} does not allow ${action}`);
}

async function event(
  tx: Tx,
  viewer: Viewer,
  conflictId: string,
  kind: string,
  e: { fromStatus?: ConflictStatus; toStatus?: ConflictStatus; note?: string | null } = {},
) {
  await tx.channelConflictEvent.create({
    data: { conflictId, actorId: viewer.id, kind, note: e.note ?? null, ...e },
  });
}

/** Opens a case by hand (a complaint of the affected distributor, a finding in the market). */
export async function openConflict(viewer: Viewer, input: OpenConflictInput, now = new Date()) {
  return mutate(viewer, async ({ tx, audit }) => {
    const offending = await loadDistributorFor(viewer, input.distributorId, "read", { tx });
    let affectedId = input.affectedDistributorId;
    if (affectedId) await loadDistributorFor(viewer, affectedId, "read", { tx });
    if (
      input.territoryId &&
      !(await tx.territory.findFirst({ where: { id: input.territoryId, deletedAt: null } }))
    )
      throw notFound("territory");
    if (input.productId && !(await tx.product.findFirst({ where: { id: input.productId, deletedAt: null } })))
      throw notFound("product");
    if (
      input.accountId &&
      !(await tx.account.findFirst({
        where: { AND: [{ id: input.accountId, deletedAt: null }, scopeWhere(viewer)] },
        select: { id: true },
      }))
    )
      throw notFound("account");
    // 区域窜货 into a territory someone holds exclusively: that distributor is the affected party.
    if (!affectedId && input.kind === "CROSS_TERRITORY" && input.territoryId) {
      const holder = await tx.distributorTerritory.findFirst({
        where: {
          territoryId: input.territoryId,
          exclusive: true,
          active: true,
          deletedAt: null,
          distributorId: { not: offending.id },
        },
        select: { distributorId: true },
      });
      affectedId = holder?.distributorId ?? null;
    }
    if (affectedId === offending.id)
      throw new AppError("VALIDATION", undefined, {
        affectedDistributorId: ["channelConflicts.errors.sameParty"],
      });
    const rights = await conflictRightsFor(tx, viewer, offending.id, affectedId);
    if (!rights?.write) throw forbidden();

    const subject = conflictSubject(input.kind, input);
    const openKey = subject ? conflictOpenKey(input.kind, offending.id, subject) : null;
    if (openKey) {
      const open = await tx.channelConflict.findUnique({ where: { openKey }, select: { number: true } });
      if (open)
        throw new AppError("VALIDATION", `open case ${open.number}`, {
          kind: ["channelConflicts.errors.openCaseExists"],
        });
    }
    const number = await allocateConflictNumber(tx, now);
    const created = await tx.channelConflict.create({
      data: {
        number,
        kind: input.kind,
        openKey,
        distributorId: offending.id,
        affectedDistributorId: affectedId,
        accountId: input.accountId,
        territoryId: input.territoryId,
        productId: input.productId,
        detectedAutomatically: false,
        summary: input.summary,
        ownerId: offending.ownerId,
        teamId: offending.teamId,
        createdAt: now,
      },
      select: { id: true, number: true },
    });
    await event(tx, viewer, created.id, "OPENED", { toStatus: "NEGOTIATION", note: input.summary });
    await audit({
      action: "channelConflict.open",
      entity: "ChannelConflict",
      entityId: created.id,
      after: { ...input, number, openKey, affectedDistributorId: affectedId },
    });
    return created;
  });
}

/** One step up: negotiation → mediation (channel manager), mediation → arbitration (manager). */
export async function escalateConflict(viewer: Viewer, input: EscalateConflictInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const c = await conflictForChange(tx, viewer, input.id);
    assertMay(c, "escalate");
    const to = nextStep(c.status)!;
    await updateVersioned(tx.channelConflict, {
      where: { id: c.id, deletedAt: null },
      version: input.version,
      data: { status: to },
    });
    await event(tx, viewer, c.id, "STEP", { fromStatus: c.status, toStatus: to, note: input.note });
    await audit({
      action: "channelConflict.escalate",
      entity: "ChannelConflict",
      entityId: c.id,
      before: { status: c.status },
      after: { status: to, note: input.note },
    });
    return { id: c.id, status: to };
  });
}

/** Records (or revises) the cause analysis while the case is open. */
export async function recordCauseAnalysis(viewer: Viewer, input: ConflictCauseInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const c = await conflictForChange(tx, viewer, input.id);
    assertMay(c, "analyse");
    await updateVersioned(tx.channelConflict, {
      where: { id: c.id, deletedAt: null },
      version: input.version,
      data: { causeAnalysis: input.causeAnalysis },
    });
    await event(tx, viewer, c.id, "CAUSE", { note: input.causeAnalysis });
    await audit({
      action: "channelConflict.cause",
      entity: "ChannelConflict",
      entityId: c.id,
      before: { causeAnalysis: c.causeAnalysis },
      after: { causeAnalysis: input.causeAnalysis },
    });
    return { id: c.id };
  });
}

const PROBLEM_MESSAGE = (p: ResolveProblem) => `channelConflicts.errors.${p.field}.${p.problem}`;

/**
 * Resolves the case with its outcome. Clears the open key, so the next detection of the same
 * conflict opens a new case instead of joining a closed one; a TERMINATION outcome terminates the
 * offending distributor in the same transaction.
 */
export async function resolveConflict(viewer: Viewer, input: ResolveConflictInput, now = new Date()) {
  return mutate(viewer, async ({ tx, audit }) => {
    const c = await conflictForChange(tx, viewer, input.id);
    assertMay(c, "resolve");
    const problems = checkResolve(
      c.status,
      {
        outcome: input.outcome,
        amount: input.outcomeAmount,
        outcomeNote: input.outcomeNote,
        causeAnalysis: input.causeAnalysis,
        preventionNote: input.preventionNote,
      },
      c.causeAnalysis,
      c.rights,
    );
    if (problems.some((p) => p.problem === "managerOnly")) throw forbidden();
    if (problems.length) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems) (fieldErrors[p.field] ??= []).push(PROBLEM_MESSAGE(p));
      throw new AppError("VALIDATION", undefined, fieldErrors);
    }
    const data = {
      status: "RESOLVED" as const,
      openKey: null,
      outcome: input.outcome,
      outcomeAmount: input.outcomeAmount,
      outcomeNote: input.outcomeNote,
      causeAnalysis: input.causeAnalysis ?? c.causeAnalysis,
      preventionNote: input.preventionNote,
      resolvedAt: now,
      resolvedById: viewer.id,
    };
    await updateVersioned(tx.channelConflict, {
      where: { id: c.id, deletedAt: null },
      version: input.version,
      data,
    });
    await event(tx, viewer, c.id, "RESOLVED", {
      fromStatus: c.status,
      toStatus: "RESOLVED",
      note: input.outcomeNote,
    });
    if (input.outcome === "TERMINATION") {
      await audit(
        await changeDistributorStage(tx, viewer.id, {
          distributorId: c.distributorId,
          toStage: "TERMINATED",
          note: `${c.number}: ${input.outcomeNote ?? data.causeAnalysis ?? ""}`.slice(0, 2000),
        }),
      );
    }
    await audit({
      action: "channelConflict.resolve",
      entity: "ChannelConflict",
      entityId: c.id,
      before: { status: c.status, openKey: c.openKey },
      after: data,
    });
    return { id: c.id, status: "RESOLVED" as const };
  });
}

/**
 * A manager reopens a resolved case at the step it was resolved from. Its open key comes back
 * unless a newer case already holds it (then detections keep joining that one).
 */
export async function reopenConflict(viewer: Viewer, input: ReopenConflictInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const c = await conflictForChange(tx, viewer, input.id);
    assertMay(c, "reopen");
    const last = await tx.channelConflictEvent.findFirst({
      where: { conflictId: c.id, kind: "RESOLVED" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { fromStatus: true },
    });
    const to = reopenStep(last?.fromStatus);
    const subject = conflictSubject(c.kind, c);
    const key = subject ? conflictOpenKey(c.kind, c.distributorId, subject) : null;
    const taken = key
      ? await tx.channelConflict.findUnique({ where: { openKey: key }, select: { id: true } })
      : null;
    const data = {
      status: to,
      openKey: taken ? null : key,
      outcome: null,
      outcomeAmount: null,
      outcomeNote: null,
      preventionNote: null,
      resolvedAt: null,
      resolvedById: null,
    };
    await updateVersioned(tx.channelConflict, {
      where: { id: c.id, deletedAt: null },
      version: input.version,
      data,
    });
    await event(tx, viewer, c.id, "REOPENED", { fromStatus: "RESOLVED", toStatus: to, note: input.note });
    await audit({
      action: "channelConflict.reopen",
      entity: "ChannelConflict",
      entityId: c.id,
      before: {
        status: c.status,
        outcome: c.outcome,
        outcomeAmount: c.outcomeAmount,
        outcomeNote: c.outcomeNote,
        preventionNote: c.preventionNote,
        resolvedAt: c.resolvedAt,
      },
      after: { ...data, note: input.note },
    });
    return { id: c.id, status: to };
  });
}

/** A note on the timeline (a call with the distributor, a visit): anyone who keeps the case. */
export async function addConflictNote(viewer: Viewer, input: ConflictNoteInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const c = await conflictForChange(tx, viewer, input.id);
    if (!c.rights.write) throw forbidden();
    await event(tx, viewer, c.id, "NOTE", { note: input.note });
    await audit({
      action: "channelConflict.note",
      entity: "ChannelConflict",
      entityId: c.id,
      after: { note: input.note },
    });
    return { id: c.id };
  });
}
