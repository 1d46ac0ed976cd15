import { getFormatter, getTranslations } from "next-intl/server";
import type { Dimension, ValueAssessment } from "@/lib/domain/account-value";
import { cn } from "@/components/ui/cn";

export const DIMENSION_BAR: Record<Dimension, string> = {
  current: "bg-indigo-600",
  potential: "bg-teal-600",
  strategic: "bg-amber-500",
};

/**
 * Why an account has its score: every factor's own points, its weight in the composite and what it
 * contributes (points × weight), largest first, with bars proportional to the contribution.
 * Factors nobody has assessed are marked: they count as 0.
 */
export async function ScoreBreakdown({ assessment }: { assessment: ValueAssessment }) {
  const [t, tp, ta, format] = await Promise.all([
    getTranslations("accountPage.value"),
    getTranslations("accountPage"),
    getTranslations("account"),
    getFormatter(),
  ]);
  const one = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const max = Math.max(...assessment.contributions.map((c) => c.contribution), 0.1);
  return (
    <div>
      <ol className="space-y-3">
        {assessment.contributions.map((c) => {
          const width =
            c.points === null ? 0 : Math.max((c.contribution / max) * 100, c.contribution > 0 ? 1 : 0);
          return (
            <li key={c.factor}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="min-w-0">
                  <span className="font-medium text-slate-900">{ta(`factors.${c.factor}`)}</span>{" "}
                  <span className="text-xs text-slate-600">· {ta(`dimensions.${c.dimension}`)}</span>
                </span>
                <span className="font-semibold tabular-nums text-slate-900">
                  {t("contributionValue", { value: one(c.contribution) })}
                </span>
              </div>
              <div className="mt-1 h-2.5 rounded-full bg-slate-100" aria-hidden="true">
                <div
                  className={cn("h-2.5 rounded-full", DIMENSION_BAR[c.dimension])}
                  style={{ width: `${width}%` }}
                />
              </div>
              <p className="mt-0.5 text-xs text-slate-600">
                {c.points === null ? (
                  <span className="font-medium text-amber-900">{t("notAssessed")}</span>
                ) : (
                  t("pointsTimesWeight", {
                    points: one(c.points),
                    weight: format.number(c.weight, { style: "percent", maximumFractionDigits: 1 }),
                    contribution: one(c.contribution),
                  })
                )}
              </p>
            </li>
          );
        })}
      </ol>
      <p className="mt-4 border-t border-slate-200 pt-3 text-sm font-medium text-slate-900">
        {t("sumLine", { composite: one(assessment.composite) })}
      </p>
      {assessment.missing.length ? (
        <p className="mt-1 text-xs text-slate-600">
          {t("missingLine", {
            count: assessment.missing.length,
            factors: assessment.missing.map((f) => ta(`factors.${f}`)).join(tp("listSeparator")),
          })}
        </p>
      ) : null}
    </div>
  );
}
