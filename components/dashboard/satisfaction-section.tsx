import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { SatisfactionFigures } from "@/lib/data/kpi/satisfaction";
import { growth } from "@/lib/domain/kpi";
import { pointsChange } from "@/lib/domain/satisfaction-kpi";
import { FigureCard, type Comparison } from "./figure-card";
import type { DashboardFormat } from "./format";
import type { SatisfactionLinks } from "./satisfaction-links";

const TABLE_SUMMARY =
  "mt-3 cursor-pointer text-sm font-medium text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * 客户满意度与投诉 on the dashboard: CSAT, NPS, account health and the accounts at risk, complaints
 * received (by category), SLA attainment and the complaints open now — each opening its records.
 * Nothing answered or nothing due reads "not measured", never 0.
 */
export async function SatisfactionSection({
  data,
  fmt,
  links,
}: {
  data: SatisfactionFigures;
  fmt: DashboardFormat;
  links: SatisfactionLinks;
}) {
  const t = await getTranslations("dashboard");
  const ts = await getTranslations("dashboard.satisfaction");
  const none = t("none");
  const notMeasured = ts("notMeasured");
  const { current, previous } = data;
  const open = t("figures.open");

  /** A change in points (CSAT %, NPS): higher is better. */
  function points(now: number | null, before: number | null, show: (v: number) => string): Comparison[] {
    const d = pointsChange(now, before);
    return [
      {
        label: t("compare.previous"),
        delta: d === null ? none : ts("points", { value: d > 0 ? `+${fmt.number(d)}` : fmt.number(d) }),
        tone: d === null || d === 0 ? "flat" : d > 0 ? "up" : "down",
        was: t("compare.was", { value: before === null ? notMeasured : show(before) }),
      },
    ];
  }
  /** A change of a count or rate; `higherIsBetter` false turns more complaints red. */
  function change(
    now: number | null,
    before: number | null,
    show: (v: number) => string,
    higherIsBetter = true,
  ) {
    const g = now === null || before === null ? null : growth(now, before);
    const good = g === null || g === 0 ? null : g > 0 === higherIsBetter;
    return [
      {
        label: t("compare.previous"),
        delta: fmt.delta(g, none),
        tone: good === null ? "flat" : good ? "up" : "down",
        was: t("compare.was", { value: before === null ? notMeasured : show(before) }),
      } satisfies Comparison,
    ];
  }
  const pct = (v: number) => `${fmt.number(v)}%`;
  const score = (v: number) => fmt.number(v);
  const count = (v: number) => fmt.number(v);
  const rate = (v: number) => fmt.percentFine(v);
  const maxCategory = Math.max(1, ...data.byCategory.map((c) => c.count));

  return (
    <section aria-labelledby="satisfaction-figures" className="space-y-3">
      <h2 id="satisfaction-figures" className="text-lg font-semibold text-slate-900">
        {ts("title")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-3 xl:grid-cols-4">
        <FigureCard
          label={ts("csat")}
          value={current.csat === null ? notMeasured : pct(current.csat)}
          details={[ts("answers", { count: current.csatAnswers })]}
          comparisons={points(current.csat, previous.csat, pct)}
          href={links.surveys()}
          openLabel={open}
        />
        <FigureCard
          label={ts("nps")}
          value={current.nps === null ? notMeasured : score(current.nps)}
          details={[ts("answers", { count: current.npsAnswers })]}
          comparisons={points(current.nps, previous.nps, score)}
          href={links.surveys()}
          openLabel={open}
        />
        <FigureCard
          label={ts("health")}
          value={data.healthAverage === null ? notMeasured : score(data.healthAverage)}
          details={[ts("healthScored", { count: data.healthScored })]}
          href={links.atRisk()}
          openLabel={open}
        />
        <FigureCard
          label={ts("atRisk")}
          value={count(data.atRisk)}
          warn={data.atRisk > 0}
          href={links.atRisk()}
          openLabel={open}
        />
        <FigureCard
          label={ts("received")}
          value={count(current.complaintsReceived)}
          comparisons={change(current.complaintsReceived, previous.complaintsReceived, count, false)}
          href={links.complaints()}
          openLabel={open}
        />
        <FigureCard
          label={ts("sla")}
          value={current.slaAttainment === null ? notMeasured : rate(current.slaAttainment)}
          details={[ts("slaMet", { met: current.slaMet, due: current.slaDue })]}
          comparisons={change(current.slaAttainment, previous.slaAttainment, rate)}
          warn={current.slaAttainment !== null && current.slaAttainment < 0.9}
          href={links.complaints({ breached: true })}
          openLabel={ts("openBreached")}
        />
        <FigureCard
          label={ts("open")}
          value={count(data.openComplaints)}
          href={links.openComplaints()}
          openLabel={open}
        />
      </dl>

      <section
        aria-labelledby="complaint-categories"
        className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h3 id="complaint-categories" className="text-base font-semibold text-slate-900">
          {ts("byCategory")}
        </h3>
        {current.complaintsReceived === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{ts("noComplaints")}</p>
        ) : (
          <>
            <ul className="mt-3 space-y-3">
              {data.byCategory.map((c) => (
                <li key={c.category}>
                  <Link
                    href={links.complaints({ category: c.category })}
                    className="block rounded focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    <span className="flex justify-between gap-3 text-sm">
                      <span className="font-medium text-indigo-700">{ts(`categories.${c.category}`)}</span>
                      <span className="tabular-nums text-slate-800">{count(c.count)}</span>
                    </span>
                    <span aria-hidden="true" className="block h-2.5 w-full rounded bg-slate-100">
                      <span
                        className="block h-2.5 rounded bg-indigo-600"
                        style={{ width: `${(c.count / maxCategory) * 100}%` }}
                      />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <details>
              <summary className={TABLE_SUMMARY}>{t("charts.tableView")}</summary>
              <Table caption={ts("byCategory")}>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>{ts("category")}</Th>
                    <Th className="text-right">{ts("count")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.byCategory.map((c) => (
                    <tr key={c.category}>
                      <Td>
                        <Link
                          href={links.complaints({ category: c.category })}
                          className="text-indigo-700 underline-offset-2 hover:underline"
                        >
                          {ts(`categories.${c.category}`)}
                        </Link>
                      </Td>
                      <Td className="text-right tabular-nums">{count(c.count)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </details>
          </>
        )}
      </section>
    </section>
  );
}
