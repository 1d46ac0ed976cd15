import "server-only";
import type { Tx } from "@/lib/db";
import type { MutationContext } from "./audit";

type Client = Pick<Tx, "account" | "deal" | "cooperationAgreement">;

// The kinds of record that have an owner and a team; later capabilities add theirs here.
const OWNED = [
  { delegate: "account", entity: "Account", action: "account.reassign" },
  { delegate: "deal", entity: "Deal", action: "deal.reassign" },
  { delegate: "cooperationAgreement", entity: "CooperationAgreement", action: "agreement.reassign" },
] as const;

type OwnedDelegate = {
  count(args: { where: { ownerId: string } }): Promise<number>;
  findMany(args: {
    where: { ownerId: string };
    select: { id: true; ownerId: true; teamId: true; version: true };
  }): Promise<{ id: string; ownerId: string; teamId: string; version: number }[]>;
  updateMany(args: { where: { ownerId: string }; data: object }): Promise<{ count: number }>;
};

const delegate = (client: Client, name: (typeof OWNED)[number]["delegate"]) =>
  client[name] as unknown as OwnedDelegate;

/** Every record a person owns, deleted ones included (a restored record needs a live owner too). */
export async function countOwnedRecords(client: Client, userId: string): Promise<number> {
  const counts = await Promise.all(
    OWNED.map((k) => delegate(client, k.delegate).count({ where: { ownerId: userId } })),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Moves everything `fromUserId` owns to `to` (and to their team), auditing each record. */
export async function reassignOwnedRecords(
  tx: Tx,
  auditMany: MutationContext["auditMany"],
  args: { fromUserId: string; to: { id: string; teamId: string } },
): Promise<number> {
  let moved = 0;
  for (const kind of OWNED) {
    const d = delegate(tx, kind.delegate);
    const where = { ownerId: args.fromUserId };
    const rows = await d.findMany({
      where,
      select: { id: true, ownerId: true, teamId: true, version: true },
    });
    if (!rows.length) continue;
    await d.updateMany({
      where,
      data: { ownerId: args.to.id, teamId: args.to.teamId, version: { increment: 1 } },
    });
    await auditMany(
      rows.map((r) => ({
        action: kind.action,
        entity: kind.entity,
        entityId: r.id,
        before: { ownerId: r.ownerId, teamId: r.teamId, version: r.version },
        after: { ownerId: args.to.id, teamId: args.to.teamId, version: r.version + 1 },
      })),
    );
    moved += rows.length;
  }
  return moved;
}
