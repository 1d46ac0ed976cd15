import { getFormatter, getTranslations } from "next-intl/server";
import type { SatisfactionFigures } from "@/lib/domain/survey-results";

type Figures = Pick<SatisfactionFigures, "sent" | "responded" | "responseRate" | "csat" | "nps">;

/** The satisfaction figures as four tiles: response rate, CSAT %, NPS, answers of links. */
export async function SurveyFigureTiles({ figures }: { figures: Figures }) {
  const [t, format] = await Promise.all([getTranslations("surveys.figures"), getFormatter()]);
  const pct = (v: number | null) => (v === null ? t("notMeasured") : `${format.number(v)}%`);
  const tiles = [
    { label: t("responseRate"), value: pct(figures.responseRate), id: "rate" },
    { label: t("csat"), value: pct(figures.csat), id: "csat" },
    {
      label: t("nps"),
      value: figures.nps === null ? t("notMeasured") : format.number(figures.nps),
      id: "nps",
    },
    {
      label: t("answers"),
      value: t("answersOf", { responded: figures.responded, sent: figures.sent }),
      id: "answers",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {tiles.map((tile) => (
        <div
          key={tile.id}
          className="rounded-lg border border-slate-200 bg-white p-3"
          data-testid={`figure-${tile.id}`}
        >
          <dt className="text-xs font-medium text-slate-600">{tile.label}</dt>
          <dd className="mt-1 text-xl font-semibold text-slate-900">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
