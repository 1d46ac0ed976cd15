import { db } from "@/lib/db";
import { loadViewer } from "@/lib/data/session";
import type { Viewer } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { insertAccount } from "../factories/accounts";

/** The viewer for a demo user, loaded through the real session path. */
export async function viewerFor(userId: string): Promise<Viewer> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { tokenVersion: true } });
  const viewer = await loadViewer(userId, user.tokenVersion);
  if (!viewer) throw new Error(`${userId} cannot act (inactive?)`);
  return viewer;
}

/** The AppError code a promise rejects with, "OK" if it resolves; other errors are rethrown. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** A fresh account owned by `ownerId` in their team, created directly (no audit) as a fixture. */
export async function accountFixture(ownerId: string, name?: string) {
  return insertAccount(db, { ownerId, ...(name ? { name } : {}) });
}

export async function auditRowsFor(entityId: string) {
  return db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });
}
