import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { canEditDistributor } from "@/lib/domain/access";
import { satisfactionFigures } from "@/lib/domain/survey-results";
import { channelTerritoryIds, loadDistributorFor } from "../distributors/scope";

/** A distributor page's satisfaction (渠道满意度): the last year's figures, its latest surveys. */
export async function distributorSatisfaction(viewer: Viewer, distributorId: string, now = new Date()) {
  const distributor = await loadDistributorFor(viewer, distributorId, "read", { deleted: true });
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const [responses, sent, surveys, territories] = await Promise.all([
    db.surveyResponse.findMany({
      where: { distributorId, submittedAt: { gte: since }, survey: { deletedAt: null } },
      select: { csat: true, nps: true, submittedAt: true },
    }),
    db.surveyInvitation.count({
      where: { distributorId, revokedAt: null, createdAt: { gte: since }, survey: { deletedAt: null } },
    }),
    db.survey.findMany({
      where: { distributorId, deletedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: {
        id: true,
        status: true,
        createdAt: true,
        closesAt: true,
        templateVersion: { select: { titleZh: true, titleEn: true } },
        _count: { select: { invitations: { where: { revokedAt: null } }, responses: true } },
      },
    }),
    channelTerritoryIds(viewer),
  ]);
  return {
    canSend: !distributor.deletedAt && canEditDistributor(viewer, distributor, territories),
    figures: satisfactionFigures(sent, responses),
    surveys,
  };
}
