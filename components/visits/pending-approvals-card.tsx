import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pendingApprovalCount } from "@/lib/data/visits/approvals";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { Card } from "@/components/ui/card";

/**
 * For the home page: how many plans and requests wait for this approver, linking to the inbox.
 * Nothing for people who approve nothing.
 */
export async function PendingApprovalsCard({ viewer }: { viewer: Viewer }) {
  if (!hasCapability(viewer, "visits.approve")) return null;
  const [count, t] = await Promise.all([pendingApprovalCount(viewer), getTranslations("visitPlans.inbox")]);
  return (
    <Card className="p-3 sm:p-4" data-testid="pending-approvals-card">
      <Link
        href="/visits/approvals"
        className="block rounded focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <div className="text-xs text-slate-600 sm:text-sm">{t("cardTitle")}</div>
        <div className="mt-1 text-xl font-semibold tabular-nums text-slate-900 sm:text-2xl">{count}</div>
        <div className="mt-1 text-sm text-indigo-800">{count ? t("cardOpen") : t("cardNone")}</div>
      </Link>
    </Card>
  );
}
