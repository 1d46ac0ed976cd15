import { cn } from "@/components/ui/cn";
import type { BuyingRole, Stance } from "@/lib/validation/contacts";

// How buying roles and stances look wherever contacts appear: a colour AND a text label (and, for
// stances, an icon), so nothing depends on colour alone.

export const ROLE_STYLE: Record<BuyingRole, { chip: string; edge: string }> = {
  DECISION_MAKER: { chip: "bg-indigo-700 text-white", edge: "border-l-indigo-700" },
  INFLUENCER: {
    chip: "bg-violet-100 text-violet-900 ring-1 ring-inset ring-violet-300",
    edge: "border-l-violet-500",
  },
  SUPPORTER: {
    chip: "bg-emerald-100 text-emerald-900 ring-1 ring-inset ring-emerald-300",
    edge: "border-l-emerald-500",
  },
  OPPONENT: { chip: "bg-red-100 text-red-900 ring-1 ring-inset ring-red-300", edge: "border-l-red-600" },
  COACH: { chip: "bg-amber-100 text-amber-950 ring-1 ring-inset ring-amber-400", edge: "border-l-amber-500" },
  USER: { chip: "bg-slate-100 text-slate-800 ring-1 ring-inset ring-slate-300", edge: "border-l-slate-400" },
};

export function RoleChip({ role, label }: { role: BuyingRole; label: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold",
        ROLE_STYLE[role].chip,
      )}
    >
      {label}
    </span>
  );
}

const STANCE_STYLE: Record<Stance, string> = {
  SUPPORTIVE: "text-emerald-800",
  NEUTRAL: "text-slate-700",
  OPPOSED: "text-red-800",
};

function StanceIcon({ stance }: { stance: Stance }) {
  const common = { viewBox: "0 0 16 16", className: "h-3.5 w-3.5 shrink-0", "aria-hidden": true } as const;
  if (stance === "SUPPORTIVE")
    return (
      <svg
        {...common}
        fill="none"
        stroke="currentColor"
        strokeWidth={2.5}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M3 8.5 6.5 12 13 4.5" />
      </svg>
    );
  if (stance === "OPPOSED")
    return (
      <svg {...common} fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round">
        <path d="M4 4l8 8M12 4l-8 8" />
      </svg>
    );
  return (
    <svg {...common} fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round">
      <path d="M3.5 8h9" />
    </svg>
  );
}

export function StanceMark({ stance, label }: { stance: Stance; label: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs font-medium", STANCE_STYLE[stance])}>
      <StanceIcon stance={stance} />
      {label}
    </span>
  );
}

/** Relationship strength 1–5 as five dots; `label` is the text alternative ("Relationship 3 of 5"). */
export function StrengthDots({ value, label }: { value: number; label: string }) {
  return (
    <span className="inline-flex items-center gap-0.5" role="img" aria-label={label} title={label}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span
          key={i}
          className={cn(
            "h-2 w-2 rounded-full",
            i <= value ? "bg-indigo-700" : "border border-slate-400 bg-white",
          )}
        />
      ))}
    </span>
  );
}
