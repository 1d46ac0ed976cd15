// Demo service plans (个性化服务计划) on the A-tier accounts: 3–5 agreed items each, a year of
// deliveries — mostly on time, some late — and a few items overdue today, so the plan page, the
// on-time rates, the due tasks and the health factor all have something to show. Deterministic.
import type { Tx } from "@/lib/db";
import { addDays, chinaDate, daysBetween, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { seededRandom } from "@/lib/domain/random";
import { nextDueDate, type ServiceFrequency } from "@/lib/domain/service-plans";
import { createServiceDueFollowUps } from "@/lib/data/service/due-sql";
import { insertJson } from "./demo-visits";

const CATALOGUE: { name: string; description: string; frequency: ServiceFrequency }[] = [
  {
    name: "季度业务回顾（QBR）",
    description: "与采购和技术负责人回顾上季度交付、质量与下季度计划",
    frequency: "QUARTERLY",
  },
  { name: "月度交付报告", description: "准时交付率、质量指标和库存情况的月度报告", frequency: "MONTHLY" },
  { name: "现场技术支持", description: "工程师到现场解决应用问题并培训操作人员", frequency: "MONTHLY" },
  { name: "高层战略对话", description: "双方高层就年度合作方向和重点项目沟通", frequency: "HALF_YEARLY" },
  { name: "年度合作评审", description: "年度合作成果评审与下一年度服务计划确认", frequency: "YEARLY" },
  { name: "备件库存巡检", description: "检查寄售备件库存并补货", frequency: "WEEKLY" },
];

const pad = (n: number) => String(n).padStart(5, "0");

export async function seedDemoService(tx: Tx, args: { now?: Date } = {}) {
  const now = args.now ?? new Date();
  const today = chinaDate(now);
  const r = seededRandom(20261204);
  const accounts = await tx.account.findMany({
    where: { tier: "A", deletedAt: null },
    select: { id: true, ownerId: true, teamId: true, lastContactAt: true },
    orderBy: { id: "asc" },
  });
  // The most neglected accounts (longest since the last contact) are the ones whose service slips
  // too: the demo's at-risk story is coherent, and every third other account lets one item slip.
  const neglected = new Set(
    [...accounts]
      .sort(
        (a, b) =>
          (a.lastContactAt?.getTime() ?? 0) - (b.lastContactAt?.getTime() ?? 0) || a.id.localeCompare(b.id),
      )
      .slice(0, 3)
      .map((a) => a.id),
  );
  const plans: object[] = [];
  const items: object[] = [];
  const deliveries: object[] = [];
  let p = 0;
  let it = 0;
  let dl = 0;
  for (const [ai, account] of accounts.entries()) {
    const planId = `svcplan_${pad(++p)}`;
    const agreedOn = addDays(today, -r.int(380, 420));
    plans.push({
      id: planId,
      accountId: account.id,
      teamId: account.teamId,
      agreedOn: toDbDate(agreedOn),
      version: 1,
      createdAt: toDbDate(agreedOn),
      updatedAt: now,
    });
    const count = r.int(3, 5);
    const slipping = neglected.has(account.id) ? count : ai % 3 === 1 ? 1 : 0;
    const chosen = [...CATALOGUE].sort(() => r.next() - 0.5).slice(0, count);
    for (const [ci, service] of chosen.entries()) {
      const id = `svcitem_${pad(++it)}`;
      let due: IsoDate = addDays(agreedOn, r.int(7, 40));
      let lastDelivered: IsoDate | null = null;
      const slips = ci < slipping;
      for (;;) {
        const next = nextDueDate(due, service.frequency);
        // A slipping item stops being delivered once its due date is within the last few weeks.
        if (slips && daysBetween(due, today) <= r.int(10, 40)) break;
        if (due > today) break;
        const late = r.chance(0.18);
        const deliveredOn = late ? addDays(due, r.int(1, 15)) : addDays(due, -r.int(0, 5));
        if (deliveredOn > today) break;
        deliveries.push({
          id: `svcdel_${pad(++dl)}`,
          itemId: id,
          accountId: account.id,
          dueOn: toDbDate(due),
          deliveredOn: toDbDate(deliveredOn),
          onTime: !late,
          note: null,
          recordedById: account.ownerId,
          createdAt: toDbDate(deliveredOn),
        });
        lastDelivered = deliveredOn;
        due = next;
      }
      items.push({
        id,
        planId,
        accountId: account.id,
        teamId: account.teamId,
        name: service.name,
        description: service.description,
        ownerId: account.ownerId,
        frequency: service.frequency,
        nextDueOn: toDbDate(due),
        lastDeliveredOn: lastDelivered ? toDbDate(lastDelivered) : null,
        version: 1,
        createdAt: toDbDate(agreedOn),
        updatedAt: now,
      });
    }
  }
  await insertJson(tx, "ServicePlan", plans);
  await insertJson(tx, "ServiceItem", items);
  await insertJson(tx, "ServiceDelivery", deliveries);
  // The tasks the due job would have made by now.
  const tasks = await createServiceDueFollowUps(tx, now);
  return {
    servicePlans: plans.length,
    serviceItems: items.length,
    serviceDeliveries: deliveries.length,
    serviceTasks: tasks,
  };
}
