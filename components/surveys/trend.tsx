import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { LazySatisfactionChart } from "./trend-chart-lazy";

export type MonthFigures = {
  month: string;
  sent: number;
  responded: number;
  responseRate: number | null;
  csat: number | null;
  nps: number | null;
};

/** Satisfaction over time: a small chart, and the same figures as a table (for screen readers and exact values). */
export async function SatisfactionTrend({ months }: { months: MonthFigures[] }) {
  const t = await getTranslations("surveys.figures");
  if (!months.length) return <p className="text-sm text-slate-600">{t("noData")}</p>;
  const dash = (v: number | null, pct = false) => (v === null ? "—" : pct ? `${v}%` : String(v));
  return (
    <div className="space-y-3">
      {/* overflow-hidden: the chart redraws after a resize, and must not widen the page meanwhile. */}
      <div className="h-56 min-w-0 overflow-hidden" aria-hidden="true">
        <LazySatisfactionChart
          points={months.map((m) => ({ label: m.month, csat: m.csat, nps: m.nps, rate: m.responseRate }))}
          labels={{ csat: t("csat"), nps: t("nps"), rate: t("responseRate") }}
        />
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-indigo-700">{t("tableView")}</summary>
        <Table caption={t("byMonth")}>
          <thead>
            <tr>
              <Th>{t("month")}</Th>
              <Th className="text-right">{t("sent")}</Th>
              <Th className="text-right">{t("responded")}</Th>
              <Th className="text-right">{t("responseRate")}</Th>
              <Th className="text-right">{t("csat")}</Th>
              <Th className="text-right">{t("nps")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {months.map((m) => (
              <tr key={m.month}>
                <Td>{m.month}</Td>
                <Td className="text-right">{m.sent}</Td>
                <Td className="text-right">{m.responded}</Td>
                <Td className="text-right">{dash(m.responseRate, true)}</Td>
                <Td className="text-right">{dash(m.csat, true)}</Td>
                <Td className="text-right">{dash(m.nps)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </div>
  );
}
