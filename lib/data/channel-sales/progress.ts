import "server-only";

// How far a running import is, for the progress bar. Kept in this process's memory rather than in
// ChannelImportBatch: the batch row is written inside the import's one transaction (all or
// nothing), so nobody else sees it before the commit — and on the embedded database (one
// connection) a second connection to write progress would wait for that transaction forever. The
// upload and the progress requests reach the same server process.

export type ImportProgress = {
  processed: number;
  total: number;
  status: "RUNNING" | "DONE";
  actorId?: string;
};

const progress = new Map<string, ImportProgress & { at: number }>();
const KEEP_MS = 10 * 60_000;

export function setProgress(batchId: string, value: ImportProgress): void {
  const now = Date.now();
  for (const [id, p] of progress) if (now - p.at > KEEP_MS) progress.delete(id);
  progress.set(batchId, { ...progress.get(batchId), ...value, at: now });
}

export function clearProgress(batchId: string): void {
  progress.delete(batchId);
}

export function readProgress(batchId: string): ImportProgress | null {
  const p = progress.get(batchId);
  return p ? { processed: p.processed, total: p.total, status: p.status, actorId: p.actorId } : null;
}
