import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { JobResult } from "@/lib/jobs/types";
import { mutate } from "../audit";
import { refreshAccountHealth } from "../health/refresh";
import { escalateInTx, loadEscalationOrg } from "./escalate";

// The SLA job: marks complaints whose acknowledgement or resolution is overdue and escalates each
// breach once to the first-responsibility owner's manager. Safe when two runners race: the mark is
// a conditional UPDATE … WHERE "ackBreachedAt" IS NULL … RETURNING, so a row is claimed by exactly
// one transaction (the loser re-checks the WHERE after the winner commits and skips it), and the
// escalation, event and notification commit in that same transaction.

const BATCH = 200;

type Claimed = {
  id: string;
  number: string;
  title: string;
  ownerId: string;
  accountId: string;
  accountName: string;
};

async function claim(tx: Tx, clock: "ack" | "resolve", now: Date): Promise<Claimed[]> {
  const [breached, due, done] =
    clock === "ack"
      ? [Prisma.raw(`"ackBreachedAt"`), Prisma.raw(`"ackDueAt"`), Prisma.raw(`"acknowledgedAt"`)]
      : [Prisma.raw(`"resolveBreachedAt"`), Prisma.raw(`"resolveDueAt"`), Prisma.raw(`"resolvedAt"`)];
  return tx.$queryRaw<Claimed[]>`
    UPDATE "Complaint" c SET ${breached} = ${now}, "updatedAt" = ${now}
    FROM "Account" a
    WHERE a.id = c."accountId"
      AND c.id IN (
        SELECT id FROM "Complaint"
        WHERE ${breached} IS NULL AND ${done} IS NULL AND ${due} < ${now}
          AND "deletedAt" IS NULL AND status <> 'CLOSED'
        ORDER BY ${due} LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      AND c.${breached} IS NULL AND c.${done} IS NULL
    RETURNING c.id, c.number, c.title, c."ownerId", c."accountId", a.name AS "accountName"`;
}

export async function runComplaintSlaJob(now: Date): Promise<JobResult> {
  const counts = { ack: 0, resolve: 0 };
  const accounts = new Set<string>();
  for (const clock of ["ack", "resolve"] as const) {
    for (;;) {
      const claimed = await mutate(
        null,
        async ({ tx, auditMany }) => {
          const rows = await claim(tx, clock, now);
          if (!rows.length) {
            // Nothing to mark: record nothing (mutate wants an audit row for a change, and this is none).
            throw new NothingToDo();
          }
          const org = await loadEscalationOrg(
            tx,
            rows.map((r) => r.ownerId),
          );
          const entries = [];
          for (const r of rows) {
            entries.push({
              action: "complaint.slaBreach",
              entity: "Complaint",
              entityId: r.id,
              after: { clock, breachedAt: now },
            });
            entries.push(
              await escalateInTx(tx, org, r, { breach: clock, actorId: null, actorName: null, now }),
            );
          }
          await auditMany(entries);
          return rows;
        },
        { timeoutMs: 30_000 },
      ).catch((e: unknown) => {
        if (e instanceof NothingToDo) return [] as Claimed[];
        throw e;
      });
      counts[clock] += claimed.length;
      for (const r of claimed) accounts.add(r.accountId);
      if (claimed.length < BATCH) break;
    }
  }
  if (accounts.size) await refreshAccountHealth([...accounts], now);
  return {
    processed: counts.ack + counts.resolve,
    detail: { ackBreaches: counts.ack, resolveBreaches: counts.resolve },
  };
}

class NothingToDo extends Error {}
