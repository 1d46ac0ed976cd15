// Bench data: many accounts and contacts across all teams, generated with the fixed random seed and
// written with multi-row INSERTs (fast enough for 20,000 accounts and 100,000 contacts in seconds).
import pg from "pg";
import { cachedScores, DEFAULT_SETTINGS, type StoredInputs } from "@/lib/domain/account-scoring";
import { CREDIT_RATINGS, PAYMENT_RECORDS } from "@/lib/domain/account-value";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { INDUSTRIES } from "@/lib/domain/industries";
import { seededRandom } from "@/lib/domain/random";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const PREFIX = [
  "华",
  "中",
  "东",
  "海",
  "金",
  "恒",
  "瑞",
  "鑫",
  "新",
  "远",
  "宏",
  "安",
  "达",
  "泰",
  "博",
  "盛",
];
const WORDS = [
  "精工",
  "智联",
  "科创",
  "新材",
  "电子",
  "机械",
  "医疗",
  "物流",
  "能源",
  "食品",
  "化工",
  "家居",
];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高".split("");
const GIVEN = "伟芳娜敏静磊洋勇艳杰涛明超强军平刚辉鹏华".split("");
const TITLES = ["董事长", "总经理", "采购总监", "技术总监", "财务经理", "生产经理", "采购专员", "质量经理"];
const ROLES = ["DECISION_MAKER", "INFLUENCER", "SUPPORTER", "OPPONENT", "COACH", "USER"] as const;
const LIFECYCLE = ["PROSPECT", "INTENT", "CUSTOMER", "LOST"] as const;
const SIZES = ["MICRO", "SMALL", "MEDIUM", "LARGE", "GIANT"] as const;
const MARKS = ["YES", "NO", "UNKNOWN"] as const;

async function insertRows(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: unknown[][],
  batch = 1000,
) {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const params: unknown[] = [];
    const values = chunk
      .map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(",")})`)
      .join(",");
    await client.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${values}`,
      params,
    );
  }
}

export type BenchDataResult = { accounts: number; contacts: number; seconds: number; heavyTeam: string };

/**
 * Adds `accounts` accounts (and `contactsPerAccount` contacts each) to a database that already holds
 * the demo organisation. Half of the accounts go to one team (East China), so one team's list is large.
 */
export async function fillBenchData(
  url: string,
  opts: { accounts: number; contactsPerAccount: number },
): Promise<BenchDataResult> {
  const started = Date.now();
  const random = seededRandom(4242);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const users = (
      await client.query<{ id: string; teamId: string; role: string }>(
        `SELECT id, "teamId", role FROM "User" WHERE role IN ('KAM','REP') AND active`,
      )
    ).rows;
    const territories = (
      await client.query<{ id: string; teamId: string; code: string }>(
        `SELECT id, "teamId", code FROM "Territory" WHERE level = 'CITY'`,
      )
    ).rows;
    const teams = [...new Set(users.map((u) => u.teamId))].sort();
    const heavyTeam = teams.includes("team_east") ? "team_east" : teams[0]!;
    const accountCols = [
      "id",
      "name",
      "creditCode",
      "legalRepresentative",
      "industry",
      "sizeBand",
      "headcount",
      "annualRevenue",
      "accountType",
      "ownerId",
      "teamId",
      "territoryId",
      "lifecycle",
      "purchaseVolume",
      "categorySpend",
      "creditRating",
      "paymentRecord",
      "expectedGrowth",
      "loyalty",
      "industryInfluence",
      "strategicFit",
      "referenceValue",
      "urgency",
      "annualGrossProfit",
      "annualCostToServe",
      "currentScore",
      "potentialScore",
      "strategicScore",
      "compositeScore",
      "computedTier",
      "tier",
      "priorityScore",
      "negativeAsset",
      "needMark",
      "affordMark",
      "willingMark",
      "decideMark",
      "updatedAt",
    ];
    const contactCols = [
      "id",
      "accountId",
      "name",
      "title",
      "phone",
      "buyingRole",
      "stance",
      "influence",
      "relationshipStrength",
      "updatedAt",
    ];
    const accounts: unknown[][] = [];
    const contacts: unknown[][] = [];
    const now = new Date("2026-11-25T08:00:00Z");
    for (let i = 0; i < opts.accounts; i++) {
      const team = i % 2 === 0 ? heavyTeam : random.pick(teams);
      const owner = random.pick(users.filter((u) => u.teamId === team));
      const city = random.pick(territories.filter((t) => t.teamId === team));
      const division = /^\d{6}$/.test(city.code) ? city.code : "320500";
      const org = Array.from(
        { length: 9 },
        (_, k) => ALPHABET[(i * 7 + k * 13 + random.int(0, 30)) % 31],
      ).join("");
      const first17 = `91${division}${org}`;
      const purchase = random.chance(0.1) ? null : BigInt(random.int(1, 5000)) * 1_000_000n; // up to 50 M yuan
      const spend = purchase === null ? null : purchase * BigInt(random.int(2, 10));
      const profit = purchase === null ? null : purchase / 5n;
      const inputs: StoredInputs = {
        purchaseVolume: purchase,
        categorySpend: spend,
        creditRating: random.pick(CREDIT_RATINGS),
        paymentRecord: random.pick(PAYMENT_RECORDS),
        expectedGrowth: random.int(-5, 40),
        loyalty: random.int(1, 5),
        industryInfluence: random.int(1, 5),
        strategicFit: random.int(1, 5),
        referenceValue: random.int(1, 5),
        urgency: random.int(1, 5),
        annualGrossProfit: profit,
        annualCostToServe: profit === null ? null : (profit * BigInt(random.int(10, 90))) / 100n,
        willingMark: random.pick(MARKS),
      };
      const s = cachedScores(inputs, DEFAULT_SETTINGS);
      const id = `bench_acc_${String(i).padStart(6, "0")}`;
      accounts.push([
        id,
        `${random.pick(PREFIX)}${random.pick(PREFIX)}${random.pick(WORDS)}${i}号有限公司`,
        first17 + creditCodeCheckChar(first17),
        random.pick(SURNAMES) + random.pick(GIVEN),
        random.pick(INDUSTRIES),
        random.pick(SIZES),
        random.int(50, 50_000),
        purchase === null ? null : (purchase * 20n).toString(),
        "END_CUSTOMER",
        owner.id,
        team,
        city.id,
        random.pick(LIFECYCLE),
        purchase?.toString() ?? null,
        spend?.toString() ?? null,
        inputs.creditRating,
        inputs.paymentRecord,
        inputs.expectedGrowth,
        inputs.loyalty,
        inputs.industryInfluence,
        inputs.strategicFit,
        inputs.referenceValue,
        inputs.urgency,
        inputs.annualGrossProfit?.toString() ?? null,
        inputs.annualCostToServe?.toString() ?? null,
        s.currentScore,
        s.potentialScore,
        s.strategicScore,
        s.compositeScore,
        s.computedTier,
        s.computedTier,
        s.priorityScore,
        s.negativeAsset,
        random.pick(MARKS),
        random.pick(MARKS),
        inputs.willingMark,
        random.pick(MARKS),
        now,
      ]);
      for (let c = 0; c < opts.contactsPerAccount; c++) {
        contacts.push([
          `bench_con_${String(i).padStart(6, "0")}_${c}`,
          id,
          random.pick(SURNAMES) + random.pick(GIVEN) + random.pick(GIVEN),
          random.pick(TITLES),
          `13${random.int(100000000, 999999999)}`,
          c === 0 ? "DECISION_MAKER" : random.pick(ROLES),
          random.pick(["SUPPORTIVE", "NEUTRAL", "OPPOSED"] as const),
          random.int(1, 5),
          random.int(1, 5),
          now,
        ]);
      }
    }
    await client.query("BEGIN");
    await insertRows(client, "Account", accountCols, accounts, 500);
    await insertRows(client, "Contact", contactCols, contacts, 2000);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return {
      accounts: accounts.length,
      contacts: contacts.length,
      seconds: (Date.now() - started) / 1000,
      heavyTeam,
    };
  } finally {
    await client.end();
  }
}
