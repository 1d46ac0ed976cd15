import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/config";
import { teamLabel } from "@/lib/i18n/names";
import { moneyFormat } from "@/lib/domain/money";
import type { ScorecardSnapshot, ScoredIndicator } from "@/lib/domain/scorecard";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { periodLabel } from "./period-label";

const one = (v: number) => (Math.round(v * 10) / 10).toLocaleString("en", { maximumFractionDigits: 1 });

/**
 * A scorecard (a live one, or the one a review froze): each indicator's value, target, rate, score,
 * weight and the points it adds; the weighted score and the rank among peers.
 */
export async function ScorecardView({ card, locale }: { card: ScorecardSnapshot; locale: AppLocale }) {
  const t = await getTranslations("reviews.scorecard");
  const tp = await getTranslations("reviews.period");
  const money = moneyFormat(locale);
  const figure = (i: ScoredIndicator, v: number | null) => {
    if (v === null) return "—";
    if (i.unit === "money") return money.compact(v / 100);
    if (i.unit === "decimal") return one(v);
    return Math.round(v).toLocaleString(locale);
  };
  const pct = (v: number | null) => (v === null ? "—" : `${one(v * 100)}%`);
  const name = (i: ScoredIndicator) => (locale === "zh-CN" ? i.name : i.nameEn);
  const rescaled = card.measuredWeight > 0 && card.measuredWeight < card.totalWeight;

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">{t("weightedScore")}</dt>
          <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="weighted-score">
            {card.weightedScore === null ? t("notMeasured") : one(card.weightedScore)}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">{t("rank")}</dt>
          <dd className="text-2xl font-semibold tabular-nums text-slate-900">
            {card.rank === null ? "—" : t("rankOf", { rank: card.rank, peers: card.peers })}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">{t("period")}</dt>
          <dd className="text-sm font-medium text-slate-900">{periodLabel(tp, card.period)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">{t("basis")}</dt>
          <dd className="text-sm font-medium text-slate-900">
            {card.basis === "team" && card.team
              ? t("basisTeam", { team: teamLabel(card.team, locale) })
              : t("basisPerson")}
          </dd>
        </div>
      </dl>
      {rescaled ? (
        <p className="text-sm text-slate-700">
          {t("rescaled", { measured: one(card.measuredWeight), total: one(card.totalWeight) })}
        </p>
      ) : null}
      <Card>
        {card.indicators.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("noIndicators")}</p>
        ) : (
          <Table caption={t("caption")} data-testid="scorecard-table">
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("indicator")}</Th>
                <Th className="text-right">{t("actual")}</Th>
                <Th className="text-right">{t("target")}</Th>
                <Th className="text-right">{t("rate")}</Th>
                <Th className="text-right">{t("score")}</Th>
                <Th className="text-right">{t("weight")}</Th>
                <Th className="text-right">{t("contribution")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {card.indicators.map((i) => (
                <tr key={i.code}>
                  <Td className="min-w-32 font-medium">{name(i)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{figure(i, i.actual)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{figure(i, i.target)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{pct(i.rate)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {i.score === null ? <Badge>{t("notMeasured")}</Badge> : one(i.score)}
                  </Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{one(i.weight)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {i.contribution === null ? "—" : one(i.contribution)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <p className="text-xs text-slate-600">{t("computedOn", { date: card.computedOn })}</p>
    </div>
  );
}
