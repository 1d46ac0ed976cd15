import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DealDetail } from "@/lib/data/deals/detail";
import type { AppLocale } from "@/lib/i18n/config";
import { AgreementSummary } from "@/components/deals/agreement-summary";
import { dayOf } from "@/components/deals/format";
import { Card, CardHeader } from "@/components/ui/card";

/** How a closed deal ended: the cooperation agreement of a win, the reason of a loss or termination. */
export async function DealOutcome({ deal, locale }: { deal: DealDetail; locale: AppLocale }) {
  const [t, format] = await Promise.all([getTranslations("deal.outcome"), getFormatter()]);
  if (deal.status === "OPEN") return null;
  const when = deal.closedAt ? dayOf(format, deal.closedAt) : "";
  if (deal.status === "WON") {
    return (
      <Card id="agreement" className="scroll-mt-28 border-emerald-300">
        <CardHeader title={t("wonTitle", { date: when })} />
        <div className="space-y-4 p-4">
          {deal.agreement ? (
            <>
              <AgreementSummary
                agreement={deal.agreement}
                renewalWindowDays={deal.settings.renewalWindowDays}
              />
              <p className="text-sm">
                <Link href="/agreements" className="font-medium text-indigo-800 underline underline-offset-2">
                  {t("allAgreements")}
                </Link>
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-700">{t("noAgreement")}</p>
          )}
        </div>
      </Card>
    );
  }
  const reason =
    deal.status === "LOST" && deal.lostReason
      ? locale === "zh-CN"
        ? deal.lostReason.name
        : deal.lostReason.nameEn
      : null;
  return (
    <Card className="border-slate-300">
      <CardHeader
        title={deal.status === "LOST" ? t("lostTitle", { date: when }) : t("terminatedTitle", { date: when })}
      />
      <dl className="grid gap-3 p-4 sm:grid-cols-2">
        {reason ? (
          <div>
            <dt className="text-xs font-medium text-slate-600">{t("lostReason")}</dt>
            <dd className="mt-0.5 text-sm text-slate-900">{reason}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-xs font-medium text-slate-600">{t("note")}</dt>
          <dd className="mt-0.5 whitespace-pre-line text-sm text-slate-900">
            {deal.closeNote ?? <span className="text-slate-500">—</span>}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
