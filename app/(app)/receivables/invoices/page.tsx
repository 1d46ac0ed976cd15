import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { Pagination } from "@/components/data-table/pagination";
import { InvoiceTable } from "@/components/receivables/invoice-table";
import { STATE_TONE, ageText, ageTone, fenText } from "@/components/receivables/format";
import { ReceivablesNav } from "@/components/receivables/receivables-nav";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listInvoices, receivableDistributorOptions } from "@/lib/data/receivables/invoices";
import { hasCapability } from "@/lib/domain/access";
import { AGEING_BUCKETS } from "@/lib/domain/receivables";
import { INVOICE_STATUS_FILTERS, invoiceListQuerySchema } from "@/lib/validation/receivables";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receivables");
  return { title: t("list.title") };
}

const KEYS = ["bucket", "distributor", "status", "q", "asOf", "sort", "dir", "page", "pageSize"];
const PATH = "/receivables/invoices";

/** 应收单列表: server-side filtered (bucket, distributor, status, text), sorted and paged. */
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, KEYS);
  const query = invoiceListQuerySchema.parse(Object.fromEntries(params));
  const [result, distributors, t, locale] = await Promise.all([
    listInvoices(viewer, query),
    receivableDistributorOptions(viewer),
    getTranslations("receivables"),
    getLocale(),
  ]);
  const money = fenText(locale);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const sortHrefs = Object.fromEntries(
    ["invoiceNo", "dueOn", "amount", "open"].map((key) => [
      key,
      hrefWith(PATH, params, {
        sort: key,
        dir: query.sort === key && query.dir === "asc" ? "desc" : "asc",
        page: null,
      }),
    ]),
  );
  const option = (value: string, label: string) => (
    <option key={value} value={value}>
      {label}
    </option>
  );
  const label = (text: string, control: React.ReactNode) => (
    <label className="min-w-0 text-sm">
      <span className="mb-1 block font-medium text-slate-800">{text}</span>
      {control}
    </label>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("list.title")}
        description={t("list.subtitle")}
        actions={
          hasCapability(viewer, "channel.write") ? (
            <Link href="/receivables/invoices/new" className={buttonClass("secondary", "sm")}>
              {t("nav.newInvoice")}
            </Link>
          ) : null
        }
      />
      <ReceivablesNav current="invoices" />
      <form
        method="get"
        action={PATH}
        aria-label={t("list.filters")}
        className="grid grid-cols-1 items-end gap-2 sm:grid-cols-2 lg:grid-cols-5"
      >
        {query.asOf ? <input type="hidden" name="asOf" value={query.asOf} /> : null}
        {label(t("list.search"), <Input name="q" type="search" defaultValue={query.q ?? ""} />)}
        {label(
          t("fields.distributor"),
          <Select name="distributor" defaultValue={query.distributor ?? ""} className="w-full">
            {option("", t("list.anyDistributor"))}
            {distributors.map((d) => option(d.id, `${d.code} ${d.name}`))}
          </Select>,
        )}
        {label(
          t("fields.bucket"),
          <Select name="bucket" defaultValue={query.bucket ?? ""} className="w-full">
            {option("", t("list.anyBucket"))}
            {AGEING_BUCKETS.map((b) => option(b, t(`buckets.${b}`)))}
          </Select>,
        )}
        {label(
          t("fields.status"),
          <Select name="status" defaultValue={query.status ?? ""} className="w-full">
            {option("", t("statusFilter.any"))}
            {INVOICE_STATUS_FILTERS.map((s) => option(s, t(`statusFilter.${s}`)))}
          </Select>,
        )}
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("secondary", "sm")}>
            {t("list.apply")}
          </button>
          <Link href={PATH} className={buttonClass("ghost", "sm")}>
            {t("list.clear")}
          </Link>
        </div>
      </form>
      <Card className="overflow-hidden">
        <InvoiceTable
          rows={result.rows.map((r) => ({
            id: r.id,
            invoiceNo: r.invoiceNo,
            distributor: r.distributorName,
            issuedOn: r.issuedOn,
            dueOn: r.dueOn,
            amount: money(r.amount),
            open: money(r.open),
            state: { text: t(`state.${r.state}`), tone: STATE_TONE[r.state] },
            age:
              r.status === "OPEN"
                ? { text: ageText(t, r.daysPastDue), tone: ageTone(r.daysPastDue, true) }
                : { text: "—", tone: "neutral" },
          }))}
          headers={{
            invoiceNo: t("fields.invoiceNo"),
            distributor: t("fields.distributor"),
            dueOn: t("fields.dueOn"),
            amount: t("fields.amount"),
            open: t("fields.open"),
            status: t("fields.status"),
            age: t("fields.age"),
          }}
          labels={{
            caption: t("list.caption"),
            sortedAscending: t("list.sortedAscending"),
            sortedDescending: t("list.sortedDescending"),
          }}
          sort={{ key: query.sort, dir: query.dir }}
          sortHrefs={sortHrefs}
          empty={t("list.empty")}
        />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(page) => hrefWith(PATH, params, { page: page === 1 ? null : page })}
          labels={{
            navigation: t("list.caption"),
            previous: t("list.previous"),
            next: t("list.next"),
            status: `${t("list.total", { count: result.total })} · ${t("list.page", { page: result.page, pages })}`,
            page: (p) => t("list.page", { page: p, pages }),
          }}
        />
      </Card>
    </div>
  );
}
