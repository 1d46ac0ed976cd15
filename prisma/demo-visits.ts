// The demo company's visits: three months of history up to the day of seeding (a rep signs in to a
// week that has just happened), for the accounts each rep or KAM owns —
// - ~1,500 visit records (客户拜访记录表) with talking points, views, suggestions and next steps
//   from demo-visit-phrases.ts, outcomes spread, check-ins with distances on accounts with a saved
//   location (a few beyond the 1 km radius), some quick logs with only the essentials;
// - visit plans (客户拜访计划表) in every status: drafts, waiting, approved ahead, returned with a
//   comment, done (closed by a record), cancelled, and approved ones whose time passed (missed);
// - gift and reception requests approved, returned with comments and waiting; one contact over
//   the yearly gift cap;
// - a follow-up (回访) per record, closed by the next contact, open and overdue where none came;
// - weekly contact logs (客户联络表) with summaries and some manager comments; a few notifications;
// - accounts overdue for contact in every tier (last contact from the records, due dates by the
//   SQL the app uses).
// Deterministic given the day: its own seeded random, ids in time order.
import type { Prisma, Tx } from "@/lib/db";
import { addDays, chinaDate, chinaDayStart, daysBetween, type IsoDate } from "@/lib/domain/calendar";
import type { Industry } from "@/lib/domain/industries";
import { seededRandom } from "@/lib/domain/random";
import { DEFAULT_VISIT_SETTINGS, type Tier, type VisitMethod, type VisitOutcome } from "@/lib/domain/visits";
import { recomputeAllContactDue, recomputeAllLastContacts } from "@/lib/data/visits/contact-due-sql";
import { visitPhraseBook } from "./demo-visit-phrases";
import type { DemoUser } from "./demo-org";

type Random = ReturnType<typeof seededRandom>;

export type DemoVisitsResult = {
  visitRecords: number;
  visitPlans: number;
  visitRequests: number;
  followUps: number;
  weeklyLogs: number;
  notifications: number;
  visitAuditRows: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WINDOW_DAYS = 92;
const S = DEFAULT_VISIT_SETTINGS;
const CADENCE: Record<Tier, number> = { A: S.cadenceDaysA, B: S.cadenceDaysB, C: S.cadenceDaysC };
// Mean days between contacts while an account is looked after (phone calls count): ~1,500 in all.
const MEAN_GAP: Record<Tier, number> = { A: 2.8, B: 4.4, C: 8.8 };

// City centres (WGS-84) of the demo territories; an account's saved location lies within ~8 km.
const CITY_CENTRES: Record<string, [number, number, string]> = {
  "310000": [31.2304, 121.4737, "上海"],
  "320100": [32.0603, 118.7969, "南京"],
  "320200": [31.4912, 120.3119, "无锡"],
  "320500": [31.2989, 120.5853, "苏州"],
  "330100": [30.2741, 120.1551, "杭州"],
  "330200": [29.8683, 121.544, "宁波"],
  "110000": [39.9042, 116.4074, "北京"],
  "120000": [39.3434, 117.3616, "天津"],
  "130100": [38.0428, 114.5149, "石家庄"],
  "370100": [36.6512, 117.1201, "济南"],
  "370200": [36.0671, 120.3826, "青岛"],
  "440100": [23.1291, 113.2644, "广州"],
  "440300": [22.5431, 114.0579, "深圳"],
  "440600": [23.0215, 113.1214, "佛山"],
  "441900": [23.0205, 113.7518, "东莞"],
  "350100": [26.0745, 119.2965, "福州"],
  "350200": [24.4798, 118.0894, "厦门"],
};
// A province's accounts without a city: its capital.
const PROVINCE_CAPITAL: Record<string, string> = {
  "320000": "320100",
  "330000": "330100",
  "130000": "130100",
  "370000": "370100",
  "440000": "440100",
  "350000": "350100",
};

const PURPOSES = [
  "季度业务回顾",
  "送样测试结果沟通",
  "年度框架协议谈判",
  "新产品技术交流",
  "质量问题整改沟通",
  "高层互访",
  "节前拜访关键联系人",
  "招标前技术澄清",
  "付款及账期协商",
  "新项目需求调研",
];
const OBJECTIVES = [
  "确认试用结果，争取小批量订单",
  "了解明年采购计划和预算",
  "推动技术部出具认可意见",
  "确定报价区间和付款条件",
  "与拍板人建立直接联系",
  "消除客户对交期的顾虑",
  "拿到招标时间表和评分标准",
];
const RETURN_COMMENTS = [
  "目的不够具体，请写明要见的决策人和要达成的结果",
  "预计费用偏高，请压缩到2000元以内再提交",
  "与上周计划重复，请合并后再提交",
  "请补充同行人员和客户方参加人员",
  "时间与季度会议冲突，请调整日期",
];
const APPROVE_COMMENTS = ["同意", "同意，注意控制费用", "同意，回来后及时提交拜访记录", ""];
const GIFT_ITEMS = [
  "茶叶礼盒两盒",
  "公司定制笔记本及水杯套装",
  "中秋月饼礼盒",
  "地方特产礼盒",
  "书法作品一幅",
  "定制保温杯四只",
  "年货礼盒",
];
const GIFT_REASONS = [
  "春节前走访关键联系人",
  "感谢客户在质量整改中的配合",
  "项目合作一周年",
  "客户技术部协助完成样品验证",
  "中秋节前拜访",
];
const GIFT_RETURNS = [
  "该联系人本年度已收礼品较多，请改为其他形式",
  "金额超出标准，请调整到500元以内后重新提交",
  "请写明受礼人职务和馈赠理由",
];
const DELEGATIONS = [
  "采购总监、质量经理及工程师共4人",
  "总经理、采购总监2人",
  "技术总监带队，工艺工程师3人",
  "供应商审核小组5人",
];
const ITINERARIES = [
  "上午参观生产线和检测中心，下午技术交流，晚餐座谈",
  "第一天工厂审核，第二天商务会谈",
  "参观展厅、座谈、工作午餐",
  "参观新建自动化车间，会后签署合作备忘录",
];
const RECEPTION_RETURNS = [
  "请补充接待行程安排",
  "预算偏高，请按接待标准调整住宿和餐饮",
  "请确认客户到访人数",
];
const MANAGER_COMMENTS = [
  "本周拜访量不错，注意跟进测试结果",
  "A类客户要保证每两周至少联系一次",
  "下周计划过于笼统，请写明具体客户和目标",
  "质量投诉的客户要重点跟进，必要时我陪同拜访",
  "好，继续保持",
  "报价策略先和我沟通再发给客户",
];
const NEXT_WEEK = [
  "跟进上周送样的测试结果",
  "准备季度业务回顾材料",
  "提交修订报价",
  "安排技术交流",
  "催收到期货款",
  "拜访新接触的潜在客户",
];

// Method mix: mostly visits and calls; seminars and hosting now and then.
function drawMethod(r: Random): VisitMethod {
  const x = r.next();
  return x < 0.5 ? "IN_PERSON" : x < 0.8 ? "PHONE" : x < 0.9 ? "VIDEO" : x < 0.95 ? "SEMINAR" : "HOSTING";
}
function drawOutcome(r: Random): VisitOutcome {
  const x = r.next();
  return x < 0.45 ? "ADVANCED" : x < 0.85 ? "NO_PROGRESS" : "SETBACK";
}
const DURATION: Record<VisitMethod, [number, number]> = {
  IN_PERSON: [30, 150],
  PHONE: [5, 30],
  VIDEO: [20, 60],
  SEMINAR: [60, 240],
  HOSTING: [120, 360],
};
// The demo users the README names: what it promises they find is made sure of, not left to chance.
const SHOWCASE = ["usr_east_rep1", "usr_east_kam1", "usr_north_rep1", "usr_south_rep1"];
const yuan = (n: number) => BigInt(n) * 100n;
const pad = (n: number) => String(n).padStart(5, "0");

/** A UUID-shaped client id (the browser makes one per form), from the seeded random. */
function clientUuid(r: Random): string {
  const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** An instant on China calendar day `date` at hh:mm Beijing time. */
const at = (date: IsoDate, minutesOfDay: number) =>
  new Date(chinaDayStart(date).getTime() + minutesOfDay * MINUTE);
const isWeekend = (date: IsoDate) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
/** Mondays, as the weekly log keys weeks. */
const mondayOf = (date: IsoDate) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/** A point `meters` from (lat, lng) in direction `bearing` (radians): close enough for a few km. */
function offset(lat: number, lng: number, meters: number, bearing: number): [number, number] {
  const dLat = (meters * Math.cos(bearing)) / 111_320;
  const dLng = (meters * Math.sin(bearing)) / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [Number((lat + dLat).toFixed(6)), Number((lng + dLng).toFixed(6))];
}

/**
 * Inserts rows as one JSON parameter (json_populate_recordset): on the embedded database this is
 * ~20× faster than createMany's thousands of bound parameters. Every row must name every column
 * it fills (missing keys are NULL; column defaults do not apply).
 */
export async function insertJson(tx: Tx, table: string, rows: object[]): Promise<void> {
  if (!rows.length) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(", ");
  const json = JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    json,
  );
}

function snapshot(value: Record<string, unknown>): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

type DemoAccount = {
  id: string;
  name: string;
  ownerId: string;
  teamId: string;
  tier: Tier;
  industry: Industry | null;
  lifecycle: string;
  address: string | null;
  createdAt: Date;
  city: string;
  location: [number, number] | null;
  contacts: { id: string; name: string; title: string | null }[];
  openDealIds: string[];
};

export async function seedDemoVisits(
  tx: Tx,
  args: { users: DemoUser[]; now?: Date },
): Promise<DemoVisitsResult> {
  const r = seededRandom(20261202);
  const now = args.now ?? new Date();
  const today = chinaDate(now);
  const nowMinutes = Math.floor((now.getTime() - chinaDayStart(today).getTime()) / MINUTE);
  const phrases = visitPhraseBook(r);
  const userById = new Map(args.users.map((u) => [u.id, u]));
  const managerOf = (teamId: string) =>
    args.users.find((u) => u.role === "MANAGER" && u.teamId === teamId)?.id ?? "usr_director";
  const director = args.users.find((u) => u.id === "usr_director")?.id ?? managerOf("team_sales");

  const rows = await tx.account.findMany({
    where: { deletedAt: null },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      ownerId: true,
      teamId: true,
      tier: true,
      industry: true,
      lifecycle: true,
      address: true,
      createdAt: true,
      territory: { select: { code: true } },
      contacts: {
        where: { deletedAt: null },
        orderBy: { id: "asc" },
        select: { id: true, name: true, title: true },
      },
      deals: { where: { status: "OPEN", deletedAt: null }, orderBy: { id: "asc" }, select: { id: true } },
    },
  });
  const accounts: DemoAccount[] = rows.map((a) => {
    const code = a.territory?.code ?? "";
    const centre =
      CITY_CENTRES[code] ?? CITY_CENTRES[PROVINCE_CAPITAL[code] ?? ""] ?? CITY_CENTRES["310000"]!;
    // Three in four accounts have a saved location (set from an earlier check-in).
    const location = r.chance(0.75)
      ? offset(centre[0], centre[1], r.int(500, 8000), r.next() * 2 * Math.PI)
      : null;
    return {
      id: a.id,
      name: a.name,
      ownerId: a.ownerId,
      teamId: a.teamId,
      tier: a.tier,
      industry: a.industry as Industry | null,
      lifecycle: a.lifecycle,
      address: a.address,
      createdAt: a.createdAt,
      city: centre[2],
      location,
      contacts: a.contacts,
      openDealIds: a.deals.map((d) => d.id),
    };
  });

  // ------------------------------------------------------------------------------------------
  // Records: per account, walk back from its last contact with gaps around its tier's mean. About
  // a quarter of each tier is overdue: its last contact lies beyond the cadence.
  type Draft = { account: DemoAccount; date: IsoDate; minutes: number };
  const drafts: Draft[] = [];
  // The people the README names have an overdue account in every tier they hold.
  // An account younger than its cadence cannot be overdue yet (its first contact is not due), so
  // where a person's first account in a tier is that young, the next one old enough is made overdue.
  const showcaseFirst = new Set<string>();
  const showcaseOverdue = new Set<string>();
  const lastContactDate = (a: DemoAccount): number | null => {
    const cadence = CADENCE[a.tier];
    const key = `${a.ownerId}|${a.tier}`;
    const shown = SHOWCASE.includes(a.ownerId) && !showcaseFirst.has(key);
    showcaseFirst.add(key);
    const oldEnough = daysBetween(chinaDate(a.createdAt), today) > cadence + 1;
    const forced = SHOWCASE.includes(a.ownerId) && oldEnough && !showcaseOverdue.has(key);
    if (forced) showcaseOverdue.add(key);
    if (shown || r.chance(a.lifecycle === "LOST" ? 0.6 : 0.22) || forced)
      return cadence + r.int(1, Math.ceil(cadence * 0.6));
    return r.int(0, Math.min(cadence - 2, 10));
  };
  // A rep with few accounts contacts each more often than a KAM with twenty.
  const owned = new Map<string, number>();
  for (const a of accounts) owned.set(a.ownerId, (owned.get(a.ownerId) ?? 0) + 1);
  for (const a of accounts) {
    const load = Math.min(1.6, Math.max(0.6, Math.sqrt(owned.get(a.ownerId)! / 8)));
    let count = 0;
    const earliest = Math.min(WINDOW_DAYS + 45, daysBetween(chinaDate(a.createdAt), today) - 1);
    let daysAgo = lastContactDate(a);
    const mean = MEAN_GAP[a.tier] * load * (a.lifecycle === "LOST" ? 3 : 1);
    while (daysAgo !== null && daysAgo <= earliest) {
      // Past the three months only the single last contact of a long-overdue account.
      if (daysAgo > WINDOW_DAYS && count > 0) break;
      let date = addDays(today, -daysAgo);
      while (isWeekend(date) && r.chance(0.9)) date = addDays(date, -1);
      let minutes = r.int(8 * 60 + 30, 17 * 60 + 30);
      if (date === today) {
        if (nowMinutes < 9 * 60 + 30) date = addDays(date, -1);
        else minutes = r.int(8 * 60, nowMinutes - 30);
      }
      if (daysBetween(chinaDate(a.createdAt), date) > 0) {
        drafts.push({ account: a, date, minutes });
        count++;
      }
      daysAgo += Math.max(1, Math.round(mean * (0.4 + r.next() * 1.2)));
    }
  }
  drafts.sort(
    (x, y) =>
      at(x.date, x.minutes).getTime() - at(y.date, y.minutes).getTime() ||
      (x.account.id < y.account.id ? -1 : 1),
  );

  const records: Prisma.VisitRecordCreateManyInput[] = [];
  const plans: Prisma.VisitPlanCreateManyInput[] = [];
  const audit: (Omit<Prisma.AuditLogCreateManyInput, "id"> & { createdAt: Date })[] = [];
  const recordAccount = new Map<string, DemoAccount>();
  let planNo = 0;
  const nextPlanId = () => `vplan_${pad(++planNo)}`;

  /** The approval a plan of this account, method and cost gets under the default settings. */
  const approvalOf = (a: DemoAccount, method: VisitMethod, cost: bigint | null) => {
    const needsApproval =
      S.approvalTiers.includes(a.tier) ||
      (cost ?? 0n) > S.approvalCostThreshold ||
      (method === "HOSTING" && S.approvalForHosting);
    const approverId = needsApproval
      ? (cost ?? 0n) > S.directorThreshold
        ? director
        : managerOf(a.teamId)
      : null;
    return { needsApproval, approverId };
  };
  const planBase = (a: DemoAccount, method: VisitMethod, start: Date, cost: bigint | null) => {
    const contacts = a.contacts.slice(0, r.int(1, Math.min(2, a.contacts.length)));
    return {
      accountId: a.id,
      ownerId: a.ownerId,
      teamId: a.teamId,
      dealId: a.openDealIds.length && r.chance(0.5) ? r.pick(a.openDealIds) : null,
      contactIds: contacts.map((c) => c.id),
      companionIds: r.chance(0.15) ? [managerOf(a.teamId)] : [],
      purpose: r.pick(PURPOSES),
      objectives: r.pick(OBJECTIVES),
      method,
      place: method === "PHONE" || method === "VIDEO" ? null : (a.address ?? `${a.city}客户现场`),
      plannedStart: start,
      plannedEnd: new Date(start.getTime() + r.pick([1, 1.5, 2, 3]) * HOUR),
      expectedCost: cost,
      ...approvalOf(a, method, cost),
    };
  };

  for (const [i, d] of drafts.entries()) {
    const a = d.account;
    const id = `vrec_${pad(i + 1)}`;
    const method = drawMethod(r);
    const visitedAt = at(d.date, d.minutes);
    const quick = r.chance(0.18); // logged on a phone with only the essentials
    const outcome = quick ? null : drawOutcome(r);
    const contact = a.contacts.length ? r.pick(a.contacts) : null;
    const text = phrases.visit({ industry: a.industry, method, outcome, contact, city: a.city });
    const [lo, hi] = DURATION[method];
    const cost =
      method === "HOSTING"
        ? yuan(r.int(10, 80) * 100)
        : method === "IN_PERSON" && r.chance(0.4)
          ? yuan(r.int(5, 80) * 10)
          : null;
    // A check-in on most visits in person; a few far from the saved location (flagged).
    let checkIn: Partial<Prisma.VisitRecordCreateManyInput> = {};
    if (method === "IN_PERSON" && a.location && r.chance(0.7)) {
      const distance = r.chance(0.12) ? r.int(1200, 6000) : r.int(20, 900);
      const [lat, lng] = offset(a.location[0], a.location[1], distance, r.next() * 2 * Math.PI);
      checkIn = {
        checkInAt: new Date(visitedAt.getTime() - r.int(2, 15) * MINUTE),
        checkInLatitude: lat,
        checkInLongitude: lng,
        checkInAccuracyM: r.int(8, 60),
        checkInDistanceM: distance,
      };
    }
    // Planned ahead: a third of the visits in person, every hosting; the plan is done.
    let planId: string | null = null;
    if (
      (method === "IN_PERSON" && r.chance(0.3)) ||
      method === "HOSTING" ||
      (method === "SEMINAR" && r.chance(0.5))
    ) {
      planId = nextPlanId();
      const created = new Date(visitedAt.getTime() - r.int(2, 8) * DAY - r.int(0, 6) * HOUR);
      const base = planBase(a, method, new Date(visitedAt.getTime() - r.int(0, 30) * MINUTE), cost);
      const submittedAt = new Date(created.getTime() + r.int(10, 180) * MINUTE);
      plans.push({
        id: planId,
        clientId: clientUuid(r),
        ...base,
        status: "DONE",
        approverId: base.approverId,
        submittedAt,
        decidedAt: base.needsApproval ? new Date(submittedAt.getTime() + r.int(1, 20) * HOUR) : submittedAt,
        decisionComment: base.needsApproval ? r.pick(APPROVE_COMMENTS) || null : null,
        version: 3,
        createdAt: created,
        updatedAt: visitedAt,
      });
    }
    records.push({
      id,
      clientId: clientUuid(r),
      accountId: a.id,
      ownerId: a.ownerId,
      teamId: a.teamId,
      planId,
      dealId: a.openDealIds.length && r.chance(0.4) ? r.pick(a.openDealIds) : null,
      visitedAt,
      place:
        method === "PHONE" || method === "VIDEO"
          ? null
          : method === "HOSTING"
            ? "我司总部展厅及会议室"
            : (a.address ?? `${a.city}客户现场`),
      method,
      contactIds: contact ? [contact.id] : [],
      talkingPoints: text.talkingPoints,
      customerViews: quick ? null : text.customerViews,
      suggestions: quick || r.chance(0.25) ? null : text.suggestions,
      nextStep: text.nextStep,
      outcome,
      durationMinutes: quick ? null : r.int(lo, hi),
      cost,
      ...checkIn,
      version: 1,
      createdAt: new Date(visitedAt.getTime() + r.int(10, 240) * MINUTE),
      updatedAt: new Date(visitedAt.getTime() + r.int(10, 240) * MINUTE),
    });
    recordAccount.set(id, a);
  }
  // A record logged "later today" must not be dated after now.
  for (const rec of records) {
    if ((rec.createdAt as Date) > now) rec.createdAt = rec.updatedAt = now;
  }

  // ------------------------------------------------------------------------------------------
  // Follow-ups: one per record, due after the set days; the account's next record closes it.
  const followUps: Prisma.FollowUpCreateManyInput[] = [];
  const openByAccount = new Map<string, Prisma.FollowUpCreateManyInput>();
  for (const rec of records) {
    const open = openByAccount.get(rec.accountId);
    if (open) {
      open.completedAt = rec.visitedAt;
      open.completedByRecordId = rec.id as string;
      open.version = 2;
    }
    const followUp: Prisma.FollowUpCreateManyInput = {
      id: `vfu_${(rec.id as string).slice(5)}`,
      accountId: rec.accountId,
      ownerId: rec.ownerId,
      teamId: rec.teamId,
      sourceRecordId: rec.id as string,
      dueOn: new Date(`${addDays(chinaDate(rec.visitedAt as Date), S.followUpDays)}T00:00:00Z`),
      version: 1,
      createdAt: rec.createdAt as Date,
    };
    followUps.push(followUp);
    openByAccount.set(rec.accountId, followUp);
  }

  // ------------------------------------------------------------------------------------------
  // Plans that are not (yet) records: every other status.
  const active = accounts.filter((a) => a.lifecycle !== "LOST");
  const approvalTier = active.filter((a) => S.approvalTiers.includes(a.tier));
  // The people the README names find every status among their own plans: each status's first
  // plans go to them, the rest anywhere.
  const showcase = SHOWCASE;
  const accountOf = (i: number) => {
    const own = active.filter((a) => a.ownerId === showcase[i]);
    return own.length ? r.pick(own) : r.pick(active);
  };
  const extraPlan = (
    status: Prisma.VisitPlanCreateManyInput["status"],
    dayFrom: number,
    dayTo: number,
    i: number,
  ) => {
    const a = accountOf(i);
    // Only a plan that needs approval can wait for it or come back: one off the approval tiers
    // needs it for its cost.
    const mustApprove =
      (status === "SUBMITTED" || status === "RETURNED") && !S.approvalTiers.includes(a.tier);
    let date = addDays(today, r.int(dayFrom, dayTo));
    while (isWeekend(date)) date = addDays(date, 1);
    const method = r.chance(0.8) ? "IN_PERSON" : r.pick(["VIDEO", "SEMINAR", "HOSTING"] as const);
    const cost =
      method === "HOSTING"
        ? yuan(r.int(20, 300) * 100)
        : mustApprove
          ? yuan(r.int(25, 60) * 100)
          : r.chance(0.5)
            ? yuan(r.int(2, 50) * 100)
            : null;
    const start = at(date, r.pick([9 * 60, 10 * 60, 14 * 60, 15 * 60 + 30]));
    const base = planBase(a, method, start, cost);
    const created = new Date(
      Math.min(start.getTime() - r.int(3, 10) * DAY, now.getTime() - r.int(1, 48) * HOUR),
    );
    const submittedAt = status === "DRAFT" ? null : new Date(created.getTime() + r.int(10, 120) * MINUTE);
    const decided =
      submittedAt && status !== "SUBMITTED" && !(status === "CANCELLED" && !base.needsApproval)
        ? new Date(Math.min(submittedAt.getTime() + r.int(1, 30) * HOUR, now.getTime() - 30 * MINUTE))
        : null;
    // A plan that needs no approval is approved on submission.
    const settled = status === "SUBMITTED" && !base.needsApproval ? "APPROVED" : status;
    plans.push({
      id: nextPlanId(),
      clientId: clientUuid(r),
      ...base,
      status: settled,
      submittedAt,
      decidedAt: settled === "APPROVED" && !base.needsApproval ? submittedAt : decided,
      decisionComment:
        settled === "RETURNED"
          ? r.pick(RETURN_COMMENTS)
          : decided && base.needsApproval
            ? r.pick(APPROVE_COMMENTS) || null
            : null,
      version: status === "DRAFT" ? 1 : 2,
      createdAt: created,
      updatedAt: decided ?? submittedAt ?? created,
    });
  };
  for (let i = 0; i < 30; i++) extraPlan("APPROVED", 0, 21, i); // coming up
  for (let i = 0; i < 18; i++) extraPlan("APPROVED", -60, -2, i); // missed: time passed, no record
  for (let i = 0; i < 14; i++) extraPlan("SUBMITTED", 1, 14, i); // waiting for the approver
  for (let i = 0; i < 10; i++) extraPlan("DRAFT", 2, 20, i);
  for (let i = 0; i < 8; i++) extraPlan("RETURNED", 3, 15, i);
  for (let i = 0; i < 10; i++) extraPlan("CANCELLED", -40, 10, i);
  // Ids in time order of creation, as the app would have made them.
  plans.sort((x, y) => (x.createdAt as Date).getTime() - (y.createdAt as Date).getTime());
  const planIdMap = new Map(plans.map((p, i) => [p.id as string, `vplan_${pad(i + 1)}`]));
  for (const p of plans) p.id = planIdMap.get(p.id as string)!;
  for (const rec of records) if (rec.planId) rec.planId = planIdMap.get(rec.planId)!;

  // ------------------------------------------------------------------------------------------
  // Gift and reception requests.
  const requests: Prisma.VisitRequestCreateManyInput[] = [];
  const giftPlans = plans.filter((p) => p.status !== "DRAFT" && p.method !== "PHONE");
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const decide = (needsApproval: boolean, returned: string[], i: number) => {
    const x = r.next();
    if (!needsApproval)
      return { status: x < 0.08 ? ("CANCELLED" as const) : ("APPROVED" as const), comment: null };
    if (i < 4 || x < 0.15) return { status: "SUBMITTED" as const, comment: null };
    if (x < 0.35) return { status: "RETURNED" as const, comment: r.pick(returned) };
    if (x < 0.4) return { status: "CANCELLED" as const, comment: null };
    return { status: "APPROVED" as const, comment: r.pick(APPROVE_COMMENTS) || null };
  };
  // The first two gifts go to one contact and together pass the yearly cap per contact: the
  // second, still waiting, shows the approver the warning.
  const capAccount = r.pick(approvalTier.filter((x) => x.contacts.length));
  // Then two people the README names get one gift request waiting, one returned, one approved.
  const shown = (i: number) => (i >= 2 && i < 8 ? showcase[i % 2]! : null);
  for (let i = 0; i < 34; i++) {
    const plan = i >= 8 && r.chance(0.6) ? r.pick(giftPlans) : null;
    const owner = shown(i);
    const account =
      i < 2
        ? capAccount
        : owner
          ? r.pick(active.filter((a) => a.ownerId === owner && a.contacts.length))
          : plan
            ? accountById.get(plan.accountId)!
            : r.pick(active);
    if (!account.contacts.length) continue;
    const recipient = i < 2 ? account.contacts[0]!.id : r.pick(account.contacts).id;
    const amount = i < 2 ? yuan(r.int(110, 130) * 10) : yuan(r.int(owner ? 6 : 2, 15) * 100);
    const needsApproval = amount > S.giftApprovalThreshold;
    const decided = decide(needsApproval, GIFT_RETURNS, i);
    const { status, comment } =
      i === 0
        ? { status: "APPROVED" as const, comment: "同意" }
        : i === 1 || i === 2 || i === 3
          ? { status: "SUBMITTED" as const, comment: null }
          : i === 4 || i === 5
            ? { status: "RETURNED" as const, comment: r.pick(GIFT_RETURNS) }
            : i === 6 || i === 7
              ? { status: "APPROVED" as const, comment: r.pick(APPROVE_COMMENTS) || null }
              : decided;
    const created = new Date(now.getTime() - r.int(1, 80) * DAY - r.int(0, 8) * HOUR);
    requests.push({
      id: "",
      clientId: clientUuid(r),
      kind: "GIFT",
      accountId: account.id,
      planId: plan ? (plan.id as string) : null,
      ownerId: account.ownerId,
      teamId: account.teamId,
      amount,
      reason: r.pick(GIFT_REASONS),
      giftItems: r.pick(GIFT_ITEMS),
      recipientContactId: recipient,
      status,
      needsApproval,
      approverId: needsApproval
        ? amount > S.directorThreshold
          ? director
          : managerOf(account.teamId)
        : null,
      decidedAt:
        status === "SUBMITTED" || (status === "CANCELLED" && !needsApproval)
          ? null
          : new Date(created.getTime() + r.int(2, 40) * HOUR),
      decisionComment: comment,
      version: status === "SUBMITTED" ? 1 : 2,
      createdAt: created,
      updatedAt: created,
    });
  }
  for (let i = 0; i < 12; i++) {
    const a = r.pick(active);
    const amount = yuan(r.int(30, 400) * 100);
    const decided = decide(true, RECEPTION_RETURNS, i);
    // Whatever the draw, the inbox shows a reception returned with a comment and one approved.
    const { status, comment } =
      i === 4
        ? { status: "RETURNED" as const, comment: RECEPTION_RETURNS[0]! }
        : i === 5
          ? { status: "APPROVED" as const, comment: null }
          : decided;
    const created = new Date(now.getTime() - r.int(1, 70) * DAY - r.int(0, 8) * HOUR);
    const start = addDays(chinaDate(created), r.int(5, 25));
    requests.push({
      id: "",
      clientId: clientUuid(r),
      kind: "RECEPTION",
      accountId: a.id,
      planId: null,
      ownerId: a.ownerId,
      teamId: a.teamId,
      amount,
      reason: r.pick([
        "客户来我司进行供应商现场审核",
        "客户高层来访，商谈年度合作",
        "新产品发布，邀请客户参观",
      ]),
      delegation: r.pick(DELEGATIONS),
      startDate: new Date(`${start}T00:00:00Z`),
      endDate: new Date(`${addDays(start, r.int(0, 1))}T00:00:00Z`),
      headcount: r.int(2, 6),
      itinerary: r.pick(ITINERARIES),
      status,
      needsApproval: true,
      approverId: amount > S.directorThreshold ? director : managerOf(a.teamId),
      decidedAt: status === "SUBMITTED" ? null : new Date(created.getTime() + r.int(2, 40) * HOUR),
      decisionComment: comment,
      version: status === "SUBMITTED" ? 1 : 2,
      createdAt: created,
      updatedAt: created,
    });
  }
  requests.sort((x, y) => (x.createdAt as Date).getTime() - (y.createdAt as Date).getTime());
  requests.forEach((q, i) => {
    q.id = `vreq_${pad(i + 1)}`;
    if (q.decidedAt && (q.decidedAt as Date) > now) q.decidedAt = new Date(now.getTime() - HOUR);
    q.updatedAt = (q.decidedAt as Date | null) ?? q.createdAt;
  });

  // ------------------------------------------------------------------------------------------
  // Weekly contact logs: every full week of the window, per rep and KAM, from their records.
  const people = args.users.filter((u) => u.role === "REP" || u.role === "KAM");
  const thisMonday = mondayOf(today);
  const weeklyLogs: Prisma.WeeklyContactLogCreateManyInput[] = [];
  const recordsByOwnerWeek = new Map<string, Prisma.VisitRecordCreateManyInput[]>();
  for (const rec of records) {
    const key = `${rec.ownerId}|${mondayOf(chinaDate(rec.visitedAt as Date))}`;
    recordsByOwnerWeek.set(key, [...(recordsByOwnerWeek.get(key) ?? []), rec]);
  }
  for (let w = 12; w >= 1; w--) {
    const monday = addDays(thisMonday, -7 * w);
    for (const u of people) {
      const week = recordsByOwnerWeek.get(`${u.id}|${monday}`) ?? [];
      if (!week.length) continue;
      const names = [...new Set(week.map((x) => recordAccount.get(x.id as string)!.name))];
      const inPerson = week.filter((x) => x.method === "IN_PERSON").length;
      const advanced = week
        .filter((x) => x.outcome === "ADVANCED")
        .map((x) => recordAccount.get(x.id as string)!.name);
      const summary =
        `本周联系客户${names.length}家，共${week.length}次（上门${inPerson}次，电话及线上${week.length - inPerson}次）。` +
        (advanced.length ? `${advanced[0]}有实质进展。` : "整体进展不大。") +
        (r.chance(0.5) ? `重点跟进${r.pick(names)}。` : "");
      const commented = r.chance(0.3);
      const written = at(addDays(monday, r.chance(0.7) ? 4 : 6), r.int(16 * 60, 21 * 60));
      weeklyLogs.push({
        id: `vweek_${u.id.slice(4)}_${monday.replaceAll("-", "")}`,
        ownerId: u.id,
        teamId: u.teamId!,
        weekStart: new Date(`${monday}T00:00:00Z`),
        summary,
        nextWeekPlan: [...new Set([r.pick(NEXT_WEEK), r.pick(NEXT_WEEK)])].join("；") + "。",
        managerComment: commented ? r.pick(MANAGER_COMMENTS) : null,
        managerCommentById: commented ? managerOf(u.teamId!) : null,
        version: commented ? 3 : 2,
        createdAt: written,
        updatedAt: commented ? new Date(written.getTime() + r.int(12, 60) * HOUR) : written,
      });
    }
  }

  // ------------------------------------------------------------------------------------------
  // Notifications: what waits for an approver, and recent decisions for the person who asked.
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const notify = (n: Omit<Prisma.NotificationCreateManyInput, "id">) =>
    notifications.push({ id: `vnote_${pad(notifications.length + 1)}`, ...n });
  const recent = now.getTime() - 14 * DAY;
  for (const p of plans) {
    const a = accountById.get(p.accountId)!;
    const payload = {
      accountName: a.name,
      ownerName: userById.get(p.ownerId)?.name ?? "",
      purpose: p.purpose,
    };
    if (p.status === "SUBMITTED" && p.approverId && (p.plannedEnd as Date) > now) {
      notify({
        userId: p.approverId,
        kind: "plan.submitted",
        entity: "VisitPlan",
        entityId: p.id as string,
        actorId: p.ownerId,
        payload,
        createdAt: p.submittedAt as Date,
      });
    }
    if (
      (p.status === "RETURNED" || (p.status === "APPROVED" && p.needsApproval)) &&
      p.decidedAt &&
      (p.decidedAt as Date).getTime() > recent
    ) {
      notify({
        userId: p.ownerId,
        kind: p.status === "RETURNED" ? "plan.returned" : "plan.approved",
        entity: "VisitPlan",
        entityId: p.id as string,
        actorId: p.approverId,
        payload: { ...payload, comment: p.decisionComment ?? null },
        readAt:
          p.status === "APPROVED" && r.chance(0.6) ? new Date((p.decidedAt as Date).getTime() + HOUR) : null,
        createdAt: p.decidedAt as Date,
      });
    }
  }
  for (const q of requests) {
    const a = accountById.get(q.accountId)!;
    const payload = {
      accountName: a.name,
      ownerName: userById.get(q.ownerId)?.name ?? "",
      kind: q.kind,
      amount: String(q.amount),
    };
    if (q.status === "SUBMITTED" && q.approverId) {
      notify({
        userId: q.approverId,
        kind: "request.submitted",
        entity: "VisitRequest",
        entityId: q.id as string,
        actorId: q.ownerId,
        payload,
        createdAt: q.createdAt as Date,
      });
    }
    if (
      (q.status === "APPROVED" || q.status === "RETURNED") &&
      q.needsApproval &&
      (q.decidedAt as Date).getTime() > recent - 14 * DAY
    ) {
      notify({
        userId: q.ownerId,
        kind: q.status === "RETURNED" ? "request.returned" : "request.approved",
        entity: "VisitRequest",
        entityId: q.id as string,
        actorId: q.approverId,
        payload: { ...payload, comment: q.decisionComment ?? null },
        readAt:
          (q.decidedAt as Date).getTime() < recent
            ? new Date((q.decidedAt as Date).getTime() + 2 * HOUR)
            : null,
        createdAt: q.decidedAt as Date,
      });
    }
  }

  // ------------------------------------------------------------------------------------------
  // Audit rows, as the app would have written them (creation and decisions).
  for (const rec of records) {
    audit.push({
      actorId: rec.ownerId,
      action: "visit.create",
      entity: "VisitRecord",
      entityId: rec.id as string,
      after: snapshot({
        accountId: rec.accountId,
        planId: rec.planId,
        visitedAt: rec.visitedAt,
        method: rec.method,
        outcome: rec.outcome ?? null,
      }),
      createdAt: rec.createdAt as Date,
    });
  }
  for (const p of plans) {
    audit.push({
      actorId: p.ownerId,
      action: "visitPlan.create",
      entity: "VisitPlan",
      entityId: p.id as string,
      after: snapshot({
        accountId: p.accountId,
        method: p.method,
        plannedStart: p.plannedStart,
        status: "DRAFT",
      }),
      createdAt: p.createdAt as Date,
    });
    if (p.submittedAt) {
      audit.push({
        actorId: p.ownerId,
        action: "visitPlan.submit",
        entity: "VisitPlan",
        entityId: p.id as string,
        before: snapshot({ status: "DRAFT" }),
        after: snapshot({ status: p.needsApproval ? "SUBMITTED" : "APPROVED", approverId: p.approverId }),
        createdAt: p.submittedAt as Date,
      });
    }
    if (p.needsApproval && p.decidedAt && p.approverId && p.status !== "CANCELLED") {
      const returned = p.status === "RETURNED";
      audit.push({
        actorId: p.approverId,
        action: returned ? "visitPlan.return" : "visitPlan.approve",
        entity: "VisitPlan",
        entityId: p.id as string,
        before: snapshot({ status: "SUBMITTED" }),
        after: snapshot({
          status: returned ? "RETURNED" : "APPROVED",
          decisionComment: p.decisionComment ?? null,
        }),
        createdAt: p.decidedAt as Date,
      });
    }
  }
  for (const q of requests) {
    audit.push({
      actorId: q.ownerId,
      action: "visitRequest.create",
      entity: "VisitRequest",
      entityId: q.id as string,
      after: snapshot({
        kind: q.kind,
        accountId: q.accountId,
        planId: q.planId,
        amount: q.amount,
        status: q.needsApproval ? "SUBMITTED" : "APPROVED",
      }),
      createdAt: q.createdAt as Date,
    });
    if (q.needsApproval && q.approverId && (q.status === "APPROVED" || q.status === "RETURNED")) {
      audit.push({
        actorId: q.approverId,
        action: q.status === "RETURNED" ? "visitRequest.return" : "visitRequest.approve",
        entity: "VisitRequest",
        entityId: q.id as string,
        before: snapshot({ status: "SUBMITTED" }),
        after: snapshot({ status: q.status, decisionComment: q.decisionComment ?? null }),
        createdAt: q.decidedAt as Date,
      });
    }
  }
  audit.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());

  // ------------------------------------------------------------------------------------------
  // Write: batches in dependency order, then locations, last contacts and due dates in SQL.
  await insertJson(tx, "VisitPlan", plans);
  await insertJson(tx, "VisitRecord", records);
  await insertJson(tx, "FollowUp", followUps);
  await insertJson(tx, "VisitRequest", requests);
  await insertJson(tx, "WeeklyContactLog", weeklyLogs);
  await insertJson(tx, "Notification", notifications);
  await insertJson(
    tx,
    "AuditLog",
    audit.map((e, i) => ({ ...e, id: `aud_seed_v${pad(i + 1)}` })),
  );
  const located = accounts.filter((a) => a.location);
  await tx.$executeRaw`
    UPDATE "Account" a SET latitude = v.lat, longitude = v.lng
    FROM unnest(${located.map((a) => a.id)}::text[], ${located.map((a) => a.location![0])}::float8[],
                ${located.map((a) => a.location![1])}::float8[]) AS v(id, lat, lng)
    WHERE a.id = v.id`;
  await recomputeAllLastContacts(tx);
  await recomputeAllContactDue(tx, S);

  return {
    visitRecords: records.length,
    visitPlans: plans.length,
    visitRequests: requests.length,
    followUps: followUps.length,
    weeklyLogs: weeklyLogs.length,
    notifications: notifications.length,
    visitAuditRows: audit.length,
  };
}
