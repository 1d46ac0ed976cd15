import "server-only";
import { Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { Obstacle, ProgrammeStep } from "@/lib/domain/pipeline";
import { assertCapability, assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { resolveOwner } from "../accounts";
import { mutate, type MutationContext } from "../audit";
import { updateVersioned } from "../versioning";

// Changing a deal: creating it, its details, and the work of each stage (the fields its gate reads).

type Tx = Prisma.TransactionClient;

/** A deal for a change: NOT_FOUND outside scope (or deleted), FORBIDDEN if not the viewer's to edit. */
export async function dealForChange(tx: Tx, viewer: Viewer, id: string, opts: { deleted?: boolean } = {}) {
  const deal = await tx.deal.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: opts.deleted ? { not: null } : null },
  });
  if (!deal) throw notFound("deal");
  assertRecord(viewer, opts.deleted ? "restore" : "edit", deal, "deal");
  return deal;
}

export async function createDeal(
  viewer: Viewer,
  input: {
    accountId: string;
    title: string;
    expectedValue: bigint;
    expectedCloseDate?: Date | null;
    products?: string | null;
    ownerId?: string | null;
  },
) {
  assertCapability(viewer, "records.create");
  return mutate(viewer, async ({ tx, audit }) => {
    const account = await tx.account.findFirst({
      where: { id: input.accountId, ...scopeWhere(viewer), deletedAt: null },
      select: { id: true, ownerId: true, teamId: true },
    });
    // Developing an account is its owner's (or their manager's) work.
    assertRecord(viewer, "edit", account, "account");
    const owner = await resolveOwner(tx, viewer, input.ownerId);
    const now = new Date();
    const deal = await tx.deal.create({
      data: {
        accountId: account.id,
        title: input.title,
        expectedValue: input.expectedValue,
        expectedCloseDate: input.expectedCloseDate ?? null,
        products: input.products ?? null,
        ownerId: owner.id,
        teamId: owner.teamId,
        stageEnteredAt: now,
        createdAt: now,
      },
    });
    await tx.dealStageChange.create({
      data: { dealId: deal.id, toStage: "TARGET", toStatus: "OPEN", actorId: viewer.id, createdAt: now },
    });
    await audit({ action: "deal.create", entity: "Deal", entityId: deal.id, after: deal });
    return { id: deal.id };
  });
}

export async function updateDeal(
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    title: string;
    expectedValue: bigint;
    expectedCloseDate: Date | null;
    products: string | null;
  },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await dealForChange(tx, viewer, input.id);
    const { title, expectedValue, expectedCloseDate, products } = input;
    await updateVersioned(tx.deal, {
      where: { id: input.id },
      version: input.version,
      data: { title, expectedValue, expectedCloseDate, products },
    });
    const after = await tx.deal.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "deal.update", entity: "Deal", entityId: input.id, before, after });
    return after;
  });
}

export type StageWork =
  | {
      section: "TARGET";
      potentialNeed: string | null;
      needUrgency: number | null;
      initialCommunication: string | null;
      businessCondition: string | null;
      opportunity: "YES" | "NO" | "UNKNOWN";
    }
  | {
      section: "INFORMATION";
      sampleItem: string | null;
      sampleSentOn: Date | null;
      sampleSpecAgreed: boolean;
      sampleAccepted: "YES" | "NO" | "UNKNOWN";
      sampleTechOwner: string | null;
      informationSufficient: boolean;
      needsClear: boolean;
    }
  | {
      section: "VALUE";
      closeProbability: number | null;
      expectedDevCost: bigint | null;
      obstacles: Obstacle[];
      programme: ProgrammeStep[];
    }
  | {
      section: "CLOSING";
      seniorMeetingHeld: boolean;
      siteAuditDone: boolean;
      systemSupportArranged: boolean;
    };

/** Saves the work of one stage (the fields the gates read). Programme owners must be people in scope. */
export async function updateStageWork(viewer: Viewer, input: StageWork & { id: string; version: number }) {
  return mutate(viewer, (ctx) => applyStageWork(ctx, viewer, input));
}

/**
 * updateStageWork inside a transaction the caller already holds (a visit record ticking its deal's
 * current-stage work commits with the record): the same checks, versioned write and audit row.
 */
export async function applyStageWork(
  { tx, audit }: Pick<MutationContext, "tx" | "audit">,
  viewer: Viewer,
  input: StageWork & { id: string; version: number },
) {
  const before = await dealForChange(tx, viewer, input.id);
  if (before.status !== "OPEN") throw new AppError("VALIDATION", "closed", { _form: ["gate.errors.closed"] });
  const { id, version, section, ...data } = input;
  if (input.section === "VALUE") {
    const ownerIds = [...new Set(input.programme.map((s) => s.ownerId))];
    const owners = await tx.user.findMany({
      where: {
        id: { in: ownerIds },
        active: true,
        ...(viewer.visibleTeamIds === "all" ? {} : { teamId: { in: [...viewer.visibleTeamIds] } }),
      },
      select: { id: true },
    });
    if (owners.length !== ownerIds.length)
      throw new AppError("VALIDATION", "step owner", { programme: ["validation.invalidOption"] });
  }
  const values =
    input.section === "VALUE"
      ? {
          closeProbability: input.closeProbability,
          expectedDevCost: input.expectedDevCost,
          obstacles: input.obstacles as unknown as Prisma.InputJsonValue,
          programme: input.programme as unknown as Prisma.InputJsonValue,
        }
      : data;
  await updateVersioned(tx.deal, { where: { id }, version, data: values });
  const after = await tx.deal.findUniqueOrThrow({ where: { id } });
  await audit({
    action: `deal.work.${section.toLowerCase()}`,
    entity: "Deal",
    entityId: id,
    before,
    after,
  });
  return after;
}
