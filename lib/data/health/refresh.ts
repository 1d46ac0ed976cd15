import "server-only";

// CONTRACT (owned by the health slice; stub until it lands): recomputes the accounts' health
// (score, band, a HealthSnapshot when it changed) after an event that moves a factor. Called after
// the event's transaction committed; never throws into the caller (a failure is logged and the
// nightly job catches up).
export async function refreshAccountHealth(accountIds: readonly string[], now = new Date()): Promise<void> {
  void accountIds;
  void now;
}
