import type { Viewer } from "@/lib/domain/access";

/**
 * A section of the distributor page (/distributors/[distributorId]): the distributor's agreements (current terms, versions) and rebate statements.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorAgreementsSection(_props: { viewer: Viewer; distributorId: string }) {
  return null;
}
