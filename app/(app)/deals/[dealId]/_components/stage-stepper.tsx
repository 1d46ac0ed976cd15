import { getTranslations } from "next-intl/server";
import { DEAL_STAGES, stageNumber, type DealStage, type DealStatus } from "@/lib/domain/pipeline";
import { cn } from "@/components/ui/cn";

/**
 * The five stages as steps: those left behind ticked, the current one highlighted (and announced
 * as the current step), each a link to its stage work further down the page.
 */
export async function StageStepper({ stage, status }: { stage: DealStage; status: DealStatus }) {
  const [t, tg] = await Promise.all([getTranslations("deal.stepper"), getTranslations("gate")]);
  const current = stageNumber(stage);
  return (
    <nav aria-label={t("label")}>
      <ol className="grid grid-cols-5 gap-1 sm:gap-2">
        {DEAL_STAGES.map((s, i) => {
          const n = i + 1;
          const state = n < current ? "done" : n === current ? "current" : "ahead";
          return (
            <li key={s} className="min-w-0">
              <a
                href={`#stage-${s}`}
                aria-current={state === "current" ? "step" : undefined}
                className={cn(
                  "relative flex h-full min-h-11 flex-col gap-1 rounded-md border-t-4 bg-white px-1.5 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-600 sm:px-3",
                  state === "done" && "border-emerald-600 text-slate-800",
                  state === "current" &&
                    (status === "OPEN"
                      ? "border-indigo-700 bg-indigo-50 text-indigo-950 ring-1 ring-indigo-300"
                      : "border-slate-600 bg-slate-100 text-slate-900 ring-1 ring-slate-300"),
                  state === "ahead" && "border-slate-300 text-slate-600",
                )}
              >
                <span className="flex items-center gap-1 font-semibold tabular-nums">
                  {state === "done" ? (
                    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 text-emerald-700">
                      <path
                        d="M3 8.5l3 3 7-7"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth={2.5}
                        strokeLinecap="round"
                        strokeLinejoin="round"
                      />
                    </svg>
                  ) : null}
                  {n}
                  <span className="sr-only">
                    {" "}
                    {state === "done" ? t("done") : state === "current" ? t("current") : t("ahead")}
                  </span>
                </span>
                {/* Five columns on a phone leave room for the numbers: the name is read out, and the
                    current stage is named under the row. */}
                <span className="sr-only break-words leading-snug sm:not-sr-only">{tg(`stages.${s}`)}</span>
              </a>
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-sm font-medium text-slate-800 sm:hidden" aria-hidden="true">
        {t("phoneCurrent", { n: current, stage: tg(`stages.${stage}`) })}
      </p>
    </nav>
  );
}
