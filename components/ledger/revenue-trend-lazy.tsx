"use client";

import dynamic from "next/dynamic";
import type { RevenueTrendChartProps } from "./revenue-trend-chart";

// recharts is loaded only when the trend is on screen, after the page is interactive: the account
// page's first load stays small.
const Chart = dynamic(() => import("./revenue-trend-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />,
});

export function LazyRevenueTrendChart(props: RevenueTrendChartProps) {
  return <Chart {...props} />;
}
