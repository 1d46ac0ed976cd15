import type { ReactNode } from "react";

/**
 * The box a chart draws in: it fills its parent, and the chart sits absolutely inside it. recharts
 * keeps its last pixel width until its resize observer fires (after a resize, a font swap or a
 * language switch); absolutely placed and clipped, that stale width can neither widen the page nor
 * the grid column it sits in.
 */
export function ChartFrame({ children }: { children: ReactNode }) {
  return (
    <div className="relative h-full w-full min-w-0 overflow-hidden">
      <div className="absolute inset-0">{children}</div>
    </div>
  );
}
