import type { DistributorStage } from "@/lib/domain/distributors";

/** A stage's badge colour: signed good, suspended a warning, terminated bad, recruitment neutral. */
export const STAGE_TONE: Record<DistributorStage, "good" | "bad" | "warn" | "neutral" | "info"> = {
  PROSPECT: "neutral",
  EVALUATION: "info",
  NEGOTIATION: "info",
  SIGNED: "good",
  SUSPENDED: "warn",
  TERMINATED: "bad",
};
