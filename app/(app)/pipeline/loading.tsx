import { getTranslations } from "next-intl/server";
import { PipelineFiguresSkeleton } from "./_components/figures";

/** While the board loads: the page's frame with placeholder columns. */
export default async function PipelineLoading() {
  const t = await getTranslations("pipeline");
  return (
    <div className="space-y-4" aria-busy="true">
      <div className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <div className="h-12 rounded-lg border border-slate-200 bg-white" />
      <PipelineFiguresSkeleton label={t("figures.loading")} />
      <div className="flex gap-3 overflow-hidden">
        {Array.from({ length: 7 }, (_, i) => (
          <div
            key={i}
            className="h-96 w-[85vw] max-w-[19rem] shrink-0 animate-pulse rounded-lg bg-slate-100 sm:w-72"
          />
        ))}
      </div>
    </div>
  );
}
