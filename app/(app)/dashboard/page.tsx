import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ChannelSection } from "@/components/dashboard/channel-section";
import { ChartsSection } from "@/components/dashboard/charts-section";
import { dashboardFormat } from "@/components/dashboard/format";
import { KeyFigures } from "@/components/dashboard/key-figures";
import { dashboardLinks } from "@/components/dashboard/links";
import { AttentionSection, RankingSection, TeamsSection } from "@/components/dashboard/people-section";
import { periodLabeller } from "@/components/dashboard/period-label";
import { DashboardPickers } from "@/components/dashboard/pickers";
import { satisfactionLinks } from "@/components/dashboard/satisfaction-links";
import { SatisfactionSection } from "@/components/dashboard/satisfaction-section";
import {
  cleanSearchParams,
  hrefWith,
  needsCleaning,
  type RawSearchParams,
} from "@/components/data-table/url";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { loadDashboard } from "@/lib/data/kpi/dashboard";
import { dashboardRequest, dashboardScopeOptions } from "@/lib/data/kpi/request";
import { satisfactionFigures } from "@/lib/data/kpi/satisfaction";
import { previousPeriod } from "@/lib/domain/kpi-period";
import { teamLabel } from "@/lib/i18n/names";

const KEYS = ["period", "from", "to", "team", "person", "scope"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/**
 * 业绩看板: a manager's subtree, a KAM's or rep's own figures, for a period picked in the address.
 * The pickers submit `scope=team:<id>|person:<id>`, turned here into `team` / `person` so every
 * link and bookmark carries the same parameters as the ledger and the drill-downs.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const params = cleanSearchParams(raw, KEYS);
  const picked = params.get("scope");
  if (picked !== null || needsCleaning(raw, KEYS)) {
    const [kind, id] = picked?.split(":", 2) ?? [];
    redirect(
      hrefWith("/dashboard", params, {
        scope: null,
        ...(picked !== null
          ? { team: kind === "team" ? id : null, person: kind === "person" ? id : null }
          : {}),
      }),
    );
  }

  const [{ today, period, scope, scopeParams }, locale, t] = await Promise.all([
    dashboardRequest(viewer, params),
    getLocale(),
    getTranslations("dashboard"),
  ]);
  const [data, satisfaction, options, tp] = await Promise.all([
    loadDashboard(viewer, scope, period, today),
    satisfactionFigures(scope, period, previousPeriod(period)),
    dashboardScopeOptions(viewer),
    getTranslations("dashboard.periodLabels"),
  ]);
  const fmt = dashboardFormat(locale);
  const links = dashboardLinks(period, scopeParams);
  const periodLabel = periodLabeller(locale, tp);
  const teamName = (team: { name: string; nameZh: string | null }) => teamLabel(team, viewer.locale);
  const scopeName =
    scope.kind === "organisation"
      ? t("scopeOrganisation")
      : scope.kind === "team"
        ? teamName(options.teams.find((x) => x.id === scope.teamId) ?? { name: scope.teamId, nameZh: null })
        : (data.people[0]?.name ?? viewer.name);
  const scopeValue =
    scope.kind === "team" ? `team:${scope.teamId}` : scope.kind === "person" ? `person:${scope.userId}` : "";

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("subtitle", { scope: scopeName, period: periodLabel(period) })}
      />
      <DashboardPickers
        period={period}
        today={today}
        scopeValue={scopeValue}
        options={options}
        periodLabel={periodLabel}
        teamLabel={teamName}
        labels={{
          label: t("picker.label"),
          period: t("picker.period"),
          months: t("picker.months"),
          quarters: t("picker.quarters"),
          years: t("picker.years"),
          custom: t("picker.custom"),
          customSummary: t("picker.customSummary"),
          from: t("picker.from"),
          to: t("picker.to"),
          scope: t("picker.scope"),
          teams: t("picker.teams"),
          people: t("picker.people"),
          apply: t("picker.apply"),
          organisation: t("scopeOrganisation"),
          current: periodLabel(period),
        }}
      />
      <AttentionSection data={data} fmt={fmt} links={links} />
      <KeyFigures data={data} fmt={fmt} links={links} />
      <SatisfactionSection data={satisfaction} fmt={fmt} links={satisfactionLinks(period, scopeParams)} />
      <ChannelSection viewer={viewer} period={period} fmt={fmt} />
      <ChartsSection data={data} fmt={fmt} links={links} scope={scopeParams} locale={locale} today={today} />
      {data.teams.length > 0 ? (
        <TeamsSection data={data} fmt={fmt} links={links} teamName={teamName} />
      ) : null}
      {scope.kind !== "person" ? <RankingSection data={data} fmt={fmt} links={links} /> : null}
    </div>
  );
}
