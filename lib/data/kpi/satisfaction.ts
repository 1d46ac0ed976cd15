import "server-only";
import { db } from "@/lib/db";
import { addDays, chinaDayStart } from "@/lib/domain/calendar";
import type { Period } from "@/lib/domain/kpi-period";
import { csatPercent, netPromoterScore } from "@/lib/domain/satisfaction";
import { slaAttainment, slaWindow } from "@/lib/domain/satisfaction-kpi";
import { kpiScopeSql, type KpiScope } from "./scope";

// Satisfaction on the KPI dashboard, scoped like every other figure (kpiScopeSql: the team subtree
// by the record's teamId, or one person by its ownerId): survey answers (SurveyResponse, by when
// they were submitted), account health (now), complaints received in the period by category, SLA
// attainment of the complaints that fell due in the period, and the complaints open now.

type Num = number | bigint | null;
const n = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));

export const COMPLAINT_CATEGORIES = ["QUALITY", "DELIVERY", "SERVICE", "PRICE", "BILLING", "OTHER"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The period-bound figures, computed alike for the period and the one before it. */
export type SatisfactionPeriodFigures = {
  /** Answers with a CSAT score, and how many of them were 4 or 5. */
  csatAnswers: number;
  csatSatisfied: number;
  /** CSAT % (0–100, one decimal); null when nobody answered. */
  csat: number | null;
  npsAnswers: number;
  /** NPS (−100…100); null when nobody answered. */
  nps: number | null;
  complaintsReceived: number;
  /** Complaints whose resolve-due time fell in the period (up to now), and those that met both clocks. */
  slaDue: number;
  slaMet: number;
  /** 0…1; null when none fell due. */
  slaAttainment: number | null;
};

export type SatisfactionFigures = {
  current: SatisfactionPeriodFigures;
  previous: SatisfactionPeriodFigures;
  byCategory: { category: ComplaintCategory; count: number }[];
  openComplaints: number;
  /** Mean health (0–100, one decimal) of the scope's accounts that have a score; null without any. */
  healthAverage: number | null;
  healthScored: number;
  atRisk: number;
};

/** The period as UTC instants: [its first China day's start, the day after its last). */
function bounds(period: Period) {
  return { from: chinaDayStart(period.start), until: chinaDayStart(addDays(period.end, 1)) };
}

// Customers' answers only (accountId set): a distributor's answers score its own scorecard.
async function surveyFigures(scope: KpiScope, from: Date, until: Date) {
  const rows = await db.$queryRaw<
    { csatAnswers: Num; satisfied: Num; promoters: Num; passives: Num; detractors: Num }[]
  >`
    SELECT COUNT(r.csat) AS "csatAnswers",
           COUNT(*) FILTER (WHERE r.csat >= 4) AS satisfied,
           COUNT(*) FILTER (WHERE r.nps >= 9) AS promoters,
           COUNT(*) FILTER (WHERE r.nps BETWEEN 7 AND 8) AS passives,
           COUNT(*) FILTER (WHERE r.nps <= 6) AS detractors
    FROM "SurveyResponse" r
    WHERE r."submittedAt" >= ${from} AND r."submittedAt" < ${until} AND r."accountId" IS NOT NULL
      AND ${kpiScopeSql(scope, "r")}`;
  const r = rows[0];
  const counts = { promoters: n(r?.promoters), passives: n(r?.passives), detractors: n(r?.detractors) };
  const csatAnswers = n(r?.csatAnswers);
  const csatSatisfied = n(r?.satisfied);
  return {
    csatAnswers,
    csatSatisfied,
    csat: csatPercent(csatSatisfied, csatAnswers),
    npsAnswers: counts.promoters + counts.passives + counts.detractors,
    nps: netPromoterScore(counts),
  };
}

async function complaintPeriodFigures(scope: KpiScope, from: Date, until: Date, now: Date) {
  const window = slaWindow(from, until, now);
  const [received, sla] = await Promise.all([
    db.$queryRaw<{ count: Num }[]>`
      SELECT COUNT(*) AS count FROM "Complaint" c
      WHERE c."deletedAt" IS NULL AND c."receivedAt" >= ${from} AND c."receivedAt" < ${until}
        AND ${kpiScopeSql(scope, "c")}`,
    window
      ? db.$queryRaw<{ due: Num; met: Num }[]>`
      SELECT COUNT(*) AS due,
             COUNT(*) FILTER (WHERE c."acknowledgedAt" IS NOT NULL AND c."acknowledgedAt" <= c."ackDueAt"
                              AND c."resolvedAt" IS NOT NULL AND c."resolvedAt" <= c."resolveDueAt") AS met
      FROM "Complaint" c
      WHERE c."deletedAt" IS NULL AND c."resolveDueAt" >= ${window.from} AND c."resolveDueAt" < ${window.until}
        AND ${kpiScopeSql(scope, "c")}`
      : Promise.resolve([{ due: 0, met: 0 }]),
  ]);
  const due = n(sla[0]?.due);
  const met = n(sla[0]?.met);
  return {
    complaintsReceived: n(received[0]?.count),
    slaDue: due,
    slaMet: met,
    slaAttainment: slaAttainment(met, due),
  };
}

async function periodFigures(scope: KpiScope, period: Period, now: Date): Promise<SatisfactionPeriodFigures> {
  const { from, until } = bounds(period);
  const [surveys, complaints] = await Promise.all([
    surveyFigures(scope, from, until),
    complaintPeriodFigures(scope, from, until, now),
  ]);
  return { ...surveys, ...complaints };
}

/** The dashboard's satisfaction section for a scope, a period and the one before it. */
export async function satisfactionFigures(
  scope: KpiScope,
  period: Period,
  previous: Period,
  now = new Date(),
): Promise<SatisfactionFigures> {
  const { from, until } = bounds(period);
  const [current, before, categories, open, health] = await Promise.all([
    periodFigures(scope, period, now),
    periodFigures(scope, previous, now),
    db.$queryRaw<{ category: ComplaintCategory; count: Num }[]>`
      SELECT c.category::text AS category, COUNT(*) AS count FROM "Complaint" c
      WHERE c."deletedAt" IS NULL AND c."receivedAt" >= ${from} AND c."receivedAt" < ${until}
        AND ${kpiScopeSql(scope, "c")}
      GROUP BY c.category`,
    db.$queryRaw<{ count: Num }[]>`
      SELECT COUNT(*) AS count FROM "Complaint" c
      WHERE c."deletedAt" IS NULL AND c.status <> 'CLOSED' AND ${kpiScopeSql(scope, "c")}`,
    db.$queryRaw<{ avg: Num; scored: Num; atRisk: Num }[]>`
      SELECT AVG(a."healthScore") AS avg, COUNT(a."healthScore") AS scored,
             COUNT(*) FILTER (WHERE a."healthBand" = 'AT_RISK') AS "atRisk"
      FROM "Account" a
      WHERE a."deletedAt" IS NULL AND ${kpiScopeSql(scope, "a")}`,
  ]);
  const counts = new Map(categories.map((c) => [c.category, n(c.count)]));
  const h = health[0];
  const scored = n(h?.scored);
  return {
    current,
    previous: before,
    byCategory: COMPLAINT_CATEGORIES.map((category) => ({ category, count: counts.get(category) ?? 0 })),
    openComplaints: n(open[0]?.count),
    healthAverage:
      scored > 0 && h?.avg !== null && h?.avg !== undefined ? Math.round(Number(h.avg) * 10) / 10 : null,
    healthScored: scored,
    atRisk: n(h?.atRisk),
  };
}

/** One person's (or a team subtree's) CSAT and NPS over a period, for the scorecard. */
export async function satisfactionScores(scope: KpiScope, period: Period) {
  const { from, until } = bounds(period);
  const s = await surveyFigures(scope, from, until);
  return { csat: s.csat, nps: s.nps };
}

/** CSAT and NPS per owner over a period (a team's people in one statement), for the scorecard. */
export async function satisfactionByOwner(teamId: string, period: Period) {
  const { from, until } = bounds(period);
  const rows = await db.$queryRaw<
    { ownerId: string; csatAnswers: Num; satisfied: Num; promoters: Num; passives: Num; detractors: Num }[]
  >`
    SELECT r."ownerId", COUNT(r.csat) AS "csatAnswers", COUNT(*) FILTER (WHERE r.csat >= 4) AS satisfied,
           COUNT(*) FILTER (WHERE r.nps >= 9) AS promoters,
           COUNT(*) FILTER (WHERE r.nps BETWEEN 7 AND 8) AS passives,
           COUNT(*) FILTER (WHERE r.nps <= 6) AS detractors
    FROM "SurveyResponse" r
    WHERE r."submittedAt" >= ${from} AND r."submittedAt" < ${until} AND r."accountId" IS NOT NULL
      AND r."ownerId" IN (SELECT id FROM "User" WHERE "teamId" = ${teamId})
    GROUP BY r."ownerId"`;
  return new Map(
    rows.map((r) => [
      r.ownerId,
      {
        csat: csatPercent(n(r.satisfied), n(r.csatAnswers)),
        nps: netPromoterScore({
          promoters: n(r.promoters),
          passives: n(r.passives),
          detractors: n(r.detractors),
        }),
      },
    ]),
  );
}
