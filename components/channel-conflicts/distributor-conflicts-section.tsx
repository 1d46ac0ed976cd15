import type { Viewer } from "@/lib/domain/access";

/**
 * A section of the distributor page (/distributors/[distributorId]): conflict cases where the distributor is a party.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorConflictsSection(_props: { viewer: Viewer; distributorId: string }) {
  return null;
}
