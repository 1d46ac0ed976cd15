import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { LazyAgeingChart } from "@/components/receivables/ageing-chart-lazy";
import { fenText } from "@/components/receivables/format";
import { ReceivablesNav } from "@/components/receivables/receivables-nav";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { receivablesAgeing } from "@/lib/data/receivables/ageing";
import { listTeamOptions } from "@/lib/data/teams";
import { hasCapability } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import { fenToYuan } from "@/lib/domain/money";
import { AGEING_BUCKETS } from "@/lib/domain/receivables";
import { ageingQuerySchema } from "@/lib/validation/receivables";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receivables");
  return { title: t("title") };
}

/** 应收账款账龄: totals per bucket (chart and cards), per distributor, and who is over the limit. */
export default async function ReceivablesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, ["asOf", "team"]);
  const query = ageingQuerySchema.parse(Object.fromEntries(params));
  const [ageing, t, locale, teams] = await Promise.all([
    receivablesAgeing(viewer, {
      asOf: query.asOf ? new Date(toDbDate(query.asOf).getTime() + 12 * 3_600_000) : undefined,
      teamId: query.team,
    }),
    getTranslations("receivables"),
    getLocale(),
    viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.length > 1
      ? listTeamOptions()
      : Promise.resolve([]),
  ]);
  const money = fenText(locale);
  const visibleTeams =
    viewer.visibleTeamIds === "all" ? teams : teams.filter((tm) => viewer.visibleTeamIds.includes(tm.id));
  const drill = (patch: Record<string, string | null>) =>
    hrefWith("/receivables/invoices", "", { asOf: query.asOf ?? null, ...patch });
  const bucketHref = (bucket: string, distributor?: string) =>
    drill({ bucket, distributor: distributor ?? null });

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("dashboard.asOf", { date: ageing.asOf })}
        actions={
          hasCapability(viewer, "channel.write") ? (
            <Link href="/receivables/invoices/new" className={buttonClass("secondary", "sm")}>
              {t("nav.newInvoice")}
            </Link>
          ) : null
        }
      />
      <ReceivablesNav current="dashboard" />
      {visibleTeams.length > 1 ? (
        <form method="get" action="/receivables" className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-800">{t("dashboard.team")}</span>
            <Select name="team" defaultValue={query.team ?? ""}>
              <option value="">{t("dashboard.allTeams")}</option>
              {visibleTeams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {locale === "zh-CN" ? (tm.nameZh ?? tm.name) : tm.name}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={buttonClass("secondary", "sm")}>
            {t("dashboard.apply")}
          </button>
        </form>
      ) : null}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard
          label={t("dashboard.totalOpen")}
          value={money(ageing.open)}
          href={drill({ status: "OPEN" })}
        />
        <StatCard
          label={t("dashboard.overdue")}
          value={money(ageing.overdue)}
          href={drill({ status: "overdue" })}
        />
        <StatCard
          label={t("dashboard.overLimitCount")}
          value={String(ageing.overLimit.length)}
          href="#over-limit"
        />
        <StatCard label={t("dashboard.distributors")} value={String(ageing.distributors.length)} />
      </div>

      <Card>
        <CardHeader title={t("dashboard.chartTitle")} />
        <div className="space-y-3 p-4">
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label={t("fields.bucket")}>
            {AGEING_BUCKETS.map((b) => (
              <li key={b}>
                <Link
                  href={bucketHref(b)}
                  data-bucket={b}
                  aria-label={t("dashboard.drillBucket", {
                    bucket: t(`buckets.${b}`),
                    amount: money(ageing.totals[b]),
                  })}
                  className="block min-h-11 rounded border border-slate-200 px-3 py-2 hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <span className="block text-xs text-slate-600">{t(`buckets.${b}`)}</span>
                  <span className="block font-semibold tabular-nums text-slate-900">
                    {money(ageing.totals[b])}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="h-64">
            <LazyAgeingChart
              locale={locale}
              label={t("dashboard.chartLabel")}
              points={AGEING_BUCKETS.map((b) => ({
                key: b,
                label: t(`buckets.${b}`),
                amount: fenToYuan(ageing.totals[b]) ?? 0,
                href: bucketHref(b),
              }))}
            />
          </div>
          <p className="text-xs text-slate-600">{t("bucketHint")}</p>
        </div>
      </Card>

      <Card id="over-limit">
        <CardHeader title={t("dashboard.overLimitTitle")} />
        {ageing.overLimit.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-600">{t("dashboard.overLimitNone")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {ageing.overLimit.map((d) => (
              <li
                key={d.distributorId}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
              >
                <Link
                  href={drill({ distributor: d.distributorId, status: "OPEN" })}
                  className="min-w-0 break-words font-medium text-indigo-800 hover:underline"
                >
                  {d.name}
                </Link>
                <span className="tabular-nums text-slate-700">
                  {money(d.open)} / {money(d.exposure.creditLimit)} ·{" "}
                  <span className="font-medium text-red-800">
                    {t("section.over", { amount: money(-d.exposure.headroom) })}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card className="overflow-hidden">
        <CardHeader title={t("dashboard.tableTitle")} />
        {ageing.distributors.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-600">{t("dashboard.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <Table caption={t("dashboard.caption")}>
              <thead>
                <tr>
                  <Th>{t("fields.distributor")}</Th>
                  {AGEING_BUCKETS.map((b) => (
                    <Th key={b} className="text-right">
                      {t(`buckets.${b}`)}
                    </Th>
                  ))}
                  <Th className="text-right">{t("fields.open")}</Th>
                  <Th className="text-right">{t("fields.creditLimit")}</Th>
                </tr>
              </thead>
              <tbody>
                {ageing.distributors.map((d) => (
                  <tr key={d.distributorId}>
                    <Td>
                      <Link
                        href={drill({ distributor: d.distributorId })}
                        className="block min-w-40 break-words font-medium text-indigo-800 hover:underline"
                      >
                        {d.name}
                      </Link>
                    </Td>
                    {AGEING_BUCKETS.map((b) => (
                      <Td key={b} className="whitespace-nowrap text-right tabular-nums">
                        {d.buckets[b] > 0n ? (
                          <Link
                            href={bucketHref(b, d.distributorId)}
                            className="text-indigo-800 hover:underline"
                          >
                            {money(d.buckets[b])}
                          </Link>
                        ) : (
                          <span className="text-slate-400">—</span>
                        )}
                      </Td>
                    ))}
                    <Td className="whitespace-nowrap text-right font-medium tabular-nums">{money(d.open)}</Td>
                    <Td
                      className={`whitespace-nowrap text-right tabular-nums ${d.exposure.overLimit ? "font-medium text-red-800" : ""}`}
                    >
                      {money(d.exposure.creditLimit)}
                    </Td>
                  </tr>
                ))}
                <tr className="bg-slate-50 font-semibold">
                  <Td>{t("dashboard.total")}</Td>
                  {AGEING_BUCKETS.map((b) => (
                    <Td key={b} className="whitespace-nowrap text-right tabular-nums">
                      {money(ageing.totals[b])}
                    </Td>
                  ))}
                  <Td className="whitespace-nowrap text-right tabular-nums">{money(ageing.open)}</Td>
                  <Td />
                </tr>
              </tbody>
            </Table>
          </div>
        )}
      </Card>
    </div>
  );
}

function StatCard({ label, value, href }: { label: string; value: string; href?: string }) {
  const body = (
    <>
      <span className="block text-xs text-slate-600 sm:text-sm">{label}</span>
      <span className="mt-1 block break-words text-lg font-semibold tabular-nums text-slate-900 sm:text-2xl">
        {value}
      </span>
    </>
  );
  return (
    <Card className="p-3 sm:p-4">
      {href ? (
        <Link
          href={href}
          className="block min-h-11 rounded focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {body}
        </Link>
      ) : (
        body
      )}
    </Card>
  );
}
