import "server-only";
import { computeAndStoreHealth } from "./health-sql";

/**
 * CONTRACT: recomputes the accounts' health (score, band, a HealthSnapshot when it changed) after an
 * event that moves a factor. Called after the event's transaction committed; never throws into the
 * caller (a failure is logged and the nightly recompute catches up).
 */
export async function refreshAccountHealth(accountIds: readonly string[], now = new Date()): Promise<void> {
  try {
    await computeAndStoreHealth(accountIds, now);
  } catch (error) {
    console.error("refreshAccountHealth failed; the nightly recompute will catch up", error);
  }
}
