import "server-only";
import { db, Prisma, type TerritoryLevel } from "@/lib/db";
import { wouldCreateCycle, type Viewer } from "@/lib/domain/access";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { subtreeIds, type TerritoryLink } from "@/lib/domain/territory-tree";
import { mutate } from "./audit";
import { updateVersioned } from "./versioning";
import { processCache } from "./process-cache";

const LEVEL_ORDER: TerritoryLevel[] = ["COUNTRY", "REGION", "PROVINCE", "CITY", "DISTRICT"];

const territorySelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  level: true,
  parentId: true,
  teamId: true,
  team: { select: { id: true, name: true, nameZh: true } },
  version: true,
  deletedAt: true,
} satisfies Prisma.TerritorySelect;

export type TerritoryRow = Prisma.TerritoryGetPayload<{ select: typeof territorySelect }>;
export type TerritoryNode = TerritoryRow & { depth: number };

/** Territories in tree order (each parent followed by its children), with their depth. */
export function toTreeOrder(rows: TerritoryRow[]): TerritoryNode[] {
  const byParent = new Map<string | null, TerritoryRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), r]);
  }
  const out: TerritoryNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of (byParent.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ ...r, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function listTerritories(
  viewer: Viewer,
  opts: { deleted?: boolean } = {},
): Promise<TerritoryNode[]> {
  assertCapability(viewer, "admin.territories");
  const rows = await db.territory.findMany({
    where: opts.deleted ? { deletedAt: { not: null } } : { deletedAt: null },
    select: territorySelect,
  });
  return toTreeOrder(rows);
}

/** Live territories for pickers (any signed-in person). */
export async function listTerritoryOptions() {
  const rows = await db.territory.findMany({ where: { deletedAt: null }, select: territorySelect });
  return toTreeOrder(rows);
}

// The account list filters by region on every request, and the tree is small and rarely edited
// (see process-cache.ts). An id the cache has never seen (a territory created elsewhere a moment
// ago) reloads it.
const treeCache = processCache({
  ttlMs: 30_000,
  load: async () => {
    const links: TerritoryLink[] = await db.territory.findMany({ select: { id: true, parentId: true } });
    return { links, ids: new Set(links.map((l) => l.id)) };
  },
});

/** The territory and every territory below it (a filter on 江苏省 includes 苏州市). */
export async function territorySubtree(rootId: string): Promise<string[]> {
  const tree = await treeCache.get((t) => !t.ids.has(rootId));
  return subtreeIds(tree.links, rootId);
}

/** Runs a territory edit, then drops the cached tree (after commit, so no one reloads the old one). */
async function editTree<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    treeCache.clear();
  }
}

type TerritoryInput = {
  code: string;
  name: string;
  nameEn: string;
  level: TerritoryLevel;
  parentId: string | null;
  teamId: string | null;
};

async function assertValid(tx: Prisma.TransactionClient, id: string | null, input: TerritoryInput) {
  const clash = await tx.territory.findFirst({
    where: { code: input.code, ...(id ? { id: { not: id } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("VALIDATION", "code taken", { code: ["validation.codeTaken"] });
  if (input.parentId) {
    if (input.parentId === id)
      throw new AppError("VALIDATION", "self parent", { parentId: ["validation.parentSelf"] });
    const parent = await tx.territory.findFirst({
      where: { id: input.parentId, deletedAt: null },
      select: { level: true },
    });
    if (!parent)
      throw new AppError("VALIDATION", "unknown parent", { parentId: ["validation.invalidOption"] });
    if (LEVEL_ORDER.indexOf(parent.level) >= LEVEL_ORDER.indexOf(input.level)) {
      throw new AppError("VALIDATION", "parent level", { parentId: ["validation.parentLevel"] });
    }
    if (id) {
      const tree = await tx.territory.findMany({
        where: { deletedAt: null },
        select: { id: true, parentId: true },
      });
      if (wouldCreateCycle(id, input.parentId, tree)) {
        throw new AppError("VALIDATION", "cycle", { parentId: ["validation.territoryCycle"] });
      }
    }
  }
  if (id) {
    // A territory must stay above the territories under it.
    const children = await tx.territory.findMany({
      where: { parentId: id, deletedAt: null },
      select: { level: true },
    });
    if (children.some((c) => LEVEL_ORDER.indexOf(c.level) <= LEVEL_ORDER.indexOf(input.level))) {
      throw new AppError("VALIDATION", "level below children", { level: ["validation.levelBelowChildren"] });
    }
  }
  if (input.teamId) {
    const team = await tx.team.findFirst({
      where: { id: input.teamId, deletedAt: null },
      select: { id: true },
    });
    if (!team) throw new AppError("VALIDATION", "unknown team", { teamId: ["validation.invalidOption"] });
  }
}

export async function createTerritory(viewer: Viewer, input: TerritoryInput) {
  assertCapability(viewer, "admin.territories");
  return editTree(
    mutate(viewer, async ({ tx, audit }) => {
      await assertValid(tx, null, input);
      const { code, name, nameEn, level, parentId, teamId } = input;
      const row = await tx.territory.create({
        data: { code, name, nameEn, level, parentId, teamId },
        select: territorySelect,
      });
      await audit({ action: "territory.create", entity: "Territory", entityId: row.id, after: row });
      return row;
    }),
  );
}

export async function updateTerritory(
  viewer: Viewer,
  input: TerritoryInput & { id: string; version: number },
) {
  assertCapability(viewer, "admin.territories");
  return editTree(
    mutate(viewer, async ({ tx, audit }) => {
      const before = await tx.territory.findFirst({
        where: { id: input.id, deletedAt: null },
        select: territorySelect,
      });
      if (!before) throw notFound("territory");
      await assertValid(tx, input.id, input);
      const { id, version } = input;
      // Pick the editable fields explicitly: callers may pass a wider object.
      const data = {
        code: input.code,
        name: input.name,
        nameEn: input.nameEn,
        level: input.level,
        parentId: input.parentId,
        teamId: input.teamId,
      };
      await updateVersioned(tx.territory, { where: { id }, version, data });
      const after = await tx.territory.findUniqueOrThrow({ where: { id }, select: territorySelect });
      await audit({ action: "territory.update", entity: "Territory", entityId: id, before, after });
      return after;
    }),
  );
}

export async function deleteTerritory(viewer: Viewer, input: { id: string; version: number }) {
  assertCapability(viewer, "admin.territories");
  return editTree(
    mutate(viewer, async ({ tx, audit }) => {
      const before = await tx.territory.findFirst({
        where: { id: input.id, deletedAt: null },
        select: territorySelect,
      });
      if (!before) throw notFound("territory");
      const children = await tx.territory.count({ where: { parentId: input.id, deletedAt: null } });
      if (children > 0)
        throw new AppError("VALIDATION", "has children", { _form: ["territories.hasChildren"] });
      await updateVersioned(tx.territory, {
        where: { id: input.id },
        version: input.version,
        data: { deletedAt: new Date() },
      });
      const after = await tx.territory.findUniqueOrThrow({
        where: { id: input.id },
        select: territorySelect,
      });
      await audit({ action: "territory.delete", entity: "Territory", entityId: input.id, before, after });
      return after;
    }),
  );
}

export async function restoreTerritory(viewer: Viewer, input: { id: string; version: number }) {
  assertCapability(viewer, "admin.territories");
  return editTree(
    mutate(viewer, async ({ tx, audit }) => {
      const before = await tx.territory.findFirst({
        where: { id: input.id, deletedAt: { not: null } },
        select: territorySelect,
      });
      if (!before) throw notFound("territory");
      if (before.parentId) {
        const parent = await tx.territory.findFirst({
          where: { id: before.parentId, deletedAt: null },
          select: { id: true },
        });
        if (!parent)
          throw new AppError("VALIDATION", "parent deleted", { _form: ["validation.parentDeleted"] });
      }
      await updateVersioned(tx.territory, {
        where: { id: input.id },
        version: input.version,
        data: { deletedAt: null },
      });
      const after = await tx.territory.findUniqueOrThrow({
        where: { id: input.id },
        select: territorySelect,
      });
      await audit({ action: "territory.restore", entity: "Territory", entityId: input.id, before, after });
      return after;
    }),
  );
}
