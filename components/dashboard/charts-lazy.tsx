"use client";

import dynamic from "next/dynamic";
import type { ParetoChartProps, ProgressChartProps } from "./charts";

// recharts is loaded only once the dashboard is interactive: the figures and tables render first.
const loading = () => <div className="h-full w-full animate-pulse rounded bg-slate-100" />;
const Progress = dynamic(() => import("./charts").then((m) => m.ProgressChart), { ssr: false, loading });
const Pareto = dynamic(() => import("./charts").then((m) => m.ParetoChart), { ssr: false, loading });

export const LazyProgressChart = (props: ProgressChartProps) => <Progress {...props} />;
export const LazyParetoChart = (props: ParetoChartProps) => <Pareto {...props} />;
