import "server-only";
import type { Viewer } from "@/lib/domain/access";
import type { VisitSettings } from "@/lib/domain/visits";
import { recomputeAllContactDue } from "./contact-due";
import { updateVisitSettings } from "./settings";

const CADENCE = ["cadenceDaysA", "cadenceDaysB", "cadenceDaysC"] as const;

/**
 * The admin's save of the visit settings (/admin/visits). A changed contact cadence moves every
 * account's due date, recomputed in the same transaction so the overdue lists never disagree with it.
 */
export function saveVisitSettings(viewer: Viewer, input: VisitSettings & { version: number }) {
  return updateVisitSettings(viewer, input, async (tx, before, after) => {
    if (CADENCE.some((k) => before[k] !== after[k])) await recomputeAllContactDue(tx, after);
  });
}
