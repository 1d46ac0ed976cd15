"use client";

import dynamic from "next/dynamic";
import type { SatisfactionChartProps } from "./trend-chart";

// recharts loads only when the trend is on screen, after the page is interactive.
const Chart = dynamic(() => import("./trend-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />,
});

export function LazySatisfactionChart(props: SatisfactionChartProps) {
  return <Chart {...props} />;
}
