import type { ScopeParams } from "@/lib/domain/kpi-drill";
import { drillHref } from "@/lib/domain/kpi-drill";
import type { Period } from "@/lib/domain/kpi-period";

/**
 * Links from the dashboard to the records behind its figures, all carrying the same period and
 * scope: the drill-downs under /dashboard/ and the ledger (/ledger reads the same parameters:
 * period|from/to, team|person, account, tier, kind REVENUE|COLLECTION, product).
 */
export function dashboardLinks(period: Period, scope: ScopeParams) {
  return {
    deals: (set: string, stage?: string | null) =>
      drillHref("/dashboard/deals", period, scope, { set, stage }),
    visits: (set: string) =>
      drillHref("/dashboard/visits", period, scope, { set: set === "all" ? null : set }),
    accounts: (set: string, tier?: string | null) =>
      drillHref("/dashboard/accounts", period, scope, { set, tier }),
    ledger: (
      extra: { kind?: "REVENUE" | "COLLECTION"; tier?: string; account?: string; product?: string } = {},
    ) => drillHref("/ledger", period, scope, extra),
    /** The ledger for another scope in the same period (a person's line in the ranking). */
    ledgerOf: (next: ScopeParams, extra: { kind?: "REVENUE" | "COLLECTION" } = {}) =>
      drillHref("/ledger", period, next, extra),
    /** The dashboard itself for another scope (a person in the ranking, a child team). */
    scope: (next: ScopeParams) => drillHref("/dashboard", period, next),
    /** The dashboard for another period, same scope. */
    period: (next: Period) => drillHref("/dashboard", next, scope),
  };
}

export type DashboardLinks = ReturnType<typeof dashboardLinks>;
