"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { moneyFormat } from "@/lib/domain/money";
import { ChartFrame } from "@/components/charts/chart-frame";

export type RevenueTrendPoint = { label: string; revenue: number; collections: number };

export type RevenueTrendChartProps = {
  points: RevenueTrendPoint[];
  labels: { revenue: string; collections: string };
  locale: string;
};

/** Monthly revenue and collections side by side (recharts stays in this file, loaded lazily). */
export default function RevenueTrendChart({ points, labels, locale }: RevenueTrendChartProps) {
  const money = moneyFormat(locale);
  return (
    <ChartFrame>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 12, right: 8, bottom: 4, left: 0 }} barGap={1}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} minTickGap={16} tickMargin={6} />
          <YAxis
            tick={{ fontSize: 11, fill: "#475569" }}
            width={48}
            tickFormatter={(v: number) => money.compact(v)}
          />
          <Tooltip
            formatter={(value, name) => [money.full(Number(value)), String(name)]}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="revenue" name={labels.revenue} fill="#4338ca" isAnimationActive={false} />
          <Bar dataKey="collections" name={labels.collections} fill="#0f766e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
