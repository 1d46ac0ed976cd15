"use client";

import dynamic from "next/dynamic";
import type { ScoreHistoryChartProps } from "./score-history-chart";

// recharts is loaded only when a score history is on screen, after the page is interactive.
const Chart = dynamic(() => import("./score-history-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />,
});

export function LazyScoreHistoryChart(props: ScoreHistoryChartProps) {
  return <Chart {...props} />;
}
