import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ConflictTable } from "@/components/channel-conflicts/conflict-table";
import { STATUS_TONE, ageText, money, type Translate } from "@/components/channel-conflicts/labels";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { Pagination } from "@/components/data-table/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { conflictDistributorChoices } from "@/lib/data/channel-conflicts/detail";
import { listConflictQueue } from "@/lib/data/channel-conflicts/queue";
import { hasCapability } from "@/lib/domain/access";
import { CONFLICT_KINDS, CONFLICT_STATUSES } from "@/lib/domain/channel-conflicts";
import { TIME_ZONE } from "@/lib/i18n/config";
import { conflictQueueQuerySchema } from "@/lib/validation/channel-conflicts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelConflicts");
  return { title: t("title") };
}

const KEYS = ["status", "kind", "distributorId", "q", "sort", "dir", "page", "pageSize"];

/** 渠道冲突: the cases the viewer may see (via either party), counted by step, filtered and paged on the server. */
export default async function ChannelConflictsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, KEYS);
  const query = conflictQueueQuerySchema.parse(Object.fromEntries(params));
  const now = new Date();
  const [result, distributors, t, format, locale] = await Promise.all([
    listConflictQueue(viewer, query),
    conflictDistributorChoices(viewer),
    getTranslations("channelConflicts"),
    getFormatter(),
    getLocale(),
  ]);
  const tt = t as unknown as Translate;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const sortHrefs = Object.fromEntries(
    ["number", "status", "evidenceAmount", "createdAt"].map((key) => [
      key,
      hrefWith("/channel-conflicts", params, {
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
  const rows = result.rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: t(`kinds.${r.kind}`),
    status: { text: t(`status.${r.status}`), tone: STATUS_TONE[r.status] },
    outcome: r.outcome ? t(`outcomes.${r.outcome}`) : null,
    distributor: r.distributor?.name ?? "—",
    affected: r.affected?.name ?? null,
    evidence: r.evidenceCount
      ? `${money(locale, r.evidenceAmount)} · ${t("queue.evidence", { count: r.evidenceCount })}`
      : t(r.detectedAutomatically ? "queue.evidence" : "fields.manual", { count: 0 }),
    age: ageText(tt, r, now),
    opened: format.dateTime(r.createdAt, { dateStyle: "short", timeZone: TIME_ZONE }),
  }));

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/channel-conflicts/lessons" className={buttonClass("secondary", "sm")}>
              {t("lessonsLink")}
            </Link>
            {hasCapability(viewer, "channel.write") ? (
              <Link href="/channel-conflicts/new" className={buttonClass("primary", "sm")}>
                {t("new")}
              </Link>
            ) : null}
          </div>
        }
      />
      <nav aria-label={t("queue.counts")}>
        <ul className="flex flex-wrap gap-2" data-testid="conflict-counts">
          {CONFLICT_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={hrefWith("/channel-conflicts", params, {
                  status: query.status === s ? null : s,
                  page: null,
                })}
                aria-current={query.status === s ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center gap-2 rounded-md border px-3 text-sm",
                  query.status === s
                    ? "border-indigo-600 bg-indigo-50 text-indigo-900"
                    : "border-slate-200 bg-white text-slate-800 hover:border-indigo-300",
                )}
              >
                {t(`status.${s}`)}
                <span className="font-semibold tabular-nums">{result.counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        method="get"
        action="/channel-conflicts"
        aria-label={t("queue.filters")}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="min-w-48 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("queue.search")}</span>
          <Input name="q" defaultValue={query.q ?? ""} type="search" />
        </label>
        <label className="w-full text-sm sm:w-auto">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.status")}</span>
          <Select name="status" defaultValue={query.status ?? ""}>
            {option("", t("queue.any"))}
            {option("OPEN", t("status.OPEN"))}
            {CONFLICT_STATUSES.map((s) => option(s, t(`status.${s}`)))}
          </Select>
        </label>
        <label className="w-full text-sm sm:w-auto">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.kind")}</span>
          <Select name="kind" defaultValue={query.kind ?? ""}>
            {option("", t("queue.any"))}
            {CONFLICT_KINDS.map((k) => option(k, t(`kinds.${k}`)))}
          </Select>
        </label>
        <label className="w-full text-sm sm:w-auto sm:max-w-64">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.distributor")}</span>
          <Select name="distributorId" defaultValue={query.distributorId ?? ""}>
            {option("", t("queue.allDistributors"))}
            {distributors.map((d) => option(d.id, `${d.code} ${d.name}`))}
          </Select>
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("queue.apply")}
        </button>
        <Link href="/channel-conflicts" className={buttonClass("ghost", "sm")}>
          {t("queue.clear")}
        </Link>
      </form>
      <Card className="overflow-hidden">
        <ConflictTable
          rows={rows}
          headers={{
            number: t("fields.number"),
            kind: t("fields.kind"),
            status: t("fields.status"),
            parties: t("fields.distributor"),
            evidence: t("fields.evidence"),
            age: t("fields.age"),
            opened: t("fields.openedAt"),
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
          hrefFor={(page) => hrefWith("/channel-conflicts", params, { page: page === 1 ? null : page })}
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
