import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ComplaintTable } from "@/components/complaints/complaint-table";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { Pagination } from "@/components/data-table/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import { requireViewer } from "@/lib/auth/viewer";
import { listComplaintQueue } from "@/lib/data/complaints/queue";
import { hasCapability } from "@/lib/domain/access";
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, COMPLAINT_STATUSES } from "@/lib/domain/complaints";
import { complaintQueueQuerySchema, QUEUE_TABS } from "@/lib/validation/complaints";
import { tableRows } from "./_components/queue-rows";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("title") };
}

const KEYS = [
  "tab",
  "status",
  "open",
  "severity",
  "category",
  "breached",
  "owner",
  "handler",
  "teamId",
  "accountId",
  "q",
  "sort",
  "dir",
  "page",
  "pageSize",
  "deleted",
];

/** 投诉工作台: the complaints the viewer may see, filtered, sorted and paged on the server. */
export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, KEYS);
  const query = complaintQueueQuerySchema.parse(Object.fromEntries(params));
  const now = new Date();
  const [result, t, format, locale] = await Promise.all([
    listComplaintQueue(viewer, query, now),
    getTranslations("complaints"),
    getFormatter(),
    getLocale(),
  ]);
  const tabs = QUEUE_TABS.filter((tab) => tab !== "team" || hasCapability(viewer, "complaints.team"));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const sortHrefs = Object.fromEntries(
    ["number", "status", "severity", "ackDueAt", "receivedAt"].map((key) => [
      key,
      hrefWith("/complaints", params, {
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

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <Link href="/complaints/new" className={buttonClass("primary", "sm")}>
            {t("new")}
          </Link>
        }
      />
      <nav aria-label={t("tabs.label")}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-200">
          {tabs.map((tab) => (
            <li key={tab}>
              <Link
                href={hrefWith("/complaints", params, { tab: tab === "all" ? null : tab, page: null })}
                aria-current={query.tab === tab ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
                  query.tab === tab
                    ? "border-indigo-600 text-indigo-800"
                    : "border-transparent text-slate-700 hover:text-indigo-800",
                )}
              >
                {t(`tabs.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        method="get"
        action="/complaints"
        aria-label={t("queue.filters")}
        className="flex flex-wrap items-end gap-2"
      >
        {query.tab !== "all" ? <input type="hidden" name="tab" value={query.tab} /> : null}
        <label className="min-w-48 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("queue.search")}</span>
          <Input name="q" defaultValue={query.q ?? ""} type="search" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.status")}</span>
          <Select name="status" defaultValue={query.status ?? ""}>
            {option("", t("queue.any"))}
            {COMPLAINT_STATUSES.map((s) => option(s, t(`status.${s}`)))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.severity")}</span>
          <Select name="severity" defaultValue={query.severity ?? ""}>
            {option("", t("queue.any"))}
            {COMPLAINT_SEVERITIES.map((s) => option(s, t(`severity.${s}`)))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.category")}</span>
          <Select name="category" defaultValue={query.category ?? ""}>
            {option("", t("queue.any"))}
            {COMPLAINT_CATEGORIES.map((s) => option(s, t(`category.${s}`)))}
          </Select>
        </label>
        <label className="inline-flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="open" value="1" defaultChecked={!!query.open} className="size-4" />
          {t("queue.openOnly")}
        </label>
        {hasCapability(viewer, "records.restore") ? (
          <label className="inline-flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="deleted"
              value="1"
              defaultChecked={!!query.deleted}
              className="size-4"
            />
            {t("queue.showDeleted")}
          </label>
        ) : null}
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("queue.apply")}
        </button>
        <Link
          href={hrefWith("/complaints", "", { tab: query.tab === "all" ? null : query.tab })}
          className={buttonClass("ghost", "sm")}
        >
          {t("queue.clear")}
        </Link>
      </form>
      <Card className="overflow-hidden">
        <ComplaintTable
          rows={tableRows(result.rows, t as never, format, locale, now)}
          headers={{
            number: t("fields.number"),
            title: t("fields.title"),
            status: t("fields.status"),
            severity: t("fields.severity"),
            sla: t("fields.sla"),
            owner: t("fields.owner"),
            handler: t("fields.handler"),
            received: t("fields.receivedAt"),
          }}
          labels={{
            caption: t("queue.caption"),
            sortedAscending: t("queue.sortedAscending"),
            sortedDescending: t("queue.sortedDescending"),
          }}
          sort={{ key: query.sort, dir: query.dir }}
          sortHrefs={sortHrefs}
          empty={t("queue.empty")}
        />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(page) => hrefWith("/complaints", params, { page: page === 1 ? null : page })}
          labels={{
            navigation: t("queue.caption"),
            previous: t("queue.previous"),
            next: t("queue.next"),
            status: `${t("queue.total", { count: result.total })} · ${t("queue.page", { page: result.page, pages })}`,
            page: (p) => t("queue.page", { page: p, pages }),
          }}
        />
      </Card>
    </div>
  );
}
