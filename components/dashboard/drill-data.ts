import "server-only";
import { getTranslations } from "next-intl/server";
import { dashboardRequest } from "@/lib/data/kpi/request";
import { drillAccounts } from "@/lib/data/kpi/drill-accounts";
import { drillDeals } from "@/lib/data/kpi/drill-deals";
import { drillVisits } from "@/lib/data/kpi/drill-visits";
import type { Viewer } from "@/lib/domain/access";
import {
  drillHref,
  parseAccountDrill,
  parseDealDrill,
  parseVisitDrill,
  type ScopeParams,
} from "@/lib/domain/kpi-drill";
import type { Period } from "@/lib/domain/kpi-period";

export const DRILL_KINDS = ["deals", "visits", "accounts"] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];
export const DRILL_PAGE_SIZE = 50;
/** The most rows an export holds; far beyond one team's records of a kind in a period. */
export const DRILL_EXPORT_LIMIT = 20_000;

/** A table cell: its text, a link for the page, and the plain value the CSV gets. */
export type DrillCell = { text: string; href?: string; csv?: string | number | null; numeric?: boolean };

export type DrillTable = {
  title: string;
  /** `wide`: free text that wraps (names, talking points); other columns keep to one line. */
  columns: { label: string; numeric?: boolean; wide?: boolean }[];
  rows: { key: string; cells: DrillCell[] }[];
  total: number;
  period: Period;
  scope: ScopeParams;
  /** The drill's own parameters (set, stage, tier) for links that keep them. */
  extra: Record<string, string | null>;
};

type Params = { get(key: string): string | null };

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/**
 * The rows behind a dashboard figure as a table, shared by the drill-down page and its CSV export
 * so the two can never disagree: the same period, scope (resolved for the viewer) and set.
 */
export async function drillTable(
  kind: DrillKind,
  viewer: Viewer,
  params: Params,
  page: { offset: number; limit: number },
): Promise<DrillTable> {
  const { today, period, scope, scopeParams } = await dashboardRequest(viewer, params);
  const t = await getTranslations({ locale: viewer.locale, namespace: "dashboard" });
  const money = new Intl.NumberFormat(viewer.locale === "en" ? "en" : "zh-CN", { maximumFractionDigits: 0 });
  const c = (key: string) => t(`drill.columns.${key}`);
  const base = { period, scope: scopeParams };

  if (kind === "deals") {
    const drill = parseDealDrill(params);
    const { rows, total } = await drillDeals(scope, period, drill, page);
    const title =
      drill.stage && (drill.set === "cohort" || drill.set === "open")
        ? t(drill.set === "cohort" ? "drill.deals.cohortStage" : "drill.deals.openStage", {
            stage: t(`stages.${drill.stage}`),
          })
        : t(`drill.deals.${drill.set}`);
    return {
      ...base,
      title,
      total,
      extra: { set: drill.set, stage: drill.stage },
      columns: [
        { label: c("deal"), wide: true },
        { label: c("account"), wide: true },
        { label: c("owner") },
        { label: c("stage") },
        { label: c("furthestStage") },
        { label: c("status") },
        { label: c("expectedValue"), numeric: true },
        { label: c("probability"), numeric: true },
        { label: c("created") },
        { label: c("closed") },
        { label: c("stageEntered") },
      ],
      rows: rows.map((d) => ({
        key: d.id,
        cells: [
          { text: d.title, href: `/deals/${d.id}` },
          { text: d.accountName, href: `/accounts/${d.accountId}` },
          { text: d.ownerName },
          { text: t(`stages.${d.stage}`) },
          { text: t(`stages.${d.furthestStage}`) },
          { text: t(`statuses.${d.status}`) },
          { text: money.format(d.expectedValue / 100), csv: yuan(d.expectedValue), numeric: true },
          { text: d.closeProbability === null ? "" : String(d.closeProbability), numeric: true },
          { text: d.createdOn },
          { text: d.closedOn ?? "" },
          { text: d.stageEnteredOn },
        ],
      })),
    };
  }

  if (kind === "visits") {
    const drill = parseVisitDrill(params);
    const { rows, total } = await drillVisits(scope, period, drill, page);
    return {
      ...base,
      title: t(`drill.visits.${drill.set}`),
      total,
      extra: { set: drill.set === "all" ? null : drill.set },
      columns: [
        { label: c("date") },
        { label: c("account"), wide: true },
        { label: c("owner") },
        { label: c("method") },
        { label: c("outcome") },
        { label: c("cost"), numeric: true },
        { label: c("talkingPoints"), wide: true },
      ],
      rows: rows.map((v) => ({
        key: v.id,
        cells: [
          { text: v.day, href: `/visits/${v.id}` },
          { text: v.accountName, href: `/accounts/${v.accountId}` },
          { text: v.ownerName },
          { text: t(`methods.${v.method}`) },
          { text: v.outcome ? t(`outcomes.${v.outcome}`) : "" },
          { text: v.cost === null ? "" : money.format(v.cost / 100), csv: yuan(v.cost), numeric: true },
          {
            text: v.talkingPoints.length > 80 ? `${v.talkingPoints.slice(0, 80)}…` : v.talkingPoints,
            csv: v.talkingPoints,
          },
        ],
      })),
    };
  }

  const drill = parseAccountDrill(params);
  const { rows, total } = await drillAccounts(scope, period, drill, today, page);
  return {
    ...base,
    title:
      drill.set === "overdue" && drill.tier
        ? t("drill.accounts.overdueTier", { tier: drill.tier })
        : t(`drill.accounts.${drill.set}`),
    total,
    extra: { set: drill.set, tier: drill.tier },
    columns: [
      { label: c("account"), wide: true },
      { label: c("tier") },
      { label: c("lifecycle") },
      { label: c("owner") },
      { label: c(drill.set === "newCustomers" ? "becameCustomer" : "contactDue") },
      { label: c("lastContact") },
    ],
    rows: rows.map((a) => ({
      key: a.id,
      cells: [
        { text: a.name, href: `/accounts/${a.id}` },
        { text: t(`tiers.${a.tier}`) },
        { text: t(`lifecycles.${a.lifecycle}`) },
        { text: a.ownerName },
        { text: (drill.set === "newCustomers" ? a.becameCustomerOn : a.contactDueOn) ?? "" },
        { text: a.lastContactOn ?? "" },
      ],
    })),
  };
}

/** The address of a drill-down page (or its export) keeping period, scope and set. */
export const drillPageHref = (
  path: string,
  table: Pick<DrillTable, "period" | "scope" | "extra">,
  more: Record<string, string | null> = {},
) => drillHref(path, table.period, table.scope, { ...table.extra, ...more });
