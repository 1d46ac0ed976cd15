import "server-only";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import { readProgress } from "./progress";

// Import batches: the recent ones for the list page, and one batch's progress for the bar. A
// batch is the importer's own (an administrator sees all): it names a file, not a distributor.

export type BatchRow = {
  id: string;
  kind: "SELL_IN" | "SELL_OUT";
  fileName: string | null;
  status: "RUNNING" | "DONE" | "FAILED";
  total: number;
  created: number;
  unchanged: number;
  conflicts: number;
  createdAt: Date;
  actorName: string | null;
};

export async function recentBatches(viewer: Viewer, take = 10): Promise<BatchRow[]> {
  if (!hasCapability(viewer, "channel.read")) return [];
  const rows = await db.channelImportBatch.findMany({
    where: hasCapability(viewer, "admin.channels") ? {} : { actorId: viewer.id },
    orderBy: { createdAt: "desc" },
    take,
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.actorId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.fileName,
    status: r.status,
    total: r.total,
    created: r.created,
    unchanged: r.unchanged,
    conflicts: r.conflicts,
    createdAt: r.createdAt,
    actorName: names.get(r.actorId) ?? null,
  }));
}

export type BatchProgress = {
  status: "RUNNING" | "DONE" | "FAILED" | "UNKNOWN";
  processed: number;
  total: number;
};

/**
 * How far the viewer's import is: from memory while it runs (its row is not committed yet), from
 * its row once done. Another person's batch answers NOT_FOUND.
 */
export async function batchProgress(viewer: Viewer, batchId: string): Promise<BatchProgress> {
  const live = readProgress(batchId);
  if (live) {
    if (live.actorId !== viewer.id) throw notFound("batch");
    return { status: live.status, processed: live.processed, total: live.total };
  }
  const row = await db.channelImportBatch.findUnique({
    where: { id: batchId },
    select: { actorId: true, status: true, processed: true, total: true },
  });
  if (row && row.actorId !== viewer.id) throw notFound("batch");
  // Not started yet (the upload is still arriving): nothing to show, not an error.
  if (!row) return { status: "UNKNOWN", processed: 0, total: 0 };
  return { status: row.status, processed: row.processed, total: row.total };
}
