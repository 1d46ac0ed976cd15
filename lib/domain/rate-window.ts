// A sliding-window allowance: at most `limit` events in any `windowMs`. Pure, so the caller keeps
// the history wherever it likes (the credit-code check keeps one per person in memory).

export type RateWindow = { limit: number; windowMs: number };

/** Whether one more event at `now` is allowed, and the history to keep (oldest first). */
export function takeFromWindow(
  history: readonly number[],
  now: number,
  { limit, windowMs }: RateWindow,
): { allowed: boolean; history: number[] } {
  const recent = history.filter((t) => t > now - windowMs && t <= now);
  if (recent.length >= limit) return { allowed: false, history: recent };
  return { allowed: true, history: [...recent, now] };
}
