import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { Dashboard } from "@/lib/data/kpi/dashboard";
import { achievement, pace, rankByScore, successRate } from "@/lib/domain/kpi";
import type { DashboardFormat } from "./format";
import type { DashboardLinks } from "./links";

const CARD = "min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
const LINK =
  "text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** The ranking by target achievement (达成率排名): only for a scope with more than one person. */
export async function RankingSection({
  data,
  fmt,
  links,
}: {
  data: Dashboard;
  fmt: DashboardFormat;
  links: DashboardLinks;
}) {
  const t = await getTranslations("dashboard");
  // Those without a target come last, unranked; among them the larger revenue first.
  const byRevenue = [...data.people].sort((a, b) => b.revenue - a.revenue);
  const ranked = rankByScore(byRevenue, (p) => achievement(p.revenue, p.targets.REVENUE));
  return (
    <section aria-labelledby="ranking" className={CARD}>
      <h2 id="ranking" className="text-lg font-semibold text-slate-900">
        {t("ranking.title")}
      </h2>
      {ranked.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("ranking.empty")}</p>
      ) : (
        <Table caption={t("ranking.title")} className="mt-3">
          <thead>
            <tr>
              <Th>{t("ranking.rank")}</Th>
              <Th>{t("ranking.person")}</Th>
              <Th className="text-right">{t("ranking.revenue")}</Th>
              <Th className="text-right">{t("ranking.target")}</Th>
              <Th className="text-right">{t("ranking.achievement")}</Th>
              <Th>{t("ranking.pace")}</Th>
              <Th className="text-right">{t("ranking.visits")}</Th>
              <Th className="text-right">{t("ranking.successRate")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ranked.map((p) => {
              const pc = pace(p.revenue, p.targets.REVENUE, data.elapsed);
              return (
                <tr key={p.ownerId}>
                  <Td className="tabular-nums">{p.rank ?? t("none")}</Td>
                  <Td className="whitespace-nowrap">
                    <Link href={links.scope({ person: p.ownerId })} className={LINK}>
                      {p.name}
                    </Link>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    <Link href={links.ledgerOf({ person: p.ownerId }, { kind: "REVENUE" })} className={LINK}>
                      {fmt.money(p.revenue)}
                    </Link>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {p.targets.REVENUE === null ? t("ranking.unranked") : fmt.money(p.targets.REVENUE)}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {fmt.percent(achievement(p.revenue, p.targets.REVENUE), t("none"))}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {pc === null ? (
                      t("none")
                    ) : (
                      <span className={cn("font-medium", pc.behind ? "text-red-800" : "text-emerald-800")}>
                        {t(pc.behind ? "ranking.behind" : "ranking.ahead")}
                      </span>
                    )}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{fmt.number(p.visits)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {fmt.percent(successRate(p.visitsAdvanced, p.visitsWithOutcome), t("none"))}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}

/** The child teams side by side (the director compares regions). */
export async function TeamsSection({
  data,
  fmt,
  links,
  teamName,
}: {
  data: Dashboard;
  fmt: DashboardFormat;
  links: DashboardLinks;
  teamName: (t: { name: string; nameZh: string | null }) => string;
}) {
  const t = await getTranslations("dashboard");
  const max = Math.max(1, ...data.teams.map((x) => Math.max(x.revenue, x.targets.REVENUE ?? 0)));
  return (
    <section aria-labelledby="teams" className={CARD}>
      <h2 id="teams" className="text-lg font-semibold text-slate-900">
        {t("teams.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("teams.description")}</p>
      <Table caption={t("teams.title")} className="mt-3">
        <thead>
          <tr>
            <Th>{t("teams.team")}</Th>
            <Th className="text-right">{t("teams.revenue")}</Th>
            <Th className="text-right">{t("teams.target")}</Th>
            <Th className="text-right">{t("teams.achievement")}</Th>
            <Th className="w-1/4">
              <span className="sr-only">{t("teams.achievement")}</span>
            </Th>
            <Th className="text-right">{t("teams.collections")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.teams.map((team) => {
            const a = achievement(team.revenue, team.targets.REVENUE);
            return (
              <tr key={team.id} data-team={team.id}>
                <Td className="whitespace-nowrap">
                  <Link href={links.scope({ team: team.id })} className={LINK}>
                    {teamName(team)}
                  </Link>
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{fmt.money(team.revenue)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {team.targets.REVENUE === null ? t("noTarget") : fmt.money(team.targets.REVENUE)}
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{fmt.percent(a, t("none"))}</Td>
                <Td className="min-w-24 align-middle">
                  <span aria-hidden="true" className="relative block h-2.5 rounded bg-slate-100">
                    <span
                      className="block h-2.5 rounded bg-indigo-600"
                      style={{ width: `${(team.revenue / max) * 100}%` }}
                    />
                    {team.targets.REVENUE !== null ? (
                      <span
                        className="absolute -top-1 h-4 w-0.5 bg-amber-700"
                        style={{ left: `${(team.targets.REVENUE / max) * 100}%` }}
                      />
                    ) : null}
                  </span>
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{fmt.money(team.collections)}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}

/** 需要关注: people behind pace, A-tier accounts overdue for contact, deals stuck in their stage. */
export async function AttentionSection({
  data,
  fmt,
  links,
}: {
  data: Dashboard;
  fmt: DashboardFormat;
  links: DashboardLinks;
}) {
  const t = await getTranslations("dashboard");
  const { behind, overdueA, stuck } = data.attention;
  const head = "text-sm font-semibold text-slate-900";
  return (
    <section aria-labelledby="attention" className={CARD}>
      <h2 id="attention" className="text-lg font-semibold text-slate-900">
        {t("attention.title")}
      </h2>
      <div className="mt-3 grid gap-4 md:grid-cols-3">
        <div className="min-w-0">
          <h3 className={head}>{t("attention.behind")}</h3>
          {behind.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("attention.behindNone")}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {behind.map((p) => {
                const pc = pace(p.revenue, p.targets.REVENUE, data.elapsed);
                return (
                  <li key={p.ownerId} className="break-words">
                    <Link href={links.scope({ person: p.ownerId })} className={LINK}>
                      {t("attention.behindRow", {
                        name: p.name,
                        achievement: fmt.percent(achievement(p.revenue, p.targets.REVENUE), t("none")),
                        pace: fmt.percent(pc?.ratio ?? null, t("none")),
                      })}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div className="min-w-0">
          <h3 className={head}>{t("attention.overdueA")}</h3>
          {overdueA.count === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("attention.overdueANone")}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {overdueA.rows.map((a) => (
                <li key={a.id} className="break-words">
                  <Link href={`/accounts/${a.id}`} className={LINK}>
                    {a.name}
                  </Link>{" "}
                  <span className="text-slate-600">
                    {t("attention.overdueARow", { date: a.contactDueOn, owner: a.ownerName })}
                  </span>
                </li>
              ))}
              <li>
                <Link href={links.accounts("overdue", "A")} className={`${LINK} font-medium`}>
                  {t("attention.all", { count: overdueA.count })}
                </Link>
              </li>
            </ul>
          )}
        </div>
        <div className="min-w-0">
          <h3 className={head}>{t("attention.stuck", { days: stuck.staleDays })}</h3>
          {stuck.count === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("attention.stuckNone")}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {stuck.rows.map((d) => (
                <li key={d.id} className="break-words">
                  <Link href={`/deals/${d.id}`} className={LINK}>
                    {d.title}
                  </Link>{" "}
                  <span className="text-slate-600">
                    {t("attention.stuckRow", {
                      stage: t(`stages.${d.stage}`),
                      date: d.enteredOn,
                      owner: d.ownerName,
                    })}
                  </span>
                </li>
              ))}
              <li>
                <Link href={links.deals("stuck")} className={`${LINK} font-medium`}>
                  {t("attention.all", { count: stuck.count })}
                </Link>
              </li>
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
