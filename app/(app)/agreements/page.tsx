import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listAgreements, listRenewals } from "@/lib/data/deals/agreements";
import { canDo } from "@/lib/domain/access";
import { daysUntil } from "@/lib/domain/pipeline";
import { fenToYuanInput } from "@/lib/domain/money";
import { TierBadge } from "@/components/accounts/tier-badge";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { AgreementFields } from "@/components/deals/agreement-fields";
import { AgreementTermBadge } from "@/components/deals/agreement-summary";
import { dateInput, day, yuan } from "@/components/deals/format";
import { Disclosure } from "@/components/ui/disclosure";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { renewAgreementAction } from "./actions";
import { RecordRef } from "@/components/forms/record-ref";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deal.agreements");
  return { title: t("title") };
}

const DAY = 86_400_000;

/** The next term of an agreement: from the day after it ends, for as long as it ran. */
function nextTerm(a: { startDate: Date; endDate: Date }) {
  const start = new Date(a.endDate.getTime() + DAY);
  const years = Math.max(1, Math.round((a.endDate.getTime() + DAY - a.startDate.getTime()) / (365.25 * DAY)));
  const end = new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate() - 1));
  return { start: dateInput(start), end: dateInput(end) };
}

/** 合作协议: the agreements in scope, with those ending soon at the top for renewal (续签). */
export default async function AgreementsPage() {
  const viewer = await requireViewer();
  const [renewals, agreements, t, ta, tm, format] = await Promise.all([
    listRenewals(viewer),
    listAgreements(viewer),
    getTranslations("deal.agreements"),
    getTranslations("account"),
    getTranslations("gate.modes"),
    getFormatter(),
  ]);
  const now = new Date();
  const renewedIds = new Set(agreements.map((a) => a.renewedFromId).filter(Boolean));
  const term = (a: { startDate: Date; endDate: Date }) =>
    t("termRange", { start: day(format, a.startDate), end: day(format, a.endDate) });
  const accountLink = (a: { account: { id: string; name: string } }) => (
    <Link
      href={`/accounts/${encodeURIComponent(a.account.id)}`}
      prefetch={false} // one per row: fetched when opened, not all on sight
      className="font-medium text-indigo-800 underline-offset-2 hover:underline"
    >
      {a.account.name}
    </Link>
  );

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />

      <Card id="renewals" className="scroll-mt-20">
        <CardHeader title={t("renewalsTitle", { days: renewals.windowDays })} />
        {renewals.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("noRenewals", { days: renewals.windowDays })}</p>
        ) : (
          <ul
            className="divide-y divide-slate-200"
            aria-label={t("renewalsTitle", { days: renewals.windowDays })}
          >
            {renewals.rows.map((a) => {
              const left = daysUntil(a.endDate, now);
              const next = nextTerm(a);
              return (
                <li key={a.id} className="space-y-3 p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0 space-y-1">
                      <p className="flex flex-wrap items-center gap-2">
                        {accountLink(a)}
                        <TierBadge tier={a.account.tier} label={ta(`tiers.${a.account.tier}`)} />
                      </p>
                      <p className="text-sm text-slate-700">
                        <span className="tabular-nums">{term(a)}</span> · {tm(a.cooperationMode)} ·{" "}
                        <span className="font-semibold tabular-nums">
                          {yuan(format, Number(a.contractValue) / 100)}
                        </span>{" "}
                        · {a.owner.name}
                      </p>
                    </div>
                    <Badge tone={left <= 30 ? "bad" : "warn"}>{t("endsIn", { days: left })}</Badge>
                  </div>
                  {canDo(viewer, "edit", a) ? (
                    <Disclosure summary={t("renewOpen", { name: a.account.name })}>
                      <ActionForm
                        action={renewAgreementAction}
                        aria-label={t("renewOpen", { name: a.account.name })}
                        className="max-w-3xl space-y-4"
                      >
                        <RecordRef id={a.id} version={a.version} />
                        <p className="text-sm text-slate-700">{t("renewBody")}</p>
                        <AgreementFields
                          defaults={{
                            startDate: next.start,
                            endDate: next.end,
                            serviceContent: a.serviceContent,
                            pricingPolicy: a.pricingPolicy,
                            cooperationMode: a.cooperationMode,
                            contractValue: fenToYuanInput(a.contractValue),
                          }}
                        />
                        <SubmitButton>{t("renew")}</SubmitButton>
                      </ActionForm>
                    </Disclosure>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader title={t("allTitle", { count: agreements.length })} />
        {agreements.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <Table caption={t("allCaption")}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("account")}</Th>
                <Th>{t("term")}</Th>
                <Th>{t("mode")}</Th>
                <Th className="text-right">{t("value")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("owner")}</Th>
                <Th>{t("deal")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {agreements.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap">{accountLink(a)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{term(a)}</Td>
                  <Td className="whitespace-nowrap">{tm(a.cooperationMode)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {yuan(format, Number(a.contractValue) / 100)}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <span className="inline-flex flex-wrap gap-1">
                      <AgreementTermBadge agreement={a} renewalWindowDays={renewals.windowDays} now={now} />
                      {a.renewedFromId ? <Badge tone="neutral">{t("isRenewal")}</Badge> : null}
                      {renewedIds.has(a.id) ? <Badge tone="good">{t("renewed")}</Badge> : null}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap">{a.owner.name}</Td>
                  <Td className="min-w-40">
                    {a.deal ? (
                      <Link
                        href={`/deals/${encodeURIComponent(a.deal.id)}`}
                        prefetch={false}
                        className="text-indigo-800 underline-offset-2 hover:underline"
                      >
                        {a.deal.title}
                      </Link>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
