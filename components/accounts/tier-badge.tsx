import { cn } from "@/components/ui/cn";

const TIER_STYLE = {
  A: "bg-amber-100 text-amber-950 ring-amber-400",
  B: "bg-sky-100 text-sky-950 ring-sky-400",
  C: "bg-slate-100 text-slate-800 ring-slate-300",
} as const;

/**
 * An account's tier (A 战略客户 / B 重点客户 / C 一般客户): the letter in a coloured square plus its
 * name, so the colour is never the only signal. A manual tier carries a marker whose title (and
 * accessible text) gives the reason.
 */
export function TierBadge({
  tier,
  label,
  manual,
  className,
}: {
  tier: "A" | "B" | "C";
  label: string;
  /** e.g. { label: "Manual", reason: "Group headquarters decided …" } */
  manual?: { label: string; reason: string } | null;
  className?: string;
}) {
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-1.5", className)}>
      <span
        className={cn(
          "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-2 py-0.5 text-sm font-semibold ring-1 ring-inset",
          TIER_STYLE[tier],
        )}
      >
        <span className="text-base leading-none">{tier}</span>{" "}
        <span className="font-medium">{label.replace(/^[ABC]\s*·\s*/, "")}</span>
      </span>
      {manual ? (
        <span
          className="inline-flex items-center gap-1 rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs font-medium text-slate-700"
          title={manual.reason}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 fill-current">
            <path d="M11.3 1.3a1 1 0 0 1 1.4 0l2 2a1 1 0 0 1 0 1.4l-8.5 8.5-3.4.9.9-3.4 8.5-8.5Z" />
          </svg>
          {manual.label}
          <span className="sr-only">: {manual.reason}</span>
        </span>
      ) : null}
    </span>
  );
}
