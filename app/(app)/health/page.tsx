import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { hasCapability } from "@/lib/domain/access";
import { listAtRiskAccounts, AT_RISK_LIMIT } from "@/lib/data/health/at-risk";
import { listOwnerOptions } from "@/lib/data/people";
import { listTeamOptions } from "@/lib/data/teams";
import { atRiskQuerySchema } from "@/lib/validation/health";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { TierBadge } from "@/components/accounts/tier-badge";
import { FilterChoice, FilterPanel } from "@/components/forms/filter-fields";
import { HealthBadge } from "@/components/health/health-badge";
import { factorExplanation } from "@/components/health/factor-text";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("health");
  return { title: t("title") };
}

/**
 * 流失风险: the at-risk accounts of the viewer's scope (a manager's subtree, a KAM's or rep's own),
 * worst first, each with the reasons its health lost points. Cards, so it reads on a phone.
 */
export default async function HealthPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const sp = firstValues(await searchParams);
  const query = atRiskQuerySchema.parse(sp);
  const manages = hasCapability(viewer, "kpi.team");
  const [t, ta, list, teams, people] = await Promise.all([
    getTranslations("health"),
    getTranslations("account"),
    listAtRiskAccounts(viewer, manages ? query : { ...query, teamId: undefined, ownerId: undefined }),
    manages ? listTeamOptions() : Promise.resolve([]),
    manages ? listOwnerOptions(viewer) : Promise.resolve([]),
  ]);
  const visibleTeams = teams.filter(
    (team) => viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(team.id),
  );
  const teamName = (team: { name: string; nameZh: string | null }) =>
    viewer.locale === "zh-CN" ? (team.nameZh ?? team.name) : team.name;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <FilterPanel
          action="/health"
          stateKey={JSON.stringify(query)}
          keep={{}}
          clearHref="/health"
          labels={{
            summary: t("list.filters"),
            label: t("list.filtersLabel"),
            apply: t("list.apply"),
            clear: t("list.clear"),
          }}
        >
          <FilterChoice
            id="health-band"
            name="band"
            label={t("list.band")}
            anyLabel={t("list.bandAtRisk")}
            value={query.band === "AT_RISK" ? undefined : query.band}
            options={[
              { value: "WATCH", label: t("list.bandWatch") },
              { value: "BOTH", label: t("list.bandBoth") },
            ]}
          />
          <FilterChoice
            id="health-tier"
            name="tier"
            label={t("list.tier")}
            anyLabel={t("list.any")}
            value={query.tier[0]}
            options={(["A", "B", "C"] as const).map((tier) => ({ value: tier, label: ta(`tiers.${tier}`) }))}
          />
          {manages ? (
            <>
              <FilterChoice
                id="health-team"
                name="teamId"
                label={t("list.team")}
                anyLabel={t("list.any")}
                value={query.teamId}
                options={visibleTeams.map((team) => ({ value: team.id, label: teamName(team) }))}
              />
              <FilterChoice
                id="health-owner"
                name="ownerId"
                label={t("list.person")}
                anyLabel={t("list.any")}
                value={query.ownerId}
                options={people.map((p) => ({ value: p.id, label: p.name }))}
              />
            </>
          ) : null}
        </FilterPanel>
      </Card>
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("list.total", { count: list.total })}
        {list.total > AT_RISK_LIMIT ? ` ${t("list.limited", { shown: AT_RISK_LIMIT })}` : null}
      </p>
      {list.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("list.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="at-risk-list">
          {list.rows.map((row) => (
            <li key={row.id}>
              <Card className="p-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link
                      href={`/accounts/${row.id}#health`}
                      className="text-base font-semibold text-indigo-800 underline-offset-2 hover:underline"
                    >
                      {row.name}
                    </Link>
                    <p className="mt-1 text-sm text-slate-700">
                      {row.owner.name} · {teamName(row.team)}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <TierBadge tier={row.tier} label={ta(`tiers.${row.tier}`)} />
                    <span className="text-xl font-semibold tabular-nums text-slate-900">
                      <span className="sr-only">{t("list.score")}: </span>
                      {row.score.toFixed(1)}
                    </span>
                    <HealthBadge band={row.band} label={t(`bands.${row.band}`)} />
                  </div>
                </div>
                <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
                  <div className="flex gap-1">
                    <dt className="text-slate-600">{t("list.lastContact")}:</dt>
                    <dd className="tabular-nums text-slate-900">{row.lastContactOn ?? t("list.never")}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt className="text-slate-600">{t("list.openComplaints")}:</dt>
                    <dd className="tabular-nums text-slate-900">{row.openComplaints}</dd>
                  </div>
                </dl>
                {row.reasons.length ? (
                  <div className="mt-2">
                    <h3 className="sr-only">{t("list.reasons")}</h3>
                    <ul className="space-y-1 text-sm" data-testid="at-risk-reasons">
                      {row.reasons.map((f) => (
                        <li key={f.factor} className="flex gap-2">
                          <span className="w-12 shrink-0 text-right font-medium tabular-nums text-red-800">
                            {t("list.lost", { points: (f.max - f.points).toFixed(1) })}
                          </span>
                          <span>
                            <span className="font-medium text-slate-900">{t(`factors.${f.factor}`)}</span>
                            {" — "}
                            <span className="text-slate-700">{factorExplanation(t, f)}</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
