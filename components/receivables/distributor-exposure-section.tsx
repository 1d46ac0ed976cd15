import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { loadExposureSection } from "@/lib/data/receivables/section";
import { AGEING_BUCKETS } from "@/lib/domain/receivables";
import { ageText, fenText } from "./format";

/**
 * A section of the distributor page (/distributors/[distributorId]): credit limit, open receivables by ageing bucket, overdue invoices, payments.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorExposureSection({
  viewer,
  distributorId,
}: {
  viewer: Viewer;
  distributorId: string;
}) {
  const [s, t, locale] = await Promise.all([
    loadExposureSection(viewer, distributorId),
    getTranslations("receivables"),
    getLocale(),
  ]);
  const money = fenText(locale);
  const e = s.exposure;
  const id = encodeURIComponent(distributorId);
  const invoicesHref = (extra = "") => `/receivables/invoices?distributor=${id}${extra}`;
  const canWrite = hasCapability(viewer, "channel.write");
  const figure = (label: string, value: React.ReactNode, testId: string) => (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="break-words font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );

  return (
    <Card aria-labelledby="exposure-title">
      <CardHeader
        id="exposure-title"
        title={t("section.title")}
        action={
          <Link href={invoicesHref()} className="text-sm text-indigo-800 hover:underline">
            {t("section.allInvoices")}
          </Link>
        }
      />
      <div className="space-y-4 p-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {figure(
            t("section.creditLimit"),
            e.creditLimit > 0n ? money(e.creditLimit) : t("section.noLimit"),
            "exposure-limit",
          )}
          {figure(t("section.open"), money(e.openBalance), "exposure-open")}
          {figure(
            t("section.headroom"),
            e.overLimit ? (
              <Badge tone="bad">{t("section.over", { amount: money(-e.headroom) })}</Badge>
            ) : (
              money(e.headroom)
            ),
            "exposure-headroom",
          )}
        </dl>
        {s.pendingRequest ? (
          <p className="text-sm text-amber-900">
            {t("section.pendingRequest", { amount: money(s.pendingRequest.requestedLimit) })}
          </p>
        ) : null}
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label={t("fields.bucket")}>
          {AGEING_BUCKETS.map((b) => (
            <li key={b}>
              <Link
                href={invoicesHref(`&bucket=${b}`)}
                className="block min-h-11 rounded border border-slate-200 px-2 py-1 hover:border-indigo-400"
              >
                <span className="block text-xs text-slate-600">{t(`buckets.${b}`)}</span>
                <span className="block text-sm font-medium tabular-nums">{money(s.buckets[b])}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby="exposure-overdue" className="min-w-0">
            <h3 id="exposure-overdue" className="mb-1 text-sm font-semibold text-slate-900">
              {t("section.overdueInvoices")}
            </h3>
            {s.overdue.length === 0 ? (
              <p className="text-sm text-slate-600">{t("section.noneOverdue")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {s.overdue.map((i) => (
                  <li key={i.id} className="flex flex-wrap justify-between gap-x-3 py-1">
                    <Link
                      href={`/receivables/invoices/${encodeURIComponent(i.id)}`}
                      className="tabular-nums text-indigo-800 hover:underline"
                    >
                      {i.invoiceNo}
                    </Link>
                    <span className="tabular-nums text-slate-700">
                      {money(i.open)} · {ageText(t, i.daysPastDue)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {s.overdueCount > s.overdue.length ? (
              <Link
                href={invoicesHref("&status=overdue")}
                className="text-xs text-indigo-800 hover:underline"
              >
                {t("section.overdueMore", { count: s.overdueCount })}
              </Link>
            ) : null}
          </section>
          <section aria-labelledby="exposure-payments" className="min-w-0">
            <h3 id="exposure-payments" className="mb-1 text-sm font-semibold text-slate-900">
              {t("section.recentPayments")}
            </h3>
            {s.payments.length === 0 ? (
              <p className="text-sm text-slate-600">{t("section.noPayments")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {s.payments.map((p) => (
                  <li key={p.id} className="flex flex-wrap justify-between gap-x-3 py-1">
                    <span className="tabular-nums">
                      {p.receivedOn} · {p.paymentNo}
                    </span>
                    <span className="tabular-nums text-slate-700">{money(p.amount)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        {canWrite ? (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link
              href={`/receivables/payments/new?distributor=${id}`}
              className="text-indigo-800 hover:underline"
            >
              {t("section.recordPayment")}
            </Link>
            <Link href={`/receivables/credit?distributor=${id}`} className="text-indigo-800 hover:underline">
              {t("section.requestLimit")}
            </Link>
          </p>
        ) : null}
      </div>
    </Card>
  );
}
