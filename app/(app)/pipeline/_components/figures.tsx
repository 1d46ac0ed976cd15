import { cn } from "@/components/ui/cn";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { BOARD_CLOSED_DAYS } from "@/lib/data/deals/board";
import { getPipelineFigures } from "@/lib/data/deals/figures";
import type { Viewer } from "@/lib/domain/access";
import { DEAL_STAGES, stageNumber } from "@/lib/domain/pipeline";
import type { BoardFilters } from "@/lib/validation/deals";
import { moneyFormat } from "@/lib/domain/money";

// On a phone the tiles scroll sideways in one row, so the board starts high on the screen.
const TILE =
  "w-44 shrink-0 snap-start rounded-md border border-slate-200 bg-white px-3 py-2 lg:w-auto lg:min-w-0";

function Figure({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className={TILE}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
      {detail ? <dd className="text-xs text-slate-700">{detail}</dd> : null}
    </div>
  );
}

/**
 * The pipeline figures above the board (weighted value, win rate, stuck deals, conversion between
 * consecutive stages, average days per stage). Streamed in its own Suspense boundary: it reads the
 * stage history of every deal in scope, which the board itself never waits for.
 */
export async function PipelineFigures({
  viewer,
  filters,
  staleDays,
}: {
  viewer: Viewer;
  filters: BoardFilters;
  staleDays: number;
}) {
  const [{ figures }, t, format] = await Promise.all([
    getPipelineFigures(viewer, filters),
    getTranslations("pipeline.figures"),
    getFormatter(),
  ]);
  const money = moneyFormat(viewer.locale).compact;
  const percent = (v: number | null) =>
    v === null ? t("none") : format.number(v, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="pipeline-figures" className="space-y-2">
      <h2 id="pipeline-figures" className="sr-only">
        {t("title")}
      </h2>
      <dl className="-mx-3 flex snap-x scroll-px-3 gap-2 overflow-x-auto px-3 pb-1 sm:mx-0 sm:scroll-px-0 sm:px-0 lg:grid lg:grid-cols-5 lg:overflow-visible lg:pb-0">
        <Figure
          label={t("weighted")}
          value={money(figures.weightedValue)}
          detail={t("weightedDetail", { count: figures.openCount, value: money(figures.openValue) })}
        />
        <Figure
          label={t("winRate")}
          value={percent(figures.winRate)}
          detail={t("winRateDetail", { won: figures.won, lost: figures.lost })}
        />
        {/* Stuck and overdue share a tile: both are deals needing attention now. */}
        <div className={cn(TILE, "grid grid-cols-2 gap-x-3")}>
          <div>
            <dt className="text-xs text-slate-600">{t("stuck")}</dt>
            <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">
              {format.number(figures.stuck)}
            </dd>
            <dd className="text-xs text-slate-700">
              {t("stuckDetail", { count: figures.stuck, days: staleDays })}
            </dd>
          </div>
          <div data-figure="overdue">
            <dt className="text-xs text-slate-600">{t("overdue")}</dt>
            <dd
              className={cn(
                "mt-0.5 text-lg font-semibold tabular-nums",
                figures.overdue ? "text-amber-900" : "text-slate-900",
              )}
            >
              {format.number(figures.overdue)}
            </dd>
            <dd className="text-xs text-slate-700">{t("overdueDetail", { count: figures.overdue })}</dd>
          </div>
        </div>
        <div className={TILE}>
          <dt className="text-xs text-slate-600">{t("conversion")}</dt>
          <dd className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-slate-900">
            {figures.conversion.map((c) => (
              <span key={c.from} className="whitespace-nowrap">
                <span className="text-xs text-slate-600">
                  {t("conversionStep", { from: stageNumber(c.from), to: stageNumber(c.to) })}
                </span>{" "}
                <span className="font-semibold tabular-nums">{percent(c.rate)}</span>
              </span>
            ))}
          </dd>
        </div>
        <div className={TILE}>
          <dt className="text-xs text-slate-600">{t("averageDays")}</dt>
          <dd className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-slate-900">
            {DEAL_STAGES.map((stage) => {
              const days = figures.averageDays[stage];
              return (
                <span key={stage} className="whitespace-nowrap">
                  <span className="text-xs text-slate-600">{stageNumber(stage)}</span>{" "}
                  <span className="font-semibold tabular-nums">
                    {days === null
                      ? t("none")
                      : t("days", { days: format.number(days, { maximumFractionDigits: 0 }) })}
                  </span>
                </span>
              );
            })}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-slate-600">{t("scope", { days: BOARD_CLOSED_DAYS })}</p>
    </section>
  );
}

/** The strip's placeholder while the figures load (same height, so the board does not jump). */
export function PipelineFiguresSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2">
      <div className="flex gap-2 overflow-hidden lg:grid lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className={`${TILE} h-24 animate-pulse bg-slate-100`} />
        ))}
      </div>
      <div className="h-4" />
    </div>
  );
}
