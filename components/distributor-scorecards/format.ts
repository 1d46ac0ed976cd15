import { moneyFormat } from "@/lib/domain/money";
import type { Recommendation } from "@/lib/domain/distributor-scorecard";

/** The badge tone of a recommendation: upgrade good, keep neutral, warn amber, terminate red. */
export const RECOMMENDATION_TONE: Record<Recommendation, "good" | "info" | "warn" | "bad"> = {
  UPGRADE: "good",
  KEEP: "info",
  WARN: "warn",
  TERMINATE: "bad",
};

/** Points as shown: whole numbers, one decimal when there is one. */
export function pointsText(points: number | null, locale: string, none = "—"): string {
  if (points === null) return none;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(points);
}

/** Money kept as fen (a bigint or its JSON string) in the compact form of cards. */
export function fenText(fen: bigint | string | null, locale: string, full = false): string {
  if (fen === null) return "—";
  const yuan = Number(BigInt(fen)) / 100;
  const f = moneyFormat(locale);
  return full ? f.full(yuan) : f.compact(yuan);
}
