import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate, type IsoDate } from "@/lib/domain/calendar";
import { topReasons, type FactorScore, type HealthBand } from "@/lib/domain/health";
import type { AtRiskQuery } from "@/lib/validation/health";
import { scopeWhere } from "@/lib/auth/permissions";
import { scopeSql } from "../scope-sql";

export type AtRiskRow = {
  id: string;
  name: string;
  tier: "A" | "B" | "C";
  score: number;
  band: HealthBand;
  owner: { id: string; name: string };
  team: { name: string; nameZh: string | null };
  lastContactOn: IsoDate | null;
  openComplaints: number;
  reasons: FactorScore[];
};

export const AT_RISK_LIMIT = 200;

/**
 * The at-risk list (流失风险): accounts of the viewer's scope (a manager: their teams; a KAM or rep:
 * their own) in the chosen bands, worst first, each with the factors losing it the most points. The
 * reasons come from the latest HealthSnapshot (the explanation stored when the score last moved).
 */
export async function listAtRiskAccounts(
  viewer: Viewer,
  query: AtRiskQuery,
): Promise<{ rows: AtRiskRow[]; total: number }> {
  const bands: HealthBand[] =
    query.band === "BOTH" ? ["AT_RISK", "WATCH"] : query.band === "WATCH" ? ["WATCH"] : ["AT_RISK"];
  const conds: Prisma.Sql[] = [
    scopeSql(viewer, "a"),
    Prisma.sql`a."deletedAt" IS NULL`,
    Prisma.sql`a."healthBand" = ANY(${bands}::"HealthBand"[])`,
  ];
  // A KAM or rep answers for their own accounts; a manager for their subtree's.
  if (!hasCapability(viewer, "kpi.team")) conds.push(Prisma.sql`a."ownerId" = ${viewer.id}`);
  if (query.teamId) conds.push(Prisma.sql`a."teamId" = ${query.teamId}`);
  if (query.ownerId) conds.push(Prisma.sql`a."ownerId" = ${query.ownerId}`);
  if (query.tier.length) conds.push(Prisma.sql`a.tier = ANY(${query.tier}::"Tier"[])`);
  const where = Prisma.join(conds, " AND ");
  const [rows, total] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        name: string;
        tier: "A" | "B" | "C";
        score: number;
        band: HealthBand;
        ownerId: string;
        ownerName: string;
        teamName: string;
        teamNameZh: string | null;
        lastContactAt: Date | null;
        openComplaints: bigint;
        factors: FactorScore[] | null;
      }[]
    >`
      SELECT a.id, a.name, a.tier::text AS tier, a."healthScore" AS score, a."healthBand"::text AS band,
             a."ownerId", u.name AS "ownerName", t.name AS "teamName", t."nameZh" AS "teamNameZh", a."lastContactAt",
             (SELECT COUNT(*) FROM "Complaint" c
               WHERE c."accountId" = a.id AND c."deletedAt" IS NULL AND c.status <> 'CLOSED') AS "openComplaints",
             (SELECT s.factors FROM "HealthSnapshot" s
               WHERE s."accountId" = a.id ORDER BY s."computedAt" DESC LIMIT 1) AS factors
      FROM "Account" a
      JOIN "User" u ON u.id = a."ownerId"
      JOIN "Team" t ON t.id = a."teamId"
      WHERE ${where}
      ORDER BY a."healthScore" ASC, a.id ASC
      LIMIT ${AT_RISK_LIMIT}`,
    db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "Account" a WHERE ${where}`,
  ]);
  return {
    total: Number(total[0]?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      tier: r.tier,
      score: r.score,
      band: r.band,
      owner: { id: r.ownerId, name: r.ownerName },
      team: { name: r.teamName, nameZh: r.teamNameZh },
      lastContactOn: r.lastContactAt ? chinaDate(r.lastContactAt) : null,
      openComplaints: Number(r.openComplaints),
      reasons: topReasons(Array.isArray(r.factors) ? r.factors : []),
    })),
  };
}

/** One account's health for its page: the stored score, the latest explanation and the history. */
export async function accountHealth(viewer: Viewer, accountId: string) {
  const [account, history] = await Promise.all([
    db.account.findFirst({
      where: { id: accountId, ...scopeWhere(viewer) },
      select: { healthScore: true, healthBand: true, healthComputedAt: true },
    }),
    db.healthSnapshot.findMany({
      where: { accountId, account: scopeWhere(viewer) },
      orderBy: { computedAt: "desc" },
      take: 60,
      select: { score: true, band: true, factors: true, computedAt: true },
    }),
  ]);
  if (!account || account.healthScore === null || account.healthBand === null) return null;
  const latest = history[0];
  return {
    score: account.healthScore,
    band: account.healthBand as HealthBand,
    computedAt: account.healthComputedAt,
    factors: (Array.isArray(latest?.factors) ? latest.factors : []) as unknown as FactorScore[],
    history: history
      .map((h) => ({ day: chinaDate(h.computedAt), score: h.score, band: h.band as HealthBand }))
      .reverse(),
  };
}
