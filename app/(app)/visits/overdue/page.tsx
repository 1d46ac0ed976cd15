import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import {
  listMyOverdueAccounts,
  listTeamOverdueAccounts,
  type OverdueAccount,
} from "@/lib/data/visits/overdue";
import { hasCapability } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import { OVERDUE_SORTS, overdueQuerySchema } from "@/lib/validation/visit-records";
import { firstValues, hrefWith, type RawSearchParams } from "@/components/admin/search-params";
import { day } from "@/components/deals/format";
import { TierBadge } from "@/components/accounts/tier-badge";
import { LogVisitLink, TextLink } from "@/components/visits/visit-links";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visits.overdue");
  return { title: t("title") };
}

/**
 * /visits/overdue — 该联系却没联系: a rep's own accounts past their contact cadence; for a manager, the
 * team's, with a summary by rep, sortable, each row linking to the account and to logging a visit.
 */
export default async function OverduePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = overdueQuerySchema.parse(firstValues(await searchParams));
  const team = hasCapability(viewer, "visits.team");
  const [t, ta, format] = await Promise.all([
    getTranslations("visits"),
    getTranslations("account"),
    getFormatter(),
  ]);
  const data = team
    ? await listTeamOverdueAccounts(viewer, { sort: query.sort, owner: query.owner })
    : { ...(await listMyOverdueAccounts(viewer)), owners: null };

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("overdue.title")}
        description={team ? t("overdue.teamDescription") : t("overdue.description")}
        actions={<TextLink href="/visits">{t("list.title")}</TextLink>}
      />
      {data.owners?.length ? (
        <Card>
          <CardHeader title={t("overdue.byRep")} />
          <ul className="divide-y divide-slate-100" data-testid="overdue-owners">
            {data.owners.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-1 text-sm">
                <TextLink href={hrefWith("/visits/overdue", { owner: o.id, sort: query.sort })}>
                  {o.name}
                </TextLink>
                <span className="text-slate-700">
                  {t("overdue.ownerSummary", { count: o.count, days: o.maxDaysOverdue })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title={t("overdue.accounts", { count: data.total })}
          action={
            query.owner ? (
              <TextLink href={hrefWith("/visits/overdue", { sort: query.sort })}>
                {t("overdue.allReps")}
              </TextLink>
            ) : null
          }
        />
        {team ? (
          <nav aria-label={t("overdue.sortLabel")} className="flex flex-wrap gap-x-3 px-4 pt-2 text-sm">
            <span className="inline-flex min-h-11 items-center text-slate-600 sm:min-h-0">
              {t("overdue.sortLabel")}
            </span>
            {OVERDUE_SORTS.map((s) => (
              <Link
                key={s}
                href={hrefWith("/visits/overdue", { owner: query.owner, sort: s })}
                aria-current={(query.sort ?? "days") === s ? "true" : undefined}
                className="inline-flex min-h-11 items-center text-indigo-800 underline-offset-2 hover:underline aria-[current]:font-semibold aria-[current]:text-slate-900 sm:min-h-0"
              >
                {t(`overdue.sort.${s}`)}
              </Link>
            ))}
          </nav>
        ) : null}
        {data.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("overdue.none")}</p>
        ) : (
          <OverdueRows
            rows={data.rows}
            showOwner={team}
            t={t}
            tierLabel={(tier) => ta(`tiers.${tier}`)}
            format={format}
          />
        )}
      </Card>
    </div>
  );
}

function OverdueRows({
  rows,
  showOwner,
  t,
  tierLabel,
  format,
}: {
  rows: OverdueAccount[];
  showOwner: boolean;
  t: Awaited<ReturnType<typeof getTranslations<"visits">>>;
  tierLabel: (tier: "A" | "B" | "C") => string;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="overdue-list">
      {rows.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2">
              <TierBadge tier={a.tier} label={tierLabel(a.tier)} />
              <Link
                href={`/accounts/${encodeURIComponent(a.id)}`}
                className="font-medium text-slate-900 hover:underline"
              >
                {a.name}
              </Link>
            </p>
            <p className="mt-1 text-sm text-slate-700">
              <span className="font-semibold text-red-800">
                {t("overdue.days", { count: a.daysOverdue })}
              </span>
              {" · "}
              {a.lastContactAt
                ? t("overdue.lastContact", {
                    date: format.dateTime(a.lastContactAt, { dateStyle: "medium" }),
                  })
                : t("overdue.neverContacted")}
              {" · "}
              {t("overdue.dueOn", { date: day(format, toDbDate(a.contactDueOn)) })}
              {showOwner ? ` · ${a.owner.name}` : null}
            </p>
          </div>
          <LogVisitLink
            href={`/visits/new?account=${encodeURIComponent(a.id)}`}
            className="h-11 px-3 text-sm sm:h-9"
          >
            {t("logVisit")}
          </LogVisitLink>
        </li>
      ))}
    </ul>
  );
}
