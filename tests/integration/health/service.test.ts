// Service plans: edit rights and scope, a delivery's on-time flag and next due date, the due job's
// one task per item and due date (completed by the delivery), and the health factor it moves.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { recordServiceDelivery } from "@/lib/data/service/deliveries";
import { runServiceDueJob } from "@/lib/data/service/jobs";
import {
  createServiceItem,
  deleteServiceItem,
  getServicePlan,
  restoreServiceItem,
  updateServiceItem,
} from "@/lib/data/service/plans";
import { createServiceItemSchema, recordDeliverySchema } from "@/lib/validation/health";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";
import { healthOf } from "./fixtures";

const NOW = new Date();
const TODAY = chinaDate(NOW);

async function planFixture(dueIn: number) {
  const kam = await viewerFor("usr_east_kam1");
  const account = await accountFixture(kam.id);
  await db.account.update({ where: { id: account.id }, data: { lastContactAt: NOW, tier: "A" } });
  const item = await createServiceItem(
    kam,
    createServiceItemSchema.parse({
      accountId: account.id,
      name: "季度业务回顾",
      ownerId: kam.id,
      frequency: "QUARTERLY",
      nextDueOn: addDays(TODAY, dueIn),
    }),
  );
  return { kam, account, item };
}

describe("service plans", () => {
  it("records a late delivery: not on time, next due a quarter after the due date, task completed, health back", async () => {
    const { kam, account, item } = await planFixture(-10);
    let h = await healthOf(account.id);
    expect(h.factor("service")).toMatchObject({ detail: { key: "serviceOverdue" } });
    expect(h.healthBand).not.toBe("AT_RISK");

    expect((await runServiceDueJob(NOW)).processed).toBeGreaterThanOrEqual(1);
    expect((await runServiceDueJob(NOW)).processed).toBe(0);
    const task = await db.followUp.findFirstOrThrow({ where: { serviceItemId: item.id } });
    expect(task).toMatchObject({
      reason: "SERVICE_ITEM",
      ownerId: kam.id,
      note: "季度业务回顾",
      completedAt: null,
    });
    expect(fromDbDate(task.dueOn)).toBe(addDays(TODAY, -10));

    const result = await recordServiceDelivery(
      kam,
      recordDeliverySchema.parse({
        itemId: item.id,
        version: String(item.version),
        deliveredOn: TODAY,
        note: "已完成",
      }),
    );
    expect(result.onTime).toBe(false);
    const after = await db.serviceItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(fromDbDate(after.nextDueOn) > TODAY).toBe(true);
    expect((await db.followUp.findUniqueOrThrow({ where: { id: task.id } })).completedAt).not.toBeNull();
    h = await healthOf(account.id);
    expect(h.factor("service")).toMatchObject({ detail: { key: "serviceOnTrack" } });
    expect(h.healthScore).toBe(100);

    const plan = await getServicePlan(kam, account.id, NOW);
    expect(plan.items[0]).toMatchObject({ onTimeRate: 0, overdue: false });
    expect(plan.onTimeRate).toBe(0);
    expect((await auditRowsFor(item.id)).map((r) => r.action)).toEqual([
      "serviceItem.create",
      "serviceItem.deliver",
    ]);
  });

  it("two due-job runs racing make one task per item and due date", async () => {
    const { item } = await planFixture(5);
    await Promise.all([runServiceDueJob(NOW), runServiceDueJob(NOW), runServiceDueJob(NOW)]);
    expect(await db.followUp.count({ where: { serviceItemId: item.id } })).toBe(1);
  });

  it("an on-time delivery counts toward the rate; a stale version is refused", async () => {
    const { kam, item } = await planFixture(3);
    const input = recordDeliverySchema.parse({ itemId: item.id, version: "1", deliveredOn: TODAY });
    expect((await recordServiceDelivery(kam, input)).onTime).toBe(true);
    expect(await outcome(recordServiceDelivery(kam, input))).toBe("CONFLICT");
  });

  it("refuses a delivery dated in the future and an owner who cannot see the account", async () => {
    const { kam, account, item } = await planFixture(3);
    expect(
      await outcome(
        recordServiceDelivery(
          kam,
          recordDeliverySchema.parse({ itemId: item.id, version: "1", deliveredOn: addDays(TODAY, 2) }),
        ),
      ),
    ).toBe("VALIDATION");
    expect(
      await outcome(
        updateServiceItem(kam, {
          id: item.id,
          version: 1,
          name: item.name,
          description: null,
          ownerId: "usr_north_kam1",
          frequency: "MONTHLY",
          nextDueOn: TODAY,
        }),
      ),
    ).toBe("VALIDATION");
    expect((await getServicePlan(kam, account.id)).items).toHaveLength(1);
  });

  it("other regions get not found; a teammate may read but not edit; delete and restore are audited", async () => {
    const { kam, account, item } = await planFixture(20);
    const north = await viewerFor("usr_north_manager");
    expect(await outcome(getServicePlan(north, account.id))).toBe("NOT_FOUND");
    expect(
      await outcome(
        recordServiceDelivery(
          north,
          recordDeliverySchema.parse({ itemId: item.id, version: "1", deliveredOn: TODAY }),
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(deleteServiceItem(north, { id: item.id, version: 1 }))).toBe("NOT_FOUND");
    const teammate = await viewerFor("usr_east_kam2");
    expect((await getServicePlan(teammate, account.id)).canEdit).toBe(false);
    expect(await outcome(deleteServiceItem(teammate, { id: item.id, version: 1 }))).toBe("FORBIDDEN");

    await deleteServiceItem(kam, { id: item.id, version: 1 });
    let plan = await getServicePlan(kam, account.id);
    expect(plan.items).toHaveLength(0);
    expect(plan.deletedItems).toHaveLength(1);
    await restoreServiceItem(kam, { id: item.id, version: 2 });
    plan = await getServicePlan(kam, account.id);
    expect(plan.items).toHaveLength(1);
    expect((await auditRowsFor(item.id)).map((r) => r.action)).toEqual([
      "serviceItem.create",
      "serviceItem.delete",
      "serviceItem.restore",
    ]);
  });

  it("seeds plans on the demo A-tier accounts with a year of deliveries", async () => {
    const plans = await db.servicePlan.count({ where: { id: { startsWith: "svcplan_" } } });
    const aTier = await db.account.count({
      where: { tier: "A", deletedAt: null, id: { not: { startsWith: "c" } } },
    });
    expect(plans).toBeGreaterThan(0);
    expect(aTier).toBeGreaterThan(0);
    const onTime = await db.serviceDelivery.groupBy({
      by: ["onTime"],
      where: { id: { startsWith: "svcdel_" } },
      _count: true,
    });
    const counts = Object.fromEntries(onTime.map((g) => [String(g.onTime), g._count]));
    expect(counts.true).toBeGreaterThan(counts.false ?? 0);
    expect(counts.false).toBeGreaterThan(0);
    const overdue = await db.serviceItem.count({
      where: { id: { startsWith: "svcitem_" }, nextDueOn: { lt: new Date() } },
    });
    expect(overdue).toBeGreaterThan(0);
  });
});
