import "server-only";
import { databaseErrorToAppError } from "../database-errors";

/**
 * Creates a row once per client-made id (plans, requests, records): a retried or doubled
 * submission gets the row the first one made. Two copies racing each other meet at the unique
 * index; the loser's transaction rolls back whole (no second row, no second audit entry) and it
 * returns the winner's row. `find` answers the row already made for this id, or null.
 * `lookFirst` skips the transaction for a repeat; the quick log leaves it off to save a round trip
 * on every save, since repeats are rare.
 */
export async function oncePerClientId<T>(
  find: () => Promise<T | null>,
  create: () => Promise<T>,
  { lookFirst = true }: { lookFirst?: boolean } = {},
): Promise<{ row: T; created: boolean }> {
  if (lookFirst) {
    const earlier = await find();
    if (earlier) return { row: earlier, created: false };
  }
  try {
    return { row: await create(), created: true };
  } catch (error) {
    if (databaseErrorToAppError(error)?.code !== "DUPLICATE") throw error;
    const row = await find();
    if (!row) throw error;
    return { row, created: false };
  }
}
