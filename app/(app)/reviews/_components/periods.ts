import { parsePeriod, periodKey, type Period } from "@/lib/domain/kpi-period";
import { lastCompleteQuarter, reviewPeriodOptions } from "@/lib/domain/scorecard";
import type { IsoDate } from "@/lib/domain/calendar";
import { periodLabel } from "./period-label";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The period a scorecard page shows: the URL's (`period`, or `from`/`to`, or a custom key
 * `from..to`), else the last complete quarter — the usual period of a review.
 */
export function periodFromUrl(sp: Record<string, string>, today: IsoDate): Period {
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(sp.period ?? "");
  if (custom) return parsePeriod({ from: custom[1], to: custom[2] }, today);
  if (!sp.period && !(sp.from && sp.to)) return lastCompleteQuarter(today);
  return parsePeriod(sp, today);
}

/** The period choices as select options, labelled in the person's language. */
export function periodOptions(t: Translate, today: IsoDate) {
  return reviewPeriodOptions(today).map((p) => ({ value: periodKey(p), label: periodLabel(t, p) }));
}
