import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChannelLinesTable } from "@/components/channel-sales/lines-table";
import { RecentBatches } from "@/components/channel-sales/recent-batches";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { recentBatches } from "@/lib/data/channel-sales/batches";
import { lineFilterOptions, listChannelLines } from "@/lib/data/channel-sales/lines";
import { hasCapability } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import { moneyFormat } from "@/lib/domain/money";
import { channelLinesQuerySchema } from "@/lib/validation/channel-sales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelSales");
  return { title: t("title") };
}

const KEYS = ["kind", "distributorId", "productId", "from", "to", "q", "flagged", "dir", "page", "pageSize"];

/** 销售报表: the sell-in and sell-out lines of the viewer's distributors, filtered and paged on the server. */
export default async function ChannelSalesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "channel.read")) notFound();
  const params = cleanSearchParams(await searchParams, KEYS);
  const query = channelLinesQuerySchema.parse(Object.fromEntries(params));
  const [result, options, batches, t, format, locale] = await Promise.all([
    listChannelLines(viewer, query),
    lineFilterOptions(viewer),
    recentBatches(viewer),
    getTranslations("channelSales"),
    getFormatter(),
    getLocale(),
  ]);
  const money = moneyFormat(locale);
  const yuan = (fen: bigint) => money.full(Number(fen) / 100);
  const sellOut = query.kind === "SELL_OUT";
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const canImport = hasCapability(viewer, "channel.write");
  const option = (value: string, label: string) => (
    <option key={value} value={value}>
      {label}
    </option>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <>
            <Link href="/channel-sales/inventory" className={buttonClass("secondary", "sm")}>
              {t("nav.inventory")}
            </Link>
            {canImport ? (
              <Link href="/channel-sales/import" className={buttonClass("primary", "sm")}>
                {t("nav.import")}
              </Link>
            ) : null}
          </>
        }
      />
      <nav aria-label={t("list.kind")}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-200">
          {(["SELL_OUT", "SELL_IN"] as const).map((kind) => (
            <li key={kind}>
              <Link
                href={hrefWith("/channel-sales", params, {
                  kind: kind === "SELL_OUT" ? null : kind,
                  page: null,
                  q: null,
                  flagged: null,
                })}
                aria-current={query.kind === kind ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
                  query.kind === kind
                    ? "border-indigo-600 text-indigo-800"
                    : "border-transparent text-slate-700 hover:text-indigo-800",
                )}
              >
                {t(`kinds.${kind}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        method="get"
        action="/channel-sales"
        aria-label={t("list.filters")}
        className="flex flex-wrap items-end gap-2"
      >
        {query.kind !== "SELL_OUT" ? <input type="hidden" name="kind" value={query.kind} /> : null}
        <label className="min-w-0 max-w-full text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("list.distributor")}</span>
          <Select name="distributorId" defaultValue={query.distributorId ?? ""} className="max-w-full">
            {option("", t("list.any"))}
            {options.distributors.map((d) => option(d.id, d.name))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("list.product")}</span>
          <Select name="productId" defaultValue={query.productId ?? ""}>
            {option("", t("list.any"))}
            {options.products.map((p) => option(p.id, p.name))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("list.from")}</span>
          <Input type="date" name="from" defaultValue={query.from ?? ""} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("list.to")}</span>
          <Input type="date" name="to" defaultValue={query.to ?? ""} />
        </label>
        {sellOut ? (
          <>
            <label className="min-w-40 flex-1 text-sm">
              <span className="mb-1 block font-medium text-slate-800">{t("list.search")}</span>
              <Input type="search" name="q" defaultValue={query.q ?? ""} />
            </label>
            <label className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="flagged"
                value="1"
                defaultChecked={!!query.flagged}
                className="size-4"
              />
              {t("list.flaggedOnly")}
            </label>
          </>
        ) : null}
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("list.apply")}
        </button>
        <Link
          href={hrefWith("/channel-sales", "", { kind: sellOut ? null : query.kind })}
          className={buttonClass("ghost", "sm")}
        >
          {t("list.clear")}
        </Link>
      </form>
      <Card className="overflow-hidden">
        <ChannelLinesTable
          sellOut={sellOut}
          rows={result.rows.map((r) => ({
            id: r.id,
            date: format.dateTime(new Date(`${fromDbDate(r.date)}T00:00:00Z`), {
              dateStyle: "medium",
              timeZone: "UTC",
            }),
            distributor: r.distributorName,
            distributorId: r.distributorId,
            document: r.documentNo,
            customer: r.customerName,
            region: r.region,
            product: r.productName,
            quantity: r.quantity,
            unitPrice: yuan(r.unitPrice),
            amount: yuan(r.amount),
            cases: r.cases.map((c) => ({ id: c.id, number: c.number, kind: t(`conflictKinds.${c.kind}`) })),
          }))}
          headers={{
            date: t("fields.date"),
            distributor: t("fields.distributor"),
            document: t("fields.documentNo"),
            customer: t("fields.customerName"),
            region: t("fields.region"),
            product: t("fields.product"),
            quantity: t("fields.quantity"),
            unitPrice: t("fields.unitPrice"),
            amount: t("fields.amount"),
            cases: t("fields.cases"),
          }}
          labels={{
            caption: t("list.caption"),
            sortedAscending: t("list.sortedAscending"),
            sortedDescending: t("list.sortedDescending"),
          }}
          sort={{ key: "date", dir: query.dir }}
          sortHrefs={{
            date: hrefWith("/channel-sales", params, {
              dir: query.dir === "desc" ? "asc" : null,
              page: null,
            }),
          }}
          empty={t("list.empty")}
        />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(page) => hrefWith("/channel-sales", params, { page: page === 1 ? null : page })}
          labels={{
            navigation: t("list.caption"),
            previous: t("list.previous"),
            next: t("list.next"),
            status: `${t("list.total", { count: result.total })} · ${t("list.page", { page: result.page, pages })}`,
            page: (p) => t("list.page", { page: p, pages }),
          }}
        />
      </Card>
      <RecentBatches batches={batches} />
    </div>
  );
}
