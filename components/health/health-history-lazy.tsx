"use client";

import dynamic from "next/dynamic";
import type { HealthHistoryChartProps } from "./health-history-chart";

// recharts is loaded only when the health history is on screen, after the page is interactive.
const Chart = dynamic(() => import("./health-history-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />,
});

export function LazyHealthHistoryChart(props: HealthHistoryChartProps) {
  return <Chart {...props} />;
}
