import "server-only";
import type { Viewer } from "@/lib/domain/access";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";

// Raising a decision maker's relationship where the 关系建立 gate stops a deal (the board's panel,
// the deal page): only the two fields the gate reads, versioned and audited like any contact change.

export async function updateDecisionMakerRelationship(
  viewer: Viewer,
  input: { id: string; version: number; relationshipStrength: number; approach: string | null },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    // Scoped through the account, as every contact change is (lib/data/contacts.ts).
    const row = await tx.contact.findFirst({
      where: { id: input.id, deletedAt: null, account: { ...scopeWhere(viewer), deletedAt: null } },
      include: { account: { select: { id: true, ownerId: true, teamId: true, deletedAt: true } } },
    });
    if (!row) throw notFound("contact");
    const { account, ...before } = row;
    assertRecord(viewer, "edit", account, "contact");
    await updateVersioned(tx.contact, {
      where: { id: input.id },
      version: input.version,
      data: { relationshipStrength: input.relationshipStrength, approach: input.approach },
    });
    const after = await tx.contact.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "contact.update", entity: "Contact", entityId: input.id, before, after });
    return after;
  });
}
