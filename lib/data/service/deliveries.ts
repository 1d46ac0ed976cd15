import "server-only";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import { recordDelivery } from "@/lib/domain/service-plans";
import { AppError } from "@/lib/errors";
import type { DeliveryInput } from "@/lib/validation/health";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { refreshAccountHealth } from "../health/refresh";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";

/**
 * Records that a service item was delivered (for its current due date): whether it was on time,
 * the next due date one period after the due date, and the item's open task done — in one
 * transaction, audited. Whoever may edit the account records deliveries.
 */
export async function recordServiceDelivery(viewer: Viewer, input: DeliveryInput, now = new Date()) {
  const result = await mutate(viewer, async ({ tx, audit }) => {
    const item = await tx.serviceItem.findFirst({
      where: { id: input.itemId, deletedAt: null, plan: { deletedAt: null } },
      select: {
        id: true,
        accountId: true,
        frequency: true,
        nextDueOn: true,
        lastDeliveredOn: true,
        version: true,
      },
    });
    const account = item
      ? await tx.account.findFirst({
          where: { id: item.accountId, deletedAt: null },
          select: { id: true, ownerId: true, teamId: true },
        })
      : null;
    assertRecord(viewer, "edit", account, "service item");
    const deliveredOn = input.deliveredOn!;
    if (deliveredOn > chinaDate(now)) {
      throw new AppError("VALIDATION", "delivery in the future", {
        deliveredOn: ["service.deliveredInFuture"],
      });
    }
    if (input.visitRecordId) {
      const visit = await tx.visitRecord.findFirst({
        where: { id: input.visitRecordId, accountId: account.id, deletedAt: null, ...scopeWhere(viewer) },
        select: { id: true },
      });
      if (!visit)
        throw new AppError("VALIDATION", "unknown visit", { visitRecordId: ["validation.invalidOption"] });
    }
    const step = recordDelivery(
      { nextDueOn: fromDbDate(item!.nextDueOn), frequency: item!.frequency },
      deliveredOn,
    );
    const delivery = await tx.serviceDelivery.create({
      data: {
        itemId: item!.id,
        accountId: account.id,
        dueOn: toDbDate(step.dueOn),
        deliveredOn: toDbDate(deliveredOn),
        onTime: step.onTime,
        note: input.note,
        recordedById: viewer.id,
        visitRecordId: input.visitRecordId,
      },
    });
    const lastDelivered =
      item!.lastDeliveredOn && fromDbDate(item!.lastDeliveredOn) > deliveredOn
        ? item!.lastDeliveredOn
        : toDbDate(deliveredOn);
    await updateVersioned(tx.serviceItem, {
      where: { id: item!.id },
      version: input.version,
      data: { nextDueOn: toDbDate(step.nextDueOn), lastDeliveredOn: lastDelivered },
    });
    // The task the due job made for this due date (and any older one left open) is done.
    const completed = await tx.followUp.updateMany({
      where: {
        serviceItemId: item!.id,
        reason: "SERVICE_ITEM",
        completedAt: null,
        deletedAt: null,
        dueOn: { lte: toDbDate(step.dueOn) },
      },
      data: { completedAt: now, version: { increment: 1 } },
    });
    await audit({
      action: "serviceItem.deliver",
      entity: "ServiceItem",
      entityId: item!.id,
      before: { nextDueOn: step.dueOn, version: input.version },
      after: {
        delivery,
        nextDueOn: step.nextDueOn,
        version: input.version + 1,
        completedFollowUps: completed.count,
      },
    });
    return { accountId: account.id, deliveryId: delivery.id, onTime: step.onTime, nextDueOn: step.nextDueOn };
  });
  await refreshAccountHealth([result.accountId], now);
  return result;
}
