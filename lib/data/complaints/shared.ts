import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import { canSeeComplaint, type Viewer } from "@/lib/domain/access";
import { nextComplaintNumber, type ComplaintSeverity, type SlaPolicy } from "@/lib/domain/complaints";
import { notFound } from "@/lib/errors";

// What every complaint query shares: the scope as a where clause (canSeeComplaint's mirror), the
// SLA policy of a severity and the next number of the year.

/**
 * canSeeComplaint as a where clause: the account's team is visible, or the viewer is the
 * first-responsibility owner or the handler, or the handling team is visible. An integration test
 * checks both forms agree.
 */
export function complaintScope(viewer: Viewer): Prisma.ComplaintWhereInput {
  if (viewer.visibleTeamIds === "all") return {};
  const teams = [...viewer.visibleTeamIds];
  return {
    OR: [
      { teamId: { in: teams } },
      { ownerId: viewer.id },
      { handlerId: viewer.id },
      { handlerTeamId: { in: teams } },
    ],
  };
}

export const partiesSelect = {
  id: true,
  accountId: true,
  teamId: true,
  ownerId: true,
  handlerId: true,
  handlerTeamId: true,
  status: true,
  version: true,
  deletedAt: true,
} satisfies Prisma.ComplaintSelect;

type Parties = Prisma.ComplaintGetPayload<{ select: typeof partiesSelect }>;

/** The complaint for a change inside `tx`: NOT_FOUND when it is out of the viewer's scope. */
export async function complaintForChange<S extends Prisma.ComplaintSelect>(
  tx: Tx,
  viewer: Viewer,
  id: string,
  select: S,
  opts: { deleted?: boolean } = {},
): Promise<Parties & Prisma.ComplaintGetPayload<{ select: S }>> {
  const row = (await tx.complaint.findFirst({
    where: { id, deletedAt: opts.deleted ? { not: null } : null },
    select: { ...select, ...partiesSelect } as Prisma.ComplaintSelect,
  })) as unknown as (Parties & Prisma.ComplaintGetPayload<{ select: S }>) | null;
  if (!row || !canSeeComplaint(viewer, row)) throw notFound("complaint");
  return row;
}

/** The severity's SLA (ComplaintSla; the migration inserted a row per severity). */
export async function slaPolicy(tx: Tx, severity: ComplaintSeverity): Promise<SlaPolicy> {
  const row = await tx.complaintSla.findUnique({ where: { severity } });
  if (!row) throw new Error(`no SLA for severity ${severity}`);
  return { ackMinutes: row.ackMinutes, resolveMinutes: row.resolveMinutes };
}

/**
 * The next TS-<year>-<seq>. A transaction-scoped advisory lock serialises numbering, so two
 * complaints recorded at the same moment never take the same number (the unique index is the net).
 */
export async function allocateNumber(tx: Tx, receivedAt: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keystone.complaint-number'))`;
  const year = nextComplaintNumber(receivedAt, null).slice(3, 7);
  const [top] = await tx.$queryRaw<{ number: string }[]>`
    SELECT number FROM "Complaint"
    WHERE number >= ${`TS-${year}-`} AND number < ${`TS-${year}.`}
    ORDER BY length(number) DESC, number DESC LIMIT 1`;
  return nextComplaintNumber(receivedAt, top?.number ?? null);
}

/** Names of teams for display (handling teams have no relation on Complaint). */
export async function teamNames(tx: Tx, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map<string, { name: string; nameZh: string | null }>();
  const rows = await tx.team.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, nameZh: true },
  });
  return new Map(rows.map((r) => [r.id, { name: r.name, nameZh: r.nameZh }]));
}
