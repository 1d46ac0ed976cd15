import "server-only";
import { staleVersion } from "@/lib/errors";

type VersionedDelegate = {
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
};

/**
 * Optimistic concurrency: applies `data` only if the row still has the `version` the person
 * edited, and bumps the version. PostgreSQL re-checks the WHERE clause after waiting for a
 * concurrent writer's lock, so of two simultaneous edits exactly one succeeds.
 */
export async function updateVersioned(
  delegate: VersionedDelegate,
  args: { where: { id: string } & Record<string, unknown>; version: number; data: Record<string, unknown> },
): Promise<void> {
  const { count } = await delegate.updateMany({
    where: { ...args.where, version: args.version },
    data: { ...args.data, version: { increment: 1 } },
  });
  if (count === 0) throw staleVersion();
}
