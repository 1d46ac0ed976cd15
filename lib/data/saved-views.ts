import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { AppError, notFound } from "@/lib/errors";
import { MAX_SAVED_VIEWS, type SavedViewScope } from "@/lib/validation/saved-views";
import { mutate } from "./audit";

// Saved views: a person's named list filters. Each person sees and changes only their own.

export type SavedViewRow = { id: string; name: string; query: string; createdAt: Date };

const select = { id: true, name: true, query: true, createdAt: true } as const;

export async function listSavedViews(viewer: Viewer, scope: SavedViewScope): Promise<SavedViewRow[]> {
  return db.savedView.findMany({
    where: { userId: viewer.id, scope },
    select,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function createSavedView(
  viewer: Viewer,
  input: { scope: SavedViewScope; name: string; query: string },
): Promise<SavedViewRow> {
  return mutate(viewer, async ({ tx, audit }) => {
    const existing = await tx.savedView.findMany({
      where: { userId: viewer.id, scope: input.scope },
      select: { name: true },
    });
    if (existing.some((v) => v.name === input.name))
      throw new AppError("VALIDATION", "name taken", { name: ["accountList.views.nameTaken"] });
    if (existing.length >= MAX_SAVED_VIEWS)
      throw new AppError("VALIDATION", "too many views", { _form: ["accountList.views.tooMany"] });
    const row = await tx.savedView.create({
      data: { userId: viewer.id, scope: input.scope, name: input.name, query: input.query },
      select,
    });
    await audit({
      action: "savedView.create",
      entity: "SavedView",
      entityId: row.id,
      after: { ...row, scope: input.scope },
    });
    return row;
  });
}

/** Deletes one of the viewer's own views; someone else's view answers "not found". */
export async function deleteSavedView(viewer: Viewer, input: { id: string }): Promise<SavedViewRow> {
  return mutate(viewer, async ({ tx, audit }) => {
    const row = await tx.savedView.findFirst({
      where: { id: input.id, userId: viewer.id },
      select: { ...select, scope: true },
    });
    if (!row) throw notFound("saved view");
    await tx.savedView.delete({ where: { id: row.id } });
    await audit({ action: "savedView.delete", entity: "SavedView", entityId: row.id, before: row });
    return row;
  });
}
