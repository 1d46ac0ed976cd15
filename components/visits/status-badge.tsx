import { getTranslations } from "next-intl/server";
import type { PlanDisplayStatus, RequestStatus } from "@/lib/domain/visits";
import { Badge } from "@/components/ui/badge";

const TONE = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  APPROVED: "good",
  RETURNED: "warn",
  DONE: "good",
  CANCELLED: "neutral",
  MISSED: "bad",
} as const;

/** A plan's or request's status in words (the colour is never the only signal). */
export async function StatusBadge({ status }: { status: PlanDisplayStatus | RequestStatus }) {
  const t = await getTranslations("visitPlans.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
