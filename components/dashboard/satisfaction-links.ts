import type { ScopeParams } from "@/lib/domain/kpi-drill";
import type { Period } from "@/lib/domain/kpi-period";

/**
 * Links from the satisfaction figures to their records, in the parameters the complaint queue,
 * the survey results and the at-risk list read: `from`/`to` (China dates), `team` or `person`, and
 * for complaints `status`, `category`, `breached=1`.
 */
export function satisfactionLinks(period: Period, scope: ScopeParams) {
  const who = (): [string, string][] =>
    scope.person ? [["person", scope.person]] : scope.team ? [["team", scope.team]] : [];
  const href = (path: string, pairs: [string, string][]) => {
    const qs = new URLSearchParams(pairs).toString();
    return qs ? `${path}?${qs}` : path;
  };
  const range: [string, string][] = [
    ["from", period.start],
    ["to", period.end],
  ];
  return {
    surveys: () => href("/surveys", [...range, ...who()]),
    complaints: (extra: { category?: string; breached?: boolean } = {}) =>
      href("/complaints", [
        ...(extra.category ? ([["category", extra.category]] as [string, string][]) : []),
        ...(extra.breached ? ([["breached", "1"]] as [string, string][]) : []),
        ...range,
        ...who(),
      ]),
    openComplaints: () => href("/complaints", [["status", "open"], ...who()]),
    atRisk: () => href("/health", who()),
  };
}

export type SatisfactionLinks = ReturnType<typeof satisfactionLinks>;
