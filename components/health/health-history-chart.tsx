"use client";

import { ThresholdLineChart } from "@/components/charts/threshold-line-chart";

export type HealthHistoryPoint = { label: string; score: number };

export type HealthHistoryChartProps = {
  points: HealthHistoryPoint[];
  edges: { healthy: number; watch: number };
  labels: { score: string; healthy: string; watch: string };
};

/** The health score over time with the band edges. */
export default function HealthHistoryChart({ points, edges, labels }: HealthHistoryChartProps) {
  return (
    <ThresholdLineChart
      points={points}
      dataKey="score"
      valueLabel={labels.score}
      ticks={[0, 40, 70, 100]}
      lines={[
        { y: edges.healthy, label: labels.healthy, stroke: "#047857", fill: "#065f46" },
        { y: edges.watch, label: labels.watch, stroke: "#b91c1c", fill: "#991b1b" },
      ]}
    />
  );
}
