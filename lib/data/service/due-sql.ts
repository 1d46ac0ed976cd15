import type { Prisma, Tx } from "@/lib/db";
import { addDays, chinaDate, toDbDate } from "@/lib/domain/calendar";
import { SERVICE_DUE_LEAD_DAYS } from "@/lib/domain/service-plans";
import { newId } from "../ids";

// The set-based half of the service due job, without "server-only" (the demo seed runs it too).

type Client = Pick<Tx, "$executeRaw"> | Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Items due within a week (or overdue) get ONE SERVICE_ITEM follow-up for their owner per item and
 * due date, the item's name as its note. ON CONFLICT on (serviceItemId, dueOn): running it twice,
 * or from two processes at once, adds nothing the second time. Returns how many were created.
 */
export async function createServiceDueFollowUps(client: Client, now: Date): Promise<number> {
  const horizon = toDbDate(addDays(chinaDate(now), SERVICE_DUE_LEAD_DAYS));
  return client.$executeRaw`
    INSERT INTO "FollowUp" (id, "accountId", "ownerId", "teamId", reason, "serviceItemId", note, "dueOn", version, "createdAt")
    SELECT ${newId()} || '-' || i.id, i."accountId", i."ownerId", a."teamId", 'SERVICE_ITEM', i.id, i.name,
           i."nextDueOn", 1, ${now}
    FROM "ServiceItem" i
    JOIN "ServicePlan" p ON p.id = i."planId" AND p."deletedAt" IS NULL
    JOIN "Account" a ON a.id = i."accountId" AND a."deletedAt" IS NULL
    WHERE i."deletedAt" IS NULL AND i."nextDueOn" <= ${horizon}::date
    ON CONFLICT ("serviceItemId", "dueOn") DO NOTHING`;
}
