// The demo company's complaints (投诉) over the last year: ~50 on the demo accounts, in every
// status — open ones with running and breached clocks (breaches already escalated to the owner's
// manager, so the SLA job finds nothing stale), reopened ones, ones handed over to another region
// (the first-responsibility owner keeps them), and closed ones with root cause and corrective
// action. Deterministic (seeded random, fixed ids) and written with a few createMany calls.
import type { Prisma, Tx } from "@/lib/db";
import {
  complaintNumber,
  complaintYear,
  escalationTargets,
  reopenedResolveDueAt,
  slaDueDates,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
  type ComplaintStatus,
  type SlaPolicy,
} from "@/lib/domain/complaints";
import { seededRandom } from "@/lib/domain/random";
import type { DemoUser } from "./demo-org";

const MIN = 60_000;
const DAY = 1440 * MIN;

/** What customers said, by category: title, their words, the root cause, the corrective action. */
const CASES: Record<ComplaintCategory, [string, string, string, string][]> = {
  QUALITY: [
    [
      "第三批货表面有划痕",
      "这批货表面有明显划痕，我们产线已经停了半天，你们必须给个说法。",
      "包装箱内缓冲材料不足，运输颠簸导致擦伤",
      "改用加厚泡棉内衬，出货前增加外观抽检",
    ],
    [
      "传感器批量读数漂移",
      "上周到的传感器有三成读数漂移，现场调试人员反映已经影响验收。",
      "供应商更换了元器件批次未通知，来料检验未覆盖",
      "来料检验增加温漂测试，供应商变更须提前书面通知",
    ],
    [
      "软件升级后报表出错",
      "升级到新版本后月度报表数据对不上，财务那边很着急。",
      "升级脚本未处理历史数据中的空值",
      "升级前增加数据校验脚本，发布流程加入客户数据回归测试",
    ],
  ],
  DELIVERY: [
    [
      "交货延期两周未通知",
      "合同写的是月底交货，到现在还没到，也没人提前跟我们说一声。",
      "排产计划调整后未同步给销售和客户",
      "排产变更自动通知客户经理，交期风险提前一周预警",
    ],
    [
      "到货数量与装箱单不符",
      "装箱单写的是两百件，实际点了只有一百八十件。",
      "仓库拣货未做双人复核",
      "出库执行双人复核并扫码核对",
    ],
    [
      "安装团队迟到半天",
      "约好上午九点安装，结果下午一点才到，我们工人白等了一上午。",
      "外包安装队排班冲突，调度未确认",
      "安装前一天电话确认排班，迟到超一小时启动补偿",
    ],
  ],
  SERVICE: [
    [
      "售后电话多次无人接听",
      "打了四次售后电话都没人接，留言也没有回复。",
      "售后热线午间无人值守，留言未进入工单系统",
      "热线午间轮班值守，语音留言自动生成工单",
    ],
    [
      "工程师现场态度差",
      "来的工程师说话很不耐烦，问两句就说是我们操作问题。",
      "工程师缺少客户沟通培训，考核只看工单数量",
      "开展服务礼仪培训，回访满意度纳入工程师考核",
    ],
    [
      "问题反复处理未解决",
      "同一个故障已经报修三次了，每次来都说好了，过两天又坏。",
      "仅更换表面故障件，未排查根本原因",
      "重复报修自动升级至技术专家，要求出具原因分析",
    ],
  ],
  PRICE: [
    [
      "续约报价涨幅过大",
      "续约报价一下涨了百分之十五，事先没有任何沟通，我们很难接受。",
      "调价政策执行前未与重点客户逐一沟通",
      "重点客户调价提前一个季度沟通并给出过渡方案",
    ],
    [
      "同类产品报价高于其他区域",
      "听说华南那边同样的产品价格比我们低不少，这不公平。",
      "区域价格政策不一致，缺少统一审批",
      "统一价格审批流程，特殊价格须总部批准并记录原因",
    ],
  ],
  BILLING: [
    [
      "发票抬头开错",
      "发票抬头开成了我们集团母公司，财务没法入账，要求重开。",
      "开票信息未与合同主体核对",
      "开票前系统自动校验合同主体与开票信息",
    ],
    [
      "重复扣款",
      "这个月的服务费被扣了两次，请尽快退回多扣的款项。",
      "对账系统接口超时重试导致重复扣款",
      "扣款接口增加幂等校验，每日自动对账",
    ],
  ],
  OTHER: [
    [
      "宣传资料与实际功能不符",
      "你们宣传册上写的功能，我们实际用的时候根本没有。",
      "市场资料未随产品版本更新",
      "产品发布时同步审核全部对外资料",
    ],
  ],
};

const CATEGORY_WEIGHTS: ComplaintCategory[] = [
  "QUALITY",
  "QUALITY",
  "QUALITY",
  "DELIVERY",
  "DELIVERY",
  "DELIVERY",
  "SERVICE",
  "SERVICE",
  "SERVICE",
  "PRICE",
  "BILLING",
  "BILLING",
  "OTHER",
];
const SEVERITIES: ComplaintSeverity[] = [
  "CRITICAL",
  "HIGH",
  "HIGH",
  "MEDIUM",
  "MEDIUM",
  "MEDIUM",
  "LOW",
  "LOW",
];
const CHANNELS: ComplaintChannel[] = ["CALL", "CALL", "VISIT", "EMAIL", "WECHAT", "WECHAT", "OTHER"];
const RESOLUTIONS = [
  "已为客户换货并承担运费",
  "已补发差额并致歉",
  "已派技术专家现场处理完毕",
  "已按原价续约一年并说明调价原因",
  "已重开发票并快递寄出",
  "已退回多扣款项",
];

type Event = Prisma.ComplaintEventCreateManyInput;

export async function seedDemoComplaints(tx: Tx, opts: { users: DemoUser[]; now?: Date; count?: number }) {
  const now = opts.now ?? new Date();
  const random = seededRandom(13);
  const count = opts.count ?? 52;
  const [accounts, contacts, slaRows, teams] = await Promise.all([
    tx.account.findMany({
      where: { deletedAt: null },
      select: { id: true, name: true, ownerId: true, teamId: true },
      orderBy: { id: "asc" },
      take: 60,
    }),
    tx.contact.findMany({
      where: { deletedAt: null },
      select: { id: true, accountId: true },
      orderBy: { id: "asc" },
    }),
    tx.complaintSla.findMany(),
    tx.team.findMany({ select: { id: true, managerId: true, parentId: true } }),
  ]);
  if (!accounts.length) return { complaints: 0 };
  const policy = new Map<string, SlaPolicy>(slaRows.map((r) => [r.severity, r]));
  const userTeam = new Map(opts.users.map((u) => [u.id, u.teamId]));
  const admins = opts.users.filter((u) => u.role === "ADMIN").map((u) => u.id);
  const handlersByTeam = new Map<string, string[]>();
  for (const u of opts.users)
    if (u.teamId && (u.role === "KAM" || u.role === "REP"))
      handlersByTeam.set(u.teamId, [...(handlersByTeam.get(u.teamId) ?? []), u.id]);
  const contactsOf = new Map<string, string[]>();
  for (const c of contacts) contactsOf.set(c.accountId, [...(contactsOf.get(c.accountId) ?? []), c.id]);

  // Received over the last year, oldest first, so each year's numbers rise with time.
  const ages = Array.from({ length: count }, (_, i) =>
    i < 14
      ? random.int(0, 20) * DAY + random.int(0, 1439) * MIN
      : random.int(21, 360) * DAY + random.int(0, 1439) * MIN,
  ).sort((a, b) => b - a);
  const seqByYear = new Map<number, number>();
  const complaints: Prisma.ComplaintCreateManyInput[] = [];
  const events: Event[] = [];
  const notifications: Prisma.NotificationCreateManyInput[] = [];

  ages.forEach((age, i) => {
    const id = `cmp_demo_${String(i + 1).padStart(3, "0")}`;
    const account = accounts[(i * 7) % accounts.length]!;
    const category = random.pick(CATEGORY_WEIGHTS);
    const [title, words, rootCause, correctiveAction] = random.pick(CASES[category]);
    const severity = random.pick(SEVERITIES);
    const p = policy.get(severity) ?? { ackMinutes: 480, resolveMinutes: 10080 };
    const receivedAt = new Date(Math.floor((now.getTime() - age) / MIN) * MIN);
    const year = complaintYear(receivedAt);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const ownerId = account.ownerId;
    const ownerTeam = userTeam.get(ownerId) ?? null;
    const { ackDueAt, resolveDueAt: firstResolveDueAt } = slaDueDates(receivedAt, p);
    let resolveDueAt = firstResolveDueAt;
    const at = (minutes: number) => new Date(receivedAt.getTime() + minutes * MIN);
    const ev = (e: Omit<Event, "complaintId" | "id">, n: number) =>
      events.push({ ...e, complaintId: id, id: `${id}_e${n}` });
    let n = 0;
    ev({ kind: "status", toStatus: "RECEIVED", actorId: ownerId, createdAt: receivedAt }, n++);

    // Handed over to another region for every fifth complaint (a product specialist there), else
    // sometimes to a colleague in the same team.
    const otherTeams = [...handlersByTeam.keys()].filter((t) => t !== ownerTeam);
    const handlerTeamId =
      i % 5 === 2 && otherTeams.length ? otherTeams[i % otherTeams.length]! : i % 3 === 0 ? ownerTeam : null;
    const candidates = handlerTeamId
      ? (handlersByTeam.get(handlerTeamId) ?? []).filter((u) => u !== ownerId)
      : [];
    const handlerId = candidates.length ? candidates[i % candidates.length]! : null;
    if (handlerId)
      ev({ kind: "assign", actorId: ownerId, payload: { handlerId, handlerTeamId }, createdAt: at(5) }, n++);

    // How far it got: recent ones are still open; older ones closed, a few waiting for the customer.
    const open = age < 21 * DAY;
    const lateAck = i % 6 === 1; // acknowledged late (or not yet, if still open)
    const lateResolve = i % 7 === 3;
    const reopened = !open && i % 8 === 5;
    const target: ComplaintStatus = open
      ? (["RECEIVED", "ACKNOWLEDGED", "INVESTIGATING", "INVESTIGATING", "RESOLVED"] as const)[i % 5]!
      : i % 11 === 4
        ? "CONFIRMED"
        : "CLOSED";
    const order: ComplaintStatus[] = [
      "RECEIVED",
      "ACKNOWLEDGED",
      "INVESTIGATING",
      "RESOLVED",
      "CONFIRMED",
      "CLOSED",
    ];
    const reach = order.indexOf(target);
    const actor = handlerId ?? ownerId;
    const stamps: Partial<Record<"acknowledgedAt" | "resolvedAt" | "confirmedAt" | "closedAt", Date>> = {};
    const ackAfter = lateAck
      ? p.ackMinutes + random.int(30, 600)
      : Math.max(1, Math.floor(p.ackMinutes * random.next() * 0.8));
    const resolveAfter = lateResolve
      ? p.resolveMinutes + random.int(60, 2880)
      : Math.max(ackAfter + 60, Math.floor(p.resolveMinutes * (0.3 + random.next() * 0.6)));
    const stepAt = [0, ackAfter, ackAfter + 30, resolveAfter, resolveAfter + 1440, resolveAfter + 2880];
    for (let s = 1; s <= reach; s++) {
      const when = at(stepAt[s]!);
      if (when > now) break;
      const from = order[s - 1]!;
      const to = order[s]!;
      ev(
        {
          kind: "status",
          fromStatus: from,
          toStatus: to,
          actorId: s >= 4 ? ownerId : actor,
          note: to === "RESOLVED" ? RESOLUTIONS[i % RESOLUTIONS.length] : null,
          createdAt: when,
        },
        n++,
      );
      if (to === "ACKNOWLEDGED") stamps.acknowledgedAt = when;
      if (to === "RESOLVED") stamps.resolvedAt = when;
      if (to === "CONFIRMED") stamps.confirmedAt = when;
      if (to === "CLOSED") stamps.closedAt = when;
    }
    let status =
      order[
        Math.max(
          0,
          ...events.filter((e) => e.complaintId === id && e.toStatus).map((e) => order.indexOf(e.toStatus!)),
        )
      ]!;
    let reopenCount = 0;
    if (reopened && stamps.closedAt) {
      // The customer came back: reopened, investigated again, resolved and closed a second time.
      const back = new Date(stamps.closedAt.getTime() + 3 * DAY);
      if (back.getTime() + 6 * DAY < now.getTime()) {
        reopenCount = 1;
        ev(
          {
            kind: "reopen",
            fromStatus: "CLOSED",
            toStatus: "INVESTIGATING",
            actorId: ownerId,
            note: "客户反馈问题再次出现",
            createdAt: back,
          },
          n++,
        );
        resolveDueAt = reopenedResolveDueAt(back, p);
        const again = new Date(back.getTime() + 2 * DAY);
        ev(
          {
            kind: "status",
            fromStatus: "INVESTIGATING",
            toStatus: "RESOLVED",
            actorId: actor,
            note: "已彻底更换故障部件",
            createdAt: again,
          },
          n++,
        );
        ev(
          {
            kind: "status",
            fromStatus: "RESOLVED",
            toStatus: "CONFIRMED",
            actorId: ownerId,
            createdAt: new Date(again.getTime() + DAY),
          },
          n++,
        );
        ev(
          {
            kind: "status",
            fromStatus: "CONFIRMED",
            toStatus: "CLOSED",
            actorId: ownerId,
            createdAt: new Date(again.getTime() + 2 * DAY),
          },
          n++,
        );
        stamps.resolvedAt = again;
        stamps.confirmedAt = new Date(again.getTime() + DAY);
        stamps.closedAt = new Date(again.getTime() + 2 * DAY);
        status = "CLOSED";
      }
    }

    // Breaches as the SLA job would have marked them, each escalated once to the owner's manager.
    const escalateTo = escalationTargets({ id: ownerId, teamId: ownerTeam }, teams, admins).userIds;
    let ackBreachedAt: Date | null = null;
    let resolveBreachedAt: Date | null = null;
    let escalatedAt: Date | null = null;
    const breach = (clock: "ack" | "resolve", due: Date, done: Date | undefined) => {
      if (done ? done <= due : due >= now) return null;
      const when = new Date(due.getTime() + 5 * MIN);
      escalatedAt = when;
      ev(
        {
          kind: "escalate",
          actorId: null,
          payload: { breach: clock, to: escalateTo, via: "manager" },
          createdAt: when,
        },
        n++,
      );
      for (const userId of escalateTo)
        notifications.push({
          id: `${id}_n${clock}_${userId}`,
          userId,
          kind: "complaint.escalated",
          entity: "Complaint",
          entityId: id,
          payload: {
            complaintNumber: complaintNumber(year, seq),
            title,
            accountName: account.name,
            breach: clock,
          },
          createdAt: when,
          // Old escalations were read long ago; the last three weeks' wait in the bell.
          readAt: age > 21 * DAY ? new Date(when.getTime() + DAY) : null,
        });
      return when;
    };
    ackBreachedAt = breach("ack", ackDueAt, stamps.acknowledgedAt);
    if (status !== "CLOSED" || stamps.resolvedAt)
      resolveBreachedAt = breach("resolve", resolveDueAt, stamps.resolvedAt);
    const closedish = status === "CLOSED";
    const ids = contactsOf.get(account.id) ?? [];
    complaints.push({
      id,
      number: complaintNumber(year, seq),
      accountId: account.id,
      teamId: account.teamId,
      ownerId,
      ownerTeamId: ownerTeam,
      handlerId,
      handlerTeamId: handlerId ? handlerTeamId : null,
      channel: random.pick(CHANNELS),
      category,
      severity,
      status,
      title,
      customerWords: words,
      contactIds: ids.length ? [ids[i % ids.length]!] : [],
      receivedAt,
      ...stamps,
      reopenCount,
      ackDueAt,
      resolveDueAt,
      ackBreachedAt,
      resolveBreachedAt,
      escalatedToId: escalatedAt ? (escalateTo[0] ?? null) : null,
      escalatedAt,
      resolution: stamps.resolvedAt ? RESOLUTIONS[i % RESOLUTIONS.length] : null,
      rootCause: closedish ? rootCause : null,
      correctiveAction: closedish ? correctiveAction : null,
      createdAt: receivedAt,
    });
  });
  await tx.complaint.createMany({ data: complaints });
  await tx.complaintEvent.createMany({ data: events });
  await tx.notification.createMany({ data: notifications });
  return { complaints: complaints.length, complaintEvents: events.length };
}
