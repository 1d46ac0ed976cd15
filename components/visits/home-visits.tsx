import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Viewer } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import { listMyFollowUps } from "@/lib/data/visits/follow-ups";
import { listMyOverdueAccounts } from "@/lib/data/visits/overdue";
import { day } from "@/components/deals/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { OutboxList } from "./outbox-list";
import { LogVisitLink, TextLink } from "./visit-links";
import { VisitsI18n } from "./visits-i18n";

const HOME_ROWS = 5;

/**
 * The rep's day on the home page: the "Log a visit" button, records waiting to be sent, follow-ups
 * (回访) due or overdue — each done by logging a visit — and the accounts overdue for contact.
 */
export async function HomeVisits({ viewer }: { viewer: Viewer }) {
  const [t, ts, tsv, format, followUps, overdue] = await Promise.all([
    getTranslations("visits"),
    getTranslations("surveys.followUp"),
    getTranslations("service"),
    getFormatter(),
    listMyFollowUps(viewer, { take: HOME_ROWS }),
    listMyOverdueAccounts(viewer, { take: HOME_ROWS }),
  ]);
  const logHref = (accountId: string) => `/visits/new?account=${encodeURIComponent(accountId)}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <LogVisitLink className="w-full sm:w-auto">{t("logVisit")}</LogVisitLink>
        <TextLink href="/visits">{t("home.myVisits")}</TextLink>
      </div>
      <VisitsI18n>
        <OutboxList compact />
      </VisitsI18n>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("home.followUps", { count: followUps.total })} />
          {followUps.rows.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">{t("home.noFollowUps")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="home-follow-ups">
              {followUps.rows.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                  <div className="min-w-0 text-sm">
                    <p className="font-medium text-slate-900">{f.account.name}</p>
                    {f.reason === "LOW_SCORE" ? (
                      <p className="text-slate-700">
                        {ts("lowScore")}
                        {f.note ? ` · ${f.note}` : ""}
                        {f.surveyId ? (
                          <>
                            {" · "}
                            <Link
                              href={`/surveys/${encodeURIComponent(f.surveyId)}`}
                              className="font-medium text-indigo-800 hover:underline"
                            >
                              {ts("openSurvey")}
                            </Link>
                          </>
                        ) : null}
                      </p>
                    ) : /* A service item's task names the item; it is done by recording the delivery. */
                    f.reason === "SERVICE_ITEM" && f.note ? (
                      <p className="text-slate-700">{tsv("followUpNote", { name: f.note })}</p>
                    ) : null}
                    <p className="flex flex-wrap items-center gap-2 text-slate-700">
                      {f.state === "OVERDUE" ? <Badge tone="bad">{t("home.overdueBadge")}</Badge> : null}
                      {t(`followUps.states.${f.state}`, { date: day(format, toDbDate(f.dueOn)) })}
                    </p>
                  </div>
                  <Link
                    href={
                      f.reason === "SERVICE_ITEM"
                        ? `/accounts/${f.account.id}/service`
                        : logHref(f.account.id)
                    }
                    className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 hover:underline sm:min-h-0"
                  >
                    {f.reason === "SERVICE_ITEM" ? tsv("record") : t("home.followUpNow")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader
            title={t("home.overdue", { count: overdue.total })}
            action={overdue.total ? <TextLink href="/visits/overdue">{t("home.seeAll")}</TextLink> : null}
          />
          {overdue.rows.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">{t("overdue.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="home-overdue">
              {overdue.rows.map((a) => (
                <li
                  key={a.id}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm"
                >
                  <div className="min-w-0">
                    <Link
                      href={`/accounts/${encodeURIComponent(a.id)}`}
                      className="font-medium text-slate-900 hover:underline"
                    >
                      {a.name}
                    </Link>
                    <p className="text-red-800">{t("overdue.days", { count: a.daysOverdue })}</p>
                  </div>
                  <Link
                    href={logHref(a.id)}
                    className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 hover:underline sm:min-h-0"
                  >
                    {t("logVisit")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
