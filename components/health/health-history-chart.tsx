"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type HealthHistoryPoint = { label: string; score: number };

export type HealthHistoryChartProps = {
  points: HealthHistoryPoint[];
  edges: { healthy: number; watch: number };
  labels: { score: string; healthy: string; watch: string };
};

/** The health score over time with the band edges (recharts stays in this file). */
export default function HealthHistoryChart({ points, edges, labels }: HealthHistoryChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 12, right: 24, bottom: 4, left: -12 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} minTickGap={20} tickMargin={6} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 40, 70, 100]}
          tick={{ fontSize: 11, fill: "#475569" }}
          width={40}
        />
        <ReferenceLine
          y={edges.healthy}
          stroke="#047857"
          strokeDasharray="4 4"
          label={{ value: labels.healthy, position: "insideTopLeft", fontSize: 11, fill: "#065f46" }}
        />
        <ReferenceLine
          y={edges.watch}
          stroke="#b91c1c"
          strokeDasharray="4 4"
          label={{ value: labels.watch, position: "insideTopLeft", fontSize: 11, fill: "#991b1b" }}
        />
        <Tooltip
          formatter={(value) => [String(value), labels.score]}
          contentStyle={{ fontSize: 12, borderRadius: 6 }}
        />
        <Line
          type="monotone"
          dataKey="score"
          name={labels.score}
          stroke="#4338ca"
          strokeWidth={2}
          dot={{ r: 3, fill: "#4338ca" }}
          activeDot={{ r: 5 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
