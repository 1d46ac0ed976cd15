"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { moneyFormat } from "@/lib/domain/money";
import { ChartFrame } from "@/components/charts/chart-frame";

export type AgeingChartPoint = { key: string; label: string; amount: number; href: string };

export type AgeingChartProps = { points: AgeingChartPoint[]; label: string; locale: string };

// Not yet due in slate, then warmer as debts age.
const COLOURS: Record<string, string> = {
  notDue: "#64748b",
  d0_30: "#4338ca",
  d31_60: "#d97706",
  d61_90: "#ea580c",
  d90plus: "#b91c1c",
};

/** Open receivables per ageing bucket; a bar opens that bucket's invoices (recharts stays in this file, loaded lazily). */
export default function AgeingChart({ points, label, locale }: AgeingChartProps) {
  const money = moneyFormat(locale);
  const router = useRouter();
  return (
    <ChartFrame>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 12, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval={0} tickMargin={6} />
          <YAxis
            tick={{ fontSize: 11, fill: "#475569" }}
            width={52}
            tickFormatter={(v: number) => money.compact(v)}
          />
          <Tooltip
            formatter={(value) => [money.full(Number(value)), label]}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Bar
            dataKey="amount"
            name={label}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_, index) => {
              const p = points[index];
              if (p) router.push(p.href);
            }}
          >
            {points.map((p) => (
              <Cell key={p.key} fill={COLOURS[p.key] ?? "#4338ca"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
