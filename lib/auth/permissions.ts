import {
  canDo,
  canSee,
  hasCapability,
  type Capability,
  type OwnedRecord,
  type RecordAction,
  type Viewer,
} from "@/lib/domain/access";
import { forbidden, notFound } from "@/lib/errors";

/** Throws FORBIDDEN unless the viewer's role grants `capability`. */
export function assertCapability(viewer: Viewer, capability: Capability): void {
  if (!hasCapability(viewer, capability)) throw forbidden();
}

/**
 * Throws NOT_FOUND for a record outside the viewer's scope (so its existence is not revealed)
 * and FORBIDDEN for one they can see but may not act on this way.
 */
export function assertRecord(
  viewer: Viewer,
  action: RecordAction,
  record: OwnedRecord | null,
  what?: string,
): asserts record is OwnedRecord {
  if (!record || !canSee(viewer, record)) throw notFound(what);
  if (!canDo(viewer, action, record)) throw forbidden();
}

/** The where clause that limits a query on owned records to what the viewer may see. */
export function scopeWhere(viewer: Viewer): { OR?: ({ ownerId: string } | { teamId: { in: string[] } })[] } {
  if (viewer.visibleTeamIds === "all") return {};
  return { OR: [{ ownerId: viewer.id }, { teamId: { in: [...viewer.visibleTeamIds] } }] };
}
