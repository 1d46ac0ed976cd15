import type { Viewer } from "@/lib/domain/access";

/**
 * A section of the distributor page (/distributors/[distributorId]): selection evaluations and quarterly scorecards.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorScorecardSection(_props: { viewer: Viewer; distributorId: string }) {
  return null;
}
