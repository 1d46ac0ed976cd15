import type { Viewer } from "@/lib/domain/access";

/**
 * A section of the distributor page (/distributors/[distributorId]): sell-in, sell-out and channel inventory per product.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorSalesSection(_props: { viewer: Viewer; distributorId: string }) {
  return null;
}
