"use client";

import dynamic from "next/dynamic";
import type { AgeingChartProps } from "./ageing-chart";

// recharts loads only once the dashboard is interactive; the bucket cards above it carry the same
// figures and links for keyboards and screen readers.
const Chart = dynamic(() => import("./ageing-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />,
});

export function LazyAgeingChart(props: AgeingChartProps) {
  return <Chart {...props} />;
}
