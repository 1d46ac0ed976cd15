import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { ledgerFilterAccount, ledgerProductLines, listLedgerLines } from "@/lib/data/ledger/lines";
import { hasCapability } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import { periodKey } from "@/lib/domain/kpi-period";
import { moneyFormat } from "@/lib/domain/money";
import { ledgerListQuerySchema } from "@/lib/validation/ledger";
import { FilterForm } from "@/components/admin/filter-form";
import { Pagination } from "@/components/admin/pagination";
import { firstValues, hrefWith, type RawSearchParams } from "@/components/admin/search-params";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ledger");
  return { title: t("list.title") };
}

const fieldLabel = "mb-1 block text-sm font-medium text-slate-800";

/**
 * 销售台账: the revenue and collection lines the viewer may see, filtered in the URL (the
 * dashboard's drill-downs link here with the same parameters), with the filter's totals and a CSV
 * export of exactly those lines.
 */
export default async function LedgerPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = ledgerListQuerySchema.parse(firstValues(await searchParams));
  const [result, products, account, t] = await Promise.all([
    listLedgerLines(viewer, query),
    ledgerProductLines(viewer),
    ledgerFilterAccount(viewer, query.account),
    getTranslations("ledger"),
  ]);
  const { filter } = result;
  const money = moneyFormat(viewer.locale);
  const yuan = (fen: bigint) => money.full(Number(fen) / 100);
  const keeps = hasCapability(viewer, "ledger.write");
  const mayRestore = hasCapability(viewer, "records.restore");
  const periodText = filter.period ? (filter.period.kind === "custom" ? "" : periodKey(filter.period)) : "";

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          keeps ? (
            <>
              <Link href="/ledger/new" className={buttonClass("primary")}>
                {t("list.new")}
              </Link>
              <Link href="/ledger/import" className={buttonClass("secondary")}>
                {t("list.import")}
              </Link>
            </>
          ) : null
        }
      />
      <Card>
        <FilterForm action="/ledger" label={t("list.filters")}>
          {/* A drill-down's narrowing (team, person, account, custom dates) travels with the filters. */}
          {(["team", "person", "account", "from", "to"] as const).map((k) =>
            filter.params[k] ? <input key={k} type="hidden" name={k} value={filter.params[k]} /> : null,
          )}
          <div>
            <label htmlFor="ledger-period" className={fieldLabel}>
              {t("list.period")}
            </label>
            <Input
              id="ledger-period"
              name="period"
              defaultValue={periodText}
              placeholder="2026-11 / 2026-Q4 / 2026"
              aria-describedby="ledger-period-hint"
              autoComplete="off"
            />
            <p id="ledger-period-hint" className="mt-1 text-xs text-slate-600">
              {t("list.periodHint")}
            </p>
          </div>
          <div>
            <label htmlFor="ledger-kind" className={fieldLabel}>
              {t("fields.kind")}
            </label>
            <Select id="ledger-kind" name="kind" defaultValue={query.kind ?? ""}>
              <option value="">{t("list.anyKind")}</option>
              <option value="REVENUE">{t("kinds.REVENUE")}</option>
              <option value="COLLECTION">{t("kinds.COLLECTION")}</option>
            </Select>
          </div>
          <div>
            <label htmlFor="ledger-tier" className={fieldLabel}>
              {t("fields.tier")}
            </label>
            <Select id="ledger-tier" name="tier" defaultValue={query.tier ?? ""}>
              <option value="">{t("list.anyTier")}</option>
              {(["A", "B", "C"] as const).map((tier) => (
                <option key={tier} value={tier}>
                  {tier}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="ledger-product" className={fieldLabel}>
              {t("fields.productLine")}
            </label>
            <Select id="ledger-product" name="product" defaultValue={query.product ?? ""}>
              <option value="">{t("list.anyProduct")}</option>
              {products.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </div>
          {mayRestore ? (
            <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="deleted" value="1" defaultChecked={query.deleted === "1"} />
              {t("list.showDeleted")}
            </label>
          ) : null}
        </FilterForm>

        {account || filter.scope || (filter.period && filter.period.kind === "custom") ? (
          <p
            className="border-b border-slate-200 px-4 py-2 text-sm text-slate-700"
            data-testid="ledger-narrowing"
          >
            {account ? t("list.forAccount", { name: account.name }) : null}{" "}
            {filter.period?.kind === "custom"
              ? t("list.forDates", { from: filter.period.start, to: filter.period.end })
              : null}{" "}
            {filter.scope ? t("list.narrowed") : null}{" "}
            <Link href="/ledger" className="font-medium text-indigo-800 underline-offset-2 hover:underline">
              {t("list.showAll")}
            </Link>
          </p>
        ) : null}

        <dl
          className="grid grid-cols-2 gap-3 border-b border-slate-200 p-4 sm:grid-cols-3"
          data-testid="ledger-totals"
        >
          <div>
            <dt className="text-xs text-slate-600">{t("list.totalRevenue")}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="total-revenue">
              {yuan(result.totals.revenue)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t("list.totalCollections")}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="total-collections">
              {yuan(result.totals.collections)}
            </dd>
          </div>
          <div className="col-span-2 flex items-end sm:col-span-1 sm:justify-end">
            <a
              href={hrefWith("/ledger/export", filter.params)}
              className={buttonClass("secondary", "sm")}
              download
              data-testid="ledger-export"
            >
              {t("list.export", { count: result.total })}
            </a>
          </div>
        </dl>

        {result.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("list.empty")}</p>
        ) : (
          <Table caption={t("list.caption")} data-testid="ledger-table">
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("fields.month")}</Th>
                <Th>{t("fields.documentNo")}</Th>
                <Th>{t("fields.kind")}</Th>
                <Th>{t("fields.accountName")}</Th>
                <Th>{t("fields.productLine")}</Th>
                <Th className="text-right">{t("fields.amount")}</Th>
                <Th>{t("fields.owner")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((l) => (
                <tr key={l.id}>
                  <Td className="whitespace-nowrap tabular-nums">{fromDbDate(l.month).slice(0, 7)}</Td>
                  <Td className="whitespace-nowrap">
                    <Link
                      href={`/ledger/${encodeURIComponent(l.id)}`}
                      prefetch={false}
                      className="font-mono text-xs font-medium text-indigo-800 underline-offset-2 hover:underline"
                    >
                      {l.documentNo}
                    </Link>
                    {l.deletedAt ? (
                      <span className="ml-2">
                        <Badge tone="bad">{t("line.deletedBadge")}</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={l.kind === "REVENUE" ? "info" : "good"}>{t(`kinds.${l.kind}`)}</Badge>
                  </Td>
                  <Td className="min-w-40">
                    {l.account.name} <span className="text-xs text-slate-600">· {l.account.tier}</span>
                  </Td>
                  <Td className="min-w-28">{l.productLine}</Td>
                  <Td
                    className={`whitespace-nowrap text-right tabular-nums ${l.amount < 0n ? "text-red-800" : ""}`}
                  >
                    {yuan(l.amount)}
                  </Td>
                  <Td className="whitespace-nowrap">{l.owner.name}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          path="/ledger"
          params={filter.params}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      </Card>
    </div>
  );
}
