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

// ---------------------------------------------------------------------------------------------
// Deals (the pipeline board and stage moves at scale)

const DEAL_STAGES = ["TARGET", "INFORMATION", "VALUE", "RELATIONSHIP", "CLOSING"] as const;
type BenchStage = (typeof DEAL_STAGES)[number];
const LOST_REASONS = [
  "lr_price",
  "lr_competitor",
  "lr_quality",
  "lr_capacity",
  "lr_budget",
  "lr_decision_maker",
  "lr_credit",
  "lr_other",
];
const DEAL_WORDS = [
  "包装材料供应开发",
  "设备替换项目",
  "精密结构件供应",
  "节能改造项目",
  "MES系统实施",
  "MRO集中采购",
];
const OBSTACLE = {
  obstacle: "现有供应商合作多年，关系稳固",
  counterMeasure: "以小批量试用切入，用质量和交期数据说话",
};
const BENCH_DAY = 86_400_000;

export type BenchDealsResult = {
  deals: number;
  stageChanges: number;
  openInHeavyTeam: number;
  closedOnBoard: number;
  heavyTeam: string;
  seconds: number;
};

/**
 * Adds `deals` deals with their stage history to a database that already holds the bench accounts
 * (fillBenchData): exactly `openInHeavyTeam` open deals in the heavy team (East China),
 * `openInOtherTeams` open deals spread over the other teams, and the rest closed (won, lost or
 * terminated) over the past three years, only ~1% of them within the board's 90 days. Every open
 * deal has the work of the stages it left complete (so a move out of 价值评估 passes its gate) and
 * its current stage's work partly done. Dates are relative to the time of the run, since the
 * board's window is. Each deal's account is a bench account of the deal's team.
 */
export async function fillBenchDeals(
  url: string,
  opts: { deals: number; openInHeavyTeam: number; openInOtherTeams?: number },
): Promise<BenchDealsResult> {
  const started = Date.now();
  const random = seededRandom(4343);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const accounts = (
      await client.query<{ id: string; teamId: string; ownerId: string }>(
        `SELECT id, "teamId", "ownerId" FROM "Account" WHERE id LIKE 'bench_acc_%' ORDER BY id`,
      )
    ).rows;
    if (accounts.length === 0)
      throw new Error("fillBenchDeals needs the bench accounts (fillBenchData) first");
    const byTeam = new Map<string, typeof accounts>();
    for (const a of accounts) byTeam.set(a.teamId, [...(byTeam.get(a.teamId) ?? []), a]);
    const teams = [...byTeam.keys()].sort();
    const heavyTeam = teams.includes("team_east") ? "team_east" : teams[0]!;
    const otherTeams = teams.filter((t) => t !== heavyTeam);
    const openElsewhere = otherTeams.length ? (opts.openInOtherTeams ?? 1_000) : 0;
    const closedCount = opts.deals - opts.openInHeavyTeam - openElsewhere;
    if (closedCount < 0) throw new Error("more open deals asked for than deals");

    const now = Date.now();
    const ago = (days: number) => new Date(now - days * BENCH_DAY - random.int(0, 600) * 60_000);
    const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
    const dealCols = [
      "id",
      "accountId",
      "title",
      "ownerId",
      "teamId",
      "expectedValue",
      "expectedCloseDate",
      "products",
      "stage",
      "stageEnteredAt",
      "status",
      "closedAt",
      "lostReasonId",
      "closeNote",
      "potentialNeed",
      "opportunity",
      "sampleItem",
      "sampleSentOn",
      "sampleSpecAgreed",
      "sampleAccepted",
      "sampleTechOwner",
      "informationSufficient",
      "needsClear",
      "closeProbability",
      "obstacles",
      "expectedDevCost",
      "programme",
      "seniorMeetingHeld",
      "siteAuditDone",
      "systemSupportArranged",
      "version",
      "createdAt",
      "updatedAt",
    ];
    const changeCols = [
      "id",
      "dealId",
      "fromStage",
      "toStage",
      "fromStatus",
      "toStatus",
      "actorId",
      "createdAt",
    ];
    const deals: unknown[][] = [];
    const changes: unknown[][] = [];
    let closedOnBoard = 0;

    // A funnel: more deals in the early stages.
    const openStage = (): BenchStage => {
      const x = random.next();
      return x < 0.3
        ? "TARGET"
        : x < 0.55
          ? "INFORMATION"
          : x < 0.75
            ? "VALUE"
            : x < 0.9
              ? "RELATIONSHIP"
              : "CLOSING";
    };
    for (let i = 0; i < opts.deals; i++) {
      const open = i < opts.openInHeavyTeam + openElsewhere;
      const team =
        i < opts.openInHeavyTeam
          ? heavyTeam
          : open
            ? otherTeams[i % otherTeams.length]!
            : random.chance(0.5) || otherTeams.length === 0
              ? heavyTeam
              : random.pick(otherTeams);
      const account = random.pick(byTeam.get(team)!);
      const id = `bench_deal_${String(i).padStart(6, "0")}`;
      // Status, the stage it ended in, and when the last stay ended (days ago; 0 while open).
      let status: "OPEN" | "WON" | "LOST" | "TERMINATED" = "OPEN";
      let stage: BenchStage;
      let endDays = 0;
      if (open) {
        stage = openStage();
      } else {
        const x = random.next();
        status = x < 0.3 ? "WON" : x < 0.75 ? "LOST" : "TERMINATED";
        stage =
          status === "WON"
            ? "CLOSING"
            : status === "TERMINATED"
              ? random.chance(0.7)
                ? "TARGET"
                : "INFORMATION"
              : DEAL_STAGES[Math.min(random.int(0, 4), random.int(0, 4))]!;
        // ~1% closed within the board's 90 days, the rest over the three years before.
        endDays = random.chance(0.012) ? random.int(1, 89) : random.int(91, 1095);
        if (endDays < 90 && status !== "TERMINATED") closedOnBoard++;
      }
      const n = DEAL_STAGES.indexOf(stage) + 1;
      // Days in each stage, newest last; an open deal's current stay is short, or stale (> 30 days).
      const stays = Array.from({ length: n }, (_, k) =>
        k === n - 1 && open
          ? random.chance(0.15)
            ? random.int(31, 120)
            : random.int(1, 30)
          : random.int(5, 60),
      );
      const entered: Date[] = [];
      let t = endDays;
      for (let k = n - 1; k >= 0; k--) {
        t += stays[k]!;
        entered[k] = ago(t);
      }
      const closedAt = open ? null : ago(endDays);
      // Work of stage k is complete when the deal left stage k (or won); an open deal's current stage
      // is complete for ~30% of deals, partial for the rest (the board shows their unmet items).
      const currentDone = open && random.chance(0.3);
      const done = (k: number) => status === "WON" || k < n || (k === n && currentDone);
      const value = BigInt(random.int(20, 1_200)) * 1_000_000n; // 20万–1200万 yuan, in fen
      const owner = account.ownerId;
      deals.push([
        id,
        account.id,
        `${random.pick(PREFIX)}${random.pick(DEAL_WORDS)}${i}`,
        owner,
        team,
        value.toString(),
        dateOnly(new Date(now + random.int(-60, 240) * BENCH_DAY)),
        "瓦楞纸箱、伺服电机",
        stage,
        entered[n - 1],
        status,
        closedAt,
        status === "LOST" ? random.pick(LOST_REASONS) : null,
        status === "LOST" || status === "TERMINATED" ? "客户需求变化" : null,
        "现有供应商交期不稳定",
        done(1) ? "YES" : status === "TERMINATED" && n === 1 ? "NO" : "UNKNOWN",
        n >= 2 ? "样品3款" : null,
        n >= 2 && (done(2) || random.chance(0.5)) ? dateOnly(entered[1]!) : null,
        n >= 2 && done(2),
        n >= 2 && done(2) ? "YES" : "UNKNOWN",
        n >= 2 && done(2) ? "技术部" : null,
        n >= 2 && done(2),
        n >= 2 && (done(2) || random.chance(0.5)),
        n >= 3 ? 5 * random.int(6, 18) : null,
        JSON.stringify(n >= 3 && (done(3) || random.chance(0.5)) ? [OBSTACLE] : []),
        n >= 3 && done(3) ? (value / 20n).toString() : null,
        JSON.stringify(
          n >= 3 && done(3)
            ? [
                { step: "技术交流及方案汇报", ownerId: owner, due: dateOnly(entered[2]!), done: true },
                {
                  step: "签订框架协议",
                  ownerId: owner,
                  due: dateOnly(new Date(now + 60 * BENCH_DAY)),
                  done: false,
                },
              ]
            : [],
        ),
        n >= 5 && (done(5) || random.chance(0.5)),
        n >= 5 && done(5),
        n >= 5 && done(5),
        n + (open ? 1 : 2),
        entered[0],
        closedAt ?? entered[n - 1],
      ]);
      entered.forEach((at, k) =>
        changes.push([
          `${id}_${k}`,
          id,
          k === 0 ? null : DEAL_STAGES[k - 1],
          DEAL_STAGES[k],
          k === 0 ? null : "OPEN",
          "OPEN",
          owner,
          at,
        ]),
      );
      if (closedAt) changes.push([`${id}_${n}`, id, stage, stage, "OPEN", status, owner, closedAt]);
    }
    await client.query("BEGIN");
    await insertRows(client, "Deal", dealCols, deals, 1000);
    await insertRows(client, "DealStageChange", changeCols, changes, 5000);
    await client.query("COMMIT");
    await client.query(`ANALYZE "Deal"; ANALYZE "DealStageChange"`);
    return {
      deals: deals.length,
      stageChanges: changes.length,
      openInHeavyTeam: opts.openInHeavyTeam,
      closedOnBoard,
      heavyTeam,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
