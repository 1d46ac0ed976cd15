import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** "Plan a visit" (拜访计划) on an account page: opens the plan form for this account. */
export async function PlanVisitLink({ accountId }: { accountId: string }) {
  const t = await getTranslations("visitPlans");
  return (
    <Link
      href={`/visits/plans/new?account=${encodeURIComponent(accountId)}`}
      className={buttonClass("secondary", "sm")}
    >
      {t("planVisit")}
    </Link>
  );
}
