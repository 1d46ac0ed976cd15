"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";

// recharts stays in this file, loaded lazily by charts-lazy.tsx. Values arrive in yuan (already
// cumulative) with the labels and number formats worked out on the server side of the page.

export type ProgressPoint = {
  label: string;
  revenue: number | null;
  collections: number | null;
  revenuePace: number | null;
  collectionsPace: number | null;
};

export type ProgressChartProps = {
  points: ProgressPoint[];
  labels: { revenue: string; collections: string; revenuePace: string; collectionsPace: string };
  locale: string;
};

const axisTick = { fontSize: 11, fill: "#475569" };

function compact(locale: string) {
  const f = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  return (v: number) => f.format(v);
}

/** Cumulative revenue and collections with their pace lines (target × elapsed share). */
export function ProgressChart({ points, labels, locale }: ProgressChartProps) {
  const fmt = compact(locale);
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  return (
    <ChartFrame>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} minTickGap={16} tickMargin={6} />
          <YAxis tick={axisTick} width={48} tickFormatter={fmt} />
          <Tooltip
            formatter={(value) => (typeof value === "number" ? money.format(value) : String(value))}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            dataKey="revenue"
            name={labels.revenue}
            stroke="#4338ca"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="collections"
            name={labels.collections}
            stroke="#047857"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="revenuePace"
            name={labels.revenuePace}
            stroke="#4338ca"
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="collectionsPace"
            name={labels.collectionsPace}
            stroke="#047857"
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export type ParetoChartProps = {
  points: { accountShare: number; revenueShare: number }[];
  labels: { accountShare: string; revenueShare: string };
  locale: string;
};

/** The Pareto (80/20) curve: cumulative share of revenue against cumulative share of accounts. */
export function ParetoChart({ points, labels, locale }: ParetoChartProps) {
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const data = [{ accountShare: 0, revenueShare: 0 }, ...points];
  return (
    <ChartFrame>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            dataKey="accountShare"
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
            tickFormatter={(v: number) => pct.format(v)}
            tick={axisTick}
            label={{
              value: labels.accountShare,
              position: "insideBottom",
              offset: -10,
              fontSize: 11,
              fill: "#475569",
            }}
          />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
            tickFormatter={(v: number) => pct.format(v)}
            tick={axisTick}
            width={44}
          />
          <ReferenceLine x={0.2} stroke="#b45309" strokeDasharray="4 4" />
          <Tooltip
            formatter={(value) => [pct.format(Number(value)), labels.revenueShare]}
            labelFormatter={(v) => `${labels.accountShare} ${pct.format(Number(v))}`}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Line
            dataKey="revenueShare"
            name={labels.revenueShare}
            stroke="#4338ca"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
