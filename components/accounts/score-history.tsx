import { getFormatter, getTranslations } from "next-intl/server";
import { TIME_ZONE } from "@/lib/i18n/config";
import { LazyScoreHistoryChart } from "./score-history-lazy";
import { chinaDate } from "@/lib/domain/calendar";

type Snapshot = {
  id: string;
  createdAt: Date;
  compositeScore: number;
  currentScore: number;
  potentialScore: number;
  strategicScore: number;
  tier: "A" | "B" | "C";
  cause: string;
};

/**
 * Dated snapshots of the scores: a line chart of the composite for sighted readers, and the same
 * numbers as a table for screen readers (the chart is hidden from them).
 */
export async function ScoreHistory({
  snapshots,
  thresholds,
}: {
  snapshots: Snapshot[];
  thresholds: { A: number; B: number };
}) {
  const [t, format] = await Promise.all([getTranslations("accountPage.history"), getFormatter()]);
  if (!snapshots.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: TIME_ZONE });
  const short = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric", timeZone: TIME_ZONE });
  // Years as they were in China (the server's own zone must not decide).
  const year = (d: Date) => chinaDate(d).slice(0, 4);
  const spansYears = year(snapshots[0]!.createdAt) !== year(snapshots.at(-1)!.createdAt);
  const one = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const cause = (c: string) => (t.has(`causes.${c}`) ? t(`causes.${c}`) : c);
  return (
    <div>
      <div className="h-56 w-full" aria-hidden="true">
        <LazyScoreHistoryChart
          points={snapshots.map((s) => ({
            label: spansYears
              ? format.dateTime(s.createdAt, { year: "2-digit", month: "numeric", timeZone: TIME_ZONE })
              : short(s.createdAt),
            composite: Math.round(s.compositeScore * 10) / 10,
            tier: s.tier,
          }))}
          thresholds={thresholds}
          labels={{
            composite: t("composite"),
            tierA: t("thresholdA", { score: thresholds.A }),
            tierB: t("thresholdB", { score: thresholds.B }),
          }}
        />
      </div>
      {/* A table ignores sr-only's 1 px width; the box around it does not, so the page keeps its width. */}
      <div className="sr-only">
        <table>
          <caption>{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("composite")}</th>
              <th scope="col">{t("tier")}</th>
              <th scope="col">{t("subScores")}</th>
              <th scope="col">{t("cause")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id}>
                <td>{day(s.createdAt)}</td>
                <td>{one(s.compositeScore)}</td>
                <td>{s.tier}</td>
                <td>
                  {t("subScoresValue", {
                    current: one(s.currentScore),
                    potential: one(s.potentialScore),
                    strategic: one(s.strategicScore),
                  })}
                </td>
                <td>{cause(s.cause)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
