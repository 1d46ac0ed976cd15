// The set-based core of health (load the factors, compute, store) without "server-only": the
// demo seed and the bench generator run it under plain Node, where that marker throws.
import { db, Prisma } from "@/lib/db";
import { chinaDate, chinaToday, fromDbDate, type IsoDate } from "@/lib/domain/calendar";
import { csatPercent, netPromoterScore } from "@/lib/domain/satisfaction";
import type { HealthBand, HealthInputs, Severity } from "@/lib/domain/health";
import { addMonths } from "@/lib/domain/ledger";
import { DEFAULT_PIPELINE_SETTINGS } from "@/lib/domain/pipeline";
import { DEFAULT_VISIT_SETTINGS } from "@/lib/domain/visits";
import { assessHealth, type HealthResult } from "@/lib/domain/health";
import { newId } from "../ids";

type Client = Prisma.TransactionClient | typeof db;

export type HealthSubject = {
  id: string;
  healthScore: number | null;
  healthBand: HealthBand | null;
  inputs: HealthInputs;
};

/** The months revenue compares: the 6 complete months before today's month, and the 6 before. */
export function revenueMonths(today: IsoDate) {
  const to = `${today.slice(0, 7)}-01`;
  return { from: addMonths(to, -12), middle: addMonths(to, -6), to };
}

/**
 * Everything health reads for a set of accounts, in one query per factor (a batch of 500 accounts
 * costs seven round trips, not 3,500). Deleted accounts are left out.
 */
export async function loadHealthInputs(
  ids: readonly string[],
  now: Date,
  client: Client = db,
): Promise<HealthSubject[]> {
  if (!ids.length) return [];
  const list = [...new Set(ids)];
  const today = chinaDate(now);
  const todayDb = chinaToday(now);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const months = revenueMonths(today);
  const [visit, pipeline, accounts, surveys, complaints, service, agreements, revenue] = await Promise.all([
    client.visitSettings.findUnique({ where: { id: "default" } }).then((r) => r ?? DEFAULT_VISIT_SETTINGS),
    client.pipelineSettings
      .findUnique({ where: { id: "default" } })
      .then((r) => r ?? DEFAULT_PIPELINE_SETTINGS),
    client.$queryRaw<
      {
        id: string;
        tier: "A" | "B" | "C";
        lastContactAt: Date | null;
        healthScore: number | null;
        healthBand: HealthBand | null;
      }[]
    >`SELECT id, tier::text AS tier, "lastContactAt", "healthScore", "healthBand"::text AS "healthBand"
      FROM "Account" WHERE id = ANY(${list}::text[]) AND "deletedAt" IS NULL`,
    client.$queryRaw<
      {
        accountId: string;
        csatN: bigint;
        csatOk: bigint;
        npsN: bigint;
        promoters: bigint;
        detractors: bigint;
      }[]
    >`
      SELECT "accountId",
             COUNT(csat) AS "csatN", COUNT(*) FILTER (WHERE csat >= 4) AS "csatOk",
             COUNT(nps) AS "npsN", COUNT(*) FILTER (WHERE nps >= 9) AS promoters,
             COUNT(*) FILTER (WHERE nps <= 6) AS detractors
      FROM "SurveyResponse"
      WHERE "accountId" = ANY(${list}::text[]) AND "submittedAt" >= ${yearAgo}
      GROUP BY "accountId"`,
    client.$queryRaw<{ accountId: string; severity: Severity; n: bigint; breached: bigint }[]>`
      SELECT "accountId", severity::text AS severity, COUNT(*) AS n,
             COUNT(*) FILTER (WHERE "ackBreachedAt" IS NOT NULL OR "resolveBreachedAt" IS NOT NULL) AS breached
      FROM "Complaint"
      WHERE "accountId" = ANY(${list}::text[]) AND "deletedAt" IS NULL AND status <> 'CLOSED'
      GROUP BY "accountId", severity`,
    client.$queryRaw<{ accountId: string; items: bigint; overdue: bigint }[]>`
      SELECT i."accountId", COUNT(*) AS items, COUNT(*) FILTER (WHERE i."nextDueOn" < ${todayDb}::date) AS overdue
      FROM "ServiceItem" i JOIN "ServicePlan" p ON p.id = i."planId" AND p."deletedAt" IS NULL
      WHERE i."accountId" = ANY(${list}::text[]) AND i."deletedAt" IS NULL
      GROUP BY i."accountId"`,
    // The latest-ending agreement nobody renewed (a renewal points back with renewedFromId).
    client.$queryRaw<{ accountId: string; endDate: Date }[]>`
      SELECT a."accountId", MAX(a."endDate") AS "endDate"
      FROM "CooperationAgreement" a
      WHERE a."accountId" = ANY(${list}::text[]) AND a."deletedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "CooperationAgreement" r
                        WHERE r."renewedFromId" = a.id AND r."deletedAt" IS NULL)
      GROUP BY a."accountId"`,
    client.$queryRaw<{ accountId: string; recent: bigint; previous: bigint }[]>`
      SELECT "accountId",
             COALESCE(SUM(revenue) FILTER (WHERE month >= ${months.middle}::date), 0)::bigint AS recent,
             COALESCE(SUM(revenue) FILTER (WHERE month < ${months.middle}::date), 0)::bigint AS previous
      FROM "LedgerMonthRollup"
      WHERE "accountId" = ANY(${list}::text[]) AND month >= ${months.from}::date AND month < ${months.to}::date
      GROUP BY "accountId"`,
  ]);

  const by = <T extends { accountId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.accountId, [...(map.get(r.accountId) ?? []), r]);
    return map;
  };
  const surveyBy = by(surveys);
  const complaintBy = by(complaints);
  const serviceBy = by(service);
  const agreementBy = by(agreements);
  const revenueBy = by(revenue);
  const cadence = { A: visit.cadenceDaysA, B: visit.cadenceDaysB, C: visit.cadenceDaysC };

  return accounts.map((a) => {
    const s = surveyBy.get(a.id)?.[0];
    const npsN = Number(s?.npsN ?? 0);
    const promoters = Number(s?.promoters ?? 0);
    const detractors = Number(s?.detractors ?? 0);
    const open: Partial<Record<Severity, number>> = {};
    let breached = 0;
    for (const c of complaintBy.get(a.id) ?? []) {
      open[c.severity] = Number(c.n);
      breached += Number(c.breached);
    }
    const svc = serviceBy.get(a.id)?.[0];
    const end = agreementBy.get(a.id)?.[0]?.endDate;
    const rev = revenueBy.get(a.id)?.[0];
    return {
      id: a.id,
      healthScore: a.healthScore,
      healthBand: a.healthBand,
      inputs: {
        today,
        satisfaction: {
          csat: csatPercent(Number(s?.csatOk ?? 0), Number(s?.csatN ?? 0)),
          nps: netPromoterScore({ promoters, detractors, passives: npsN - promoters - detractors }),
        },
        complaints: { open, breached },
        contact: {
          lastContactOn: a.lastContactAt ? chinaDate(a.lastContactAt) : null,
          cadenceDays: cadence[a.tier],
        },
        service: { items: Number(svc?.items ?? 0), overdue: Number(svc?.overdue ?? 0) },
        renewal: { endDate: end ? fromDbDate(end) : null, windowDays: pipeline.renewalWindowDays },
        revenue: rev ? { recent: Number(rev.recent), previous: Number(rev.previous) } : null,
      },
    };
  });
}

/**
 * Computes and stores the health of these accounts: Account.healthScore/healthBand/healthComputedAt
 * for every one, and a HealthSnapshot (the history and the explanation) only where the score or
 * the band changed — or none was stored yet. Returns how many snapshots were written.
 */
export async function computeAndStoreHealth(
  ids: readonly string[],
  now: Date,
  client: Client = db,
): Promise<number> {
  const subjects = await loadHealthInputs(ids, now, client);
  if (!subjects.length) return 0;
  const results = subjects.map((s) => ({ subject: s, result: assessHealth(s.inputs) }));
  await client.$executeRaw`
    UPDATE "Account" a SET "healthScore" = v.score, "healthBand" = v.band::"HealthBand", "healthComputedAt" = ${now}
    FROM unnest(${results.map((r) => r.subject.id)}::text[], ${results.map((r) => r.result.score)}::float8[],
                ${results.map((r) => r.result.band)}::text[]) AS v(id, score, band)
    WHERE a.id = v.id`;
  const changed = results.filter(
    ({ subject, result }) => subject.healthScore !== result.score || subject.healthBand !== result.band,
  );
  if (changed.length) {
    await client.healthSnapshot.createMany({
      data: changed.map(({ subject, result }) => snapshotRow(subject.id, result, now)),
    });
  }
  return changed.length;
}

export function snapshotRow(accountId: string, result: HealthResult, computedAt: Date) {
  return {
    id: newId(),
    accountId,
    score: result.score,
    band: result.band as HealthBand,
    factors: result.factors as unknown as Prisma.InputJsonValue,
    computedAt,
  };
}
