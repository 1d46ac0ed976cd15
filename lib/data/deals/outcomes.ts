import "server-only";
import { refreshAccountHealth } from "@/lib/data/health/refresh";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { annualisedValue, checkTerminate } from "@/lib/domain/pipeline";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { rescore } from "../account-scores";
import { mutate } from "../audit";
import { newId } from "../ids";
import { sendSurveyForTrigger } from "../surveys/triggers";
import { updateVersioned } from "../versioning";
import { dealForChange } from "./changes";
import { applyTransition, decideMove } from "./moves";

// How a deal ends, or comes back: 赢单 with its cooperation agreement (合作协议), terminated (no
// opportunity), deleted (soft) and restored.

/**
 * 赢单: closes a deal in 促成成交 as won (through the stage-5 gate, or a manager's override), creates
 * its cooperation agreement (合作协议) and makes the account a customer (成交). With `applyToValue`
 * the agreement's annual value becomes the account's purchase volume when it is larger, and the
 * account is rescored.
 */
export async function winDeal(
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    overrideReason?: string | null;
    applyToValue: boolean;
    agreement: {
      startDate: Date;
      endDate: Date;
      serviceContent: string;
      pricingPolicy: string;
      cooperationMode: "DIRECT_SUPPLY" | "DISTRIBUTION" | "OEM" | "STRATEGIC" | "PROJECT";
      contractValue: bigint;
    };
  },
) {
  const won = await mutate(viewer, async (ctx) => {
    const { tx, audit } = ctx;
    const { before, decision } = await decideMove(tx, viewer, { ...input, to: "WON" });
    const at = new Date();
    // The agreement id is chosen first so the transition's audit row can name it.
    const agreementId = newId();
    await applyTransition(tx, viewer, {
      before,
      version: input.version,
      decision,
      toStage: "CLOSING",
      toStatus: "WON",
      overrideReason: input.overrideReason,
      at,
      extra: { agreementId },
    });
    const agreement = await tx.cooperationAgreement.create({
      data: {
        ...input.agreement,
        id: agreementId,
        accountId: before.accountId,
        dealId: before.id,
        ownerId: before.ownerId,
        teamId: before.teamId,
      },
    });
    await audit({
      action: "agreement.create",
      entity: "CooperationAgreement",
      entityId: agreement.id,
      after: agreement,
    });

    // The account becomes (or stays) a customer: 成交.
    const account = await tx.account.findUniqueOrThrow({ where: { id: before.accountId } });
    let updated = account;
    const annual = BigInt(
      annualisedValue(
        Number(input.agreement.contractValue),
        input.agreement.startDate,
        input.agreement.endDate,
      ),
    );
    const data: Prisma.AccountUpdateInput = {};
    if (account.lifecycle !== "CUSTOMER")
      Object.assign(data, { lifecycle: "CUSTOMER", lifecycleChangedAt: at });
    if (input.applyToValue && (account.purchaseVolume ?? 0n) < annual) data.purchaseVolume = annual;
    if (Object.keys(data).length) {
      updated = await tx.account.update({
        where: { id: account.id },
        data: { ...data, version: { increment: 1 } },
      });
      if (account.lifecycle !== "CUSTOMER") {
        await tx.lifecycleChange.create({
          data: {
            accountId: account.id,
            from: account.lifecycle,
            to: "CUSTOMER",
            reason: before.title,
            actorId: viewer.id,
            createdAt: at,
          },
        });
      }
      if (data.purchaseVolume !== undefined) updated = await rescore(tx, updated, "agreement");
      await audit({
        action: "account.dealWon",
        entity: "Account",
        entityId: account.id,
        before: account,
        after: { ...updated, dealId: before.id, agreementId: agreement.id },
      });
    }
    return { dealId: before.id, agreementId: agreement.id, accountId: before.accountId };
  });
  // After the win committed: the customer is asked how it went (满意度调研, if the admin wants it).
  await sendSurveyForTrigger({
    accountId: won.accountId,
    trigger: "DEAL_WON",
    dealId: won.dealId,
    actorId: viewer.id,
  });
  // The new agreement moves the renewal factor of the account's health (after commit).
  await refreshAccountHealth([won.accountId]);
  return won;
}

/** Ends a deal that has no opportunity (the stage-1 judgement is "no") or was dropped; needs a reason. */
export async function terminateDeal(viewer: Viewer, input: { id: string; version: number; reason: string }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await dealForChange(tx, viewer, input.id);
    const check = checkTerminate(before.status, input.reason);
    if (!check.ok) {
      throw new AppError("VALIDATION", check.reason, {
        [check.reason === "closed" ? "_form" : "reason"]: [`gate.errors.${check.reason}`],
      });
    }
    const at = new Date();
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { status: "TERMINATED", closedAt: at, closeNote: input.reason },
    });
    await tx.dealStageChange.create({
      data: {
        dealId: before.id,
        fromStage: before.stage,
        toStage: before.stage,
        fromStatus: "OPEN",
        toStatus: "TERMINATED",
        note: input.reason,
        actorId: viewer.id,
        createdAt: at,
      },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.terminate", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

export async function deleteDeal(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.deal.findFirst({
      where: { id: input.id, ...scopeWhere(viewer), deletedAt: null },
    });
    assertRecord(viewer, "delete", before, "deal");
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: new Date() },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.delete", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

export async function restoreDeal(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await dealForChange(tx, viewer, input.id, { deleted: true });
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: null },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.restore", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

/** The viewer's deleted deals (managers restore them). */
export async function listDeletedDeals(viewer: Viewer) {
  return db.deal.findMany({
    where: { ...scopeWhere(viewer), deletedAt: { not: null } },
    select: {
      id: true,
      title: true,
      version: true,
      deletedAt: true,
      account: { select: { id: true, name: true } },
      owner: { select: { name: true } },
    },
    orderBy: { deletedAt: "desc" },
    take: 100,
  });
}
