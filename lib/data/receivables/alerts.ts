import "server-only";
import { db, Prisma } from "@/lib/db";
import { chinaDate, chinaDayStart } from "@/lib/domain/calendar";
import { receivablesAlerts, type ReceivablesAlertKind } from "@/lib/domain/receivables";
import type { JobResult } from "@/lib/jobs/types";
import { mutate } from "../audit";

// The daily receivables alerts: a distributor over its credit limit, or holding overdue invoices,
// is told to its channel manager (the distributor's owner) as a notification — at most one of each
// kind per distributor and China calendar day, however often the job runs. Runs serialise on an
// advisory lock and check for today's notifications inside it, so two runners never send twice.

type Candidate = {
  id: string;
  name: string;
  ownerId: string;
  creditLimit: bigint;
  open: bigint;
  overdue: bigint;
  overdueCount: number;
};

class NothingToDo extends Error {}

export async function runReceivablesAlerts(now: Date): Promise<JobResult> {
  const today = chinaDate(now);
  const candidates = await db.$queryRaw<Candidate[]>`
    SELECT d.id, d.name, d."ownerId", d."creditLimit",
      SUM(i.amount - i."paidAmount")::bigint AS open,
      COALESCE(SUM(i.amount - i."paidAmount") FILTER (WHERE i."dueOn" < ${today}::date), 0)::bigint AS overdue,
      (COUNT(*) FILTER (WHERE i."dueOn" < ${today}::date))::int AS "overdueCount"
    FROM "ChannelInvoice" i
    JOIN "Distributor" d ON d.id = i."distributorId"
    WHERE i.status = 'OPEN' AND i."deletedAt" IS NULL AND d."deletedAt" IS NULL
    GROUP BY d.id`;
  const due: { distributor: Candidate; kind: ReceivablesAlertKind }[] = [];
  for (const c of candidates) {
    const kinds = receivablesAlerts({
      openBalance: BigInt(c.open),
      creditLimit: BigInt(c.creditLimit),
      overdueAmount: BigInt(c.overdue),
    });
    for (const kind of kinds) due.push({ distributor: c, kind });
  }
  if (!due.length) return { processed: 0, detail: { overLimit: 0, overdue: 0 } };

  const sent = await mutate(
    null,
    async ({ tx, auditMany }) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keystone.receivables.alerts'))`;
      const already = await tx.notification.findMany({
        where: {
          entity: "Distributor",
          kind: { in: ["receivables.overLimit", "receivables.overdue"] },
          createdAt: { gte: chinaDayStart(today) },
          entityId: { in: [...new Set(due.map((d) => d.distributor.id))] },
        },
        select: { kind: true, entityId: true, userId: true },
      });
      const seen = new Set(already.map((n) => `${n.kind}|${n.entityId}|${n.userId}`));
      const fresh = due.filter((d) => !seen.has(`${d.kind}|${d.distributor.id}|${d.distributor.ownerId}`));
      if (!fresh.length) throw new NothingToDo();
      await tx.notification.createMany({
        data: fresh.map(({ distributor: d, kind }) => ({
          userId: d.ownerId,
          kind,
          entity: "Distributor",
          entityId: d.id,
          actorId: null,
          createdAt: now,
          payload: {
            distributorName: d.name,
            amountFen: String(kind === "receivables.overLimit" ? d.open : d.overdue),
            limitFen: String(d.creditLimit),
            count: d.overdueCount,
          } satisfies Prisma.InputJsonObject,
        })),
      });
      await auditMany(
        fresh.map(({ distributor: d, kind }) => ({
          action: kind,
          entity: "Distributor",
          entityId: d.id,
          after: {
            day: today,
            open: d.open,
            overdue: d.overdue,
            creditLimit: d.creditLimit,
            notified: d.ownerId,
          },
        })),
      );
      return fresh;
    },
    { timeoutMs: 30_000 },
  ).catch((e: unknown) => {
    if (e instanceof NothingToDo) return [];
    throw e;
  });
  return {
    processed: sent.length,
    detail: {
      overLimit: sent.filter((s) => s.kind === "receivables.overLimit").length,
      overdue: sent.filter((s) => s.kind === "receivables.overdue").length,
    },
  };
}
