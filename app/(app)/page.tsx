import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { homeSummary } from "@/lib/data/home";
import { recentActivity } from "@/lib/data/audit";
import { hasCapability } from "@/lib/domain/access";
import { Card, CardHeader, Stat } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { AuditActionLabel } from "@/components/audit/audit-action-label";
import { teamLabel } from "@/lib/i18n/names";
import { historyWords } from "@/components/history/history-words";
import Link from "next/link";
import { HomeVisits } from "@/components/visits/home-visits";
import { PendingApprovalsCard } from "@/components/visits/pending-approvals-card";
import { HomeDistributors } from "@/components/distributors/home-distributors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

function partOfDay(now: Date): "morning" | "afternoon" | "evening" {
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: "Asia/Shanghai" }).format(
      now,
    ),
  );
  return hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
}

export default async function HomePage() {
  const viewer = await requireViewer();
  const [t, format, summary, activity, words] = await Promise.all([
    getTranslations(),
    getFormatter(),
    homeSummary(viewer),
    recentActivity(viewer),
    historyWords(),
  ]);
  const team = summary.team ? teamLabel(summary.team, viewer.locale) : t("home.noTeam");

  return (
    <div className="space-y-6">
      <section aria-labelledby="greeting">
        <h1 id="greeting" className="text-2xl font-semibold text-slate-900">
          {t(`home.${partOfDay(new Date())}`, { name: viewer.name })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("home.roleLine", {
            // The title is what people call them; the role (what they may do) stays beside it.
            role:
              viewer.jobTitle && viewer.jobTitle !== t(`roles.${viewer.role}`)
                ? t("people.titleAndRole", { title: viewer.jobTitle, role: t(`roles.${viewer.role}`) })
                : t(`roles.${viewer.role}`),
            team,
          })}
        </p>
        <p className="mt-3 max-w-2xl text-slate-700">{t(`home.intro.${viewer.role}`, { team })}</p>
      </section>

      <PendingApprovalsCard viewer={viewer} />
      <HomeVisits viewer={viewer} />
      <HomeDistributors viewer={viewer} />

      {summary.kind === "admin" ? (
        <div className="grid grid-cols-3 gap-2 sm:gap-4">
          <Stat
            label={t("home.activeUsers")}
            value={format.number(summary.activeUsers)}
            href="/admin/users"
          />
          <Stat label={t("home.teamsCount")} value={format.number(summary.teams)} href="/admin/teams" />
          <Stat
            label={t("home.territoriesCount")}
            value={format.number(summary.territories)}
            href="/admin/territories"
          />
        </div>
      ) : (
        <>
          <div className="grid grid-cols-3 gap-2 sm:gap-4">
            <Stat label={t("home.myAccounts")} value={format.number(summary.myAccounts)} />
            <Stat label={t("home.teamAccounts")} value={format.number(summary.scopeAccounts)} />
            <Stat label={t("home.teamMembers")} value={format.number(summary.members.length)} />
          </div>
          <Card>
            <CardHeader title={t("home.members")} />
            <ul className="divide-y divide-slate-100">
              {summary.members.map((m) => (
                <li
                  key={m.id}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm"
                >
                  <span className="font-medium text-slate-900">
                    {m.name}
                    {m.id === viewer.id ? <span className="sr-only"> (you)</span> : null}
                    {m.jobTitle ? (
                      <span className="ml-2 text-xs font-normal text-slate-600">{m.jobTitle}</span>
                    ) : null}
                  </span>
                  <span className="flex items-center gap-2 text-slate-600">
                    <Badge tone={hasCapability(m, "teams.subtree") ? "info" : "neutral"}>
                      {t(`roles.${m.role}`)}
                    </Badge>
                    {m.team ? teamLabel(m.team, viewer.locale) : null}
                    <span className="tabular-nums">
                      {t("home.memberAccounts", { count: m._count.ownedAccounts })}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}

      <Card>
        <CardHeader title={t("history.feed.title")} />
        {activity.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("history.feed.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="home-feed">
            {activity.map((a) => {
              const line = words.sentence(a);
              return (
                <li key={a.id} className="flex justify-between gap-3 px-4 py-2.5 text-sm">
                  <div className="min-w-0">
                    {/* Record names are people's text: an unbroken one wraps instead of widening the page. */}
                    <p className="text-slate-800 [overflow-wrap:anywhere]">
                      <span className="font-medium">
                        <AuditActionLabel action={a.action} />
                      </span>
                      {a.record ? (
                        <>
                          {" · "}
                          {a.record.href ? (
                            <Link
                              href={a.record.href}
                              className="text-indigo-800 underline-offset-2 hover:underline"
                            >
                              {a.record.name}
                            </Link>
                          ) : (
                            a.record.name
                          )}
                        </>
                      ) : null}
                      <span className="text-slate-600"> · {a.actor?.name ?? t("audit.system")}</span>
                    </p>
                    {line ? <p className="mt-0.5 break-words text-slate-600">{line}</p> : null}
                  </div>
                  <time dateTime={a.createdAt.toISOString()} className="shrink-0 text-xs text-slate-600">
                    {format.relativeTime(a.createdAt)}
                  </time>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
