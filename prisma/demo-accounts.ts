// Demo key accounts for the three regional teams: ~120 company profiles with valid credit codes,
// value inputs spread so the default settings give roughly 15% A / 35% B / 50% C, a few negative
// assets and manual tier overrides, qualification marks consistent with the lifecycle, lifecycle
// history, score snapshots over the past year and decision-maker maps (contacts).
// Deterministic: fixed ids, the caller's seeded random and a fixed reference date (2026-11-25).
import type { Prisma, Tx } from "@/lib/db";
import { cachedScores, DEFAULT_SETTINGS, type StoredInputs } from "@/lib/domain/account-scoring";
import type { CreditRating, PaymentRecord, Tier } from "@/lib/domain/account-value";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import type { Industry } from "@/lib/domain/industries";
import type { LifecycleStage, MarkAnswer } from "@/lib/domain/qualification";
import type { seededRandom } from "@/lib/domain/random";
import { DEMO_TEAMS, DEMO_TERRITORIES, type DemoUser } from "./demo-org";
import { accountRow, contactRow } from "../tests/factories/accounts";

type Random = ReturnType<typeof seededRandom>;
type AccountType = "END_CUSTOMER" | "CHANNEL" | "PARTNER" | "SUPPLIER" | "COMPETITOR";
type SizeBand = "MICRO" | "SMALL" | "MEDIUM" | "LARGE" | "GIANT";
type BuyingRole = "DECISION_MAKER" | "INFLUENCER" | "SUPPORTER" | "OPPONENT" | "COACH" | "USER";
type Stance = "SUPPORTIVE" | "NEUTRAL" | "OPPOSED";

export type DemoAccountsResult = {
  accounts: number;
  contacts: number;
  lifecycleChanges: number;
  snapshots: number;
};

// ---------------------------------------------------------------------------------------------
// Time: everything is dated relative to 2026-11-25 10:00 Beijing time, never the clock.

const REF = Date.UTC(2026, 10, 25, 2, 0, 0);
const DAY = 86_400_000;
/** A moment `days` (≥ 1) before the reference date, during Beijing office hours. */
const daysAgo = (days: number, r: Random) => new Date(REF - days * DAY + r.int(-60, 420) * 60_000);

// ---------------------------------------------------------------------------------------------
// Small helpers.

const between = (r: Random, lo: number, hi: number) => lo + r.next() * (hi - lo);
const logUniform = (r: Random, lo: number, hi: number) => Math.exp(between(r, Math.log(lo), Math.log(hi)));
const clampInt = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));
const shuffle = <T>(r: Random, items: readonly T[]): T[] => {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};
/** Yuan → fen, rounded to whole thousands of yuan. */
const fen = (yuan: number) => BigInt(Math.round(yuan / 1000) * 1000) * 100n;
const yuanOf = (v: bigint) => Number(v) / 100;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

// ---------------------------------------------------------------------------------------------
// Places: the demo organisation's CITY territories, with what a company address needs.

type CityInfo = { short: string; abbr: string; districts: string[]; brands: [string, string][] };
const CITY_INFO: Record<string, CityInfo> = {
  "320100": {
    short: "南京",
    abbr: "nj",
    districts: ["江宁区", "浦口区", "栖霞区", "雨花台区"],
    brands: [
      ["金陵", "jinling"],
      ["钟山", "zhongshan"],
    ],
  },
  "320200": {
    short: "无锡",
    abbr: "wx",
    districts: ["新吴区", "惠山区", "锡山区", "江阴市"],
    brands: [
      ["太湖", "taihu"],
      ["锡山", "xishan"],
    ],
  },
  "320500": {
    short: "苏州",
    abbr: "sz",
    districts: ["工业园区", "吴中区", "相城区", "昆山市", "高新区"],
    brands: [
      ["姑苏", "gusu"],
      ["吴越", "wuyue"],
    ],
  },
  "330100": {
    short: "杭州",
    abbr: "hz",
    districts: ["滨江区", "余杭区", "萧山区", "钱塘区"],
    brands: [
      ["钱塘", "qiantang"],
      ["之江", "zhijiang"],
    ],
  },
  "330200": {
    short: "宁波",
    abbr: "nb",
    districts: ["北仑区", "鄞州区", "镇海区", "慈溪市"],
    brands: [
      ["甬江", "yongjiang"],
      ["四明", "siming"],
    ],
  },
  "130100": {
    short: "石家庄",
    abbr: "sjz",
    districts: ["长安区", "高新区", "藁城区", "栾城区"],
    brands: [
      ["燕赵", "yanzhao"],
      ["冀中", "jizhong"],
    ],
  },
  "370100": {
    short: "济南",
    abbr: "jn",
    districts: ["历城区", "高新区", "章丘区", "槐荫区"],
    brands: [
      ["泉城", "quancheng"],
      ["齐鲁", "qilu"],
    ],
  },
  "370200": {
    short: "青岛",
    abbr: "qd",
    districts: ["黄岛区", "城阳区", "崂山区", "即墨区"],
    brands: [
      ["琴岛", "qindao"],
      ["海青", "haiqing"],
    ],
  },
  "440100": {
    short: "广州",
    abbr: "gz",
    districts: ["黄埔区", "番禺区", "花都区", "天河区", "南沙区"],
    brands: [
      ["羊城", "yangcheng"],
      ["粤海", "yuehai"],
    ],
  },
  "440300": {
    short: "深圳",
    abbr: "sz",
    districts: ["南山区", "宝安区", "龙岗区", "龙华区", "光明区"],
    brands: [
      ["鹏城", "pengcheng"],
      ["前海", "qianhai"],
    ],
  },
  "440600": {
    short: "佛山",
    abbr: "fs",
    districts: ["顺德区", "南海区", "禅城区", "三水区"],
    brands: [
      ["岭南", "lingnan"],
      ["粤华", "yuehua"],
    ],
  },
  "441900": {
    short: "东莞",
    abbr: "dg",
    districts: ["松山湖高新区", "长安镇", "虎门镇", "塘厦镇", "凤岗镇"],
    brands: [
      ["莞邦", "guanbang"],
      ["松湖", "songhu"],
    ],
  },
  "350100": {
    short: "福州",
    abbr: "fz",
    districts: ["鼓楼区", "仓山区", "马尾区", "闽侯县"],
    brands: [
      ["榕城", "rongcheng"],
      ["闽都", "mindu"],
    ],
  },
  "350200": {
    short: "厦门",
    abbr: "xm",
    districts: ["湖里区", "集美区", "海沧区", "翔安区"],
    brands: [
      ["鹭江", "lujiang"],
      ["嘉禾", "jiahe"],
    ],
  },
};

type City = { code: string; name: string; province: string; info: CityInfo };

function citiesOf(teamId: string): City[] {
  return DEMO_TERRITORIES.filter((t) => t.level === "CITY" && t.team === teamId).map((t) => {
    const province = DEMO_TERRITORIES.find((p) => p.code === t.parent)?.name ?? "";
    const info = CITY_INFO[t.code] ?? {
      short: t.name.replace(/市$/, ""),
      abbr: t.nameEn.toLowerCase().replace(/[^a-z]/g, ""),
      districts: ["高新区"],
      brands: [],
    };
    return { code: t.code, name: t.name, province, info };
  });
}

const ROADS = [
  "长江路",
  "科技大道",
  "工业大道",
  "人民路",
  "建设路",
  "创新路",
  "高新大道",
  "滨河路",
  "金桥路",
  "东环路",
  "兴业路",
  "发展大道",
  "黄河路",
  "学府路",
  "产业园路",
  "新华路",
];

// ---------------------------------------------------------------------------------------------
// Company names: city + brand word + industry word + 有限公司 / 股份有限公司 / 集团有限公司.

const BRANDS: [string, string][] = [
  ["恒达", "hengda"],
  ["华瑞", "huarui"],
  ["博远", "boyuan"],
  ["鼎盛", "dingsheng"],
  ["宏图", "hongtu"],
  ["汇通", "huitong"],
  ["金诚", "jincheng"],
  ["瑞丰", "ruifeng"],
  ["天合", "tianhe"],
  ["新锐", "xinrui"],
  ["永鑫", "yongxin"],
  ["中联", "zhonglian"],
  ["华信", "huaxin"],
  ["长盛", "changsheng"],
  ["东升", "dongsheng"],
  ["同创", "tongchuang"],
  ["盛邦", "shengbang"],
  ["科达", "keda"],
  ["立德", "lide"],
  ["明阳", "mingyang"],
  ["普瑞", "purui"],
  ["启航", "qihang"],
  ["荣信", "rongxin"],
  ["赛恩", "saien"],
  ["泰和", "taihe"],
  ["万嘉", "wanjia"],
  ["祥和", "xianghe"],
  ["亚泰", "yatai"],
  ["卓越", "zhuoyue"],
  ["安泰", "antai"],
  ["宝丰", "baofeng"],
  ["昌达", "changda"],
  ["德润", "derun"],
  ["丰源", "fengyuan"],
  ["冠宇", "guanyu"],
  ["海纳", "haina"],
  ["凯瑞", "kairui"],
  ["蓝海", "lanhai"],
  ["茂源", "maoyuan"],
  ["晟达", "shengda"],
  ["旭日", "xuri"],
  ["远航", "yuanhang"],
  ["振华", "zhenhua"],
  ["致远", "zhiyuan"],
  ["三友", "sanyou"],
  ["天成", "tiancheng"],
  ["瑞鑫", "ruixin"],
  ["润达", "runda"],
  ["精诚", "jingcheng"],
  ["飞跃", "feiyue"],
  ["华辰", "huachen"],
  ["恒通", "hengtong"],
  ["锦程", "jincheng"],
  ["华辉", "huahui"],
];

const INDUSTRY_WORDS: Record<Industry, string[]> = {
  AUTOMOTIVE: ["汽车零部件", "汽车电子", "汽车配件", "车桥", "汽车部件"],
  ELECTRONICS: ["电子科技", "微电子", "半导体", "光电科技", "电子", "精密电子"],
  MACHINERY: ["机械制造", "精密机械", "重工", "智能装备", "数控机床", "液压机械"],
  CHEMICALS: ["化工", "新材料", "精细化工", "高分子材料", "涂料"],
  PHARMA: ["制药", "医疗器械", "生物医药", "药业", "医疗科技"],
  FOOD: ["食品", "乳业", "饮料", "粮油", "调味品"],
  RETAIL: ["商业连锁", "超市连锁", "百货", "商贸"],
  LOGISTICS: ["物流", "供应链管理", "国际货运", "仓储物流"],
  ENERGY: ["能源", "电力设备", "新能源科技", "光伏科技", "储能科技"],
  CONSTRUCTION: ["建设工程", "建材", "建工", "钢结构工程", "装饰工程"],
  IT: ["信息技术", "软件", "网络科技", "数据科技", "智能科技"],
  FINANCE: ["融资租赁", "金融服务", "商业保理"],
  HOME: ["家电", "家居", "电器", "厨卫", "智能家居"],
  TEXTILE: ["纺织", "服饰", "印染", "制衣", "家纺"],
};

const CHANNEL_WORDS: Partial<Record<Industry, string[]>> = {
  RETAIL: ["商业连锁", "超市连锁", "百货"],
  LOGISTICS: ["供应链管理", "物流"],
  MACHINERY: ["机电设备", "工业品贸易"],
  ELECTRONICS: ["电子商贸", "电子元器件贸易"],
};

const INDUSTRY_LABEL: Record<Industry, string> = {
  AUTOMOTIVE: "汽车零部件",
  ELECTRONICS: "电子",
  MACHINERY: "装备制造",
  CHEMICALS: "化工新材料",
  PHARMA: "医药",
  FOOD: "食品饮料",
  RETAIL: "零售连锁",
  LOGISTICS: "物流",
  ENERGY: "能源电力",
  CONSTRUCTION: "建筑建材",
  IT: "信息技术",
  FINANCE: "金融服务",
  HOME: "家电家居",
  TEXTILE: "纺织服装",
};

// Each region's industrial mix (repeats weight the draw).
const REGION_INDUSTRIES: Record<string, Industry[]> = {
  team_east: [
    "AUTOMOTIVE",
    "AUTOMOTIVE",
    "AUTOMOTIVE",
    "ELECTRONICS",
    "ELECTRONICS",
    "ELECTRONICS",
    "MACHINERY",
    "MACHINERY",
    "MACHINERY",
    "PHARMA",
    "PHARMA",
    "CHEMICALS",
    "CHEMICALS",
    "TEXTILE",
    "TEXTILE",
    "IT",
    "FOOD",
    "HOME",
    "ENERGY",
    "CONSTRUCTION",
  ],
  team_north: [
    "MACHINERY",
    "MACHINERY",
    "MACHINERY",
    "ENERGY",
    "ENERGY",
    "CHEMICALS",
    "CHEMICALS",
    "FOOD",
    "FOOD",
    "HOME",
    "HOME",
    "AUTOMOTIVE",
    "AUTOMOTIVE",
    "CONSTRUCTION",
    "CONSTRUCTION",
    "PHARMA",
    "IT",
    "TEXTILE",
  ],
  team_south: [
    "ELECTRONICS",
    "ELECTRONICS",
    "ELECTRONICS",
    "HOME",
    "HOME",
    "HOME",
    "IT",
    "IT",
    "TEXTILE",
    "TEXTILE",
    "FOOD",
    "FOOD",
    "AUTOMOTIVE",
    "CHEMICALS",
    "PHARMA",
    "MACHINERY",
    "ENERGY",
  ],
};

// The first accounts of each region (the demo's original handful), kept by name.
const FIXED: {
  team: string;
  name: string;
  city: string;
  industry: Industry;
  domain: string;
  min: SizeBand;
}[] = [
  {
    team: "team_east",
    name: "苏州精工汽车零部件有限公司",
    city: "320500",
    industry: "AUTOMOTIVE",
    domain: "szjinggong.com",
    min: "MEDIUM",
  },
  {
    team: "team_east",
    name: "杭州云帆电子科技有限公司",
    city: "330100",
    industry: "ELECTRONICS",
    domain: "hzyunfan.com",
    min: "SMALL",
  },
  {
    team: "team_east",
    name: "宁波海越新材料有限公司",
    city: "330200",
    industry: "CHEMICALS",
    domain: "nbhaiyue.com",
    min: "SMALL",
  },
  {
    team: "team_east",
    name: "无锡恒达机械制造有限公司",
    city: "320200",
    industry: "MACHINERY",
    domain: "wxhengda.com",
    min: "SMALL",
  },
  {
    team: "team_east",
    name: "南京华瑞制药有限公司",
    city: "320100",
    industry: "PHARMA",
    domain: "njhuarui.com",
    min: "SMALL",
  },
  {
    team: "team_north",
    name: "青岛海晟家电股份有限公司",
    city: "370200",
    industry: "HOME",
    domain: "qdhaisheng.com",
    min: "LARGE",
  },
  {
    team: "team_north",
    name: "济南鲁信重工有限公司",
    city: "370100",
    industry: "MACHINERY",
    domain: "jnluxin.com",
    min: "MEDIUM",
  },
  {
    team: "team_north",
    name: "石家庄冀发食品有限公司",
    city: "130100",
    industry: "FOOD",
    domain: "sjzjifa.com",
    min: "SMALL",
  },
  {
    team: "team_south",
    name: "深圳前海智联科技有限公司",
    city: "440300",
    industry: "IT",
    domain: "qhzl-tech.com",
    min: "SMALL",
  },
  {
    team: "team_south",
    name: "广州珠江精细化工有限公司",
    city: "440100",
    industry: "CHEMICALS",
    domain: "gzzhujiang.com",
    min: "SMALL",
  },
  {
    team: "team_south",
    name: "东莞立信电子有限公司",
    city: "441900",
    industry: "ELECTRONICS",
    domain: "dglixin.com",
    min: "SMALL",
  },
  {
    team: "team_south",
    name: "佛山美澜家居集团有限公司",
    city: "440600",
    industry: "HOME",
    domain: "fsmeilan.com",
    min: "LARGE",
  },
  {
    team: "team_south",
    name: "厦门鹭岛航空服务有限公司",
    city: "350200",
    industry: "LOGISTICS",
    domain: "xmludao.com",
    min: "SMALL",
  },
  {
    team: "team_south",
    name: "福州闽江茶业有限公司",
    city: "350100",
    industry: "FOOD",
    domain: "fzminjiang.com",
    min: "SMALL",
  },
];

// ---------------------------------------------------------------------------------------------
// People.

const SURNAMES: [string, string][] = [
  ["王", "wang"],
  ["李", "li"],
  ["张", "zhang"],
  ["刘", "liu"],
  ["陈", "chen"],
  ["杨", "yang"],
  ["黄", "huang"],
  ["赵", "zhao"],
  ["吴", "wu"],
  ["周", "zhou"],
  ["徐", "xu"],
  ["孙", "sun"],
  ["马", "ma"],
  ["朱", "zhu"],
  ["胡", "hu"],
  ["郭", "guo"],
  ["何", "he"],
  ["高", "gao"],
  ["林", "lin"],
  ["罗", "luo"],
  ["郑", "zheng"],
  ["梁", "liang"],
  ["谢", "xie"],
  ["宋", "song"],
  ["唐", "tang"],
  ["许", "xu"],
  ["韩", "han"],
  ["冯", "feng"],
  ["邓", "deng"],
  ["曹", "cao"],
  ["彭", "peng"],
  ["曾", "zeng"],
  ["田", "tian"],
  ["董", "dong"],
  ["潘", "pan"],
  ["袁", "yuan"],
  ["蔡", "cai"],
  ["蒋", "jiang"],
  ["余", "yu"],
  ["杜", "du"],
  ["叶", "ye"],
  ["程", "cheng"],
  ["魏", "wei"],
  ["苏", "su"],
  ["丁", "ding"],
  ["沈", "shen"],
  ["钱", "qian"],
  ["姚", "yao"],
];
const GIVEN: [string, string][] = [
  ["伟", "wei"],
  ["芳", "fang"],
  ["娜", "na"],
  ["敏", "min"],
  ["静", "jing"],
  ["丽", "li"],
  ["强", "qiang"],
  ["磊", "lei"],
  ["军", "jun"],
  ["洋", "yang"],
  ["勇", "yong"],
  ["艳", "yan"],
  ["杰", "jie"],
  ["涛", "tao"],
  ["明", "ming"],
  ["超", "chao"],
  ["霞", "xia"],
  ["平", "ping"],
  ["刚", "gang"],
  ["华", "hua"],
  ["建", "jian"],
  ["国", "guo"],
  ["文", "wen"],
  ["海", "hai"],
  ["志", "zhi"],
  ["宏", "hong"],
  ["玉", "yu"],
  ["春", "chun"],
  ["晓", "xiao"],
  ["东", "dong"],
  ["斌", "bin"],
  ["鹏", "peng"],
  ["辉", "hui"],
  ["俊", "jun"],
  ["峰", "feng"],
  ["健", "jian"],
  ["波", "bo"],
  ["亮", "liang"],
  ["宁", "ning"],
  ["婷", "ting"],
  ["雪", "xue"],
  ["琳", "lin"],
  ["颖", "ying"],
  ["慧", "hui"],
  ["倩", "qian"],
  ["浩", "hao"],
  ["宇", "yu"],
  ["博", "bo"],
  ["欣", "xin"],
  ["凯", "kai"],
  ["成", "cheng"],
  ["荣", "rong"],
  ["德", "de"],
  ["庆", "qing"],
  ["立", "li"],
  ["新", "xin"],
];

function personName(r: Random): { zh: string; py: string } {
  const [s, sp] = r.pick(SURNAMES);
  const [g1, p1] = r.pick(GIVEN);
  if (r.chance(0.35)) return { zh: s + g1, py: sp + p1 };
  const [g2, p2] = r.pick(GIVEN);
  return g2 === g1 ? { zh: s + g1, py: sp + p1 } : { zh: s + g1 + g2, py: sp + p1 + p2 };
}

const HOMETOWNS = [
  "江苏南通",
  "江苏盐城",
  "浙江温州",
  "浙江绍兴",
  "山东潍坊",
  "山东烟台",
  "河北保定",
  "河北邯郸",
  "广东潮州",
  "广东梅州",
  "福建泉州",
  "福建莆田",
  "湖南长沙",
  "湖北武汉",
  "安徽合肥",
  "安徽安庆",
  "河南郑州",
  "河南南阳",
  "四川成都",
  "江西赣州",
  "山西太原",
  "辽宁大连",
  "黑龙江哈尔滨",
  "陕西西安",
  "广西桂林",
  "重庆",
];
const SCHOOLS = [
  "清华大学",
  "浙江大学",
  "上海交通大学",
  "南京大学",
  "复旦大学",
  "同济大学",
  "东南大学",
  "哈尔滨工业大学",
  "华中科技大学",
  "西安交通大学",
  "山东大学",
  "天津大学",
  "华南理工大学",
  "中山大学",
  "厦门大学",
  "北京理工大学",
  "江南大学",
  "合肥工业大学",
  "武汉理工大学",
  "河北工业大学",
  "中国海洋大学",
  "福州大学",
  "中欧国际工商学院（EMBA）",
  "长江商学院（EMBA）",
];
const PERSONALITIES = [
  "性格直爽，说话干脆；喜欢打高尔夫",
  "做事严谨，重视数据和书面方案；爱好摄影",
  "为人低调，注重长期关系；喜欢喝茶、钓鱼",
  "思维敏捷，喜欢新技术；周末常跑步",
  "比较强势，看重供应商的响应速度；爱好羽毛球",
  "谨慎保守，对价格很敏感；喜欢下围棋",
  "热情健谈，乐于分享行业信息；爱好足球",
  "技术出身，较真细节；喜欢自驾游",
  "重感情，讲究人情往来；爱喝白酒",
  "注重规范流程，不轻易表态；喜欢读历史书",
  "年轻有冲劲，希望做出业绩；爱打篮球",
  "亲和力强，人缘好；喜欢书法",
  "务实，关注交付和质量稳定性；爱好登山",
  "讲究效率，不喜欢冗长汇报；喜欢游泳",
];
const APPROACH: Record<BuyingRole, string[]> = {
  DECISION_MAKER: [
    "以高层互访为主，安排我方总经理拜访，并邀请参观我方工厂",
    "用整体解决方案和降本数据打动，强调长期战略合作",
    "通过行业峰会建立联系，重点展示同行业标杆案例",
    "每季度一次高层沟通，汇报合作成果和下一步规划",
  ],
  INFLUENCER: [
    "定期技术交流，提供对比测试数据支持其内部论证",
    "邀请参加新品发布会和技术研讨会，强化专业认可",
    "提供详细的总成本分析，帮助其向上汇报",
  ],
  SUPPORTER: ["保持每月拜访，及时同步项目进展，巩固其支持", "协助解决日常问题，让其在内部为我方发声"],
  OPPONENT: [
    "了解其顾虑（与原供应商关系较深），避免正面冲突，通过其上级和数据化解",
    "安排质量对比测试，用事实消除其对切换风险的担心",
    "尊重其专业意见，邀请参与方案评审，争取转为中立",
  ],
  COACH: [
    "保持私下沟通，定期了解采购计划和竞争对手动态；注意保护内线",
    "节日问候，适度关心其职业发展，获取内部决策信息",
  ],
  USER: ["做好现场培训和售后服务，收集使用反馈", "定期回访使用情况，快速响应问题"],
};
const PHONE_PREFIXES = [
  "138",
  "139",
  "137",
  "136",
  "135",
  "150",
  "151",
  "152",
  "158",
  "159",
  "186",
  "187",
  "188",
  "177",
  "180",
  "189",
  "133",
  "153",
  "199",
  "166",
  "182",
  "183",
  "130",
  "131",
];

type Position = { key: string; title: string; department: string; parent: string | null; influence: number };

function positionsFor(type: AccountType, size: SizeBand, industry: Industry): Position[] {
  const big = size === "LARGE" || size === "GIANT";
  if (type === "CHANNEL" && industry !== "RETAIL") {
    // A distributor: sales network and warehouses rather than stores.
    return [
      { key: "chair", title: "董事长", department: "董事会", parent: null, influence: 5 },
      { key: "gm", title: "总经理", department: "总经理办公室", parent: "chair", influence: 5 },
      { key: "vp", title: "销售总监", department: "销售部", parent: "gm", influence: 4 },
      { key: "proc", title: "采购总监", department: "采购部", parent: "gm", influence: 4 },
      { key: "tech", title: "产品线经理", department: "产品部", parent: "proc", influence: 3 },
      { key: "fin", title: big ? "财务总监" : "财务经理", department: "财务部", parent: "gm", influence: 3 },
      { key: "prod", title: "区域销售经理", department: "销售部", parent: "vp", influence: 3 },
      { key: "qa", title: "仓储物流经理", department: "仓储物流部", parent: "gm", influence: 2 },
      { key: "buyer", title: "采购专员", department: "采购部", parent: "tech", influence: 2 },
      { key: "eng", title: "技术支持工程师", department: "产品部", parent: "tech", influence: 2 },
    ];
  }
  if (type === "CHANNEL") {
    return [
      { key: "chair", title: "董事长", department: "董事会", parent: null, influence: 5 },
      { key: "gm", title: "总经理", department: "总经理办公室", parent: "chair", influence: 5 },
      { key: "vp", title: "运营总监", department: "运营中心", parent: "gm", influence: 4 },
      { key: "proc", title: "采购总监", department: "采购中心", parent: "gm", influence: 4 },
      { key: "tech", title: "品类经理", department: "采购中心", parent: "proc", influence: 3 },
      { key: "fin", title: big ? "财务总监" : "财务经理", department: "财务部", parent: "gm", influence: 3 },
      { key: "prod", title: "区域经理", department: "门店运营部", parent: "vp", influence: 3 },
      { key: "qa", title: "物流经理", department: "物流部", parent: "vp", influence: 2 },
      { key: "buyer", title: "采购专员", department: "采购中心", parent: "tech", influence: 2 },
      { key: "eng", title: "信息部经理", department: "信息部", parent: "gm", influence: 2 },
    ];
  }
  return [
    { key: "chair", title: "董事长", department: "董事会", parent: null, influence: 5 },
    { key: "gm", title: "总经理", department: "总经理办公室", parent: "chair", influence: 5 },
    { key: "vp", title: "副总经理", department: "总经理办公室", parent: "gm", influence: 4 },
    { key: "proc", title: big ? "采购总监" : "采购经理", department: "采购部", parent: "vp", influence: 4 },
    {
      key: "tech",
      title: big ? "技术总监" : "技术部经理",
      department: "技术中心",
      parent: "gm",
      influence: 4,
    },
    { key: "fin", title: big ? "财务总监" : "财务经理", department: "财务部", parent: "gm", influence: 3 },
    { key: "prod", title: "生产经理", department: "生产部", parent: "vp", influence: 3 },
    { key: "qa", title: "质量经理", department: "质量部", parent: "vp", influence: 3 },
    { key: "buyer", title: "采购专员", department: "采购部", parent: "proc", influence: 2 },
    { key: "eng", title: "设备工程师", department: "技术中心", parent: "tech", influence: 2 },
  ];
}

// ---------------------------------------------------------------------------------------------
// Qualification evidence and lifecycle reasons.

const EVIDENCE: Record<"need" | "afford" | "willing" | "decide", { YES: string[]; NO: string[] }> = {
  need: {
    YES: [
      "现有供应商交期不稳定，明确提出增加第二供应商",
      "新产线明年投产，相关品类年需求预计增长三成",
      "技术升级需要更高规格的产品，现有方案无法满足",
      "正在推进国产化替代，已列入年度采购计划",
      "现有设备老化，计划明年分批更换",
    ],
    NO: ["现有供应商合作稳定，三年框架协议尚未到期", "产品路线调整，相关品类需求大幅下降"],
  },
  afford: {
    YES: [
      "经营稳健，现金流充裕，已批复本年度专项采购预算",
      "信用评级良好，可接受60天付款账期",
      "近三年营收稳定增长，资产负债率较低",
    ],
    NO: ["近期资金紧张，应付账款逾期较多", "预算被压缩，今年无新增采购预算"],
  },
  willing: {
    YES: [
      "采购负责人主动邀请技术交流并索要报价",
      "已完成样品测试，客户希望尽快签订试用协议",
      "对现有供应商服务不满，愿意尝试新供应商",
      "总经理在交流会上明确表示希望建立长期合作",
    ],
    NO: ["高层与竞争对手关系密切，短期内无更换意愿", "刚与竞争对手续签年度协议，暂不考虑新供应商"],
  },
  decide: {
    YES: [
      "已与总经理当面沟通，采购由其最终拍板",
      "已接触董事长，并确认采购委员会的决策流程",
      "采购总监有权审批年度框架协议，已建立直接联系",
    ],
    NO: ["采购决策权在集团总部，当地公司无最终拍板权", "拍板人在境外母公司，目前无法接触"],
  },
};

const TO_INTENT = [
  "四项特征均已确认，转入意向阶段",
  "完成技术交流和样品测试，客户确认需求与预算",
  "客户发出正式询价并确认拍板人",
  null,
];
const TO_CUSTOMER = [
  "首单合同签订，完成交付",
  "年度框架协议签订，首批订单已到货",
  "通过客户验厂和小批量试产，转入批量供货",
  null,
];
type LossStory = { reason: string; marks: Partial<Record<"need" | "afford" | "willing" | "decide", string>> };
const LOSS_AS_CUSTOMER: LossStory[] = [
  { reason: "被竞争对手以低价替代", marks: { willing: "竞争对手报价低约15%，客户已转向对方" } },
  {
    reason: "客户核心决策人离职，新任采购总监引入原合作供应商",
    marks: { willing: "新任采购总监倾向原合作供应商，多次拜访未获回应" },
  },
  {
    reason: "产品质量投诉处理不及时，客户终止合作",
    marks: { willing: "因质量投诉处理不及时，客户明确表示暂停合作" },
  },
  { reason: "客户经营困难，停产整顿", marks: { afford: "客户停产整顿，应付账款逾期超过180天" } },
  {
    reason: "客户被集团收购，采购统一由集团集中招标",
    marks: { decide: "采购权已上收至集团采购中心，当地公司无拍板权" },
  },
  {
    reason: "竞争对手提供更长账期和驻厂服务",
    marks: { willing: "竞争对手提供120天账期和驻厂服务，客户已与其签约" },
  },
];
const LOSS_NEGATIVE: LossStory = { reason: "服务成本长期高于毛利，我方主动收缩合作", marks: {} };
const LOSS_AS_INTENT: LossStory[] = [
  { reason: "客户项目暂停，采购计划取消", marks: { need: "扩产项目搁置，相关采购需求取消" } },
  { reason: "竞争对手抢先完成样品认证", marks: { willing: "竞争对手已通过认证并签订年度协议" } },
  { reason: "报价高于客户预算，多轮谈判未果", marks: { afford: "客户预算上限低于我方底价约20%" } },
];
const OVERRIDE_REASONS: Record<Tier, string> = {
  A: "集团总部已将其列为战略合作伙伴，明年有扩产计划，经大区经理批准按战略客户维护",
  B: "控股股东近期变更，经营存在不确定性，暂降为重点客户观察",
  C: "",
};
const INTENT_OVERRIDE = "采购总监明确推进，拍板人在集团总部、流程尚待确认；经大区经理批准先转入意向阶段";
const TIER_UP_TO_B = "行业标杆企业，拿下后具有示范效应，经大区经理批准上调为重点客户";

// ---------------------------------------------------------------------------------------------
// The plan: lifecycle × tier slots, shuffled over the three regions.

type Slot = {
  lifecycle: LifecycleStage;
  tier: Tier | null; // target computed tier; null = never assessed
  override: Tier | null;
  negative: boolean;
  viaCustomer: boolean; // LOST: lost as a customer (else while still an intent)
  intentOverride: boolean; // moved to INTENT by a manager without all four marks
  type: AccountType;
};

function planSlots(r: Random): Slot[] {
  const slots: Slot[] = [];
  const add = (n: number, lifecycle: LifecycleStage, tier: Tier | null, extra: Partial<Slot> = {}) => {
    for (let i = 0; i < n; i++) {
      slots.push({
        lifecycle,
        tier,
        override: null,
        negative: false,
        viaCustomer: true,
        intentOverride: false,
        type: "END_CUSTOMER",
        ...extra,
      });
    }
  };
  // CUSTOMER 36: A 15, B 13, C 8 (7 negative assets, 2 tier overrides).
  add(1, "CUSTOMER", "A", { override: "B" });
  add(14, "CUSTOMER", "A");
  add(1, "CUSTOMER", "B", { override: "A" });
  add(4, "CUSTOMER", "B", { negative: true });
  add(8, "CUSTOMER", "B");
  add(3, "CUSTOMER", "C", { negative: true });
  add(5, "CUSTOMER", "C");
  // INTENT 30: A 3, B 13, C 14 (one tier override, one lifecycle override by a manager).
  add(3, "INTENT", "A");
  add(1, "INTENT", "B", { intentOverride: true });
  add(12, "INTENT", "B");
  add(1, "INTENT", "C", { override: "B" });
  add(13, "INTENT", "C");
  // PROSPECT 42: B 12, C 20, never assessed 10 (three of them competitors).
  add(12, "PROSPECT", "B");
  add(20, "PROSPECT", "C");
  add(7, "PROSPECT", null);
  add(3, "PROSPECT", null, { type: "COMPETITOR" });
  // LOST 12: B 4, C 8; 8 lost as customers (one a negative asset), 4 while still intents.
  add(3, "LOST", "B");
  add(1, "LOST", "B", { viaCustomer: false });
  add(1, "LOST", "C", { negative: true });
  add(4, "LOST", "C");
  add(3, "LOST", "C", { viaCustomer: false });

  const others = slots.filter((s) => s.type !== "COMPETITOR");
  const types = shuffle(r, [
    ...Array<AccountType>(17).fill("CHANNEL"),
    ...Array<AccountType>(3).fill("PARTNER"),
    ...Array<AccountType>(2).fill("SUPPLIER"),
    ...Array<AccountType>(others.length - 22).fill("END_CUSTOMER"),
  ]);
  others.forEach((s, i) => (s.type = types[i]!));
  return shuffle(r, slots);
}

// ---------------------------------------------------------------------------------------------
// Value inputs for a slot, drawn until the default settings give the planned tier.

type Inputs = {
  purchaseVolume: bigint | null;
  categorySpend: bigint | null;
  creditRating: CreditRating | null;
  paymentRecord: PaymentRecord | null;
  expectedGrowth: number | null;
  loyalty: number | null;
  industryInfluence: number | null;
  strategicFit: number | null;
  referenceValue: number | null;
  urgency: number | null;
  annualGrossProfit: bigint | null;
  annualCostToServe: bigint | null;
};
const EMPTY_INPUTS: Inputs = {
  purchaseVolume: null,
  categorySpend: null,
  creditRating: null,
  paymentRecord: null,
  expectedGrowth: null,
  loyalty: null,
  industryInfluence: null,
  strategicFit: null,
  referenceValue: null,
  urgency: null,
  annualGrossProfit: null,
  annualCostToServe: null,
};

const SIZES: SizeBand[] = ["MICRO", "SMALL", "MEDIUM", "LARGE", "GIANT"];
const HEADCOUNT: Record<SizeBand, [number, number]> = {
  MICRO: [8, 19],
  SMALL: [30, 290],
  MEDIUM: [300, 990],
  LARGE: [1000, 4800],
  GIANT: [5200, 32000],
};
const RATINGS: CreditRating[] = ["AAA", "AA", "A", "BBB", "BB", "B", "C"];
const PAYMENTS: PaymentRecord[] = ["EXCELLENT", "GOOD", "FAIR", "POOR"];
const Q_RANGE: Record<Tier, [number, number]> = { A: [0.72, 1], B: [0.4, 0.82], C: [0, 0.6] };

type Profile = { size: SizeBand; headcount: number; revenueYuan: number };

function profileFor(r: Random, q: number, type: AccountType, min: SizeBand): Profile {
  let idx: number;
  if (q > 0.85) idx = r.chance(0.5) ? 4 : 3;
  else if (q > 0.62) idx = r.chance(0.6) ? 3 : 2;
  else if (q > 0.35) idx = r.chance(0.75) ? 2 : r.chance(0.5) ? 3 : 1;
  else idx = r.chance(0.5) ? 2 : r.chance(0.9) ? 1 : 0;
  const size = SIZES[Math.max(idx, SIZES.indexOf(min))]!;
  const [lo, hi] = HEADCOUNT[size];
  const headcount = Math.round(logUniform(r, lo, hi));
  const perHead = logUniform(r, 300_000, 1_600_000) * (type === "CHANNEL" ? 1.8 : 1);
  return { size, headcount, revenueYuan: headcount * perHead };
}

function drawInputs(r: Random, slot: Slot, q: number, profile: Profile): Inputs {
  const { lifecycle } = slot;
  const shareOfRevenue = slot.type === "CHANNEL" ? between(r, 0.06, 0.25) : logUniform(r, 0.004, 0.05);
  const category = profile.revenueYuan * shareOfRevenue * (0.6 + q * 0.7);
  let purchase = 0;
  if (lifecycle === "CUSTOMER") purchase = category * between(r, 0.1, 0.7);
  else if (lifecycle === "INTENT" && r.chance(0.35)) purchase = category * between(r, 0.005, 0.03);
  else if (lifecycle === "LOST" && (slot.negative || (slot.viaCustomer && r.chance(0.5))))
    purchase = category * between(r, 0.02, 0.08);
  const lostPenalty = lifecycle === "LOST" ? 0.8 : 0;
  const rating = RATINGS[clampInt((1 - q) * 4.2 + between(r, -1, 1) + lostPenalty, 0, 6)]!;
  let payment: PaymentRecord | null = null;
  if (lifecycle === "CUSTOMER" || (lifecycle === "LOST" && slot.viaCustomer))
    payment = PAYMENTS[clampInt((1 - q) * 2.5 + between(r, -0.8, 0.8) + lostPenalty, 0, 3)]!;
  else if (lifecycle === "INTENT" && r.chance(0.4)) payment = q > 0.6 ? "GOOD" : "FAIR";
  const loyalty =
    lifecycle === "CUSTOMER"
      ? clampInt(2.6 + q * 2.2 + between(r, -0.7, 0.7), 2, 5)
      : lifecycle === "INTENT"
        ? r.int(2, 3)
        : lifecycle === "PROSPECT"
          ? r.chance(0.7)
            ? 1
            : 2
          : r.chance(0.6)
            ? 1
            : 2;
  const rate = () => clampInt(1 + q * 4 + between(r, -1.2, 0.8), 1, 5);
  const urgency =
    lifecycle === "INTENT"
      ? r.int(3, 5)
      : lifecycle === "CUSTOMER"
        ? r.int(2, 4)
        : lifecycle === "LOST"
          ? r.int(1, 3)
          : r.int(1, 5);
  let grossProfit: number | null = null;
  let costToServe: number | null = null;
  if (purchase > 0 && lifecycle !== "INTENT") {
    grossProfit = purchase * between(r, 0.12, 0.32);
    costToServe = grossProfit * (slot.negative ? between(r, 0.68, 1.35) : between(r, 0.08, 0.5));
  }
  return {
    purchaseVolume: fen(purchase),
    categorySpend: fen(category),
    creditRating: rating,
    paymentRecord: payment,
    expectedGrowth: Math.round((between(r, -4, 8) + q * 24) * 2) / 2,
    loyalty,
    industryInfluence: rate(),
    strategicFit: rate(),
    referenceValue: rate(),
    urgency,
    annualGrossProfit: grossProfit === null ? null : fen(Math.max(grossProfit, 1000)),
    annualCostToServe: costToServe === null ? null : fen(Math.max(costToServe, 1000)),
  };
}

const stored = (i: Inputs, willingMark: MarkAnswer): StoredInputs => ({ ...i, willingMark });
const scoresOf = (i: Inputs, willingMark: MarkAnswer) =>
  cachedScores(stored(i, willingMark), DEFAULT_SETTINGS);
const isNegative = (i: Inputs) =>
  i.annualGrossProfit !== null &&
  i.annualCostToServe !== null &&
  yuanOf(i.annualCostToServe) > yuanOf(i.annualGrossProfit) * DEFAULT_SETTINGS.maxCostToServeShare;

/** The inputs as they were at an earlier snapshot, given the lifecycle stage the account had then. */
function earlierInputs(
  r: Random,
  now: Inputs,
  nowStage: LifecycleStage,
  then: LifecycleStage,
  slot: Slot,
): Inputs {
  const prev: Inputs = { ...now };
  const scale = (v: bigint | null, lo: number, hi: number) =>
    v === null ? null : fen(yuanOf(v) * between(r, lo, hi));
  const category = now.categorySpend === null ? 0 : yuanOf(now.categorySpend);
  if (then === nowStage) {
    const ratio = between(r, 0.7, 1.15);
    prev.purchaseVolume = now.purchaseVolume === null ? null : fen(yuanOf(now.purchaseVolume) * ratio);
    prev.categorySpend = scale(now.categorySpend, 0.85, 1.1);
    prev.annualGrossProfit =
      now.annualGrossProfit === null ? null : fen(yuanOf(now.annualGrossProfit) * ratio);
    prev.annualCostToServe = scale(now.annualCostToServe, 0.85, 1.05);
    if (prev.expectedGrowth !== null) prev.expectedGrowth += r.int(-8, 8) / 2;
    if (prev.loyalty !== null && r.chance(0.3))
      prev.loyalty = clampInt(prev.loyalty + (r.chance(0.6) ? -1 : 1), 1, 5);
    if (prev.strategicFit !== null && r.chance(0.25))
      prev.strategicFit = clampInt(prev.strategicFit + (r.chance(0.5) ? -1 : 1), 1, 5);
  } else if (then === "CUSTOMER") {
    // A lost account, while it still bought from us.
    const purchase = category * between(r, 0.15, 0.45);
    const gp = purchase * between(r, 0.12, 0.28);
    prev.purchaseVolume = fen(purchase);
    prev.loyalty = r.int(3, 4);
    prev.paymentRecord = r.chance(0.6) ? "GOOD" : "FAIR";
    prev.annualGrossProfit = fen(gp);
    prev.annualCostToServe = fen(gp * (slot.negative ? between(r, 0.7, 1.1) : between(r, 0.15, 0.45)));
  } else {
    // Before the deal (or before the account became an intent): nothing bought yet.
    prev.purchaseVolume = fen(0);
    prev.loyalty = Math.max(1, (now.loyalty ?? 2) - (then === "PROSPECT" ? 2 : 1));
    prev.paymentRecord = then === "INTENT" ? now.paymentRecord : null;
    prev.annualGrossProfit = null;
    prev.annualCostToServe = null;
    prev.categorySpend = scale(now.categorySpend, 0.8, 1.1);
    if (prev.expectedGrowth !== null) prev.expectedGrowth += r.int(-6, 6) / 2;
  }
  return prev;
}

// The shape lib/data writes: money in yuan.
const inputsJson = (i: Inputs): Prisma.InputJsonObject => ({
  purchaseVolume: i.purchaseVolume === null ? null : yuanOf(i.purchaseVolume),
  categorySpend: i.categorySpend === null ? null : yuanOf(i.categorySpend),
  creditRating: i.creditRating,
  paymentRecord: i.paymentRecord,
  expectedGrowth: i.expectedGrowth,
  loyalty: i.loyalty,
  industryInfluence: i.industryInfluence,
  strategicFit: i.strategicFit,
  referenceValue: i.referenceValue,
  urgency: i.urgency,
  annualGrossProfit: i.annualGrossProfit === null ? null : yuanOf(i.annualGrossProfit),
  annualCostToServe: i.annualCostToServe === null ? null : yuanOf(i.annualCostToServe),
});

// ---------------------------------------------------------------------------------------------
// Credit codes: "91" (enterprise, registered with market regulation) + division + GB 11714
// organisation code (8 characters and its check character) + the GB 32100 check character.

const CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function organisationCode(r: Random): string {
  let body = "";
  if (r.chance(0.4)) {
    // Registered after 2015: codes start with "MA".
    body = "MA";
    for (let i = 0; i < 6; i++) body += r.pick([...CODE_ALPHABET]);
  } else {
    body = String(r.int(1, 9));
    for (let i = 0; i < 7; i++) body += String(r.int(0, 9));
  }
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = [...body].reduce((s, c, i) => s + value(c) * ORG_WEIGHTS[i]!, 0);
  const c9 = 11 - (sum % 11);
  return body + (c9 === 10 ? "X" : c9 === 11 ? "0" : String(c9));
}

// ---------------------------------------------------------------------------------------------
// Generation.

type Mark = { answer: MarkAnswer; evidence: string | null };
type Marks = Record<"need" | "afford" | "willing" | "decide", Mark>;
const MARK_KEYS = ["need", "afford", "willing", "decide"] as const;

function marksFor(r: Random, slot: Slot, loss: LossStory | null): Marks {
  const yes = (k: (typeof MARK_KEYS)[number]): Mark => ({ answer: "YES", evidence: r.pick(EVIDENCE[k].YES) });
  const no = (k: (typeof MARK_KEYS)[number], text?: string): Mark => ({
    answer: "NO",
    evidence: text ?? r.pick(EVIDENCE[k].NO),
  });
  const unknown: Mark = { answer: "UNKNOWN", evidence: null };
  const all = (): Marks => ({
    need: yes("need"),
    afford: yes("afford"),
    willing: yes("willing"),
    decide: yes("decide"),
  });
  switch (slot.lifecycle) {
    case "CUSTOMER":
      return all();
    case "INTENT": {
      const m = all();
      if (slot.intentOverride) m.decide = no("decide", EVIDENCE.decide.NO[0]);
      return m;
    }
    case "LOST": {
      const m = all();
      for (const [k, text] of Object.entries(loss?.marks ?? {}) as [(typeof MARK_KEYS)[number], string][]) {
        m[k] = no(k, text);
      }
      if (loss && !loss.marks.willing && loss !== LOSS_NEGATIVE) m.willing = unknown;
      return m;
    }
    case "PROSPECT": {
      if (slot.type === "COMPETITOR")
        return { need: unknown, afford: unknown, willing: unknown, decide: unknown };
      if (slot.tier === null) {
        return {
          need: r.chance(0.4) ? yes("need") : unknown,
          afford: r.chance(0.2) ? yes("afford") : unknown,
          willing: unknown,
          decide: unknown,
        };
      }
      if (r.chance(0.15)) return all(); // qualified, about to move to intent
      const draw = (k: (typeof MARK_KEYS)[number]): Mark => {
        const x = r.next();
        return x < 0.5 ? yes(k) : x < 0.65 ? no(k) : unknown;
      };
      const m: Marks = {
        need: draw("need"),
        afford: draw("afford"),
        willing: draw("willing"),
        decide: draw("decide"),
      };
      if (MARK_KEYS.every((k) => m[k].answer === "YES")) m[r.pick(MARK_KEYS)] = unknown;
      return m;
    }
  }
}

type Timeline = {
  createdDays: number;
  changedDays: number;
  changes: {
    from: LifecycleStage;
    to: LifecycleStage;
    days: number;
    reason: string | null;
    overridden: boolean;
  }[];
};

function timelineFor(r: Random, slot: Slot, loss: LossStory | null): Timeline {
  const toIntent = (days: number) => ({
    from: "PROSPECT" as const,
    to: "INTENT" as const,
    days,
    reason: slot.intentOverride ? INTENT_OVERRIDE : r.pick(TO_INTENT),
    overridden: slot.intentOverride,
  });
  const toCustomer = (days: number) => ({
    from: "INTENT" as const,
    to: "CUSTOMER" as const,
    days,
    reason: r.pick(TO_CUSTOMER),
    overridden: false,
  });
  switch (slot.lifecycle) {
    case "PROSPECT": {
      const d = slot.tier === null ? r.int(2, 120) : r.int(20, 540);
      return { createdDays: d, changedDays: d, changes: [] };
    }
    case "INTENT": {
      const d1 = r.int(5, 420);
      return { createdDays: d1 + r.int(15, 150), changedDays: d1, changes: [toIntent(d1)] };
    }
    case "CUSTOMER": {
      const d2 = r.int(20, 540);
      const d1 = d2 + r.int(30, 200);
      return { createdDays: d1 + r.int(10, 120), changedDays: d2, changes: [toIntent(d1), toCustomer(d2)] };
    }
    case "LOST": {
      const reason = loss?.reason ?? "客户流失";
      if (slot.viaCustomer) {
        const d3 = r.int(10, 540);
        const d2 = d3 + r.int(90, 420);
        const d1 = d2 + r.int(30, 180);
        return {
          createdDays: d1 + r.int(10, 90),
          changedDays: d3,
          changes: [
            toIntent(d1),
            toCustomer(d2),
            { from: "CUSTOMER", to: "LOST", days: d3, reason, overridden: false },
          ],
        };
      }
      const d2 = r.int(10, 540);
      const d1 = d2 + r.int(30, 200);
      return {
        createdDays: d1 + r.int(10, 90),
        changedDays: d2,
        changes: [toIntent(d1), { from: "INTENT", to: "LOST", days: d2, reason, overridden: false }],
      };
    }
  }
}

const stageAt = (t: Timeline, days: number): LifecycleStage =>
  t.changes.filter((c) => c.days >= days).reduce<LifecycleStage>((_s, c) => c.to, "PROSPECT");

type Built = {
  accounts: (Prisma.AccountCreateManyInput & { cityCode: string })[];
  contacts: Prisma.ContactCreateManyInput[];
  changes: Prisma.LifecycleChangeCreateManyInput[];
  snapshots: Prisma.ScoreSnapshotCreateManyInput[];
};

function buildDemoAccounts(users: DemoUser[], r: Random): Built {
  const built: Built = { accounts: [], contacts: [], changes: [], snapshots: [] };
  const slots = planSlots(r);
  const regions = DEMO_TEAMS.filter((t) => t.parentId === "team_sales").map((t) => t.id);
  const perTeam = new Map(regions.map((id) => [id, [] as Slot[]]));
  slots.forEach((s, i) => perTeam.get(regions[i % regions.length]!)!.push(s));

  const names = new Set<string>(FIXED.map((f) => f.name));
  const domains = new Set<string>(FIXED.map((f) => f.domain));
  const brandUse = new Map<string, number>();
  const codes = new Set<string>();
  const phones = new Set<string>();
  let accountNo = 0;
  let contactNo = 0;
  let changeNo = 0;
  let snapshotNo = 0;
  // Loss stories are dealt from shuffled decks, so the few lost accounts tell different stories.
  const lossDecks = { customer: shuffle(r, LOSS_AS_CUSTOMER), intent: shuffle(r, LOSS_AS_INTENT) };
  const deal = (deck: LossStory[]): LossStory => {
    const story = deck.shift()!;
    deck.push(story);
    return story;
  };

  for (const teamId of regions) {
    const cities = citiesOf(teamId);
    const teamSlots = perTeam.get(teamId)!;
    const kams = users.filter((u) => u.teamId === teamId && u.role === "KAM");
    const reps = users.filter((u) => u.teamId === teamId && u.role === "REP");
    const manager = users.find((u) => u.teamId === teamId && u.role === "MANAGER");
    // The region's original accounts take its first assessed end-customer slots.
    const fixed = FIXED.filter((f) => f.team === teamId && cities.some((c) => c.code === f.city));
    const ordered: { slot: Slot; fixed: (typeof FIXED)[number] | null }[] = [];
    const rest = [...teamSlots];
    for (const f of fixed) {
      const i = rest.findIndex((s) => s.tier !== null && s.type === "END_CUSTOMER");
      if (i < 0) break;
      ordered.push({ slot: rest.splice(i, 1)[0]!, fixed: f });
    }
    ordered.push(...rest.map((slot) => ({ slot, fixed: null })));

    for (const { slot, fixed: f } of ordered) {
      accountNo++;
      const id = `acc_${pad(accountNo, 4)}`;

      // Who they are.
      const city = f ? cities.find((c) => c.code === f.city)! : r.pick(cities);
      let industry: Industry;
      if (f) industry = f.industry;
      else if (slot.type === "CHANNEL")
        industry = r.pick<Industry>(["RETAIL", "RETAIL", "LOGISTICS", "MACHINERY", "ELECTRONICS"]);
      else if (slot.type === "PARTNER") industry = r.pick<Industry>(["FINANCE", "IT", "LOGISTICS"]);
      else if (slot.type === "SUPPLIER")
        industry = r.pick<Industry>(["CHEMICALS", "MACHINERY", "ELECTRONICS"]);
      else if (slot.type === "COMPETITOR")
        industry = r.pick<Industry>(["MACHINERY", "ELECTRONICS", "CHEMICALS"]);
      else industry = r.pick(REGION_INDUSTRIES[teamId] ?? ["MACHINERY"]);
      let brand = "";
      let stem = "";
      let domain = f?.domain ?? "";
      if (!f) {
        for (let attempt = 0; ; attempt++) {
          const [zh, py] =
            city.info.brands.length > 0 && r.chance(0.25) ? r.pick(city.info.brands) : r.pick(BRANDS);
          const words = (slot.type === "CHANNEL" && CHANNEL_WORDS[industry]) || INDUSTRY_WORDS[industry];
          const candidate = city.info.short + zh + r.pick(words);
          const d = `${city.info.abbr}${py}.com`;
          if ((brandUse.get(zh) ?? 0) >= 2 && attempt < 50) continue;
          if (domains.has(d) || [...names].some((n) => n.startsWith(candidate))) continue;
          brand = zh;
          stem = candidate;
          domain = d;
          break;
        }
        brandUse.set(brand, (brandUse.get(brand) ?? 0) + 1);
        domains.add(domain);
      }

      // Qualification, history and value.
      const loss =
        slot.lifecycle !== "LOST"
          ? null
          : slot.negative
            ? LOSS_NEGATIVE
            : slot.viaCustomer
              ? deal(lossDecks.customer)
              : deal(lossDecks.intent);
      const marks = marksFor(r, slot, loss);
      const willing = marks.willing.answer;
      const timeline = timelineFor(r, slot, loss);
      let inputs = EMPTY_INPUTS;
      let profile: Profile;
      if (slot.tier === null) {
        profile = profileFor(r, between(r, 0.2, 0.8), slot.type, f?.min ?? "MICRO");
      } else {
        const [lo, hi] = Q_RANGE[slot.tier];
        for (let attempt = 0; ; attempt++) {
          if (attempt > 2000)
            throw new Error(`demo seed: cannot draw a ${slot.tier} ${slot.lifecycle} account`);
          const q = between(r, lo, hi);
          profile = profileFor(r, q, slot.type, f?.min ?? "MICRO");
          inputs = drawInputs(r, slot, q, profile);
          if (scoresOf(inputs, willing).computedTier === slot.tier && isNegative(inputs) === slot.negative)
            break;
        }
      }
      const scores = scoresOf(inputs, willing);

      let name = f?.name ?? "";
      if (!f) {
        const big = profile.size === "GIANT" || profile.size === "LARGE";
        const suffix =
          profile.size === "GIANT"
            ? r.chance(0.6)
              ? "集团有限公司"
              : "股份有限公司"
            : big && r.chance(0.5)
              ? r.chance(0.3)
                ? "集团有限公司"
                : "股份有限公司"
              : profile.size === "MEDIUM" && r.chance(0.15)
                ? "股份有限公司"
                : "有限公司";
        name = stem + suffix;
        names.add(name);
      }

      let code = "";
      do {
        const first17 = "91" + city.code + organisationCode(r);
        code = first17 + creditCodeCheckChar(first17);
      } while (codes.has(code));
      codes.add(code);

      const owner =
        slot.tier === "A" || slot.override !== null || r.chance(0.62) || reps.length === 0
          ? r.pick(kams)
          : r.pick(reps);
      const legalRep = personName(r).zh;
      const revenue = profile.revenueYuan;
      const listed = name.endsWith("股份有限公司");
      const shareholder = listed
        ? r.pick([
            `${r.pick(["深交所主板", "上交所主板", "深交所创业板", "上交所科创板"])}上市公司，实际控制人持股约${r.int(22, 45)}%`,
            `新三板挂牌企业，创始团队合计持股约${r.int(45, 70)}%`,
          ])
        : name.endsWith("集团有限公司")
          ? r.pick([
              `${city.info.short}市国资委控股，持股${r.int(51, 80)}%`,
              `民营企业集团，创始人${legalRep}家族合计持股约${r.int(60, 90)}%`,
            ])
          : r.pick([
              `民营企业，创始人${legalRep}家族持股约${r.int(55, 90)}%`,
              `中外合资企业，${r.pick(["德国", "日本", "美国", "韩国"])}合作方持股${r.int(25, 49)}%`,
              `外商独资企业，母公司为${r.pick(["日本", "德国", "美国", "新加坡"])}上市集团`,
              `民营企业，${r.int(2019, 2024)}年引入产业基金战略投资，管理层持股约${r.int(15, 35)}%`,
              `${city.info.short}市属国有企业全资子公司`,
            ]);
      const orgNotes =
        slot.type === "CHANNEL" && industry !== "RETAIL"
          ? r.pick([
              `代理${r.int(8, 40)}个品牌，总经理下设销售部、采购部、产品部、仓储物流部和财务部；新代理品牌由采购总监提报、总经理审批`,
              `在${city.province}设有${r.int(3, 12)}个销售网点和${r.int(1, 3)}个区域仓库；采购和授信由总经理统一把关`,
            ])
          : slot.type === "CHANNEL"
            ? r.pick([
                "总经理下设采购中心、品类管理部、门店运营部和物流部；新品引进由品类经理提报、采购总监审批",
                `在${city.province}有${r.int(12, 180)}家门店和${r.int(1, 4)}个配送中心；采购由总部集中决策`,
              ])
            : r.pick([
                `直线职能制：总经理下设采购、技术、生产、质量、财务五个部门；单笔采购超过${r.pick([50, 100, 200])}万元需总经理审批`,
                "事业部制：各事业部独立核算，重大采购由集团采购中心集中招标",
                "采购委员会由总经理、技术总监和财务负责人组成，供应商准入集体决策",
                "技术部门提出需求和技术标准，采购部门负责商务谈判，总经理最终审批",
              ]);
      const region = city.province.replace(/省|市$/, "");
      const quals = [
        "国家高新技术企业",
        "专精特新“小巨人”企业",
        "省级企业技术中心",
        industry === "AUTOMOTIVE"
          ? "通过IATF 16949认证"
          : industry === "PHARMA"
            ? "通过GMP认证"
            : industry === "FOOD"
              ? "通过HACCP认证"
              : "通过ISO 9001质量体系认证",
      ];
      const standing =
        slot.type === "CHANNEL" && industry === "RETAIL"
          ? `${region}区域性连锁零售企业，门店数量位居当地前${r.pick(["三", "五", "十"])}`
          : slot.type === "CHANNEL"
            ? `${region}${INDUSTRY_LABEL[industry]}领域${r.pick(["头部经销商", "重点分销商", "一级代理商"])}，下游客户${r.int(300, 3000)}余家`
            : profile.size === "GIANT" || profile.size === "LARGE"
              ? `${region}${INDUSTRY_LABEL[industry]}行业${r.pick(["前五", "前十", "龙头"])}企业，${r.pick(quals)}`
              : profile.size === "MEDIUM"
                ? `${region}${INDUSTRY_LABEL[industry]}行业骨干企业，${r.pick(quals)}`
                : `区域性中小企业，在${INDUSTRY_LABEL[industry]}细分领域有一定口碑`;
      const road = r.pick(ROADS);
      const address =
        `${city.province}${city.name}${r.pick(city.info.districts)}${road}${r.int(8, 999)}号` +
        (industry === "IT" || industry === "FINANCE" || industry === "RETAIL"
          ? `${r.pick(["科技园A座", "国际大厦", "商务中心"])}${r.int(3, 26)}层`
          : "");

      const created = daysAgo(timeline.createdDays, r);
      const changedAt = timeline.changes.length > 0 ? daysAgo(timeline.changedDays, r) : created;

      // Lifecycle history.
      for (const c of timeline.changes) {
        changeNo++;
        built.changes.push({
          id: `lc_${pad(changeNo, 5)}`,
          accountId: id,
          from: c.from,
          to: c.to,
          reason: c.reason,
          overridden: c.overridden,
          actorId: c.overridden && manager ? manager.id : owner.id,
          createdAt: c.days === timeline.changedDays ? changedAt : daysAgo(c.days, r),
        });
      }

      // Score snapshots over the past year; the last equals the current scores.
      let lastSnapshot = changedAt;
      if (slot.tier !== null) {
        const start = Math.min(365, timeline.createdDays - 1);
        const last = r.int(1, Math.min(60, start - 12));
        const span = start - last;
        const count = r.chance(0.5) ? 3 : 2;
        const days =
          count === 3
            ? [
                start - r.int(0, Math.floor(span / 4)),
                last + Math.floor(span / 2) + r.int(-Math.floor(span / 8), Math.floor(span / 8)),
                last,
              ]
            : [start - r.int(0, Math.floor(span / 3)), last];
        const points = days.map((d) => {
          const then = stageAt(timeline, d);
          return {
            d,
            inputs: d === last ? inputs : earlierInputs(r, inputs, slot.lifecycle, then, slot),
          };
        });
        for (const p of points) {
          const s = scoresOf(p.inputs, willing);
          snapshotNo++;
          lastSnapshot = daysAgo(p.d, r);
          built.snapshots.push({
            id: `snap_${pad(snapshotNo, 5)}`,
            accountId: id,
            cause: "inputs",
            currentScore: s.currentScore,
            potentialScore: s.potentialScore,
            strategicScore: s.strategicScore,
            compositeScore: s.compositeScore,
            tier: s.computedTier,
            inputs: inputsJson(p.inputs),
            config: { ...DEFAULT_SETTINGS },
            createdAt: lastSnapshot,
          });
        }
      }

      const overrideReason =
        slot.override === null
          ? null
          : slot.override === "B" && slot.tier === "C"
            ? TIER_UP_TO_B
            : OVERRIDE_REASONS[slot.override];
      built.accounts.push({
        cityCode: city.code,
        ...accountRow({
          id,
          name,
          creditCode: code,
          legalRepresentative: legalRep,
          industry,
          sizeBand: profile.size,
          headcount: profile.headcount,
          annualRevenue: fen(revenue),
          shareholderBackground: shareholder,
          orgStructureNotes: orgNotes,
          industryStanding: standing,
          address,
          website: `https://www.${domain}`,
          accountType: slot.type,
          ownerId: owner.id,
          teamId,
          lifecycle: slot.lifecycle,
          lifecycleChangedAt: changedAt,
          ...inputs,
          currentScore: scores.currentScore,
          potentialScore: scores.potentialScore,
          strategicScore: scores.strategicScore,
          compositeScore: scores.compositeScore,
          computedTier: scores.computedTier,
          tier: slot.override ?? scores.computedTier,
          tierOverrideReason: overrideReason,
          priorityScore: scores.priorityScore,
          negativeAsset: scores.negativeAsset,
          needMark: marks.need.answer,
          needEvidence: marks.need.evidence,
          affordMark: marks.afford.answer,
          affordEvidence: marks.afford.evidence,
          willingMark: marks.willing.answer,
          willingEvidence: marks.willing.evidence,
          decideMark: marks.decide.answer,
          decideEvidence: marks.decide.evidence,
          createdAt: created,
          updatedAt: lastSnapshot > changedAt ? lastSnapshot : changedAt,
        }),
      });

      // The decision-maker map.
      const n =
        slot.type === "COMPETITOR"
          ? 0
          : slot.lifecycle === "CUSTOMER"
            ? r.int(4, 7)
            : slot.lifecycle === "INTENT"
              ? r.int(3, 6)
              : slot.lifecycle === "LOST"
                ? r.int(3, 5)
                : slot.tier === null
                  ? r.int(0, 2)
                  : r.int(1, 3);
      if (n === 0) continue;
      const catalogue = positionsFor(slot.type, profile.size, industry).filter(
        (p) => p.key !== "chair" || profile.size === "LARGE" || profile.size === "GIANT" || r.chance(0.4),
      );
      const withDecider = n >= 3 || marks.decide.answer === "YES";
      const keys = withDecider
        ? [
            "gm",
            "proc",
            ...shuffle(
              r,
              catalogue.map((p) => p.key).filter((k) => k !== "gm" && k !== "proc"),
            ),
          ]
        : shuffle(r, ["proc", "buyer", "tech", "prod", "eng"]);
      const chosen = new Set(keys.slice(0, n));
      const picked = catalogue.filter((p) => chosen.has(p.key));
      const byKey = new Map(catalogue.map((p) => [p.key, p]));
      const parentOf = (p: Position): string | null => {
        let k = p.parent;
        while (k && !chosen.has(k)) k = byKey.get(k)?.parent ?? null;
        return k;
      };
      const chairDecides = chosen.has("chair") && chosen.has("gm") && r.chance(0.35);
      const roles = new Map<string, BuyingRole>();
      for (const p of picked) {
        let role: BuyingRole;
        if (p.key === "gm") role = chairDecides ? "INFLUENCER" : "DECISION_MAKER";
        else if (p.key === "chair")
          role = chairDecides || !chosen.has("gm") ? "DECISION_MAKER" : "INFLUENCER";
        else if (p.key === "vp") role = r.chance(0.5) ? "INFLUENCER" : "SUPPORTER";
        else if (p.key === "proc" || p.key === "tech" || p.key === "fin") role = "INFLUENCER";
        else if (p.key === "prod" || p.key === "qa") role = r.chance(0.3) ? "SUPPORTER" : "USER";
        else role = "USER";
        roles.set(p.key, role);
      }
      const coachChance = { CUSTOMER: 0.9, INTENT: 0.75, LOST: 0.35, PROSPECT: 0.2 }[slot.lifecycle];
      if (n >= 2 && r.chance(coachChance)) {
        const candidates = ["buyer", "eng", "qa", "prod", "tech", "vp", "fin", "proc"].filter((k) =>
          chosen.has(k),
        );
        if (candidates.length > 0) roles.set(candidates[0]!, "COACH");
      }
      const opponentChance = { CUSTOMER: 0.15, INTENT: 0.25, LOST: 0.6, PROSPECT: 0.1 }[slot.lifecycle];
      if (n >= 3 && r.chance(opponentChance)) {
        const candidates = shuffle(r, ["fin", "tech", "proc", "qa", "prod"]).filter(
          (k) => chosen.has(k) && roles.get(k) !== "COACH",
        );
        if (candidates.length > 0) roles.set(candidates[0]!, "OPPONENT");
      }

      const idOfKey = new Map<string, string>();
      const locals = new Set<string>();
      const contactCreated = timeline.createdDays;
      for (const p of picked) {
        contactNo++;
        const cid = `con_${pad(contactNo, 5)}`;
        idOfKey.set(p.key, cid);
        const role = roles.get(p.key)!;
        const person = personName(r);
        let local = person.py;
        for (let k = 2; locals.has(local); k++) local = `${person.py}${k}`;
        locals.add(local);
        let phone = "";
        do phone = r.pick(PHONE_PREFIXES) + pad(r.int(0, 99_999_999), 8);
        while (phones.has(phone));
        phones.add(phone);
        const base =
          slot.lifecycle === "CUSTOMER"
            ? r.int(3, 5)
            : slot.lifecycle === "INTENT"
              ? r.int(2, 4)
              : slot.lifecycle === "LOST"
                ? r.int(1, 3)
                : r.int(1, 2);
        const relationship =
          role === "COACH" ? Math.min(5, base + 1) : role === "OPPONENT" ? r.int(1, 2) : base;
        const stance: Stance =
          role === "OPPONENT"
            ? "OPPOSED"
            : role === "COACH" || role === "SUPPORTER"
              ? "SUPPORTIVE"
              : slot.lifecycle === "CUSTOMER"
                ? r.chance(role === "DECISION_MAKER" ? 0.75 : 0.35)
                  ? "SUPPORTIVE"
                  : "NEUTRAL"
                : slot.lifecycle === "INTENT"
                  ? r.chance(role === "DECISION_MAKER" ? 0.5 : 0.25)
                    ? "SUPPORTIVE"
                    : "NEUTRAL"
                  : slot.lifecycle === "LOST" && role === "DECISION_MAKER" && r.chance(0.4)
                    ? "OPPOSED"
                    : "NEUTRAL";
        const influence = clampInt(
          p.influence + (r.chance(0.25) ? (r.chance(0.5) ? 1 : -1) : 0),
          role === "OPPONENT" ? 3 : 1,
          5,
        );
        const parent = parentOf(p);
        built.contacts.push(
          contactRow({
            id: cid,
            accountId: id,
            name: person.zh,
            title: p.title,
            department: p.department,
            phone,
            email: p.key === "chair" && r.chance(0.4) ? null : `${local}@${domain}`,
            buyingRole: role,
            stance,
            influence,
            relationshipStrength: relationship,
            reportsToId: parent ? idOfKey.get(parent)! : null,
            personality: r.pick(PERSONALITIES),
            hometown: r.chance(0.85) ? r.pick(HOMETOWNS) : null,
            school: r.chance(0.75) ? r.pick(SCHOOLS) : null,
            birthday: r.chance(0.4)
              ? new Date(Date.UTC(r.int(1962, 1996), r.int(0, 11), r.int(1, 28)))
              : null,
            notes:
              role === "COACH" && r.chance(0.6)
                ? r.pick(["内线：可提前获知采购计划和招标时间", "内线：曾在我方合作客户任职，认可我方产品"])
                : null,
            approach: r.pick(APPROACH[role]),
            // Met on the day the account was created or within two months after (never after today).
            createdAt: new Date(
              created.getTime() + r.int(0, Math.min(60, contactCreated - 1)) * DAY + r.int(10, 300) * 60_000,
            ),
          }),
        );
      }
    }
  }
  return built;
}

/**
 * Seeds the demo key accounts (and the default scoring settings) inside the caller's transaction.
 * `territoryIdByCode` maps territory codes to the ids just created; owners come from `users`.
 */
export async function seedDemoAccounts(
  tx: Tx,
  args: { territoryIdByCode: Map<string, string>; users: DemoUser[]; random: Random },
): Promise<DemoAccountsResult> {
  const built = buildDemoAccounts(args.users, args.random);
  await tx.scoringSettings.create({ data: { id: "default", ...DEFAULT_SETTINGS } });
  await tx.account.createMany({
    data: built.accounts.map(({ cityCode, ...a }) => ({
      ...a,
      territoryId: args.territoryIdByCode.get(cityCode) ?? null,
    })),
  });
  // In creation order, so every contact's manager exists before (or with) them.
  await tx.contact.createMany({ data: built.contacts });
  await tx.lifecycleChange.createMany({ data: built.changes });
  await tx.scoreSnapshot.createMany({ data: built.snapshots });
  return {
    accounts: built.accounts.length,
    contacts: built.contacts.length,
    lifecycleChanges: built.changes.length,
    snapshots: built.snapshots.length,
  };
}
