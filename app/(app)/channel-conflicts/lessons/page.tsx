import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { money } from "@/components/channel-conflicts/labels";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listLessons } from "@/lib/data/channel-conflicts/lessons";
import { CONFLICT_KINDS } from "@/lib/domain/channel-conflicts";
import { TIME_ZONE } from "@/lib/i18n/config";
import { lessonsQuerySchema } from "@/lib/validation/channel-conflicts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelConflicts");
  return { title: t("lessons.title") };
}

/** 防范机制: the prevention notes of resolved cases, searchable, each with its cause and outcome. */
export default async function LessonsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, ["q", "kind", "page"]);
  const query = lessonsQuerySchema.parse(Object.fromEntries(params));
  const [result, t, format, locale] = await Promise.all([
    listLessons(viewer, query),
    getTranslations("channelConflicts"),
    getFormatter(),
    getLocale(),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("lessons.title")}
        description={t("lessons.subtitle")}
        actions={
          <Link href="/channel-conflicts" className={buttonClass("secondary", "sm")}>
            {t("title")}
          </Link>
        }
      />
      <form
        method="get"
        action="/channel-conflicts/lessons"
        aria-label={t("lessons.search")}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="min-w-48 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("lessons.search")}</span>
          <Input name="q" defaultValue={query.q ?? ""} type="search" />
        </label>
        <label className="w-full text-sm sm:w-auto">
          <span className="mb-1 block font-medium text-slate-800">{t("fields.kind")}</span>
          <Select name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("queue.any")}</option>
            {CONFLICT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("queue.apply")}
        </button>
      </form>
      <Card>
        {result.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("lessons.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t("lessons.title")} data-testid="lessons">
            {result.rows.map((l) => (
              <li key={l.id} className="space-y-1 px-4 py-3">
                <p className="whitespace-pre-wrap break-words text-sm font-medium text-slate-900">
                  {l.preventionNote}
                </p>
                {l.causeAnalysis ? (
                  <p className="whitespace-pre-wrap break-words text-sm text-slate-700">
                    {t("fields.causeAnalysis")}: {l.causeAnalysis}
                  </p>
                ) : null}
                <p className="flex flex-wrap gap-x-2 text-xs text-slate-600">
                  <Link
                    className="text-indigo-800 hover:underline"
                    href={`/channel-conflicts/${encodeURIComponent(l.id)}`}
                  >
                    {t("lessons.from", { number: l.number })}
                  </Link>
                  <span>{t(`kinds.${l.kind}`)}</span>
                  <span>{l.distributor?.name ?? "—"}</span>
                  {l.outcome ? (
                    <span>
                      {t(`outcomes.${l.outcome}`)}
                      {l.outcomeAmount !== null ? ` ${money(locale, l.outcomeAmount)}` : ""}
                    </span>
                  ) : null}
                  {l.resolvedAt ? (
                    <span className="tabular-nums">
                      {format.dateTime(l.resolvedAt, { dateStyle: "medium", timeZone: TIME_ZONE })}
                    </span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          hrefFor={(page) =>
            hrefWith("/channel-conflicts/lessons", params, { page: page === 1 ? null : page })
          }
          labels={{
            navigation: t("lessons.title"),
            previous: t("queue.previous"),
            next: t("queue.next"),
            status: `${t("lessons.total", { count: result.total })} · ${t("queue.page", { page: result.page, pages })}`,
            page: (p) => t("queue.page", { page: p, pages }),
          }}
        />
      </Card>
    </div>
  );
}
