"use client";

import { ThresholdLineChart } from "@/components/charts/threshold-line-chart";

export type ScoreHistoryPoint = { label: string; composite: number; tier: string };

export type ScoreHistoryChartProps = {
  points: ScoreHistoryPoint[];
  thresholds: { A: number; B: number };
  labels: { composite: string; tierA: string; tierB: string };
};

/** The composite value score over time, with the A and B thresholds. */
export default function ScoreHistoryChart({ points, thresholds, labels }: ScoreHistoryChartProps) {
  return (
    <ThresholdLineChart
      points={points}
      dataKey="composite"
      valueLabel={labels.composite}
      ticks={[0, 25, 50, 75, 100]}
      lines={[
        { y: thresholds.A, label: labels.tierA, stroke: "#b45309", fill: "#92400e" },
        { y: thresholds.B, label: labels.tierB, stroke: "#0369a1", fill: "#075985" },
      ]}
    />
  );
}
