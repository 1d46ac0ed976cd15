import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { LessonsQuery } from "@/lib/validation/channel-conflicts";
import { conflictScopeWhere, distributorNames } from "./shared";

// 防范机制: what resolved cases taught. Each resolved case's prevention note is a lesson, kept with
// its cause and outcome and searchable, so the next conflict of the same kind is prevented rather
// than handled again. The same scope as the cases (offending or affected distributor).

export const LESSONS_PAGE_SIZE = 20;

const lessonSelect = {
  id: true,
  number: true,
  kind: true,
  distributorId: true,
  causeAnalysis: true,
  outcome: true,
  outcomeAmount: true,
  preventionNote: true,
  resolvedAt: true,
} satisfies Prisma.ChannelConflictSelect;

export type LessonRow = Prisma.ChannelConflictGetPayload<{ select: typeof lessonSelect }> & {
  preventionNote: string;
  distributor: { name: string; code: string } | null;
};

/** Resolved cases with a prevention note, newest first; `q` searches the note, the cause and the number. */
export async function listLessons(
  viewer: Viewer,
  query: Partial<LessonsQuery> = {},
): Promise<{ rows: LessonRow[]; total: number; page: number; pageSize: number }> {
  const page = query.page ?? 1;
  const and: Prisma.ChannelConflictWhereInput[] = [
    await conflictScopeWhere(viewer),
    { deletedAt: null, status: "RESOLVED", preventionNote: { not: null } },
  ];
  if (query.kind) and.push({ kind: query.kind });
  if (query.q)
    and.push({
      OR: [
        { preventionNote: { contains: query.q, mode: "insensitive" } },
        { causeAnalysis: { contains: query.q, mode: "insensitive" } },
        { number: { contains: query.q, mode: "insensitive" } },
      ],
    });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    db.channelConflict.findMany({
      where,
      select: lessonSelect,
      orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * LESSONS_PAGE_SIZE,
      take: LESSONS_PAGE_SIZE,
    }),
    db.channelConflict.count({ where }),
  ]);
  const names = await distributorNames(
    db,
    rows.map((r) => r.distributorId),
  );
  return {
    rows: rows.map((r) => ({
      ...r,
      preventionNote: r.preventionNote ?? "",
      distributor: names.get(r.distributorId) ?? null,
    })),
    total,
    page,
    pageSize: LESSONS_PAGE_SIZE,
  };
}
