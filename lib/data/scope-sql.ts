import { Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";

/**
 * `scopeWhere` (lib/auth/permissions.ts) as SQL, for the few queries written by hand: a record is
 * visible to its owner and to anyone who sees its team. `alias` is the owned table's alias.
 * An integration test checks both forms return the same rows.
 */
export function scopeSql(viewer: Viewer, alias: string): Prisma.Sql {
  if (viewer.visibleTeamIds === "all") return Prisma.sql`TRUE`;
  const t = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${t}."ownerId" = ${viewer.id} OR ${t}."teamId" = ANY(${[...viewer.visibleTeamIds]}::text[]))`;
}
