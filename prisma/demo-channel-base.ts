// The demo company's channel (渠道): channel products, the three regional channel managers and
// their territories, ~40 distributors in every stage of recruitment, and the agreements of the
// signed ones (a year's agreement with quarterly rebate tiers and floor prices; some changed
// mid-year, so version 1 stays behind version 2; last year's expired). Later seeds build sales
// reports, receivables, conflicts and scorecards on these rows.
import type { Prisma } from "@/lib/db";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { chinaDate, toDbDate } from "@/lib/domain/calendar";
import type { RebateRules } from "@/lib/domain/rebates";
import type { seededRandom } from "@/lib/domain/random";

type Tx = Prisma.TransactionClient;
type Random = ReturnType<typeof seededRandom>;

/** Channel products (渠道产品): list prices in fen per unit. */
export const DEMO_PRODUCTS = [
  {
    id: "prd_servo",
    code: "SV-750",
    name: "伺服电机 750W",
    nameEn: "Servo motor 750 W",
    unit: "台",
    listPrice: 2_680_00n,
  },
  {
    id: "prd_plc",
    code: "PLC-S20",
    name: "PLC控制器 S20",
    nameEn: "PLC controller S20",
    unit: "套",
    listPrice: 5_200_00n,
  },
  {
    id: "prd_vfd",
    code: "VFD-5K5",
    name: "变频器 5.5kW",
    nameEn: "Frequency inverter 5.5 kW",
    unit: "台",
    listPrice: 3_150_00n,
  },
  {
    id: "prd_sensor",
    code: "PS-M12",
    name: "光电传感器 M12",
    nameEn: "Photoelectric sensor M12",
    unit: "个",
    listPrice: 185_00n,
  },
  {
    id: "prd_oil",
    code: "LUB-18L",
    name: "工业润滑油 18L",
    nameEn: "Industrial lubricant 18 L",
    unit: "桶",
    listPrice: 620_00n,
  },
  { id: "prd_seal", code: "SEAL-K", name: "密封件套装", nameEn: "Seal kit", unit: "箱", listPrice: 340_00n },
  {
    id: "prd_hmi",
    code: "HMI-7",
    name: "触摸屏 7寸",
    nameEn: "Touch panel 7 in",
    unit: "台",
    listPrice: 1_480_00n,
  },
  {
    id: "prd_cable",
    code: "CBL-ENC",
    name: "编码器电缆 5m",
    nameEn: "Encoder cable 5 m",
    unit: "根",
    listPrice: 96_00n,
  },
] as const;

/** Each region's channel manager covers the region (and so every province and city below it). */
const ASSIGNMENTS = [
  { userId: "usr_east_channel", territory: "CN-EAST", team: "team_east" },
  { userId: "usr_north_channel", territory: "CN-NORTH", team: "team_north" },
  { userId: "usr_south_channel", territory: "CN-SOUTH", team: "team_south" },
] as const;

type Stage = "PROSPECT" | "EVALUATION" | "NEGOTIATION" | "SIGNED" | "SUSPENDED" | "TERMINATED";
type Kind = "DIRECT" | "AGENT" | "DEALER";

// [name, home city code, region, kind, 批发/终端, stage, second city covered or null, exclusive]
// Cities left without a signed distributor (宁波, 天津, 厦门) show as uncovered on the layout.
type Row = [string, string, "east" | "north" | "south", Kind, "W" | "T", Stage, string | null, boolean];
const DISTRIBUTORS: Row[] = [
  ["上海申联机电设备有限公司", "310000", "east", "DEALER", "T", "SIGNED", null, true],
  ["上海浦江工控贸易有限公司", "310000", "east", "DEALER", "W", "SIGNED", null, false],
  ["南京金陵自动化科技有限公司", "320100", "east", "AGENT", "T", "SIGNED", null, true],
  ["苏州恒信机电有限公司", "320500", "east", "DEALER", "T", "SIGNED", "320200", true],
  ["无锡华拓工业品有限公司", "320200", "east", "DEALER", "W", "SIGNED", null, false],
  ["杭州西湖智控设备有限公司", "330100", "east", "AGENT", "T", "SIGNED", null, true],
  ["杭州钱塘五金机电有限公司", "330100", "east", "DEALER", "W", "SUSPENDED", null, false],
  ["苏州工业园区创达贸易有限公司", "320500", "east", "DEALER", "W", "NEGOTIATION", null, false],
  ["宁波甬港机电设备有限公司", "330200", "east", "DEALER", "T", "EVALUATION", null, false],
  ["南京江宁传动技术有限公司", "320100", "east", "DEALER", "W", "PROSPECT", null, false],
  ["上海徐汇精工自动化有限公司", "310000", "east", "DIRECT", "T", "TERMINATED", null, false],
  ["宁波北仑工控科技有限公司", "330200", "east", "AGENT", "T", "PROSPECT", null, false],
  ["无锡锡山机电贸易有限公司", "320200", "east", "DEALER", "W", "EVALUATION", null, false],
  ["杭州滨江电气设备有限公司", "330100", "east", "DEALER", "T", "NEGOTIATION", null, false],
  ["北京燕华自动化设备有限公司", "110000", "north", "DEALER", "T", "SIGNED", null, true],
  ["北京中关村工控科技有限公司", "110000", "north", "AGENT", "W", "SIGNED", null, false],
  ["石家庄冀中机电有限公司", "130100", "north", "DEALER", "T", "SIGNED", null, true],
  ["济南泉城传动设备有限公司", "370100", "north", "DEALER", "T", "SIGNED", "370200", true],
  ["青岛海港工业品贸易有限公司", "370200", "north", "DEALER", "W", "SIGNED", null, false],
  ["天津滨海机电设备有限公司", "120000", "north", "DEALER", "T", "NEGOTIATION", null, false],
  ["天津津南工控贸易有限公司", "120000", "north", "DEALER", "W", "EVALUATION", null, false],
  ["北京亦庄精密传动有限公司", "110000", "north", "DIRECT", "T", "SUSPENDED", null, false],
  ["石家庄正定五金机电有限公司", "130100", "north", "DEALER", "W", "PROSPECT", null, false],
  ["青岛崂山电气有限公司", "370200", "north", "AGENT", "T", "TERMINATED", null, false],
  ["济南历城工业自动化有限公司", "370100", "north", "DEALER", "W", "PROSPECT", null, false],
  ["北京顺义机电贸易有限公司", "110000", "north", "DEALER", "W", "EVALUATION", null, false],
  ["广州穗丰机电设备有限公司", "440100", "south", "DEALER", "T", "SIGNED", null, true],
  ["广州白云工控贸易有限公司", "440100", "south", "DEALER", "W", "SIGNED", null, false],
  ["深圳鹏城自动化科技有限公司", "440300", "south", "AGENT", "T", "SIGNED", null, true],
  ["深圳南山智能装备有限公司", "440300", "south", "DEALER", "W", "SIGNED", null, false],
  ["佛山顺德机电有限公司", "440600", "south", "DEALER", "T", "SIGNED", "441900", true],
  ["福州闽江工业品有限公司", "350100", "south", "DEALER", "T", "SIGNED", null, true],
  ["东莞长安五金机电有限公司", "441900", "south", "DEALER", "W", "SIGNED", null, false],
  ["厦门鹭岛机电设备有限公司", "350200", "south", "DEALER", "T", "NEGOTIATION", null, false],
  ["深圳宝安工控贸易有限公司", "440300", "south", "DEALER", "W", "EVALUATION", null, false],
  ["佛山南海传动设备有限公司", "440600", "south", "DEALER", "W", "PROSPECT", null, false],
  ["厦门海沧自动化有限公司", "350200", "south", "AGENT", "T", "EVALUATION", null, false],
  ["广州番禺电气有限公司", "440100", "south", "DEALER", "W", "SUSPENDED", null, false],
  ["东莞松山湖智控科技有限公司", "441900", "south", "DEALER", "T", "NEGOTIATION", null, false],
  ["福州马尾机电贸易有限公司", "350100", "south", "DEALER", "W", "PROSPECT", null, false],
];

const PEOPLE = [
  "王建国",
  "李春梅",
  "张志刚",
  "刘小燕",
  "陈东",
  "杨晓光",
  "赵明",
  "黄丽",
  "周强",
  "吴芳",
  "徐斌",
  "孙伟",
];
const TITLES = ["总经理", "销售总监", "采购经理", "财务经理"];

/** Quarterly rebate tiers (返点): below 80 % of target nothing, then 1 %, 2 % and 3 %. */
export const DEMO_REBATE_RULES: RebateRules = {
  period: "QUARTER",
  bands: [
    { fromBp: 0, rateBp: 0 },
    { fromBp: 8_000, rateBp: 100 },
    { fromBp: 10_000, rateBp: 200 },
    { fromBp: 12_000, rateBp: 300 },
  ],
};

export type DemoChannelBase = { products: number; distributors: number; agreements: number };

export async function seedDemoChannelBase(
  tx: Tx,
  args: { territoryIdByCode: Map<string, string>; random: Random; now?: Date },
): Promise<DemoChannelBase> {
  const r = args.random;
  const now = args.now ?? new Date();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const territory = (code: string) => args.territoryIdByCode.get(code)!;

  await tx.product.createMany({ data: DEMO_PRODUCTS.map((p) => ({ ...p })) });
  await tx.channelTerritoryAssignment.createMany({
    data: ASSIGNMENTS.map((a) => ({ userId: a.userId, territoryId: territory(a.territory) })),
  });

  let agreements = 0;
  for (const [i, row] of DISTRIBUTORS.entries()) {
    const [name, city, region, kind, model, stage, second, exclusive] = row;
    const id = `dst_${String(i + 1).padStart(3, "0")}`;
    const first17 = "91" + city + String(100_000_000 + r.int(0, 899_999_999)).slice(0, 9);
    const signedLike = stage === "SIGNED" || stage === "SUSPENDED" || stage === "TERMINATED";
    const since = `${year - r.int(1, 6)}-0${r.int(1, 9)}-01`;
    await tx.distributor.create({
      data: {
        id,
        code: `QD-${String(i + 1).padStart(4, "0")}`,
        name,
        kind,
        model: model === "W" ? "WHOLESALE" : "TERMINAL",
        creditCode: first17 + creditCodeCheckChar(first17),
        legalRepresentative: r.pick(PEOPLE),
        registeredCapital: BigInt(r.int(50, 3_000)) * 10_000_00n,
        foundedOn: toDbDate(`${year - r.int(3, 25)}-0${r.int(1, 9)}-1${r.int(0, 9)}`),
        address: `${name.slice(0, 2)}市工业大道${r.int(1, 999)}号`,
        shareholderBackground: r.pick(["民营，创始人家族控股", "国有参股", "民营，管理层持股", "外资合资"]),
        organisation: r.pick([
          "总经理下设销售部、技术服务部、仓储物流部",
          "销售一部、二部分区域运营，设技术支持组",
        ]),
        localStrength: r.pick(["覆盖本地主要工业园区", "与当地设备集成商关系深厚", "仓储与配送能力强"]),
        industryStanding: r.pick(["本地工控分销前三", "区域知名五金机电批发商", "新进入者，成长较快"]),
        employees: r.int(8, 220),
        annualSales: BigInt(r.int(800, 30_000)) * 10_000_00n,
        territoryId: territory(city),
        ownerId: `usr_${region}_channel`,
        teamId: `team_${region}`,
        stage,
        stageChangedAt: new Date(now.getTime() - r.int(5, 200) * 86_400_000),
        rank: `m${String(i).padStart(3, "0")}`,
        creditLimit: signedLike ? BigInt(r.int(5, 60)) * 100_000_00n : 0n,
        coverage: {
          create: [city, ...(second ? [second] : [])].map((code, k) => ({
            territoryId: territory(code),
            exclusive: exclusive && k === 0,
            active: stage === "SIGNED",
            since: signedLike ? toDbDate(since) : null,
          })),
        },
        contacts: {
          create: [0, 1].map((k) => ({
            name: r.pick(PEOPLE),
            title: TITLES[(i + k) % TITLES.length],
            phone: `13${r.int(100_000_000, 999_999_999)}`,
            isPrimary: k === 0,
          })),
        },
        memos: signedLike
          ? {
              create: [
                {
                  topic: "FOCUS",
                  body: "本季度重点开拓园区新客户，申请增加样机支持",
                  authorId: `usr_${region}_channel`,
                },
                {
                  topic: "DIFFICULTY",
                  body: "回款周期偏长，下游客户付款慢",
                  authorId: `usr_${region}_channel`,
                },
              ],
            }
          : undefined,
        stageChanges: {
          create: stagePath(stage).map((s, k, path) => ({
            fromStage: k === 0 ? null : path[k - 1],
            toStage: s,
            actorId: `usr_${region}_channel`,
            createdAt: new Date(now.getTime() - (path.length - k) * 30 * 86_400_000),
          })),
        },
      },
    });

    if (!signedLike) continue;
    // Last year's agreement (expired) and this year's (active, or terminated with the distributor).
    const target = BigInt(r.int(200, 1_500)) * 10_000_00n;
    for (const [k, y] of [year - 1, year].entries()) {
      agreements++;
      const changedMidYear = y === year && i % 4 === 0;
      const versions = changedMidYear ? 2 : 1;
      const status = y < year ? "EXPIRED" : stage === "TERMINATED" ? "TERMINATED" : "ACTIVE";
      await tx.channelAgreement.create({
        data: {
          id: `cag_${id}_${y}`,
          number: `QX-${y}-${String(i + 1).padStart(4, "0")}`,
          distributorId: id,
          status,
          currentVersionNo: versions,
          signedAt: new Date(`${y - 1}-12-2${k}T02:00:00Z`),
          signedById: `usr_${region}_manager`,
          terminatedAt: status === "TERMINATED" ? new Date(now.getTime() - 40 * 86_400_000) : null,
          ownerId: `usr_${region}_channel`,
          teamId: `team_${region}`,
          versions: {
            create: Array.from({ length: versions }, (_, v) => {
              const annual = (y < year ? (target * 85n) / 100n : target) + BigInt(v) * 100_000_00n;
              return {
                number: v + 1,
                startsOn: toDbDate(`${y}-01-01`),
                endsOn: toDbDate(`${y}-12-31`),
                territoryId: territory(city),
                annualTarget: annual,
                quarterlyTargets: [20n, 25n, 25n, 30n].map((pct) => (annual * pct) / 100n),
                rebateRules: DEMO_REBATE_RULES,
                discountBp: model === "W" ? 300 : 500,
                marketSupportFund: BigInt(r.int(2, 20)) * 10_000_00n,
                deposit: BigInt(r.int(5, 50)) * 10_000_00n,
                paymentTermDays: r.pick([30, 45, 60]),
                creditLimit: BigInt(r.int(5, 60)) * 100_000_00n,
                changeNote: v === 1 ? "年中调整：上调年度目标并增加产品" : null,
                createdById: `usr_${region}_channel`,
                createdAt: new Date(`${y}-0${v === 0 ? 1 : 7}-01T02:00:00Z`),
                products: {
                  create: DEMO_PRODUCTS.slice(0, v === 1 ? 8 : 6).map((p) => ({
                    productId: p.id,
                    // 最低限价: 80 % of list for the main products, none for cables.
                    floorPrice: p.id === "prd_cable" ? null : (p.listPrice * 80n) / 100n,
                  })),
                },
              };
            }),
          },
        },
      });
    }
  }
  return { products: DEMO_PRODUCTS.length, distributors: DISTRIBUTORS.length, agreements };
}

const PATH: Stage[] = ["PROSPECT", "EVALUATION", "NEGOTIATION", "SIGNED"];
/** The stages a distributor passed through to reach `stage`. */
function stagePath(stage: Stage): Stage[] {
  if (stage === "SUSPENDED" || stage === "TERMINATED") return [...PATH, stage];
  return PATH.slice(0, PATH.indexOf(stage) + 1);
}
