import { randomUUID } from "node:crypto";
import type { Prisma, Tx } from "@/lib/db";

// Visit plans and records written directly (fixtures: no audit rows, no follow-ups, no last-contact
// update), filed in the owner's team. For tests and seeds that need rows to read, not the save path.

type Client = Pick<Tx, "user" | "visitPlan" | "visitRecord">;

async function teamOf(client: Client, ownerId: string): Promise<string> {
  const owner = await client.user.findUniqueOrThrow({ where: { id: ownerId }, select: { teamId: true } });
  if (!owner.teamId) throw new Error(`${ownerId} has no team to file a visit in`);
  return owner.teamId;
}

/** A plan, approved by default, an hour long from `plannedStart`. */
export async function makePlan(
  client: Client,
  fields: Partial<Prisma.VisitPlanUncheckedCreateInput> & {
    ownerId: string;
    accountId: string;
    plannedStart: Date;
  },
) {
  return client.visitPlan.create({
    data: {
      teamId: await teamOf(client, fields.ownerId),
      purpose: "技术交流，了解年度采购计划",
      method: "IN_PERSON",
      status: "APPROVED",
      plannedEnd: new Date(fields.plannedStart.getTime() + 3_600_000),
      ...fields,
    },
  });
}

/** A visit record at `visitedAt`. */
export async function makeRecord(
  client: Client,
  fields: Partial<Prisma.VisitRecordUncheckedCreateInput> & {
    ownerId: string;
    accountId: string;
    visitedAt: Date;
  },
) {
  return client.visitRecord.create({
    data: {
      clientId: randomUUID(),
      teamId: await teamOf(client, fields.ownerId),
      method: "IN_PERSON",
      talkingPoints: "介绍新产品，客户对价格有顾虑",
      outcome: "ADVANCED",
      durationMinutes: 60,
      ...fields,
    },
  });
}
