// 目标客户四大特征 — the four marks of a target customer — and the lifecycle they gate:
// 目标潜在 (prospect) → 意向 (intent) → 成交 (customer) → 流失 (lost).

export const QUALIFICATION_MARKS = ["need", "afford", "willing", "decide"] as const; // 有需求 买得起 意愿强 能拍板
export type QualificationMark = (typeof QUALIFICATION_MARKS)[number];
export type MarkAnswer = "YES" | "NO" | "UNKNOWN";
export type Qualification = Record<QualificationMark, MarkAnswer>;

export const LIFECYCLE_STAGES = ["PROSPECT", "INTENT", "CUSTOMER", "LOST"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Moves a person may make by hand (CUSTOMER normally comes from a won deal). */
const ALLOWED: Record<LifecycleStage, LifecycleStage[]> = {
  PROSPECT: ["INTENT", "LOST"],
  INTENT: ["PROSPECT", "CUSTOMER", "LOST"],
  CUSTOMER: ["LOST"],
  LOST: ["PROSPECT"],
};

export function unmetMarks(q: Qualification): QualificationMark[] {
  return QUALIFICATION_MARKS.filter((m) => q[m] !== "YES");
}

export const isQualified = (q: Qualification) => unmetMarks(q).length === 0;

export type LifecycleDecision =
  | { ok: true; overridden: boolean }
  | { ok: false; reason: "notAllowed" | "reasonRequired" | "unqualified"; unmet?: QualificationMark[] };

/**
 * May an account move from `from` to `to`? Moving a prospect to intent needs all four marks,
 * unless a manager overrides with a written reason. Losing an account always needs a reason.
 */
export function checkLifecycleMove(args: {
  from: LifecycleStage;
  to: LifecycleStage;
  qualification: Qualification;
  reason: string | null;
  canOverride: boolean;
}): LifecycleDecision {
  const { from, to, qualification } = args;
  const reason = args.reason?.trim() ?? "";
  if (!ALLOWED[from].includes(to)) return { ok: false, reason: "notAllowed" };
  if (to === "LOST" && !reason) return { ok: false, reason: "reasonRequired" };
  if (from === "PROSPECT" && to === "INTENT") {
    const unmet = unmetMarks(qualification);
    if (unmet.length === 0) return { ok: true, overridden: false };
    if (!args.canOverride) return { ok: false, reason: "unqualified", unmet };
    if (!reason) return { ok: false, reason: "reasonRequired", unmet };
    return { ok: true, overridden: true };
  }
  return { ok: true, overridden: false };
}

export const allowedMoves = (from: LifecycleStage) => ALLOWED[from];

// 优先级排序: where to spend time — potential value, willingness to buy and urgency of need.
export function priorityScore(args: {
  potential: number;
  willing: MarkAnswer;
  urgency: number | null;
}): number {
  const willingness = args.willing === "YES" ? 100 : args.willing === "UNKNOWN" ? 50 : 0;
  const urgency = args.urgency === null ? 50 : Math.min(100, Math.max(0, ((args.urgency - 1) / 4) * 100));
  return Math.round((args.potential * 0.5 + willingness * 0.3 + urgency * 0.2) * 10) / 10;
}
