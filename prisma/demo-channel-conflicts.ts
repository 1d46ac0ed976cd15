// Demo channel data: conflict cases (渠道冲突) at every step — negotiation, mediation, arbitration,
// and resolved with each outcome and its prevention note (防范机制). Runs after the sales seed, whose
// import opened the automatic cases: those are taken to various steps here, and cases opened by hand
// (fixed ids ccf_*) are added so that every step and outcome is present either way. Deterministic:
// fixed ids, choices by position, dates relative to `now`.
import type { Prisma } from "@/lib/db";
import { conflictOpenKey, nextConflictNumber } from "@/lib/domain/channel-conflict-keys";
import type { ConflictKind, ConflictOutcome, ConflictStatus } from "@/lib/domain/channel-conflicts";

type Tx = Prisma.TransactionClient;
type Region = "east" | "north" | "south";

const DAY = 86_400_000;

type Resolution = {
  outcome: ConflictOutcome;
  amount?: bigint;
  outcomeNote?: string;
  cause: string;
  prevention?: string;
};

type ManualCase = {
  id: string;
  region: Region;
  kind: ConflictKind;
  distributorId: string;
  affectedDistributorId?: string;
  territory?: string; // territory code
  productId?: string;
  account?: true; // the region's first key account
  summary: string;
  daysAgo: number;
  /** The steps it went through after negotiation, and how it ended (if it did). */
  path: ConflictStatus[];
  resolution?: Resolution;
};

// ccf_east_wuxi and ccf_east_hangzhou stay in negotiation for the end-to-end journey (one per project).
const MANUAL: ManualCase[] = [
  {
    id: "ccf_east_xuhui",
    region: "east",
    kind: "CROSS_TERRITORY",
    distributorId: "dst_011",
    affectedDistributorId: "dst_003",
    territory: "320100",
    summary: "上海徐汇精工多次以低于渠道价向南京客户供货，南京金陵投诉其独家区域被冲击。",
    daysAgo: 95,
    path: ["MEDIATION", "ARBITRATION"],
    resolution: {
      outcome: "TERMINATION",
      outcomeNote: "经仲裁认定屡次窜货且拒不整改，终止合作。",
      cause: "经销商为冲量跨区低价出货，调解期间仍继续向南京发货。",
      prevention: "对屡次窜货的经销商设两次警告上限，第三次直接进入仲裁并暂停发货。",
    },
  },
  {
    id: "ccf_north_sjz",
    region: "north",
    kind: "CROSS_TERRITORY",
    distributorId: "dst_016",
    affectedDistributorId: "dst_017",
    territory: "130100",
    summary: "北京中关村工控向石家庄终端客户直接供货，石家庄冀中反映丢失两个项目。",
    daysAgo: 80,
    path: ["MEDIATION", "ARBITRATION"],
    resolution: {
      outcome: "COMPENSATION",
      amount: 35_000_00n,
      outcomeNote: "向石家庄冀中支付项目利润补偿。",
      cause: "项目型客户总部在北京、工厂在石家庄，报备规则未覆盖异地工厂。",
      prevention: "项目报备按交货地划分区域；总部与工厂异地时由两地经销商共同报备、分成。",
    },
  },
  {
    id: "ccf_south_vfd",
    region: "south",
    kind: "BELOW_FLOOR_PRICE",
    distributorId: "dst_030",
    productId: "prd_vfd",
    summary: "深圳南山智能以低于最低限价的价格批量出货变频器，扰乱区域价格。",
    daysAgo: 62,
    path: ["MEDIATION"],
    resolution: {
      outcome: "REBATE_DEDUCTION",
      amount: 18_000_00n,
      cause: "季度末为冲返点档位，以低价清库存。",
      prevention: "返点按出货价格合规率折算，低于限价的出货不计入达成。",
    },
  },
  {
    id: "ccf_north_qingdao",
    region: "north",
    kind: "CROSS_TERRITORY",
    distributorId: "dst_019",
    affectedDistributorId: "dst_018",
    territory: "370100",
    summary: "青岛海港在济南承接设备改造项目，与济南泉城的独家区域重叠。",
    daysAgo: 55,
    path: ["MEDIATION"],
    resolution: {
      outcome: "TERRITORY_CHANGE",
      outcomeNote: "济南泉城的覆盖区域调整为济南市，青岛市改由青岛海港非独家覆盖。",
      cause: "济南泉城的协议覆盖青岛但无服务能力，青岛客户只能向青岛海港采购。",
      prevention: "签约前核实经销商在每个覆盖区域的服务能力，无服务能力的区域不给独家。",
    },
  },
  {
    id: "ccf_east_suzhou",
    region: "east",
    kind: "CROSS_TERRITORY",
    distributorId: "dst_005",
    affectedDistributorId: "dst_004",
    territory: "320500",
    summary: "无锡华拓向苏州工业园区客户零星供货。",
    daysAgo: 40,
    path: [],
    resolution: {
      outcome: "WARNING",
      amount: 2_000_00n,
      outcomeNote: "书面警告并按协议收取违约金。",
      cause: "客户临时急单，苏州恒信缺货，无锡华拓未经报备直接供货。",
      prevention: "缺货时由渠道经理协调调货，不允许经销商自行跨区供货。",
    },
  },
  {
    id: "ccf_north_overlap",
    region: "north",
    kind: "CUSTOMER_OVERLAP",
    distributorId: "dst_019",
    account: true,
    summary: "青岛海港的出货客户与公司直销的重点客户重名。",
    daysAgo: 30,
    path: [],
    resolution: {
      outcome: "NO_ACTION",
      cause: "核实后为同名的不同公司（信用代码不同），不构成客户重叠。",
      prevention: "出货报表要求填写客户统一社会信用代码，按代码而非名称比对。",
    },
  },
  {
    id: "ccf_south_guangzhou",
    region: "south",
    kind: "CROSS_TERRITORY",
    distributorId: "dst_033",
    affectedDistributorId: "dst_027",
    territory: "440100",
    summary: "东莞长安持续向广州客户低价供货，广州穗丰要求公司仲裁。",
    daysAgo: 24,
    path: ["MEDIATION", "ARBITRATION"],
  },
  {
    id: "ccf_east_plc",
    region: "east",
    kind: "BELOW_FLOOR_PRICE",
    distributorId: "dst_002",
    productId: "prd_plc",
    summary: "上海浦江工控的PLC控制器报价低于最低限价，多家经销商反映。",
    daysAgo: 20,
    path: ["MEDIATION", "ARBITRATION"],
  },
  {
    id: "ccf_east_shanghai",
    region: "east",
    kind: "CROSS_TERRITORY",
    distributorId: "dst_004",
    affectedDistributorId: "dst_001",
    territory: "310000",
    summary: "苏州恒信在上海嘉定承接项目，上海申联认为侵入其独家区域。",
    daysAgo: 15,
    path: ["MEDIATION"],
  },
  {
    id: "ccf_south_overlap",
    region: "south",
    kind: "CUSTOMER_OVERLAP",
    distributorId: "dst_028",
    account: true,
    summary: "广州白云工控向公司直销的重点客户报价，客户拿经销商报价压价。",
    daysAgo: 12,
    path: ["MEDIATION"],
  },
  {
    id: "ccf_north_servo",
    region: "north",
    kind: "BELOW_FLOOR_PRICE",
    distributorId: "dst_016",
    productId: "prd_servo",
    summary: "北京中关村工控伺服电机出货价低于最低限价。",
    daysAgo: 6,
    path: [],
  },
  {
    id: "ccf_east_wuxi",
    region: "east",
    kind: "CROSS_TERRITORY",
    distributorId: "dst_005",
    affectedDistributorId: "dst_003",
    territory: "320100",
    summary: "无锡华拓向南京江北新区客户供货，南京金陵投诉区域窜货。",
    daysAgo: 4,
    path: [],
  },
  {
    id: "ccf_east_hangzhou",
    region: "east",
    kind: "CROSS_TERRITORY",
    // Not 上海浦江 (dst_002): the sales-report journey plants its phone run's sale into 杭州 from
    // there and expects a new case, not this one to join.
    distributorId: "dst_001",
    affectedDistributorId: "dst_006",
    territory: "330100",
    summary: "上海申联机电向杭州客户批量供货，杭州西湖智控投诉区域窜货。",
    daysAgo: 3,
    path: [],
  },
];

const STEP_NOTES: Partial<Record<ConflictStatus, string>> = {
  MEDIATION: "双方协商未达成一致，提交调解。",
  ARBITRATION: "调解方案未被接受，提交仲裁。",
};

// How the sales report's automatic cases went on: some stay open at each step, some were resolved.
const AUTO_ENDINGS: (Resolution | ConflictStatus)[] = [
  "NEGOTIATION",
  "MEDIATION",
  {
    outcome: "WARNING",
    amount: 1_000_00n,
    cause: "经销商业务员为完成个人指标跨区出货。",
    prevention: "经销商业务员的考核按本区域出货计算，跨区出货不计业绩。",
  },
  "ARBITRATION",
  {
    outcome: "REBATE_DEDUCTION",
    amount: 8_000_00n,
    cause: "低于限价出货以争夺项目。",
    prevention: "项目型订单提前报备，由公司统一核价。",
  },
  {
    outcome: "NO_ACTION",
    cause: "客户地址登记错误，实际交货在本区域内。",
    prevention: "出货报表的交货地址与客户注册地址分开填写。",
  },
];

async function numberFor(tx: Tx, on: Date): Promise<string> {
  const year = Number(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(on),
  );
  const [top] = await tx.$queryRaw<{ number: string }[]>`
    SELECT number FROM "ChannelConflict"
    WHERE number >= ${`CC-${year}-`} AND number < ${`CC-${year}.`}
    ORDER BY length(number) DESC, number DESC LIMIT 1`;
  return nextConflictNumber(year, top?.number ?? null);
}

/** Writes the steps after negotiation and the resolution as events, and the case's final state. */
async function progress(
  tx: Tx,
  c: { id: string; openedAt: Date; status: ConflictStatus; channelId: string; managerId: string },
  path: ConflictStatus[],
  resolution: Resolution | undefined,
  now: Date,
): Promise<void> {
  const span = now.getTime() - c.openedAt.getTime();
  const steps = path.length + (resolution ? 1 : 0);
  const at = (k: number) => new Date(c.openedAt.getTime() + Math.floor((span * (k + 1)) / (steps + 2)));
  let from = c.status;
  for (const [k, to] of path.entries()) {
    const manager = to === "ARBITRATION";
    await tx.channelConflictEvent.create({
      data: {
        conflictId: c.id,
        actorId: manager ? c.managerId : c.channelId,
        kind: "STEP",
        fromStatus: from,
        toStatus: to,
        note: STEP_NOTES[to] ?? null,
        createdAt: at(k),
      },
    });
    from = to;
  }
  const data: Prisma.ChannelConflictUncheckedUpdateInput = { status: from };
  if (resolution) {
    const resolvedAt = at(path.length);
    const decider = from === "NEGOTIATION" ? c.channelId : c.managerId;
    await tx.channelConflictEvent.create({
      data: {
        conflictId: c.id,
        actorId: decider,
        kind: "CAUSE",
        note: resolution.cause,
        createdAt: new Date(resolvedAt.getTime() - DAY / 2),
      },
    });
    await tx.channelConflictEvent.create({
      data: {
        conflictId: c.id,
        actorId: decider,
        kind: "RESOLVED",
        fromStatus: from,
        toStatus: "RESOLVED",
        note: resolution.outcomeNote ?? null,
        createdAt: resolvedAt,
      },
    });
    Object.assign(data, {
      status: "RESOLVED",
      openKey: null,
      causeAnalysis: resolution.cause,
      outcome: resolution.outcome,
      outcomeAmount: resolution.amount ?? null,
      outcomeNote: resolution.outcomeNote ?? null,
      preventionNote: resolution.prevention ?? null,
      resolvedAt,
      resolvedById: decider,
    });
  }
  if (path.length || resolution) await tx.channelConflict.update({ where: { id: c.id }, data });
}

export async function seedDemoChannelConflicts(
  tx: Tx,
  args: { now?: Date } = {},
): Promise<Record<string, number>> {
  const now = args.now ?? new Date();

  // The automatic cases the sales seed opened, in number order: each takes the next ending.
  const auto = await tx.channelConflict.findMany({
    where: { detectedAutomatically: true, status: "NEGOTIATION", deletedAt: null },
    select: { id: true, createdAt: true, teamId: true, ownerId: true },
    orderBy: { number: "asc" },
  });
  // Mediation and arbitration are decided by the team's manager (the case's channel manager if none).
  const managerOf = new Map(
    (await tx.team.findMany({ select: { id: true, managerId: true } })).map((t) => [t.id, t.managerId]),
  );
  for (const [i, c] of auto.entries()) {
    const ending = AUTO_ENDINGS[i % AUTO_ENDINGS.length]!;
    const path: ConflictStatus[] =
      typeof ending === "string"
        ? ending === "ARBITRATION"
          ? ["MEDIATION", "ARBITRATION"]
          : ending === "MEDIATION"
            ? ["MEDIATION"]
            : []
        : i % 2
          ? ["MEDIATION"]
          : [];
    await progress(
      tx,
      {
        id: c.id,
        openedAt: c.createdAt,
        status: "NEGOTIATION",
        channelId: c.ownerId,
        managerId: managerOf.get(c.teamId) ?? c.ownerId,
      },
      path,
      typeof ending === "string" ? undefined : ending,
      now,
    );
  }

  const [territories, distributors, accounts] = await Promise.all([
    tx.territory.findMany({ select: { id: true, code: true } }),
    tx.distributor.findMany({ select: { id: true, ownerId: true, teamId: true } }),
    tx.account.findMany({
      where: { deletedAt: null },
      select: { id: true, teamId: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const territoryId = new Map(territories.map((t) => [t.code, t.id]));
  const distributor = new Map(distributors.map((d) => [d.id, d]));
  const manual = [...MANUAL].sort((a, b) => b.daysAgo - a.daysAgo);
  let created = 0;
  for (const m of manual) {
    const d = distributor.get(m.distributorId);
    if (!d) continue;
    const openedAt = new Date(now.getTime() - m.daysAgo * DAY);
    const tId = m.territory ? (territoryId.get(m.territory) ?? null) : null;
    const accountId = m.account ? (accounts.find((a) => a.teamId === `team_${m.region}`)?.id ?? null) : null;
    const subject =
      m.kind === "CROSS_TERRITORY" ? tId : m.kind === "BELOW_FLOOR_PRICE" ? m.productId : accountId;
    // An automatic case may already hold the key; then this one is a separate manual case.
    const key = subject && !m.resolution ? conflictOpenKey(m.kind, m.distributorId, subject) : null;
    const taken = key
      ? await tx.channelConflict.findUnique({ where: { openKey: key }, select: { id: true } })
      : null;
    await tx.channelConflict.create({
      data: {
        id: m.id,
        number: await numberFor(tx, openedAt),
        kind: m.kind,
        status: "NEGOTIATION",
        openKey: taken ? null : key,
        distributorId: m.distributorId,
        affectedDistributorId: m.affectedDistributorId ?? null,
        accountId,
        territoryId: tId,
        productId: m.productId ?? null,
        detectedAutomatically: false,
        summary: m.summary,
        ownerId: d.ownerId,
        teamId: d.teamId,
        createdAt: openedAt,
        events: {
          create: {
            actorId: `usr_${m.region}_channel`,
            kind: "OPENED",
            toStatus: "NEGOTIATION",
            note: m.summary,
            createdAt: openedAt,
          },
        },
      },
    });
    await progress(
      tx,
      {
        id: m.id,
        openedAt,
        status: "NEGOTIATION",
        channelId: `usr_${m.region}_channel`,
        managerId: `usr_${m.region}_manager`,
      },
      m.path,
      m.resolution,
      now,
    );
    created++;
  }
  return { conflictCases: created + auto.length, conflictCasesProgressed: auto.length };
}
