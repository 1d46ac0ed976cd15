// Demo development deals (开发项目) on the demo accounts: ~80 deals across the five stages and the four
// outcomes, with stage work consistent with each deal's stage (the gates of the stages it left are met,
// its current stage is partly done, a few deals sit at an unmet gate), the stage history with a few
// back-moves and manager overrides, cooperation agreements for the won deals (a few due for renewal), and
// the default pipeline settings. Inside contacts and decision-maker relationships are raised where a
// deal passed the stage-2 or stage-4 gate, so the account data agrees with the deal.
// Deterministic: fixed ids, the caller's seeded random and the reference date of demo-accounts.ts.
import type { Prisma, Tx } from "@/lib/db";
import type { Industry } from "@/lib/domain/industries";
import {
  DEAL_STAGES,
  DEFAULT_PIPELINE_SETTINGS,
  stageNumber,
  type DealStage,
  type Obstacle,
  type ProgrammeStep,
} from "@/lib/domain/pipeline";
import type { seededRandom } from "@/lib/domain/random";
import { DEMO_TEAMS, type DemoUser } from "./demo-org";
import { agreementRow, dealRow } from "../tests/factories/deals";

type Random = ReturnType<typeof seededRandom>;
type CooperationMode = "DIRECT_SUPPLY" | "DISTRIBUTION" | "OEM" | "STRATEGIC" | "PROJECT";

export type DemoDealsResult = {
  deals: number;
  dealStageChanges: number;
  agreements: number;
  /** Contacts raised to 内线 or to a strong decision-maker relationship for deals past those gates. */
  dealContactsUpdated: number;
};

// ---------------------------------------------------------------------------------------------
// Time: like demo-accounts.ts, everything is dated relative to 2026-11-25 10:00 Beijing time.

const REF = Date.UTC(2026, 10, 25, 2, 0, 0);
const REF_DAY = Date.UTC(2026, 10, 25);
const DAY = 86_400_000;
/** A moment `days` (≥ 1) before the reference date, during Beijing office hours. */
const daysAgo = (days: number, r: Random) => new Date(REF - days * DAY + r.int(-60, 420) * 60_000);
/** A calendar date `days` before the reference date (negative: after it). */
const dateAgo = (days: number) => new Date(REF_DAY - days * DAY);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const ageInDays = (d: Date) => Math.floor((REF - d.getTime()) / DAY);
const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** Yuan → fen, rounded to whole ten-thousands of yuan (万元). */
const fenOfWan = (yuan: number) => BigInt(Math.max(1, Math.round(yuan / 10_000))) * 1_000_000n;
const between = (r: Random, lo: number, hi: number) => lo + r.next() * (hi - lo);
const shuffle = <T>(r: Random, items: readonly T[]): T[] => {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

// ---------------------------------------------------------------------------------------------
// What the demo company sells: product lines by the customer's industry.

export type ProductLine = { products: string; titles: string[]; sample: string };
const LINES = {
  packaging: {
    products: "瓦楞纸箱、珍珠棉缓冲内衬、防静电周转箱",
    titles: ["{year}年度包装材料供应开发", "出口包装方案优化项目", "{base}包装材料本地化配套"],
    sample: "定制瓦楞纸箱及缓冲内衬样品3款",
  },
  automation: {
    products: "伺服电机、PLC控制系统、工业机器人集成",
    titles: ["{base}设备替换项目", "{base}自动化产线改造项目", "焊装线机器人集成项目"],
    sample: "伺服驱动套件试用机1台",
  },
  parts: {
    products: "CNC精密加工件、五金冲压件",
    titles: ["{year}年度精密结构件供应开发", "新车型配套零部件定点项目", "冲压件第二供应商导入"],
    sample: "首件样品（FAI）20件及全尺寸检测报告",
  },
  mro: {
    products: "工业润滑油、密封件、刀具及工量具",
    titles: ["MRO集中采购供应商导入", "{year}年度设备维保耗材供应", "{base}刀具集中管理项目"],
    sample: "润滑油及密封件试用装",
  },
  energy: {
    products: "变频空压机、余热回收系统",
    titles: ["{base}节能改造项目", "空压站节能改造（合同能源管理）", "{base}余热回收项目"],
    sample: "现场能耗测试及两周试运行",
  },
  electronic: {
    products: "SMT锡膏、导热界面材料、防静电耗材",
    titles: ["{year}年度电子辅料供应开发", "导热材料国产化替代项目", "SMT辅料第二供应商导入"],
    sample: "锡膏及导热垫片样品各2批次",
  },
  logistics: {
    products: "塑料托盘、物流周转箱、仓储货架",
    titles: ["{base}仓储货架及托盘采购项目", "{year}年度物流器具供应", "配送中心货架改造项目"],
    sample: "托盘及周转箱样品各10件",
  },
  chemical: {
    products: "工业溶剂、水性涂料助剂",
    titles: ["水性涂料助剂替代项目", "{year}年度原辅料供应开发", "溶剂回收及供应一体化项目"],
    sample: "助剂小样5公斤及第三方检测报告",
  },
  cleanroom: {
    products: "洁净室耗材、不锈钢工艺管道",
    titles: ["{base}GMP车间洁净耗材供应", "原料药车间工艺管道改造项目", "{year}年度洁净耗材供应开发"],
    sample: "洁净服及无尘擦拭布样品",
  },
  digital: {
    products: "工业网关、MES系统实施",
    titles: ["MES系统实施项目", "车间数字化改造项目", "设备联网数据采集项目"],
    sample: "工业网关试用及POC演示",
  },
  foodPack: {
    products: "食品级包装膜、灌装线备件",
    titles: ["{year}年度食品级包装膜供应开发", "灌装线备件国产化项目", "{base}新灌装线配套项目"],
    sample: "食品级包装膜样卷及迁移检测报告",
  },
  textile: {
    products: "纺机配件、印染助剂",
    titles: ["印染助剂替代项目", "{year}年度纺机配件供应", "{base}印染线节水改造配套"],
    sample: "印染助剂小样及染色对比布样",
  },
} satisfies Record<string, ProductLine>;

export const LINES_BY_INDUSTRY: Record<Industry, ProductLine[]> = {
  AUTOMOTIVE: [LINES.parts, LINES.packaging, LINES.automation],
  ELECTRONICS: [LINES.electronic, LINES.packaging, LINES.automation],
  MACHINERY: [LINES.parts, LINES.mro, LINES.automation],
  CHEMICALS: [LINES.chemical, LINES.energy, LINES.mro],
  PHARMA: [LINES.cleanroom, LINES.packaging, LINES.energy],
  FOOD: [LINES.foodPack, LINES.energy, LINES.packaging],
  RETAIL: [LINES.logistics, LINES.packaging],
  LOGISTICS: [LINES.logistics, LINES.digital],
  ENERGY: [LINES.mro, LINES.automation, LINES.energy],
  CONSTRUCTION: [LINES.mro, LINES.energy],
  IT: [LINES.digital, LINES.electronic],
  FINANCE: [LINES.digital],
  HOME: [LINES.packaging, LINES.automation, LINES.electronic],
  TEXTILE: [LINES.textile, LINES.energy],
};

// ---------------------------------------------------------------------------------------------
// Stage work texts.

const NEEDS = [
  "现有供应商交期不稳定，多次影响生产，采购部希望引入第二供应商",
  "新产线明年投产，相关品类需要新增配套供应商",
  "集团要求年度采购降本5%以上，正在寻找更有性价比的替代方案",
  "推进国产化替代，进口品牌交期长、价格高",
  "现有方案无法满足新产品的技术规格，需要升级",
  "原供应商质量问题频发，客户质量部已发出整改通报",
];
const COMMUNICATIONS = [
  "通过行业展会结识采购经理，已电话沟通两次并寄送公司资料",
  "客户采购部主动询价，已上门拜访并介绍公司产品和案例",
  "经老客户转介绍，与技术部经理初步交流了需求",
  "参加客户供应商大会，递交了资质资料并约定技术交流",
  "与采购总监在行业协会活动上结识，已安排首次拜访",
];
const TERMINATIONS = [
  "客户现有供应商为集团关联企业，短期内无更换可能，判断无开发机会",
  "客户需求量小且分散，开发成本高于预期收益，终止开发",
  "客户资信调查结果较差，存在较大回款风险，终止开发",
  "客户决定自建产线，相关外购需求取消，项目终止",
  "客户产品路线调整，相关品类将停用，项目终止",
];
const TECH_OWNERS = ["马志远", "许文博", "韩立新", "曹建军", "邓晓东", "彭海涛", "谢宇航", "董明辉"];
const OBSTACLES: Obstacle[] = [
  {
    obstacle: "现有供应商合作多年，关系稳固",
    counterMeasure: "以小批量试用切入，用质量和交期数据说话",
  },
  {
    obstacle: "客户对价格敏感，我方报价比现有供应商高约8%",
    counterMeasure: "提供总成本分析（TCO），并给出年度阶梯价格",
  },
  {
    obstacle: "技术部担心更换供应商的切换风险",
    counterMeasure: "安排技术交流和现场测试，承诺切换期驻厂支持",
  },
  { obstacle: "客户要求90天付款账期", counterMeasure: "与客户财务部沟通，争取60天账期加银行承兑" },
  {
    obstacle: "供应商准入流程长，需要集团审批",
    counterMeasure: "提前准备准入资料，请内线跟进审批节点",
  },
  { obstacle: "竞争对手低价抢单", counterMeasure: "突出交付和服务优势，捆绑售后服务方案" },
  {
    obstacle: "客户产能爬坡中，首年用量不确定",
    counterMeasure: "签订框架协议加季度滚动预测，按实际用量结算",
  },
];
const PROGRAMME_STEPS = [
  "技术交流及方案汇报",
  "样品复测与小批量试用",
  "商务报价及价格谈判",
  "供应商准入审核",
  "高层互访",
  "客户验厂",
  "签订框架协议",
];
const SERVICE_EXTRAS = [
  "驻厂技术支持，每季度质量回顾，48小时内到货",
  "VMI寄售库存管理，紧急订单24小时响应",
  "每年两次设备巡检及操作培训",
  "专属客户经理对接，月度对账，季度业务回顾",
];
const PRICING = [
  "年度框架价格，按季度根据原材料价格指数调整；年采购额超过500万元返点2%",
  "首年价格锁定，次年起年降3%；月结60天",
  "阶梯价格：超过约定年用量部分九五折；月结30天",
  "成本加成定价，毛利率双方约定不超过18%；预付30%，到货验收后付清",
];
const COACH_NOTES = ["内线：可提前获知采购计划和招标时间", "内线：曾在我方合作客户任职，认可我方产品"];
const DM_APPROACH = [
  "以高层互访为主，安排我方总经理拜访，并邀请参观我方工厂",
  "每季度一次高层沟通，汇报合作成果和下一步规划",
];

// The stories the history tells: back-moves and manager overrides.
const BACK_FROM_RELATIONSHIP = "客户总经理更换，新任总经理要求重新评估方案，退回价值评估";
const BACK_FROM_VALUE = "客户更改技术规格，需按新规格重新送样";
const BACK_BEFORE_LOSS = "客户采购总监离职，新任采购总监倾向原供应商，退回重新评估";
const OVERRIDE_INFO = "客户采购流程公开透明，暂未发展内线；样品已通过验证，经大区经理批准先行开展价值评估";
const OVERRIDE_RELATIONSHIP =
  "董事长常驻集团总部，年内无法安排拜访；总经理已明确支持，客户年底前须完成定点，经大区经理批准推进成交";

// Days a deal typically spends in each stage before moving on.
const STAY: Record<DealStage, [number, number]> = {
  TARGET: [6, 35],
  INFORMATION: [18, 70],
  VALUE: [12, 45],
  RELATIONSHIP: [20, 65],
  CLOSING: [10, 40],
};
const MAX_AGE_DAYS = 540; // the demo history spans the past 18 months
// The likelihood of closing a deal's owner puts down, by the stage it is in.
const PROBABILITY: Record<DealStage, [number, number]> = {
  TARGET: [10, 20],
  INFORMATION: [20, 30],
  VALUE: [30, 50],
  RELATIONSHIP: [50, 70],
  CLOSING: [70, 85],
};

// ---------------------------------------------------------------------------------------------
// The plan: what each region's pipeline holds.

type Story =
  "backFromRelationship" | "backFromValue" | "overrideInfo" | "overrideRelationship" | "backBeforeLoss";
type Plan =
  | {
      kind: "OPEN";
      stage: DealStage;
      ready: boolean; // the gate of its current stage is met
      stale: boolean;
      story?: Story;
      managerOwned?: boolean;
    }
  | { kind: "WON"; convert?: boolean; renewalInDays?: number; managerOwned?: boolean }
  // closedDays: when it was closed (days ago); two per region fall within the board's 90 days.
  | { kind: "LOST"; stage: DealStage; reasonId: string; closedDays: number; story?: Story }
  | { kind: "TERMINATED"; stage: DealStage; closedDays: number };

function planFor(regionIndex: number, r: Random): Plan[] {
  const open = (stage: DealStage, extra: Partial<Extract<Plan, { kind: "OPEN" }>> = {}): Plan => ({
    kind: "OPEN",
    stage,
    ready: r.chance(0.35),
    stale: false,
    ...extra,
  });
  // Open: a funnel of 5 / 4 / 3 / 2 / 1 per region, two or three stuck past the stale threshold; the
  // East and North regions each have a back-move and a manager override among them.
  const closedDays = (recent: boolean) => (recent ? r.int(4, 85) : r.int(110, 500));
  const plans: Plan[] = [
    open("TARGET", { stale: true }),
    open("TARGET"),
    open("TARGET"),
    open("TARGET"),
    open("TARGET"),
    open("INFORMATION", { stale: regionIndex !== 1 }),
    open("INFORMATION", { ready: false }),
    open("INFORMATION"),
    open("INFORMATION"),
    open("VALUE", { stale: regionIndex === 1 }),
    open("VALUE"),
    regionIndex === 0
      ? open("VALUE", { story: "overrideInfo", ready: false })
      : regionIndex === 1
        ? open("VALUE", { story: "backFromValue" })
        : open("VALUE"),
    open("RELATIONSHIP", { managerOwned: true }),
    regionIndex === 0
      ? open("RELATIONSHIP", { story: "backFromRelationship", ready: false })
      : open("RELATIONSHIP", { stale: regionIndex === 2 }),
    regionIndex === 1
      ? open("CLOSING", { story: "overrideRelationship", ready: false })
      : open("CLOSING", { ready: regionIndex === 2 }),
  ];
  // Won: one recent win that makes an intent account a customer, five on existing customers, one of
  // them with an agreement ending soon (the renewal list).
  plans.push({ kind: "WON", convert: true });
  plans.push({ kind: "WON", renewalInDays: [21, 36, 52][regionIndex]! });
  plans.push({ kind: "WON", managerOwned: true }, { kind: "WON" }, { kind: "WON" }, { kind: "WON" });
  // Lost: four per region with different reasons, two of them within the board's 90 days.
  const lost: [DealStage, string, Story?][][] = [
    [
      ["CLOSING", "lr_price"],
      ["INFORMATION", "lr_quality"],
      ["RELATIONSHIP", "lr_competitor"],
      ["VALUE", "lr_credit"],
    ],
    [
      ["VALUE", "lr_budget"],
      ["CLOSING", "lr_capacity"],
      ["RELATIONSHIP", "lr_price"],
      ["INFORMATION", "lr_other"],
    ],
    [
      ["VALUE", "lr_decision_maker", "backBeforeLoss"],
      ["INFORMATION", "lr_competitor"],
      ["INFORMATION", "lr_quality"],
      ["RELATIONSHIP", "lr_budget"],
    ],
  ];
  lost[regionIndex]!.forEach(([stage, reasonId, story], i) =>
    plans.push({ kind: "LOST", stage, reasonId, closedDays: closedDays(i < 2), ...(story ? { story } : {}) }),
  );
  // Terminated: the opportunity judgement was "no", or the customer dropped the need.
  plans.push({ kind: "TERMINATED", stage: "TARGET", closedDays: closedDays(regionIndex === 0) });
  plans.push({
    kind: "TERMINATED",
    stage: regionIndex === 1 ? "TARGET" : "INFORMATION",
    closedDays: closedDays(false),
  });
  return plans;
}

const LOST_NOTES: Record<string, string> = {
  lr_price: "最终报价比中标方高约6%，客户选择了低价方案",
  lr_competitor: "竞争对手与客户高层关系密切，提前锁定了年度协议",
  lr_quality: "样品在客户可靠性测试中未通过（高温老化试验）",
  lr_capacity: "客户要求首批30天内交付，我方产能排不开",
  lr_budget: "客户年度预算被削减，项目推迟到明年再议",
  lr_decision_maker: "新任采购总监引入原合作供应商，合作谈判中止",
  lr_credit: "客户资信评估未通过，要求的账期超出我方授信额度",
  lr_other: "客户被集团收购，采购改由集团统一招标，本项目取消",
};

/** The managed lost reason matching how a lost account's campaign ended (its lifecycle reason). */
function lossReasonOf(reason: string): string {
  if (reason.includes("暂停") || reason.includes("取消")) return "lr_budget";
  if (reason.includes("报价")) return "lr_price";
  if (reason.includes("竞争对手")) return "lr_competitor";
  return "lr_other";
}

// ---------------------------------------------------------------------------------------------
// Accounts as the deals see them.

type ContactState = {
  id: string;
  buyingRole: string;
  stance: string;
  relationshipStrength: number;
  approach: string | null;
  notes: string | null;
  changed: boolean;
};
type AccountState = {
  id: string;
  name: string;
  ownerId: string;
  teamId: string;
  lifecycle: string;
  tier: string;
  industry: Industry;
  accountType: string;
  sizeBand: string | null;
  headcount: number | null;
  industryStanding: string | null;
  categorySpend: bigint | null;
  city: string;
  createdDays: number;
  intentSinceDays: number | null; // when it became an intent
  customerSinceDays: number | null; // when it became a customer
  lostAsIntent: { days: number; reason: string } | null;
  allMarksYes: boolean;
  updatedAt: Date;
  contacts: ContactState[];
  used: Set<"won" | "other">;
  noCoachKept: boolean; // an override story relies on the account having no inside contact
  weakDmKept: boolean; // an override story relies on a weak decision maker
};

const coachCount = (a: AccountState) => a.contacts.filter((c) => c.buyingRole === "COACH").length;
const decisionMakers = (a: AccountState) => a.contacts.filter((c) => c.buyingRole === "DECISION_MAKER");
const isWeak = (c: ContactState) =>
  c.relationshipStrength < DEFAULT_PIPELINE_SETTINGS.minDecisionMakerStrength || !c.approach?.trim();
const COACH_CANDIDATES = ["USER", "SUPPORTER", "INFLUENCER"];
const canHaveCoach = (a: AccountState) =>
  coachCount(a) > 0 || a.contacts.some((c) => COACH_CANDIDATES.includes(c.buyingRole));

/** Names a contact the inside contact (内线) when the account has none yet. */
function ensureCoach(a: AccountState, r: Random) {
  if (coachCount(a) > 0) return;
  const candidate = COACH_CANDIDATES.map((role) => a.contacts.find((c) => c.buyingRole === role)).find(
    Boolean,
  );
  if (!candidate) throw new Error(`demo deals: account ${a.id} has no contact to be the inside contact`);
  candidate.buyingRole = "COACH";
  candidate.stance = "SUPPORTIVE";
  candidate.relationshipStrength = Math.max(candidate.relationshipStrength, 3);
  candidate.notes = r.pick(COACH_NOTES);
  candidate.changed = true;
}

/** Brings every decision maker to the stage-4 gate's strength, with an influence plan. */
function strengthenDecisionMakers(a: AccountState, r: Random) {
  for (const c of decisionMakers(a)) {
    if (!isWeak(c)) continue;
    c.relationshipStrength = Math.max(
      c.relationshipStrength,
      r.chance(0.3) ? 5 : DEFAULT_PIPELINE_SETTINGS.minDecisionMakerStrength,
    );
    c.stance = "SUPPORTIVE"; // won over: a strong relationship with an opponent would not read true
    if (!c.approach?.trim()) c.approach = r.pick(DM_APPROACH);
    c.changed = true;
  }
}

// ---------------------------------------------------------------------------------------------
// The stage path and its dates.

// `gate` lists the passed items as moveDeal records them: "STAGE.item".
type Entry = { stage: DealStage; note?: string; override?: { reason: string; gate: string[] } };

/** The stages a deal went through, oldest first, for its plan (including back-moves and overrides). */
function pathFor(plan: Plan): Entry[] {
  const last: DealStage = plan.kind === "WON" ? "CLOSING" : plan.stage;
  const straight = DEAL_STAGES.slice(0, stageNumber(last)).map((stage): Entry => ({ stage }));
  const story = plan.kind === "OPEN" || plan.kind === "LOST" ? plan.story : undefined;
  switch (story) {
    case "backFromRelationship":
      return [
        ...straight,
        { stage: "VALUE", note: BACK_FROM_RELATIONSHIP },
        { stage: "RELATIONSHIP", note: "新任总经理认可方案，重新推进关系建立" },
      ];
    case "backFromValue":
      return [...straight, { stage: "INFORMATION", note: BACK_FROM_VALUE }, { stage: "VALUE" }];
    case "backBeforeLoss":
      return [
        { stage: "TARGET" },
        { stage: "INFORMATION" },
        { stage: "VALUE" },
        { stage: "RELATIONSHIP" },
        { stage: "VALUE", note: BACK_BEFORE_LOSS },
      ];
    case "overrideInfo":
      return straight.map((e) =>
        e.stage === "VALUE"
          ? { ...e, override: { reason: OVERRIDE_INFO, gate: ["INFORMATION.insideContact"] } }
          : e,
      );
    case "overrideRelationship":
      return straight.map((e) =>
        e.stage === "CLOSING"
          ? { ...e, override: { reason: OVERRIDE_RELATIONSHIP, gate: ["RELATIONSHIP.decisionMakersStrong"] } }
          : e,
      );
    default:
      return straight;
  }
}

/**
 * Days-ago of each entry of `path`, given when the last stay ends (`endDays`: 0 for an open deal)
 * and how long the last stay lasted; earlier stays are drawn and squeezed so that the deal starts
 * after its account was created and within the demo's 18 months.
 */
function schedule(path: Entry[], endDays: number, lastStay: number, maxStart: number, r: Random): number[] {
  const stays = path.map((e, i) => (i === path.length - 1 ? lastStay : r.int(...STAY[e.stage])));
  // Where the limit binds, start somewhere in the last ten weeks before it rather than all on one day.
  const natural = stays.reduce((t, d) => t + d, 0);
  const limit =
    endDays + natural > maxStart ? Math.max(endDays + 2 * path.length, maxStart - r.int(0, 70)) : maxStart;
  const cap = Math.max(2 * path.length, limit - endDays);
  if (stays[stays.length - 1]! > cap - (path.length - 1)) stays[stays.length - 1] = cap - (path.length - 1);
  const earlier = stays.slice(0, -1).reduce((t, d) => t + d, 0);
  const room = cap - stays[stays.length - 1]!;
  if (earlier > room) {
    const f = room / earlier;
    for (let i = 0; i < stays.length - 1; i++) stays[i] = Math.max(1, Math.floor(stays[i]! * f));
  }
  const days: number[] = [];
  let t = endDays;
  for (let i = stays.length - 1; i >= 0; i--) {
    t += Math.max(1, stays[i]!);
    days[i] = t;
  }
  return days;
}

// ---------------------------------------------------------------------------------------------
// Generation.

type DealRow = Prisma.DealCreateManyInput;
type ChangeRow = Omit<Prisma.DealStageChangeCreateManyInput, "id" | "dealId">;
type Built = {
  deal: Omit<DealRow, "id">;
  changes: ChangeRow[];
  agreement: Omit<Prisma.CooperationAgreementCreateManyInput, "id" | "dealId"> | null;
  conversion: { accountId: string; at: Date; title: string; ownerId: string } | null;
};

const programmeFor = (
  r: Random,
  people: { owner: string; manager: string; rep: string },
  fromDays: number,
  toDays: number,
  doneBeforeDays: number,
): ProgrammeStep[] => {
  const n = r.int(3, 5);
  const steps = [...PROGRAMME_STEPS.slice(0, 2), ...shuffle(r, PROGRAMME_STEPS.slice(2, -1)), "签订框架协议"];
  const picked = [...steps.slice(0, n - 1), "签订框架协议"];
  return picked.map((step, i) => {
    const due = Math.round(fromDays - ((fromDays - toDays) * (i + 1)) / picked.length);
    const ownerId =
      step === "高层互访" || step === "签订框架协议"
        ? people.manager
        : step === "样品复测与小批量试用"
          ? people.rep
          : people.owner;
    return { step, ownerId, due: isoDate(dateAgo(due)), done: due > doneBeforeDays };
  });
};

function cooperationModeFor(a: AccountState, r: Random): CooperationMode {
  if (a.accountType === "CHANNEL") return "DISTRIBUTION";
  if (a.industry === "IT" || a.industry === "FINANCE" || a.industry === "CONSTRUCTION") return "PROJECT";
  if (a.tier === "A" && (a.sizeBand === "LARGE" || a.sizeBand === "GIANT") && r.chance(0.6))
    return "STRATEGIC";
  if ((a.industry === "ELECTRONICS" || a.industry === "HOME") && r.chance(0.35)) return "OEM";
  return "DIRECT_SUPPLY";
}

function buildDeal(
  plan: Plan,
  a: AccountState,
  people: { owner: string; manager: string; rep: string },
  r: Random,
): Built {
  const path = pathFor(plan);
  const line = r.pick(LINES_BY_INDUSTRY[a.industry] ?? [LINES.mro]);
  const expansion = a.lifecycle === "CUSTOMER" && plan.kind !== "WON";
  const maxStart = Math.min(MAX_AGE_DAYS, a.createdDays - 1);

  // When the last stay ends, and how long it was.
  let endDays = 0;
  let lastStay: number;
  if (plan.kind === "OPEN") {
    lastStay = plan.stale ? r.int(34, 100) : r.int(2, 26);
  } else {
    if (plan.kind === "WON") {
      endDays = plan.convert ? r.int(12, 75) : a.customerSinceDays! + r.int(1, 10);
    } else if (plan.kind === "LOST" && a.lostAsIntent) {
      endDays = a.lostAsIntent.days + r.int(0, 5);
    } else {
      endDays = plan.closedDays;
    }
    endDays = Math.min(endDays, maxStart - 2 * path.length);
    lastStay = r.int(...STAY[path[path.length - 1]!.stage]);
  }
  const days = schedule(path, endDays, lastStay, maxStart, r);
  const createdDays = days[0]!;
  const current = path[path.length - 1]!.stage;
  const currentN = stageNumber(current);
  const reachedN = Math.max(...path.map((e) => stageNumber(e.stage)));

  // Title: the product line's project, dated by when the deal started.
  const created = daysAgo(createdDays, r);
  const year = created.getUTCFullYear() + (created.getUTCMonth() >= 9 ? 1 : 0);
  const base = r.pick([`${a.city}工厂`, `${a.city}基地`, "二期工厂", "新厂区"]);
  let title = r.pick(line.titles).replace("{year}", String(year)).replace("{base}", base);
  if (expansion) title = `${title}（扩大合作）`;

  // Money: a share of the account's category spend, in whole 万元.
  const spend = a.categorySpend === null ? null : Number(a.categorySpend) / 100;
  const valueYuan = Math.min(
    12_000_000,
    Math.max(
      200_000,
      spend === null ? Math.exp(between(r, Math.log(3e5), Math.log(3e6))) : spend * between(r, 0.04, 0.2),
    ),
  );
  const expectedValue = fenOfWan(valueYuan);

  // Which gates the deal's stage work meets: every stage it left, and its current one when ready.
  const story = plan.kind === "OPEN" || plan.kind === "LOST" ? plan.story : undefined;
  const complete = (n: number) =>
    plan.kind === "WON" ||
    n < currentN ||
    n < reachedN ||
    (plan.kind === "OPEN" && plan.ready && n === currentN);
  const terminatedHere = plan.kind === "TERMINATED";

  const d: Omit<DealRow, "id"> = {
    accountId: a.id,
    title,
    ownerId: people.owner,
    teamId: a.teamId,
    expectedValue,
    products: line.products,
    stage: current,
    status: plan.kind,
    stageEnteredAt: created, // replaced below
    createdAt: created,
    updatedAt: created,
  };

  // 1 确定开发对象
  d.potentialNeed = r.pick(NEEDS);
  d.needUrgency = r.int(2, 5);
  if (complete(1) || terminatedHere || r.chance(0.7)) d.initialCommunication = r.pick(COMMUNICATIONS);
  if (complete(1) || terminatedHere || r.chance(0.5))
    d.businessCondition =
      `成立约${r.int(6, 30)}年` +
      (a.headcount ? `，员工约${a.headcount}人` : "") +
      (a.industryStanding ? `；${a.industryStanding}` : "");
  d.opportunity = complete(1) ? "YES" : terminatedHere && currentN === 1 ? "NO" : "UNKNOWN";

  // 2 信息收集/提供样品 (the inside contact is on the account: see ensureCoach)
  const infoAt = path.findIndex((e) => e.stage === "INFORMATION");
  const infoEntered = days[infoAt] ?? null;
  if (infoEntered !== null) {
    const infoLeft = days[infoAt + 1] ?? endDays;
    d.sampleItem = line.sample;
    const sampleCut = complete(2)
      ? 3
      : plan.kind === "LOST" && plan.reasonId === "lr_quality"
        ? 2
        : r.int(0, 2);
    if (sampleCut >= 1) {
      // Sent a few days into the stage, before the deal left it.
      d.sampleSentOn = dateAgo(Math.min(infoEntered, Math.max(infoLeft + 1, infoEntered - r.int(3, 12))));
      d.sampleSpecAgreed = true;
      d.sampleTechOwner = `${r.pick(TECH_OWNERS)}（技术部）`;
    }
    if (sampleCut >= 2) {
      d.sampleAccepted = plan.kind === "LOST" && plan.reasonId === "lr_quality" ? "NO" : "YES";
    }
    d.needsClear = complete(2) || r.chance(0.6);
    d.informationSufficient = complete(2) || (sampleCut >= 2 && r.chance(0.4));
  }

  // 3 价值评估/开发程序
  const valueEntered = days[path.findIndex((e) => e.stage === "VALUE")] ?? null;
  if (valueEntered !== null) {
    const full = complete(3);
    const cut = full ? 3 : r.int(0, 2);
    const [lo, hi] = plan.kind === "WON" ? [80, 90] : PROBABILITY[current];
    d.closeProbability = 5 * r.int(lo / 5, hi / 5);
    if (full || cut >= 1) d.obstacles = shuffle(r, OBSTACLES).slice(0, r.int(1, 3));
    if (full || cut >= 2) d.expectedDevCost = fenOfWan(Math.max(20_000, valueYuan * between(r, 0.02, 0.08)));
    if (full) {
      const closeBy = plan.kind === "OPEN" ? -r.int(30, 150) : endDays;
      d.programme = programmeFor(r, people, valueEntered, closeBy, plan.kind === "OPEN" ? 0 : endDays - 1);
    }
  }

  // 5 促成成交
  if (path.some((e) => e.stage === "CLOSING")) {
    const n = plan.kind === "WON" || (plan.kind === "OPEN" && plan.ready) ? 3 : r.int(1, 2);
    d.seniorMeetingHeld = n >= 1;
    d.siteAuditDone = n >= 2;
    d.systemSupportArranged = n >= 3;
  }

  // Expected close: ahead for open deals (a stale one may be overdue), near the outcome for closed ones.
  d.expectedCloseDate =
    plan.kind === "OPEN"
      ? dateAgo(plan.stale && r.chance(0.5) ? r.int(3, 25) : -r.int(20, 60 + 40 * (6 - currentN)))
      : dateAgo(endDays + r.int(-30, 30));

  // The history: creation, every move, and the outcome.
  const changes: ChangeRow[] = [];
  let stageEnteredAt = created;
  path.forEach((e, i) => {
    const when = i === 0 ? created : daysAgo(days[i]!, r);
    const prev = path[i - 1];
    changes.push({
      fromStage: prev?.stage ?? null,
      toStage: e.stage,
      fromStatus: prev ? "OPEN" : null,
      toStatus: "OPEN",
      overrideReason: e.override?.reason ?? null,
      overriddenGate: e.override?.gate ?? [],
      note: e.note ?? null,
      actorId: e.override ? people.manager : people.owner,
      createdAt: when,
    });
    stageEnteredAt = when;
  });
  d.stageEnteredAt = stageEnteredAt;
  let lastEvent = stageEnteredAt;
  let agreement: Built["agreement"] = null;
  let conversion: Built["conversion"] = null;
  if (plan.kind !== "OPEN") {
    const closedAt = daysAgo(endDays, r);
    const note =
      plan.kind === "TERMINATED"
        ? currentN === 1
          ? r.pick(TERMINATIONS.slice(0, 3))
          : r.pick(TERMINATIONS.slice(3))
        : plan.kind === "LOST"
          ? (a.lostAsIntent?.reason ?? LOST_NOTES[plan.reasonId] ?? null)
          : null;
    changes.push({
      fromStage: current,
      toStage: current,
      fromStatus: "OPEN",
      toStatus: plan.kind,
      overrideReason: null,
      overriddenGate: [],
      note,
      actorId: people.owner,
      createdAt: closedAt,
    });
    d.closedAt = closedAt;
    d.closeNote = note;
    if (plan.kind === "LOST") d.lostReasonId = plan.reasonId;
    lastEvent = closedAt;
    if (plan.kind === "WON") {
      // The agreement runs from the first of the month after the win, usually for whole years.
      const start = new Date(Date.UTC(closedAt.getUTCFullYear(), closedAt.getUTCMonth() + 1, 1));
      const mode = cooperationModeFor(a, r);
      let years = mode === "STRATEGIC" ? 3 : r.chance(0.3) ? 2 : 1;
      const endOf = (y: number) =>
        new Date(Date.UTC(start.getUTCFullYear() + y, start.getUTCMonth(), start.getUTCDate() - 1));
      while (endOf(years).getTime() < REF_DAY + 90 * DAY) years++;
      let end = endOf(years);
      if (plan.renewalInDays !== undefined) {
        const due = dateAgo(-plan.renewalInDays);
        // A short first term (a trial agreement) when the win was recent.
        if (due.getTime() - start.getTime() > 60 * DAY) end = due;
      }
      const termYears = (end.getTime() - start.getTime() + DAY) / (365 * DAY);
      agreement = {
        accountId: a.id,
        ownerId: people.owner,
        teamId: a.teamId,
        startDate: start,
        endDate: end,
        serviceContent: `${line.products}的供应；${r.pick(SERVICE_EXTRAS)}`,
        pricingPolicy: r.pick(PRICING),
        cooperationMode: mode,
        contractValue: fenOfWan(valueYuan * termYears * between(r, 0.85, 1.1)),
        createdAt: closedAt,
        updatedAt: closedAt,
      };
      if (plan.convert) conversion = { accountId: a.id, at: closedAt, title, ownerId: people.owner };
    }
  }
  // A few edits after the last move (never after today).
  const editedDays = Math.max(1, ageInDays(lastEvent) - (plan.kind === "OPEN" ? r.int(0, 10) : 0));
  d.updatedAt = new Date(Math.max(lastEvent.getTime(), daysAgo(editedDays, r).getTime()));
  d.version = changes.length + r.int(1, 4);

  // The account's contacts must agree with the gates the deal passed.
  const passedInfo = reachedN >= 3 && story !== "overrideInfo";
  const passedRelationship = reachedN >= 5 && story !== "overrideRelationship";
  if (passedInfo || (plan.kind === "OPEN" && plan.ready && current === "INFORMATION")) ensureCoach(a, r);
  if (passedRelationship || (plan.kind === "OPEN" && plan.ready && current === "RELATIONSHIP"))
    strengthenDecisionMakers(a, r);
  return { deal: d, changes, agreement, conversion };
}

/** Can `a` carry this plan's deal consistently (contacts for the gates it passes, its story)? */
function fits(plan: Plan, a: AccountState, strict: boolean): boolean {
  if (a.used.has("other") || (plan.kind === "WON" && a.used.has("won"))) return false;
  if (a.noCoachKept || a.weakDmKept) return false;
  if (a.createdDays < 60) return false;
  // Prefer accounts that existed well before the deal closed, so closings spread over the months.
  if (strict && (plan.kind === "LOST" || plan.kind === "TERMINATED") && a.createdDays < plan.closedDays + 60)
    return false;
  const last = plan.kind === "WON" ? "CLOSING" : plan.stage;
  const n = stageNumber(last);
  const story = plan.kind === "OPEN" || plan.kind === "LOST" ? plan.story : undefined;
  const reached = story === "backBeforeLoss" ? 4 : n;
  const ready = plan.kind === "OPEN" && plan.ready;
  if (story === "overrideInfo") return coachCount(a) === 0 && decisionMakers(a).length > 0;
  if (story === "overrideRelationship") return canHaveCoach(a) && decisionMakers(a).some(isWeak);
  if ((reached >= 3 || (ready && n === 2)) && !canHaveCoach(a)) return false;
  if ((reached >= 4 || plan.kind === "WON") && decisionMakers(a).length === 0) return false;
  // An open relationship deal that is not ready should show the unmet gate.
  if (plan.kind === "OPEN" && n === 4 && !ready && !decisionMakers(a).some(isWeak)) return false;
  return true;
}

/** The accounts a plan may go to, best first. */
function poolFor(plan: Plan, team: AccountState[]): AccountState[][] {
  const by = (...lifecycles: string[]) => team.filter((a) => lifecycles.includes(a.lifecycle));
  switch (plan.kind) {
    case "WON":
      return plan.convert
        ? [by("INTENT").filter((a) => a.allMarksYes && (a.intentSinceDays ?? 0) >= 120)]
        : [by("CUSTOMER").filter((a) => a.customerSinceDays !== null && a.customerSinceDays <= 420)];
    case "LOST":
      // A region's accounts lost while still intents tell how their campaign ended.
      return plan.story
        ? [by("INTENT"), by("PROSPECT")]
        : [
            // An account lost while still an intent, when its story matches the reason.
            team.filter((a) => a.lostAsIntent && lossReasonOf(a.lostAsIntent.reason) === plan.reasonId),
            by("INTENT"),
            by("PROSPECT"),
            by("LOST"),
          ];
    case "TERMINATED":
      // Failing those, a lost customer the team tried to win back.
      return [by("PROSPECT"), by("INTENT"), by("LOST")];
    case "OPEN":
      return stageNumber(plan.stage) === 1
        ? [by("PROSPECT"), by("CUSTOMER")]
        : stageNumber(plan.stage) === 2
          ? [by("PROSPECT", "INTENT"), by("CUSTOMER")]
          : [by("INTENT"), by("CUSTOMER")];
  }
}

/**
 * Seeds the demo deals inside the caller's transaction, after seedDemoAccounts: reads the accounts
 * and contacts it created, writes deals, stage history, agreements and the pipeline settings.
 */
export async function seedDemoDeals(
  tx: Tx,
  args: { users: DemoUser[]; random: Random },
): Promise<DemoDealsResult> {
  const r = args.random;
  await tx.pipelineSettings.upsert({
    where: { id: "default" },
    create: { id: "default", ...DEFAULT_PIPELINE_SETTINGS },
    update: {},
  });
  const rows = await tx.account.findMany({
    where: { deletedAt: null, accountType: { notIn: ["COMPETITOR", "SUPPLIER"] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      ownerId: true,
      teamId: true,
      lifecycle: true,
      tier: true,
      industry: true,
      accountType: true,
      sizeBand: true,
      headcount: true,
      industryStanding: true,
      categorySpend: true,
      createdAt: true,
      updatedAt: true,
      needMark: true,
      affordMark: true,
      willingMark: true,
      decideMark: true,
      territory: { select: { name: true } },
      contacts: {
        where: { deletedAt: null },
        orderBy: { id: "asc" },
        select: {
          id: true,
          buyingRole: true,
          stance: true,
          relationshipStrength: true,
          approach: true,
          notes: true,
        },
      },
      lifecycleChanges: {
        orderBy: { createdAt: "asc" },
        select: { from: true, to: true, reason: true, createdAt: true },
      },
    },
  });
  const accounts: AccountState[] = rows.map((a) => {
    const toCustomer = a.lifecycleChanges.findLast((c) => c.to === "CUSTOMER");
    const lostAsIntent = a.lifecycleChanges.find((c) => c.from === "INTENT" && c.to === "LOST");
    const toIntent = a.lifecycleChanges.findLast((c) => c.to === "INTENT");
    return {
      id: a.id,
      name: a.name,
      ownerId: a.ownerId,
      teamId: a.teamId,
      lifecycle: a.lifecycle,
      tier: a.tier,
      industry: (a.industry ?? "MACHINERY") as Industry,
      accountType: a.accountType,
      sizeBand: a.sizeBand,
      headcount: a.headcount,
      industryStanding: a.industryStanding,
      categorySpend: a.categorySpend,
      city: (a.territory?.name ?? "总部").replace(/市$/, ""),
      createdDays: ageInDays(a.createdAt),
      intentSinceDays: toIntent ? ageInDays(toIntent.createdAt) : null,
      customerSinceDays: a.lifecycle === "CUSTOMER" && toCustomer ? ageInDays(toCustomer.createdAt) : null,
      lostAsIntent:
        a.lifecycle === "LOST" && lostAsIntent
          ? { days: ageInDays(lostAsIntent.createdAt), reason: lostAsIntent.reason ?? "客户项目取消" }
          : null,
      allMarksYes: [a.needMark, a.affordMark, a.willingMark, a.decideMark].every((m) => m === "YES"),
      updatedAt: a.updatedAt,
      contacts: a.contacts.map((c) => ({ ...c, changed: false })),
      used: new Set(),
      noCoachKept: false,
      weakDmKept: false,
    };
  });

  const regions = DEMO_TEAMS.filter((t) => t.parentId === "team_sales").map((t) => t.id);
  const built: Built[] = [];
  for (const [regionIndex, teamId] of regions.entries()) {
    const team = accounts.filter((a) => a.teamId === teamId);
    const manager = args.users.find((u) => u.role === "MANAGER" && u.teamId === teamId)!;
    const reps = args.users.filter((u) => u.role === "REP" && u.teamId === teamId);
    const load = new Map<string, number>();
    const plans = planFor(regionIndex, r);
    // Stories and special outcomes first, so they get the accounts that suit them.
    const order = [...plans].sort((p, q) => weight(q) - weight(p));
    for (const planned of order) {
      const candidates = (strict: boolean) =>
        poolFor(planned, team)
          .map((pool) => pool.filter((a) => fits(planned, a, strict)))
          .find((p) => p.length > 0);
      const pool = candidates(true) ?? candidates(false);
      if (!pool) throw new Error(`demo deals: no account in ${teamId} for a ${planned.kind} deal`);
      const account =
        planned.kind === "WON" && planned.renewalInDays !== undefined
          ? pool.reduce((best, a) => (a.customerSinceDays! > best.customerSinceDays! ? a : best))
          : planned.kind === "LOST" && pool[0]!.lostAsIntent
            ? pool[0]!
            : shuffle(r, pool).sort((x, y) => (load.get(x.ownerId) ?? 0) - (load.get(y.ownerId) ?? 0))[0]!;
      const plan = planned;
      const managerOwned = (plan.kind === "OPEN" || plan.kind === "WON") && plan.managerOwned;
      const owner = managerOwned ? manager.id : account.ownerId;
      load.set(owner, (load.get(owner) ?? 0) + 1);
      account.used.add(plan.kind === "WON" ? "won" : "other");
      const story = plan.kind === "OPEN" ? plan.story : undefined;
      if (story === "overrideInfo") account.noCoachKept = true;
      if (story === "overrideRelationship") account.weakDmKept = true;
      if (plan.kind === "OPEN" && plan.stage === "RELATIONSHIP" && !plan.ready) account.weakDmKept = true;
      built.push(buildDeal(plan, account, { owner, manager: manager.id, rep: r.pick(reps).id }, r));
    }
  }

  // Ids in the order the deals started.
  built.sort((x, y) => (x.deal.createdAt as Date).getTime() - (y.deal.createdAt as Date).getTime());
  const deals: DealRow[] = [];
  const changes: Prisma.DealStageChangeCreateManyInput[] = [];
  const agreements: Prisma.CooperationAgreementCreateManyInput[] = [];
  built.forEach((b, i) => {
    const id = `deal_${pad(i + 1, 3)}`;
    deals.push(dealRow({ id, ...b.deal }));
    for (const c of b.changes) changes.push({ id: `dsc_${pad(changes.length + 1, 4)}`, dealId: id, ...c });
    if (b.agreement)
      agreements.push(
        agreementRow({ id: `agr_${pad(agreements.length + 1, 3)}`, dealId: id, ...b.agreement }),
      );
  });
  await tx.deal.createMany({ data: deals });
  await tx.dealStageChange.createMany({ data: changes });
  await tx.cooperationAgreement.createMany({ data: agreements });

  // Won deals make their accounts customers (most already are; the recent wins convert intents).
  const conversions = built.flatMap((b) => (b.conversion ? [b.conversion] : []));
  for (const [i, c] of conversions.entries()) {
    const account = accounts.find((a) => a.id === c.accountId)!;
    await tx.account.update({
      where: { id: c.accountId },
      data: {
        lifecycle: "CUSTOMER",
        lifecycleChangedAt: c.at,
        version: { increment: 1 },
        updatedAt: account.updatedAt > c.at ? account.updatedAt : c.at,
      },
    });
    await tx.lifecycleChange.create({
      data: {
        id: `lc_deal_${pad(i + 1, 2)}`,
        accountId: c.accountId,
        from: "INTENT",
        to: "CUSTOMER",
        reason: c.title, // as winDeal records it
        actorId: c.ownerId,
        createdAt: c.at,
      },
    });
  }

  const changedContacts = accounts.flatMap((a) => a.contacts.filter((c) => c.changed));
  for (const c of changedContacts) {
    await tx.contact.update({
      where: { id: c.id },
      data: {
        buyingRole: c.buyingRole as "COACH",
        stance: c.stance as "SUPPORTIVE",
        relationshipStrength: c.relationshipStrength,
        approach: c.approach,
        notes: c.notes,
        version: { increment: 1 },
      },
    });
  }
  return {
    deals: deals.length,
    dealStageChanges: changes.length,
    agreements: agreements.length,
    dealContactsUpdated: changedContacts.length,
  };
}

/** Plans with the narrowest choice of accounts are placed first. */
function weight(p: Plan): number {
  if ((p.kind === "OPEN" || p.kind === "LOST") && p.story) return 5;
  if (p.kind === "WON" && (p.convert || p.renewalInDays !== undefined)) return 4;
  if (p.kind === "WON") return 3;
  if (p.kind === "LOST") return 2;
  if (p.kind === "OPEN" && stageNumber(p.stage) >= 3) return 1;
  return 0;
}
