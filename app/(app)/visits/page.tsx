import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyVisitRecords } from "@/lib/data/visits/record-reads";
import { VISIT_METHODS } from "@/lib/domain/visits";
import { visitListQuerySchema } from "@/lib/validation/visit-records";
import { firstValues, hrefWith, type RawSearchParams } from "@/components/admin/search-params";
import { OutboxList } from "@/components/visits/outbox-list";
import { LogVisitLink, TextLink } from "@/components/visits/visit-links";
import { VisitsI18n } from "@/components/visits/visits-i18n";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visits.list");
  return { title: t("title") };
}

/** /visits — the person's own visit records, newest first, a keyset "more" link; and what waits to be sent. */
export default async function VisitsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = visitListQuerySchema.parse(firstValues(await searchParams));
  const [t, format, page] = await Promise.all([
    getTranslations("visits"),
    getFormatter(),
    listMyVisitRecords(viewer, query),
  ]);
  const filtered = Boolean(query.account || query.method || query.from || query.to);

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <>
            <LogVisitLink>{t("logVisit")}</LogVisitLink>
            <TextLink href="/visits/overdue">{t("overdue.title")}</TextLink>
          </>
        }
      />
      <VisitsI18n>
        <OutboxList />
      </VisitsI18n>
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("list.filter")}>
        <label className="text-sm text-slate-800">
          <span className="mb-1 block font-medium">{t("fields.method")}</span>
          <select
            name="method"
            defaultValue={query.method ?? ""}
            className="h-11 rounded-md border border-slate-300 bg-white px-2 text-sm sm:h-10"
          >
            <option value="">{t("list.allMethods")}</option>
            {VISIT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`methods.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {query.account ? <input type="hidden" name="account" value={query.account} /> : null}
        <button
          type="submit"
          className="h-11 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 sm:h-10"
        >
          {t("list.apply")}
        </button>
        {filtered ? <TextLink href="/visits">{t("list.clear")}</TextLink> : null}
      </form>
      <Card>
        {page.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">
            {filtered ? t("list.noneFiltered") : t("list.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="visit-list">
            {page.rows.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/visits/${encodeURIComponent(r.id)}`}
                  className="block px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                    <span className="font-medium text-slate-900">{r.account.name}</span>
                    <time dateTime={r.visitedAt.toISOString()} className="text-sm text-slate-600">
                      {format.dateTime(r.visitedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </div>
                  <p className="mt-1 line-clamp-2 break-words text-sm text-slate-700">{r.talkingPoints}</p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    <Badge>{t(`methods.${r.method}`)}</Badge>
                    {r.outcome ? <Badge tone="info">{t(`outcomes.${r.outcome}`)}</Badge> : null}
                    {r.checkInAt ? <Badge tone="good">{t("list.checkedIn")}</Badge> : null}
                    {r._count.photos ? <Badge>{t("list.photos", { count: r._count.photos })}</Badge> : null}
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {page.next ? (
        <p>
          <TextLink href={hrefWith("/visits", { ...query, cursor: page.next })}>{t("list.more")}</TextLink>
        </p>
      ) : null}
    </div>
  );
}
