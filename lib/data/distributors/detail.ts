import "server-only";
import { db, Prisma } from "@/lib/db";
import { canEditDistributor, hasCapability, type Viewer } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import { channelTerritoryIds, readBesideCheck } from "./scope";

// One distributor as its page shows it: the profile, the territories it covers (with names), its
// contacts and cooperation memos, the stage history, its channel manager and team — and what the
// viewer may do with it. Out-of-scope (or, unless asked for, deleted) ids answer not found.

const detailSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  model: true,
  creditCode: true,
  legalRepresentative: true,
  registeredCapital: true,
  foundedOn: true,
  address: true,
  shareholderBackground: true,
  organisation: true,
  localStrength: true,
  industryStanding: true,
  employees: true,
  annualSales: true,
  territoryId: true,
  territory: { select: { id: true, name: true, nameEn: true } },
  ownerId: true,
  owner: { select: { id: true, name: true } },
  teamId: true,
  team: { select: { id: true, name: true, nameZh: true } },
  stage: true,
  stageChangedAt: true,
  stageNote: true,
  creditLimit: true,
  selectionScore: true,
  version: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
  coverage: {
    where: { deletedAt: null },
    orderBy: { territory: { code: "asc" } },
    select: {
      id: true,
      exclusive: true,
      active: true,
      since: true,
      territory: { select: { id: true, name: true, nameEn: true } },
    },
  },
  contacts: {
    where: { deletedAt: null },
    orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      title: true,
      phone: true,
      email: true,
      wechat: true,
      isPrimary: true,
      note: true,
      version: true,
    },
  },
  memos: {
    where: { deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, topic: true, body: true, authorId: true, createdAt: true, version: true },
  },
  stageChanges: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, fromStage: true, toStage: true, actorId: true, note: true, createdAt: true },
  },
} satisfies Prisma.DistributorSelect;

export type DistributorDetail = Prisma.DistributorGetPayload<{ select: typeof detailSelect }> & {
  /** Names of the memo authors and stage movers. */
  people: Record<string, string>;
  can: { edit: boolean; delete: boolean; restore: boolean };
};

/**
 * The distributor `id` as the viewer may see it, or NOT_FOUND. (A contract the channel modules
 * build on: agreements, sales, receivables, conflicts and scorecards read the profile here.)
 */
export async function getDistributor(
  viewer: Viewer,
  id: string,
  opts: { deleted?: boolean } = {},
): Promise<DistributorDetail> {
  const [, row] = await readBesideCheck(
    viewer,
    id,
    () => db.distributor.findUnique({ where: { id }, select: detailSelect }),
    { deleted: opts.deleted },
  );
  if (!row) throw notFound("distributor");
  const ids = new Set([
    ...row.memos.map((m) => m.authorId),
    ...row.stageChanges.flatMap((s) => (s.actorId ? [s.actorId] : [])),
  ]);
  const people = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true },
  });
  const edit = canEditDistributor(viewer, row, await channelTerritoryIds(viewer));
  return {
    ...row,
    people: Object.fromEntries(people.map((p) => [p.id, p.name])),
    can: {
      edit: edit && !row.deletedAt,
      delete: edit && !row.deletedAt,
      restore: !!row.deletedAt && edit && hasCapability(viewer, "records.restore"),
    },
  };
}
