import { getTranslations } from "next-intl/server";
import type { DealStatus } from "@/lib/domain/pipeline";
import { Badge } from "@/components/ui/badge";

const STATUS_TONE = { OPEN: "info", WON: "good", LOST: "bad", TERMINATED: "neutral" } as const;

/** 进行中 / 赢单 / 丢单 / 已终止, in words as well as colour. */
export async function DealStatusBadge({ status }: { status: DealStatus }) {
  const t = await getTranslations("gate.status");
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}
