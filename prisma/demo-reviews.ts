// The demo company's indicator system and its last quarterly reviews (绩效考核): the recommended
// indicators, and the East region's (华东) reviews for the last complete quarter — three answered,
// one shared and waiting for the rep's answer, one still a draft. Each review freezes the scorecard
// computed from the rows the seed has written (visits, follow-ups, accounts, deals, and the ledger,
// targets and budgets when those are seeded), with the scoring rules of lib/domain/scorecard.ts.
// The figures are read here with plain SQL (lib/data is server-only); they follow
// lib/data/kpi/figures-by-owner.ts.
import { Prisma, type Tx } from "@/lib/db";
import { addDays, chinaDate, chinaDayStart, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { rankByScore } from "@/lib/domain/kpi";
import { monthShares, periodKey, type Period } from "@/lib/domain/kpi-period";
import {
  lastCompleteQuarter,
  RECOMMENDED_INDICATORS,
  scoreCard,
  type Indicator,
  type ReviewRating,
  type ScorecardFigures,
  type ScorecardSnapshot,
} from "@/lib/domain/scorecard";
import type { DemoUser } from "./demo-org";

type Num = number | bigint | null;
const n = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));
const HOUR = 3_600_000;

async function figuresFor(tx: Tx, ids: string[], teamId: string, p: Period, today: IsoDate) {
  const start = toDbDate(p.start);
  const end = toDbDate(p.end);
  const from = chinaDayStart(p.start);
  const until = chinaDayStart(addDays(p.end, 1));
  const months = monthShares(p);
  const byOwner = <T extends { ownerId: string }>(rows: T[]) => new Map(rows.map((r) => [r.ownerId, r]));
  const [ledger, visits, fresh, deals, follow, accounts, targets, budgets, spend] = await Promise.all([
    tx.$queryRaw<{ ownerId: string; revenue: Num; collections: Num }[]>`
      SELECT "ownerId", SUM(revenue) AS revenue, SUM(collections) AS collections FROM "LedgerMonthRollup"
      WHERE "ownerId" = ANY(${ids}::text[]) AND month BETWEEN ${start} AND ${end} GROUP BY "ownerId"`,
    tx.$queryRaw<{ ownerId: string; visits: Num; withOutcome: Num; advanced: Num }[]>`
      SELECT "ownerId", SUM(visits) AS visits, SUM("withOutcome") AS "withOutcome", SUM(advanced) AS advanced
      FROM "VisitDayRollup" WHERE "ownerId" = ANY(${ids}::text[]) AND day BETWEEN ${start} AND ${end} GROUP BY "ownerId"`,
    tx.$queryRaw<{ ownerId: string; count: Num }[]>`
      SELECT a."ownerId", COUNT(DISTINCT a.id) AS count FROM "LifecycleChange" lc JOIN "Account" a ON a.id = lc."accountId"
      WHERE lc."to" = 'CUSTOMER' AND lc."createdAt" >= ${from} AND lc."createdAt" < ${until}
        AND a."deletedAt" IS NULL AND a."ownerId" = ANY(${ids}::text[]) GROUP BY a."ownerId"`,
    tx.$queryRaw<{ ownerId: string; won: Num; closed: Num }[]>`
      SELECT "ownerId", COUNT(*) FILTER (WHERE status = 'WON') AS won, COUNT(*) AS closed FROM "Deal"
      WHERE "deletedAt" IS NULL AND status <> 'OPEN' AND "closedAt" >= ${from} AND "closedAt" < ${until}
        AND "ownerId" = ANY(${ids}::text[]) GROUP BY "ownerId"`,
    tx.$queryRaw<{ ownerId: string; due: Num; onTime: Num }[]>`
      SELECT "ownerId", COUNT(*) AS due, COUNT(*) FILTER (WHERE "completedAt" IS NOT NULL
        AND ("completedAt" + interval '8 hours')::date <= "dueOn") AS "onTime" FROM "FollowUp"
      WHERE "deletedAt" IS NULL AND "dueOn" BETWEEN ${start} AND ${end} AND "ownerId" = ANY(${ids}::text[])
      GROUP BY "ownerId"`,
    tx.$queryRaw<{ ownerId: string; accounts: Num; overdue: Num }[]>`
      SELECT "ownerId", COUNT(*) AS accounts, COUNT(*) FILTER (WHERE "contactDueOn" < ${toDbDate(today)}) AS overdue
      FROM "Account" WHERE "deletedAt" IS NULL AND "ownerId" = ANY(${ids}::text[]) GROUP BY "ownerId"`,
    tx.$queryRaw<{ userId: string; metric: keyof ScorecardFigures["targets"]; value: Num }[]>`
      SELECT "userId", metric, SUM(value) AS value FROM "SalesTarget"
      WHERE "deletedAt" IS NULL AND "userId" = ANY(${ids}::text[])
        AND (year, month) IN (${Prisma.join(months.map((m) => Prisma.sql`(${m.year}, ${m.month})`))})
      GROUP BY "userId", metric`,
    tx.$queryRaw<{ amount: Num }[]>`
      SELECT SUM(amount) AS amount FROM "ExpenseBudget"
      WHERE "deletedAt" IS NULL AND "teamId" = ${teamId}
        AND make_date(year, month, 1) BETWEEN ${start} AND ${end}`,
    tx.$queryRaw<{ amount: Num }[]>`
      SELECT COALESCE((SELECT SUM(cost) FROM "VisitDayRollup" WHERE "teamId" = ${teamId} AND day BETWEEN ${start} AND ${end}), 0)
           + COALESCE((SELECT SUM(amount) FROM "VisitRequest" WHERE "deletedAt" IS NULL AND status = 'APPROVED'
               AND "teamId" = ${teamId} AND "decidedAt" >= ${from} AND "decidedAt" < ${until}), 0) AS amount`,
  ]);
  const L = byOwner(ledger);
  const V = byOwner(visits);
  const F = byOwner(fresh);
  const D = byOwner(deals);
  const U = byOwner(follow);
  const A = byOwner(accounts);
  const budget =
    budgets[0]?.amount === null || budgets[0]?.amount === undefined ? null : n(budgets[0].amount);
  return new Map(
    ids.map((id): [string, ScorecardFigures] => {
      const own = targets.filter((t) => t.userId === id);
      const target = (m: keyof ScorecardFigures["targets"]) => {
        const row = own.find((t) => t.metric === m);
        return row ? n(row.value) : null;
      };
      return [
        id,
        {
          revenue: n(L.get(id)?.revenue),
          collections: n(L.get(id)?.collections),
          visits: n(V.get(id)?.visits),
          visitsWithOutcome: n(V.get(id)?.withOutcome),
          visitsAdvanced: n(V.get(id)?.advanced),
          newAccounts: n(F.get(id)?.count),
          dealsWon: n(D.get(id)?.won),
          dealsClosed: n(D.get(id)?.closed),
          followUpsDue: n(U.get(id)?.due),
          followUpsOnTime: n(U.get(id)?.onTime),
          accounts: n(A.get(id)?.accounts),
          accountsOverdue: n(A.get(id)?.overdue),
          targets: {
            REVENUE: target("REVENUE"),
            COLLECTIONS: target("COLLECTIONS"),
            NEW_ACCOUNTS: target("NEW_ACCOUNTS"),
            VISITS: target("VISITS"),
          },
          budget: { budget, spent: n(spend[0]?.amount) },
          months: months.reduce((s, m) => s + m.share, 0),
        },
      ];
    }),
  );
}

const ratingFor = (score: number | null): ReviewRating =>
  score === null
    ? "MEETS"
    : score >= 90
      ? "EXCELLENT"
      : score >= 80
        ? "GOOD"
        : score >= 65
          ? "MEETS"
          : score >= 50
            ? "NEEDS_IMPROVEMENT"
            : "UNSATISFACTORY";

const STRENGTHS: Record<ReviewRating, string> = {
  EXCELLENT: "本季度各项指标全面领先，重点客户关系稳固，{best}表现突出，在团队内起到了示范作用。",
  GOOD: "工作扎实，客户跟进及时，{best}完成得较好，能主动向客户了解年度采购计划。",
  MEETS: "基本完成了本季度的工作要求，{best}尚可，与老客户保持了正常联络。",
  NEEDS_IMPROVEMENT: "态度积极，愿意承担新客户开发任务，{best}有一定进步。",
  UNSATISFACTORY: "能按要求填写拜访记录，{best}方面有基础。",
};
const GAPS: Record<ReviewRating, string> = {
  EXCELLENT: "{worst}仍有提升空间，部分 B 类客户联络间隔偏长。",
  GOOD: "{worst}偏弱，拜访后的回访有时拖延，商机推进节奏可以更快。",
  MEETS: "{worst}明显不足，拜访前的准备和拜访后的跟进都不够细，需要提高每次客户接触的质量。",
  NEEDS_IMPROVEMENT: "{worst}差距较大，多家重点客户超期未联络，回访完成率低。",
  UNSATISFACTORY: "{worst}未达要求，客户联络和商机推进都需要大幅改进。",
};
const PLANS: Record<ReviewRating, string> = {
  EXCELLENT:
    "1. 下季度带教一名新同事，分享大客户拜访方法；\n2. 牵头两家 A 类客户的年度合作方案；\n3. 每月复盘一次重点商机。",
  GOOD: "1. 每次拜访后 3 天内完成回访；\n2. 每月至少新增两家目标客户的首次拜访；\n3. 与经理每两周过一次商机进展。",
  MEETS:
    "1. 拜访前写清目标与要见的决策人，提高拜访成功率；\n2. 超期未联络的客户本月内全部联络一遍；\n3. 每周五提交客户联络表并与经理沟通。",
  NEEDS_IMPROVEMENT:
    "1. 本月内联络全部超期客户；\n2. 回访完成率提高到 90% 以上；\n3. 经理陪访两次重点客户，现场辅导。",
  UNSATISFACTORY:
    "1. 制定为期一个季度的改进计划，每周与经理面谈；\n2. 重点客户逐一制定联络计划；\n3. 季度末复评。",
};
const ANSWERS: Record<ReviewRating, string> = {
  EXCELLENT: "谢谢经理的肯定。下季度我会把拜访方法整理成材料，和新同事一起跑客户。",
  GOOD: "认同评价。回访拖延的问题我已经在日历里设了提醒，下季度会把新客户开发做起来。",
  MEETS: "同意。这季度拜访质量确实不高，之后每次拜访前会先和您确认目标和要见的人。",
  NEEDS_IMPROVEMENT: "收到，超期客户这周开始逐个联络，也希望经理多陪访几次。",
  UNSATISFACTORY: "明白，我会按改进计划执行，每周和您汇报进展。",
};

/** Who gets which fate: three answered, one waiting for the answer, one still a draft. */
const PLAN = [
  { id: "usr_east_kam1", status: "ACKNOWLEDGED" },
  { id: "usr_east_kam2", status: "ACKNOWLEDGED" },
  { id: "usr_east_rep1", status: "ACKNOWLEDGED" },
  { id: "usr_east_rep2", status: "SHARED" },
  { id: "usr_east_rep3", status: "DRAFT" },
] as const;

export async function seedDemoReviews(
  tx: Tx,
  args: { users: DemoUser[]; now?: Date },
): Promise<{ indicators: number; reviews: number }> {
  const now = args.now ?? new Date();
  const today = chinaDate(now);
  await tx.scorecardIndicator.createMany({
    data: RECOMMENDED_INDICATORS.map((i, k) => ({ id: `sci_${i.code}`, ...i, sortOrder: (k + 1) * 10 })),
  });
  const indicators: Indicator[] = RECOMMENDED_INDICATORS.map((i) => ({ ...i, id: `sci_${i.code}` }));
  const period = lastCompleteQuarter(today);
  const team = args.users.filter((u) => u.teamId === "team_east" && u.role !== "MANAGER");
  const figures = await figuresFor(
    tx,
    team.map((u) => u.id),
    "team_east",
    period,
    today,
  );
  const cards = team.map((u) => {
    const role = u.role === "KAM" ? ("kam" as const) : ("rep" as const);
    return { user: u, role, card: scoreCard(indicators, role, figures.get(u.id)!) };
  });
  const ranked = rankByScore(cards, (c) => c.card.weightedScore);
  const manager = args.users.find((u) => u.id === "usr_east_manager")!;
  // Opened a week after the quarter ended; shared two days later; answered over the next days.
  const opened = new Date(chinaDayStart(addDays(period.end, 8)).getTime() + 10 * HOUR);
  const key = periodKey(period);

  const reviews: Prisma.PerformanceReviewCreateManyInput[] = [];
  const notes: Prisma.NotificationCreateManyInput[] = [];
  const audit: Prisma.AuditLogCreateManyInput[] = [];
  PLAN.forEach((p, k) => {
    const c = ranked.find((r) => r.user.id === p.id)!;
    const measured = c.card.indicators.filter((i) => i.score !== null).sort((a, b) => b.score! - a.score!);
    const best = measured[0]?.name ?? "客户联络";
    const worst = measured.at(-1)?.name ?? "新客户开发";
    const rating = ratingFor(c.card.weightedScore);
    const snapshot: ScorecardSnapshot = {
      schema: 1,
      person: { id: c.user.id, name: c.user.name, jobTitle: c.user.jobTitle, role: c.role },
      team: { id: "team_east", name: "East China Region", nameZh: "华东大区" },
      period: { kind: period.kind, start: period.start, end: period.end, key },
      computedOn: chinaDate(opened),
      basis: "person",
      indicators: c.card.indicators,
      weightedScore: c.card.weightedScore,
      measuredWeight: c.card.measuredWeight,
      totalWeight: c.card.totalWeight,
      rank: c.rank,
      peers: ranked.length,
    };
    const id = `prv_east_${k + 1}`;
    const at = (hours: number) => new Date(opened.getTime() + (k * 2 + hours) * HOUR);
    const sharedAt = p.status === "DRAFT" ? null : at(50);
    // Answers come in during working hours over the following days.
    const respondedAt =
      p.status === "ACKNOWLEDGED"
        ? new Date(chinaDayStart(addDays(period.end, 11 + k)).getTime() + (9.5 + 2 * k) * HOUR)
        : null;
    reviews.push({
      id,
      subjectId: c.user.id,
      reviewerId: manager.id,
      teamId: "team_east",
      periodKind: period.kind,
      periodStart: toDbDate(period.start),
      periodEnd: toDbDate(period.end),
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      frozenAt: at(0),
      status: p.status,
      strengths: STRENGTHS[rating].replace("{best}", best),
      gaps: GAPS[rating].replace("{worst}", worst),
      // The draft still lacks its improvement plan: the manager is writing it.
      rating,
      improvementPlan: p.status === "DRAFT" ? null : PLANS[rating],
      sharedAt,
      response: respondedAt ? ANSWERS[rating] : null,
      respondedAt,
      version: p.status === "DRAFT" ? 2 : p.status === "SHARED" ? 3 : 4,
      createdAt: at(0),
    });
    audit.push({
      actorId: manager.id,
      action: "performanceReview.open",
      entity: "PerformanceReview",
      entityId: id,
      createdAt: at(0),
    });
    if (sharedAt) {
      audit.push({
        actorId: manager.id,
        action: "performanceReview.share",
        entity: "PerformanceReview",
        entityId: id,
        createdAt: sharedAt,
      });
      notes.push({
        userId: c.user.id,
        kind: "review.shared",
        entity: "PerformanceReview",
        entityId: id,
        actorId: manager.id,
        payload: { actorName: manager.name, period: key },
        readAt: respondedAt,
        createdAt: sharedAt,
      });
    }
    if (respondedAt) {
      audit.push({
        actorId: c.user.id,
        action: "performanceReview.respond",
        entity: "PerformanceReview",
        entityId: id,
        createdAt: respondedAt,
      });
      notes.push({
        userId: manager.id,
        kind: "review.acknowledged",
        entity: "PerformanceReview",
        entityId: id,
        actorId: c.user.id,
        payload: { actorName: c.user.name, period: key },
        // The latest answer is still unread on the manager's bell.
        readAt: k === 2 ? null : new Date(respondedAt.getTime() + 2 * HOUR),
        createdAt: respondedAt,
      });
    }
  });
  await tx.performanceReview.createMany({ data: reviews });
  await tx.notification.createMany({ data: notes });
  await tx.auditLog.createMany({ data: audit });
  return { indicators: indicators.length, reviews: reviews.length };
}
