import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { getTeamDay } from "@/lib/data/visits/team-day";
import { hasCapability } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import { chinaTime } from "@/lib/domain/visit-calendar";
import { dayLabel, longDayLabel } from "../calendar/_components/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitCalendar.team");
  return { title: t("title") };
}

const linkClass = "font-medium text-indigo-800 underline-offset-2 hover:underline";
const smallLink =
  "inline-flex h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50 sm:h-8";

/** 团队今日: what each person in the manager's teams planned and did today and this week. */
export default async function TeamDayPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "visits.team")) notFound();
  const [day, t, format] = await Promise.all([
    getTeamDay(viewer),
    getTranslations("visitCalendar"),
    getFormatter(),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("team.title")}
        description={`${t("team.description")} ${t("team.today", { date: longDayLabel(format, day.today) })}`}
        actions={
          <Link href="/visits/approvals" className={buttonClass("secondary")}>
            {t("team.approvals")}
          </Link>
        }
      />
      {day.people.length === 0 ? <p className="text-sm text-slate-600">{t("team.empty")}</p> : null}
      <ul className="grid gap-4 lg:grid-cols-2" aria-label={t("team.title")}>
        {day.people.map((p) => (
          <li key={p.person.id}>
            <Card className="h-full" data-testid="team-person">
              <div className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-4 py-3">
                <div className="min-w-0">
                  <h2 className="text-base font-semibold text-slate-900">{p.person.name}</h2>
                  <p className="text-xs text-slate-600">
                    {t("team.thisWeek", { date: dayLabel(format, day.weekStart) })}:{" "}
                    {t("team.weekCounts", p.week)}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Link
                    href={`/visits/calendar?${new URLSearchParams({ view: "week", person: p.person.id })}`}
                    className={smallLink}
                  >
                    {t("team.calendar")}
                  </Link>
                  <Link
                    href={`/visits/weekly?${new URLSearchParams({ person: p.person.id })}`}
                    className={smallLink}
                  >
                    {t("team.weeklyLog")}
                  </Link>
                </div>
              </div>
              {p.week.plans + p.week.records === 0 ? (
                // Nothing this week: the name and the links are enough (a long team stays scannable).
                <p className="px-4 py-3 text-sm text-slate-500">{t("team.idle")}</p>
              ) : (
                <div className="grid gap-4 p-4 sm:grid-cols-2">
                  <section>
                    <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("team.todayPlans")}</h3>
                    {p.today.plans.length ? (
                      <ul className="space-y-1 text-sm">
                        {p.today.plans.map((plan) => (
                          <li key={plan.id} className="flex flex-wrap items-baseline gap-x-2">
                            <span className="tabular-nums text-slate-600">
                              {chinaTime(plan.plannedStart)}
                            </span>
                            <Link href={`/visits/plans/${encodeURIComponent(plan.id)}`} className={linkClass}>
                              {plan.accountName}
                            </Link>
                            <span className="text-xs text-slate-600">{t(`planStatuses.${plan.status}`)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-sm text-slate-500">{t("team.nothingToday")}</p>
                    )}
                  </section>
                  <section>
                    <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("team.todayRecords")}</h3>
                    {p.today.records.length ? (
                      <ul className="space-y-1 text-sm">
                        {p.today.records.map((r) => (
                          <li key={r.id} className="flex flex-wrap items-baseline gap-x-2">
                            <span className="tabular-nums text-slate-600">{chinaTime(r.visitedAt)}</span>
                            <Link href={`/visits/${encodeURIComponent(r.id)}`} className={linkClass}>
                              {r.accountName}
                            </Link>
                            {r.outcome ? (
                              <span className="text-xs text-slate-600">{t(`outcomes.${r.outcome}`)}</span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-sm text-slate-500">{t("team.nothingToday")}</p>
                    )}
                  </section>
                  <section className="sm:col-span-2">
                    <h3 className="mb-1 flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-800">
                      {t("team.checkIns")}
                      {p.week.farCheckIns ? (
                        <Badge tone="bad">{t("team.farCount", { count: p.week.farCheckIns })}</Badge>
                      ) : null}
                    </h3>
                    {p.checkIns.length ? (
                      <ul className="space-y-1 text-sm">
                        {p.checkIns.map((c) => (
                          <li
                            key={c.id}
                            className="flex flex-wrap items-baseline gap-x-2"
                            data-far={c.far || undefined}
                          >
                            <span className="tabular-nums text-slate-600">
                              {dayLabel(format, chinaDate(c.checkInAt))} {chinaTime(c.checkInAt)}
                            </span>
                            <Link href={`/visits/${encodeURIComponent(c.id)}`} className={linkClass}>
                              {c.accountName}
                            </Link>
                            {c.checkInDistanceM === null ? (
                              <span className="text-xs text-slate-600">{t("team.distanceUnknown")}</span>
                            ) : c.far ? (
                              <span title={t("team.farFlag", { radius: day.radiusM })}>
                                <Badge tone="bad">{t("team.far", { distance: c.checkInDistanceM })}</Badge>
                                <span className="sr-only"> {t("team.farFlag", { radius: day.radiusM })}</span>
                              </span>
                            ) : (
                              <span className="text-xs text-slate-600">
                                {t("team.near", { distance: c.checkInDistanceM })}
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-sm text-slate-500">{t("team.noCheckIns")}</p>
                    )}
                  </section>
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
