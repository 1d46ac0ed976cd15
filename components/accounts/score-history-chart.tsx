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

export type ScoreHistoryPoint = { label: string; composite: number; tier: string };

export type ScoreHistoryChartProps = {
  points: ScoreHistoryPoint[];
  thresholds: { A: number; B: number };
  labels: { composite: string; tierA: string; tierB: string };
};

/** The composite value score over time, with the A and B thresholds (recharts stays in this file). */
export default function ScoreHistoryChart({ points, thresholds, labels }: ScoreHistoryChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 12, right: 24, bottom: 4, left: -12 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} minTickGap={20} tickMargin={6} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={{ fontSize: 11, fill: "#475569" }}
          width={40}
        />
        <ReferenceLine
          y={thresholds.A}
          stroke="#b45309"
          strokeDasharray="4 4"
          label={{ value: labels.tierA, position: "insideTopLeft", fontSize: 11, fill: "#92400e" }}
        />
        <ReferenceLine
          y={thresholds.B}
          stroke="#0369a1"
          strokeDasharray="4 4"
          label={{ value: labels.tierB, position: "insideTopLeft", fontSize: 11, fill: "#075985" }}
        />
        <Tooltip
          formatter={(value) => [String(value), labels.composite]}
          contentStyle={{ fontSize: 12, borderRadius: 6 }}
        />
        <Line
          type="monotone"
          dataKey="composite"
          name={labels.composite}
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
