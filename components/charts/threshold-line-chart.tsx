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
import { ChartFrame } from "@/components/charts/chart-frame";

/** A dashed horizontal line with its label: a tier threshold, a health band edge. */
export type ThresholdLine = { y: number; label: string; stroke: string; fill: string };

export type ThresholdLineChartProps<P extends { label: string }> = {
  points: P[];
  /** The numeric field of each point that is drawn (0–100). */
  dataKey: keyof P & string;
  valueLabel: string;
  ticks: number[];
  lines: ThresholdLine[];
};

/** A 0–100 score over time with its threshold lines (recharts stays behind the callers' lazy imports). */
export function ThresholdLineChart<P extends { label: string }>({
  points,
  dataKey,
  valueLabel,
  ticks,
  lines,
}: ThresholdLineChartProps<P>) {
  return (
    <ChartFrame>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 24, bottom: 4, left: -12 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} minTickGap={20} tickMargin={6} />
          <YAxis domain={[0, 100]} ticks={ticks} tick={{ fontSize: 11, fill: "#475569" }} width={40} />
          {lines.map((line) => (
            <ReferenceLine
              key={line.label}
              y={line.y}
              stroke={line.stroke}
              strokeDasharray="4 4"
              label={{ value: line.label, position: "insideTopLeft", fontSize: 11, fill: line.fill }}
            />
          ))}
          <Tooltip
            formatter={(value) => [String(value), valueLabel]}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Line
            type="monotone"
            dataKey={dataKey}
            name={valueLabel}
            stroke="#4338ca"
            strokeWidth={2}
            dot={{ r: 3, fill: "#4338ca" }}
            activeDot={{ r: 5 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
