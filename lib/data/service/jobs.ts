import "server-only";
import { db } from "@/lib/db";
import { addDays, chinaDate, chinaToday, toDbDate } from "@/lib/domain/calendar";
import { SERVICE_DUE_LEAD_DAYS } from "@/lib/domain/service-plans";
import type { JobResult } from "@/lib/jobs/types";
import { newId } from "../ids";

// CONTRACT: service items due within a week (or overdue) get ONE SERVICE_ITEM follow-up for their
// owner per item and due date, the item's name as its note. One INSERT … SELECT with ON CONFLICT on
// (serviceItemId, dueOn): running it twice, or from two processes at once, adds nothing the second
// time. Recording the delivery completes the task (lib/data/service/deliveries.ts).
export async function runServiceDueJob(now: Date): Promise<JobResult> {
  const horizon = toDbDate(addDays(chinaDate(now), SERVICE_DUE_LEAD_DAYS));
  const created = await db.$executeRaw`
    INSERT INTO "FollowUp" (id, "accountId", "ownerId", "teamId", reason, "serviceItemId", note, "dueOn", version, "createdAt")
    SELECT ${newId()} || '-' || i.id, i."accountId", i."ownerId", a."teamId", 'SERVICE_ITEM', i.id, i.name, i."nextDueOn", 1, ${now}
    FROM "ServiceItem" i
    JOIN "ServicePlan" p ON p.id = i."planId" AND p."deletedAt" IS NULL
    JOIN "Account" a ON a.id = i."accountId" AND a."deletedAt" IS NULL
    WHERE i."deletedAt" IS NULL AND i."nextDueOn" <= ${horizon}::date
    ON CONFLICT ("serviceItemId", "dueOn") DO NOTHING`;
  return { processed: created, detail: { today: chinaToday(now).toISOString().slice(0, 10) } };
}
