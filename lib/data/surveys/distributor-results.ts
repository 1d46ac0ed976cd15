import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { canEditDistributor } from "@/lib/domain/access";
import { figuresFromCounts } from "@/lib/domain/survey-results";
import { channelTerritoryIds, readBesideCheck } from "../distributors/scope";

type Counts = {
  sent: number;
  responded: number;
  csatAnswers: number;
  satisfied: number;
  promoters: number;
  passives: number;
  detractors: number;
};

/**
 * A distributor page's satisfaction (渠道满意度): the last year's figures, its latest surveys. The
 * figures are one summing statement; both run beside the scope check (readBesideCheck).
 */
export async function distributorSatisfaction(viewer: Viewer, distributorId: string, now = new Date()) {
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const [distributor, [territories, counts, surveys]] = await readBesideCheck(
    viewer,
    distributorId,
    () =>
      Promise.all([
        channelTerritoryIds(viewer),
        db.$queryRaw<Counts[]>`
      SELECT (SELECT count(*) FROM "SurveyInvitation" i JOIN "Survey" s ON s.id = i."surveyId"
              WHERE i."distributorId" = ${distributorId} AND i."revokedAt" IS NULL
                AND i."createdAt" >= ${since} AND s."deletedAt" IS NULL)::int AS sent,
             count(r.id)::int AS responded,
             count(r.csat)::int AS "csatAnswers",
             count(*) FILTER (WHERE r.csat >= 4)::int AS satisfied,
             count(*) FILTER (WHERE r.nps >= 9)::int AS promoters,
             count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives,
             count(*) FILTER (WHERE r.nps <= 6)::int AS detractors
      FROM "SurveyResponse" r JOIN "Survey" s ON s.id = r."surveyId"
      WHERE r."distributorId" = ${distributorId} AND r."submittedAt" >= ${since} AND s."deletedAt" IS NULL`,
        db.survey.findMany({
          where: { distributorId, deletedAt: null },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 5,
          select: {
            id: true,
            status: true,
            createdAt: true,
            templateVersion: { select: { titleZh: true, titleEn: true } },
            _count: { select: { invitations: { where: { revokedAt: null } }, responses: true } },
          },
        }),
      ]),
    { deleted: true },
  );
  return {
    canSend: !distributor.deletedAt && canEditDistributor(viewer, distributor, territories),
    figures: figuresFromCounts(counts[0]!),
    surveys,
  };
}
