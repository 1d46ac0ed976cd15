import "server-only";
import type { Tx } from "@/lib/db";
import type { MutationContext } from "./audit";

type Client = Pick<Tx, "account">;

/**
 * Every record a person owns, deleted ones included (a restored record needs a live owner too).
 * Later capabilities add their record kinds here.
 */
export async function countOwnedRecords(client: Client, userId: string): Promise<number> {
  return client.account.count({ where: { ownerId: userId } });
}

/** Moves everything `fromUserId` owns to `to` (and to their team), auditing each record. */
export async function reassignOwnedRecords(
  tx: Tx,
  auditMany: MutationContext["auditMany"],
  args: { fromUserId: string; to: { id: string; teamId: string } },
): Promise<number> {
  const accounts = await tx.account.findMany({
    where: { ownerId: args.fromUserId },
    select: { id: true, ownerId: true, teamId: true, version: true },
  });
  if (!accounts.length) return 0;
  await tx.account.updateMany({
    where: { ownerId: args.fromUserId },
    data: { ownerId: args.to.id, teamId: args.to.teamId, version: { increment: 1 } },
  });
  await auditMany(
    accounts.map((a) => ({
      action: "account.reassign",
      entity: "Account",
      entityId: a.id,
      before: { ownerId: a.ownerId, teamId: a.teamId, version: a.version },
      after: { ownerId: args.to.id, teamId: args.to.teamId, version: a.version + 1 },
    })),
  );
  return accounts.length;
}
