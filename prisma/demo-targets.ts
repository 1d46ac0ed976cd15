// Demo 销售目标 and 费用预算 for last year and this year (China calendar of the seeding day), built
// from what the other demo modules seeded:
//  - revenue: each person's CUSTOMER accounts' purchaseVolume (the run-rate the ledger is drawn
//    from) × 1.05–1.30, so some people run ahead of pace and some behind; people without
//    customers get a new-business figure; shaped like the year (春节 dip, year-end peak);
//  - collections: ~95 % of revenue a month later; new key accounts: a few a year;
//  - visits: each person's visits of the last three months, a little more, every month;
//  - managers and the director carry the team figures (≈ the sum of their people × 1.00–1.05)
//    and personal visit and new-account targets (they own no accounts of their own);
//  - budgets per region, month and category near the seeded spend; 华北 gives more gifts than
//    its gift budget allows (the over-budget case on /budgets).
import type { Tx } from "@/lib/db";
import { addDays, chinaDate, toDbDate } from "@/lib/domain/calendar";
import { splitYear } from "@/lib/domain/kpi";
import { seededRandom } from "@/lib/domain/random";
import { subjectKey, type TargetMetric } from "@/lib/domain/targets";
import type { DemoTeam, DemoUser } from "./demo-org";
import { insertJson } from "./demo-visits";

/** Monthly weights of a sales year: 春节 in Jan–Feb, the year-end push in Nov–Dec. */
const SEASON = [70n, 62n, 95n, 100n, 100n, 105n, 96n, 95n, 104n, 100n, 125n, 148n];
/** Collections follow invoices by about a month. */
const COLLECTION_SEASON = [SEASON[11]!, ...SEASON.slice(0, 11)];
/** Budgets are drawn lighter in the holiday months. */
const SPEND_SEASON = [80n, 60n, 100n, 105n, 105n, 100n, 95n, 95n, 105n, 105n, 110n, 120n];

const yuan = (n: number) => BigInt(Math.round(n)) * 100n;
const wan = (n: number) => yuan(n * 10_000);
/** Rounded to whole 万 yuan (a target a person can remember). */
const roundWan = (fen: bigint) => ((fen + 500_000n) / 1_000_000n) * 1_000_000n;

/** A yearly amount (whole 万) split into months of whole hundreds of yuan, as people write budgets. */
const inHundreds = (fen: bigint, shape: bigint[] | undefined) =>
  splitYear(fen / 10_000n, shape).map((v) => v * 10_000n);

type Row = {
  subject: string;
  teamId: string | null;
  userId: string | null;
  metric: TargetMetric;
  year: number;
  month: number;
  value: bigint;
};

export async function seedDemoTargets(
  tx: Tx,
  { users, teams, now = new Date() }: { users: readonly DemoUser[]; teams: readonly DemoTeam[]; now?: Date },
) {
  const r = seededRandom(20261203);
  const between = (lo: number, hi: number) => lo + r.next() * (hi - lo);
  const thisYear = Number(chinaDate(now).slice(0, 4));
  const years = [thisYear - 1, thisYear];
  const since = toDbDate(addDays(chinaDate(now), -91));

  const [volumes, customers, visits, spend, gifts] = await Promise.all([
    tx.$queryRaw<{ ownerId: string; volume: bigint | null }[]>`
      SELECT "ownerId", SUM("purchaseVolume") AS volume FROM "Account"
      WHERE "deletedAt" IS NULL AND lifecycle = 'CUSTOMER' GROUP BY 1`,
    tx.$queryRaw<{ ownerId: string; count: bigint }[]>`
      SELECT "ownerId", COUNT(*) AS count FROM "Account" WHERE "deletedAt" IS NULL GROUP BY 1`,
    tx.$queryRaw<{ ownerId: string; visits: bigint | null }[]>`
      SELECT "ownerId", SUM(visits) AS visits FROM "VisitDayRollup"
      WHERE day > ${since} GROUP BY 1`,
    tx.$queryRaw<{ teamId: string; cost: bigint | null }[]>`
      SELECT "teamId", SUM(cost) AS cost FROM "VisitDayRollup"
      WHERE day > ${since} GROUP BY 1`,
    tx.$queryRaw<{ teamId: string; amount: bigint | null }[]>`
      SELECT "teamId", SUM(amount) AS amount FROM "VisitRequest"
      WHERE kind = 'GIFT' AND status = 'APPROVED' AND "deletedAt" IS NULL AND "decidedAt" > ${since}
      GROUP BY 1`,
  ]);
  const volumeOf = new Map(volumes.map((v) => [v.ownerId, BigInt(v.volume ?? 0)]));
  const accountsOf = new Map(customers.map((c) => [c.ownerId, Number(c.count)]));
  const visitsOf = new Map(visits.map((v) => [v.ownerId, Number(v.visits ?? 0)]));
  const costOf = new Map(spend.map((s) => [s.teamId, BigInt(s.cost ?? 0)]));
  // The gifts each region approved over the seeded quarter, in fen.
  const giftsOf = new Map(gifts.map((g) => [g.teamId, Number(g.amount ?? 0n)]));

  const rows: Row[] = [];
  const add = (kind: "team" | "user", id: string, metric: TargetMetric, year: number, months: bigint[]) =>
    months.forEach((value, i) =>
      rows.push({
        subject: subjectKey(kind, id),
        teamId: kind === "team" ? id : null,
        userId: kind === "user" ? id : null,
        metric,
        year,
        month: i + 1,
        value,
      }),
    );
  // Yearly totals per team (what its people add up to), to set the team figures from.
  const sums = new Map<string, bigint>();
  const addToTeam = (teamId: string | null, metric: TargetMetric, year: number, total: bigint) => {
    if (!teamId) return;
    const k = `${teamId}/${metric}/${year}`;
    sums.set(k, (sums.get(k) ?? 0n) + total);
  };

  for (const u of users) {
    if (!u.teamId) continue; // the administrator carries no targets
    const ownsAccounts = (accountsOf.get(u.id) ?? 0) > 0;
    const stretch = between(1.05, 1.3);
    const volume = volumeOf.get(u.id) ?? 0n;
    const monthlyVisits = Math.max(ownsAccounts ? 12 : 6, (visitsOf.get(u.id) ?? 0) / 3);
    for (const year of years) {
      // Last year's targets were set on a run-rate about 10 % lower.
      const grown = year === thisYear ? 1 : 1 / 1.1;
      if (ownsAccounts) {
        const base = volume > 0n ? Number(volume) * stretch * grown : Number(wan(between(40, 160))) * grown;
        const revenue = roundWan(BigInt(Math.round(base)));
        const collections = roundWan((revenue * 95n) / 100n);
        add("user", u.id, "REVENUE", year, inHundreds(revenue, SEASON));
        add("user", u.id, "COLLECTIONS", year, inHundreds(collections, COLLECTION_SEASON));
        addToTeam(u.teamId, "REVENUE", year, revenue);
        addToTeam(u.teamId, "COLLECTIONS", year, collections);
      }
      const newAccounts = BigInt(ownsAccounts ? r.int(2, 5) : 1);
      const visitCount = BigInt(Math.round(monthlyVisits * between(1.0, 1.2) * grown)) * 12n;
      add("user", u.id, "NEW_ACCOUNTS", year, splitYear(newAccounts));
      add("user", u.id, "VISITS", year, splitYear(visitCount));
      addToTeam(u.teamId, "NEW_ACCOUNTS", year, newAccounts);
      addToTeam(u.teamId, "VISITS", year, visitCount);
    }
  }

  // Teams bottom-up (regions, then 营销中心): their people's sum, plus their sub-teams' figures, × 1.00–1.05.
  const depth = (t: DemoTeam): number =>
    t.parentId ? 1 + depth(teams.find((p) => p.id === t.parentId)!) : 0;
  const shapes: Record<"REVENUE" | "COLLECTIONS", bigint[]> = {
    REVENUE: SEASON,
    COLLECTIONS: COLLECTION_SEASON,
  };
  for (const team of [...teams].sort((a, b) => depth(b) - depth(a))) {
    for (const year of years) {
      for (const metric of ["REVENUE", "COLLECTIONS", "NEW_ACCOUNTS", "VISITS"] as const) {
        const sum = sums.get(`${team.id}/${metric}/${year}`) ?? 0n;
        if (sum === 0n) continue;
        const money = metric === "REVENUE" || metric === "COLLECTIONS";
        const lifted = (sum * BigInt(Math.round(between(100, 105) * 10))) / 1000n;
        const total = money ? roundWan(lifted) : lifted;
        add(
          "team",
          team.id,
          metric,
          year,
          money ? inHundreds(total, shapes[metric as "REVENUE" | "COLLECTIONS"]) : splitYear(total),
        );
        addToTeam(team.parentId, metric, year, total);
      }
    }
  }

  // Budgets: every region, both years, each month and category.
  const budgets: {
    teamId: string;
    year: number;
    month: number;
    category: "VISIT" | "GIFT" | "RECEPTION";
    amount: bigint;
  }[] = [];
  for (const team of teams.filter((t) => t.parentId)) {
    const monthlyCost = Number(costOf.get(team.id) ?? 0n) / 3;
    for (const year of years) {
      const grown = year === thisYear ? 1 : 0.9;
      const perYear = {
        VISIT: roundWan(yuan(Math.max(monthlyCost / 100, 20_000) * 12 * between(1.05, 1.25) * grown)),
        // 华北 budgets gifts tightly — 70 % of the year its seeded quarter runs at (to the hundred
        // yuan) — and so gives more than it allows: the over-budget line. The seeded gifts move with
        // the seeding day, so a fixed figure would sometimes not be exceeded.
        GIFT:
          team.id === "team_north"
            ? yuan(
                Math.max(
                  100,
                  Math.floor((((giftsOf.get(team.id) ?? 0) / 100) * 4 * 0.7 * grown) / 100) * 100,
                ),
              )
            : roundWan(yuan(40_000 * grown)),
        RECEPTION: roundWan(yuan(between(150_000, 220_000) * grown)),
      };
      for (const category of ["VISIT", "GIFT", "RECEPTION"] as const) {
        inHundreds(perYear[category], SPEND_SEASON).forEach((amount, i) =>
          budgets.push({ teamId: team.id, year, month: i + 1, category, amount }),
        );
      }
    }
  }

  // One JSON parameter each (see insertJson): createMany's thousands of bound parameters take seconds on PGlite.
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  await insertJson(
    tx,
    "SalesTarget",
    rows.map((row, i) => ({ id: `demo_target_${i + 1}`, ...row, ...stamp })),
  );
  await insertJson(
    tx,
    "ExpenseBudget",
    budgets.map((row, i) => ({ id: `demo_budget_${i + 1}`, ...row, ...stamp })),
  );
  return { salesTargets: rows.length, expenseBudgets: budgets.length };
}
