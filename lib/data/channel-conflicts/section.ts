import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { OPEN_STATUSES } from "@/lib/domain/channel-conflicts";
import { chinaDate, chinaDayStart } from "@/lib/domain/calendar";
import { readBesideCheck } from "../distributors/scope";

// The conflicts part of a distributor's page: its open cases (as offending or affected party) and
// the outcomes of the cases resolved this (China calendar) year.

const sectionSelect = {
  id: true,
  number: true,
  kind: true,
  status: true,
  distributorId: true,
  affectedDistributorId: true,
  outcome: true,
  outcomeAmount: true,
  createdAt: true,
  resolvedAt: true,
} satisfies Prisma.ChannelConflictSelect;

export type ConflictSectionRow = Prisma.ChannelConflictGetPayload<{ select: typeof sectionSelect }> & {
  /** Is the distributor the offending party (else the affected one)? */
  offending: boolean;
};

export type ConflictsSection = { open: ConflictSectionRow[]; resolvedThisYear: ConflictSectionRow[] };

/**
 * A case is visible to whoever sees either party, so every case of a distributor the viewer sees
 * is visible: check the distributor once (NOT_FOUND otherwise) instead of filtering the cases by
 * the viewer's whole list of visible distributors, which cost 100 ms at 2,000 distributors.
 */
export async function loadConflictsSection(
  viewer: Viewer,
  distributorId: string,
  now = new Date(),
): Promise<ConflictsSection> {
  const party: Prisma.ChannelConflictWhereInput = {
    OR: [{ distributorId }, { affectedDistributorId: distributorId }],
  };
  const base = [party, { deletedAt: null }];
  const yearStart = chinaDayStart(`${chinaDate(now).slice(0, 4)}-01-01`);
  const [, [open, resolved]] = await readBesideCheck(viewer, distributorId, () =>
    Promise.all([
      db.channelConflict.findMany({
        where: { AND: [...base, { status: { in: [...OPEN_STATUSES] } }] },
        select: sectionSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
      }),
      db.channelConflict.findMany({
        where: { AND: [...base, { status: "RESOLVED", resolvedAt: { gte: yearStart } }] },
        select: sectionSelect,
        orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
        take: 50,
      }),
    ]),
  );
  const mark = (r: (typeof open)[number]) => ({ ...r, offending: r.distributorId === distributorId });
  return { open: open.map(mark), resolvedThisYear: resolved.map(mark) };
}
