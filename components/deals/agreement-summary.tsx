import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { daysUntil } from "@/lib/domain/pipeline";
import { Badge } from "@/components/ui/badge";
import { day, yuan } from "./format";

export type AgreementView = {
  id: string;
  startDate: Date;
  endDate: Date;
  serviceContent: string;
  pricingPolicy: string;
  cooperationMode: string;
  contractValue: bigint;
  renewedFromId: string | null;
  deal?: { id: string; title: string } | null;
};

/** Where an agreement stands today: not started, running (and how long to go), or ended. */
export async function AgreementTermBadge({
  agreement,
  renewalWindowDays,
  now = new Date(),
}: {
  agreement: Pick<AgreementView, "startDate" | "endDate">;
  renewalWindowDays: number;
  now?: Date;
}) {
  const t = await getTranslations("deal.agreement");
  const left = daysUntil(agreement.endDate, now);
  if (left < 0) return <Badge tone="neutral">{t("ended")}</Badge>;
  if (agreement.startDate.getTime() > now.getTime()) return <Badge tone="info">{t("upcoming")}</Badge>;
  if (left <= renewalWindowDays) return <Badge tone="warn">{t("dueInDays", { days: left })}</Badge>;
  return <Badge tone="good">{t("running", { days: left })}</Badge>;
}

/** A 合作协议 in full: term, cooperation mode, value, service content and pricing policy. */
export async function AgreementSummary({
  agreement,
  renewalWindowDays,
}: {
  agreement: AgreementView;
  renewalWindowDays: number;
}) {
  const [t, tm, format] = await Promise.all([
    getTranslations("deal.agreement"),
    getTranslations("gate.modes"),
    getFormatter(),
  ]);
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-4">
      <div className="col-span-2">
        <dt className="text-xs font-medium text-slate-600">{t("term")}</dt>
        <dd className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-900">
          <span className="tabular-nums">
            {t("termRange", { start: day(format, agreement.startDate), end: day(format, agreement.endDate) })}
          </span>
          <AgreementTermBadge agreement={agreement} renewalWindowDays={renewalWindowDays} />
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-600">{t("cooperationMode")}</dt>
        <dd className="mt-0.5 text-sm text-slate-900">{tm(agreement.cooperationMode)}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-600">{t("contractValue")}</dt>
        <dd className="mt-0.5 text-sm font-semibold tabular-nums text-slate-900">
          {yuan(format, Number(agreement.contractValue) / 100)}
        </dd>
      </div>
      <div className="col-span-2">
        <dt className="text-xs font-medium text-slate-600">{t("serviceContent")}</dt>
        <dd className="mt-0.5 whitespace-pre-line break-words text-sm text-slate-900">
          {agreement.serviceContent}
        </dd>
      </div>
      <div className="col-span-2">
        <dt className="text-xs font-medium text-slate-600">{t("pricingPolicy")}</dt>
        <dd className="mt-0.5 whitespace-pre-line break-words text-sm text-slate-900">
          {agreement.pricingPolicy}
        </dd>
      </div>
      {agreement.deal ? (
        <div className="col-span-2 sm:col-span-4">
          <dt className="text-xs font-medium text-slate-600">{t("fromDeal")}</dt>
          <dd className="mt-0.5 text-sm">
            <Link
              href={`/deals/${encodeURIComponent(agreement.deal.id)}`}
              className="font-medium text-indigo-800 underline-offset-2 hover:underline"
            >
              {agreement.deal.title}
            </Link>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
