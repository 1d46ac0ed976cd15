import type { Viewer } from "@/lib/domain/access";

/**
 * A section of the distributor page (/distributors/[distributorId]): credit limit, open receivables by ageing bucket, overdue invoices, payments.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorExposureSection(_props: { viewer: Viewer; distributorId: string }) {
  return null;
}
