// The demo company's sales organisation: a sales director over three regional teams, each with a
// manager, two key-account managers and three reps, plus an administrator. Fixed ids and e-mails so
// tests and the README can name them.
import type { Role } from "@/lib/domain/access";

export const DEMO_PASSWORD = "Keystone@2026";

export type DemoTeam = {
  id: string;
  name: string;
  nameZh: string;
  parentId: string | null;
  managerEmail: string;
  region: string;
};
export type DemoUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** 职务: what the person is called at work, apart from their access role. */
  jobTitle: string;
  teamId: string | null;
  locale: "en" | "zh_CN";
};

export const DEMO_TEAMS: DemoTeam[] = [
  {
    id: "team_sales",
    name: "Sales Division",
    nameZh: "营销中心",
    parentId: null,
    managerEmail: "director@keystone.demo",
    region: "CN",
  },
  {
    id: "team_east",
    name: "East China Region",
    nameZh: "华东大区",
    parentId: "team_sales",
    managerEmail: "east.manager@keystone.demo",
    region: "CN-EAST",
  },
  {
    id: "team_north",
    name: "North China Region",
    nameZh: "华北大区",
    parentId: "team_sales",
    managerEmail: "north.manager@keystone.demo",
    region: "CN-NORTH",
  },
  {
    id: "team_south",
    name: "South China Region",
    nameZh: "华南大区",
    parentId: "team_sales",
    managerEmail: "south.manager@keystone.demo",
    region: "CN-SOUTH",
  },
];

const PEOPLE: Record<string, { manager: string; kams: [string, string]; reps: [string, string, string] }> = {
  east: { manager: "陈建华", kams: ["王伟", "李娜"], reps: ["张磊", "刘洋", "杨静"] },
  north: { manager: "赵志强", kams: ["孙丽", "周杰"], reps: ["吴斌", "郑爽", "冯涛"] },
  south: { manager: "黄海燕", kams: ["何俊", "林晓"], reps: ["郭鹏", "罗敏", "梁超"] },
};

const CHANNEL_MANAGERS: Record<string, string> = { east: "钱志远", north: "马晓东", south: "谢婷" };

export const DEMO_USERS: DemoUser[] = [
  {
    id: "usr_admin",
    email: "admin@keystone.demo",
    name: "周敏",
    role: "ADMIN",
    jobTitle: "信息系统主管",
    teamId: null,
    locale: "zh_CN",
  },
  {
    id: "usr_director",
    email: "director@keystone.demo",
    name: "林国栋",
    role: "MANAGER",
    jobTitle: "销售总监",
    teamId: "team_sales",
    locale: "zh_CN",
  },
  ...Object.entries(PEOPLE).flatMap(([region, p]) => [
    {
      id: `usr_${region}_manager`,
      email: `${region}.manager@keystone.demo`,
      name: p.manager,
      role: "MANAGER" as const,
      jobTitle: "大区经理",
      teamId: `team_${region}`,
      locale: "zh_CN" as const,
    },
    ...p.kams.map((name, i) => ({
      id: `usr_${region}_kam${i + 1}`,
      email: `${region}.kam${i + 1}@keystone.demo`,
      name,
      role: "KAM" as const,
      // The English-speaking colleague's title is written in English, as they gave it.
      jobTitle: i === 1 ? "Key Account Manager" : "大客户经理",
      teamId: `team_${region}`,
      // One English-speaking user per region, so both languages appear in the demo.
      locale: (i === 1 ? "en" : "zh_CN") as "en" | "zh_CN",
    })),
    ...p.reps.map((name, i) => ({
      id: `usr_${region}_rep${i + 1}`,
      email: `${region}.rep${i + 1}@keystone.demo`,
      name,
      role: "REP" as const,
      jobTitle: i === 0 ? "高级销售代表" : "销售代表",
      teamId: `team_${region}`,
      locale: "zh_CN" as const,
    })),
  ]), // 渠道经理: one per region, covering the region's territories (prisma/demo-channel-base.ts).
  ...Object.entries(CHANNEL_MANAGERS).map(([region, name]) => ({
    id: `usr_${region}_channel`,
    email: `${region}.channel@keystone.demo`,
    name,
    role: "CHANNEL_MANAGER" as const,
    jobTitle: "渠道经理",
    teamId: `team_${region}`,
    locale: "zh_CN" as const,
  })),
];

type T = {
  code: string;
  name: string;
  nameEn: string;
  level: "COUNTRY" | "REGION" | "PROVINCE" | "CITY";
  parent: string | null;
  team?: string;
};

// Codes are GB/T 2260 administrative division codes; regions are the company's own.
export const DEMO_TERRITORIES: T[] = [
  { code: "CN", name: "中国", nameEn: "China", level: "COUNTRY", parent: null, team: "team_sales" },
  { code: "CN-EAST", name: "华东", nameEn: "East China", level: "REGION", parent: "CN", team: "team_east" },
  {
    code: "310000",
    name: "上海市",
    nameEn: "Shanghai",
    level: "PROVINCE",
    parent: "CN-EAST",
    team: "team_east",
  },
  {
    code: "320000",
    name: "江苏省",
    nameEn: "Jiangsu",
    level: "PROVINCE",
    parent: "CN-EAST",
    team: "team_east",
  },
  { code: "320100", name: "南京市", nameEn: "Nanjing", level: "CITY", parent: "320000", team: "team_east" },
  { code: "320200", name: "无锡市", nameEn: "Wuxi", level: "CITY", parent: "320000", team: "team_east" },
  { code: "320500", name: "苏州市", nameEn: "Suzhou", level: "CITY", parent: "320000", team: "team_east" },
  {
    code: "330000",
    name: "浙江省",
    nameEn: "Zhejiang",
    level: "PROVINCE",
    parent: "CN-EAST",
    team: "team_east",
  },
  { code: "330100", name: "杭州市", nameEn: "Hangzhou", level: "CITY", parent: "330000", team: "team_east" },
  { code: "330200", name: "宁波市", nameEn: "Ningbo", level: "CITY", parent: "330000", team: "team_east" },
  {
    code: "CN-NORTH",
    name: "华北",
    nameEn: "North China",
    level: "REGION",
    parent: "CN",
    team: "team_north",
  },
  {
    code: "110000",
    name: "北京市",
    nameEn: "Beijing",
    level: "PROVINCE",
    parent: "CN-NORTH",
    team: "team_north",
  },
  {
    code: "120000",
    name: "天津市",
    nameEn: "Tianjin",
    level: "PROVINCE",
    parent: "CN-NORTH",
    team: "team_north",
  },
  {
    code: "130000",
    name: "河北省",
    nameEn: "Hebei",
    level: "PROVINCE",
    parent: "CN-NORTH",
    team: "team_north",
  },
  {
    code: "130100",
    name: "石家庄市",
    nameEn: "Shijiazhuang",
    level: "CITY",
    parent: "130000",
    team: "team_north",
  },
  {
    code: "370000",
    name: "山东省",
    nameEn: "Shandong",
    level: "PROVINCE",
    parent: "CN-NORTH",
    team: "team_north",
  },
  { code: "370100", name: "济南市", nameEn: "Jinan", level: "CITY", parent: "370000", team: "team_north" },
  { code: "370200", name: "青岛市", nameEn: "Qingdao", level: "CITY", parent: "370000", team: "team_north" },
  {
    code: "CN-SOUTH",
    name: "华南",
    nameEn: "South China",
    level: "REGION",
    parent: "CN",
    team: "team_south",
  },
  {
    code: "440000",
    name: "广东省",
    nameEn: "Guangdong",
    level: "PROVINCE",
    parent: "CN-SOUTH",
    team: "team_south",
  },
  {
    code: "440100",
    name: "广州市",
    nameEn: "Guangzhou",
    level: "CITY",
    parent: "440000",
    team: "team_south",
  },
  { code: "440300", name: "深圳市", nameEn: "Shenzhen", level: "CITY", parent: "440000", team: "team_south" },
  { code: "440600", name: "佛山市", nameEn: "Foshan", level: "CITY", parent: "440000", team: "team_south" },
  { code: "441900", name: "东莞市", nameEn: "Dongguan", level: "CITY", parent: "440000", team: "team_south" },
  {
    code: "350000",
    name: "福建省",
    nameEn: "Fujian",
    level: "PROVINCE",
    parent: "CN-SOUTH",
    team: "team_south",
  },
  { code: "350100", name: "福州市", nameEn: "Fuzhou", level: "CITY", parent: "350000", team: "team_south" },
  { code: "350200", name: "厦门市", nameEn: "Xiamen", level: "CITY", parent: "350000", team: "team_south" },
];

// A first handful of key accounts per region (the key-account capability extends these).
export const DEMO_ACCOUNT_NAMES: Record<string, string[]> = {
  east: [
    "苏州精工汽车零部件有限公司",
    "上海浦江医疗器械股份有限公司",
    "杭州云帆电子科技有限公司",
    "宁波海越新材料有限公司",
    "无锡恒达机械制造有限公司",
    "南京华瑞制药有限公司",
  ],
  north: [
    "北京中科睿达信息技术有限公司",
    "天津港通物流集团有限公司",
    "青岛海晟家电股份有限公司",
    "济南鲁信重工有限公司",
    "石家庄冀发食品有限公司",
  ],
  south: [
    "深圳前海智联科技有限公司",
    "广州珠江精细化工有限公司",
    "东莞立信电子有限公司",
    "佛山美澜家居集团有限公司",
    "厦门鹭岛航空服务有限公司",
    "福州闽江茶业有限公司",
  ],
};
