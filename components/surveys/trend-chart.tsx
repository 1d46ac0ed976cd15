"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";

export type SatisfactionPoint = {
  label: string;
  csat: number | null;
  nps: number | null;
  rate: number | null;
};
export type SatisfactionChartProps = {
  points: SatisfactionPoint[];
  labels: { csat: string; nps: string; rate: string };
};

/** CSAT %, NPS and response rate by month (recharts stays in this file, loaded lazily). */
export default function SatisfactionTrendChart({ points, labels }: SatisfactionChartProps) {
  return (
    <ChartFrame>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} minTickGap={16} tickMargin={6} />
          <YAxis domain={[-100, 100]} tick={{ fontSize: 11, fill: "#475569" }} width={40} />
          <Tooltip contentStyle={{ fontSize: 12, borderRadius: 6 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="csat" name={labels.csat} stroke="#4338ca" connectNulls isAnimationActive={false} />
          <Line dataKey="nps" name={labels.nps} stroke="#0f766e" connectNulls isAnimationActive={false} />
          <Line
            dataKey="rate"
            name={labels.rate}
            stroke="#b45309"
            strokeDasharray="4 3"
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
