// The demo company's audit trail: the rows the app itself would have written for the seeded history
// (accounts created, contacts added, qualification, lifecycle moves, tier overrides, every deal move
// and outcome, agreements signed), with the same action names and snapshot shapes as lib/data, the
// same actors and the same moments. Without them a won demo customer's timeline said "no activity"
// although its records show a year of work. Read back from the rows the seed just wrote, so the
// trail cannot disagree with them. Deterministic: ids in time order.
import type { Prisma, Tx } from "@/lib/db";
import { stageNumber, type DealStage } from "@/lib/domain/pipeline";
import type { DemoUser } from "./demo-org";

type Entry = Omit<Prisma.AuditLogCreateManyInput, "id" | "createdAt"> & { createdAt: Date };

const HOUR = 3_600_000;

/** JSON as the audit trail stores it (auditSnapshot in lib/data/audit.ts): dates ISO, money as text. */
function snapshot(value: Record<string, unknown>): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

export async function seedDemoHistory(tx: Tx, args: { users: DemoUser[] }): Promise<{ auditRows: number }> {
  const managerOf = (teamId: string) =>
    args.users.find((u) => u.role === "MANAGER" && u.teamId === teamId)?.id ?? null;
  const entries: Entry[] = [];
  const add = (e: Entry) => entries.push(e);

  const accounts = await tx.account.findMany({
    orderBy: { id: "asc" },
    include: {
      contacts: { orderBy: { id: "asc" } },
      lifecycleChanges: { orderBy: { createdAt: "asc" } },
      deals: {
        orderBy: { id: "asc" },
        include: { stageChanges: { orderBy: { createdAt: "asc" } }, agreement: true },
      },
    },
  });

  for (const a of accounts) {
    const firstStage = a.lifecycleChanges[0]?.from ?? a.lifecycle;
    add({
      actorId: a.ownerId,
      action: "account.create",
      entity: "Account",
      entityId: a.id,
      after: snapshot({
        name: a.name,
        creditCode: a.creditCode,
        accountType: a.accountType,
        industry: a.industry,
        ownerId: a.ownerId,
        teamId: a.teamId,
        territoryId: a.territoryId,
        lifecycle: firstStage,
      }),
      createdAt: a.createdAt,
    });

    for (const c of a.contacts) {
      add({
        actorId: a.ownerId,
        action: "contact.create",
        entity: "Contact",
        entityId: c.id,
        after: snapshot({
          accountId: a.id,
          name: c.name,
          title: c.title,
          department: c.department,
          buyingRole: c.buyingRole,
          stance: c.stance,
          influence: c.influence,
          relationshipStrength: c.relationshipStrength,
        }),
        createdAt: c.createdAt,
      });
    }

    // The four marks were judged before the account first moved on (or soon after it was created).
    const marks = {
      needMark: a.needMark,
      affordMark: a.affordMark,
      willingMark: a.willingMark,
      decideMark: a.decideMark,
    };
    if (Object.values(marks).some((m) => m !== "UNKNOWN")) {
      const firstMove = a.lifecycleChanges[0]?.createdAt;
      const at = firstMove
        ? new Date(firstMove.getTime() - 2 * HOUR)
        : new Date(Math.min(a.createdAt.getTime() + 72 * HOUR, a.updatedAt.getTime()));
      add({
        actorId: a.ownerId,
        action: "account.qualify",
        entity: "Account",
        entityId: a.id,
        before: snapshot({
          needMark: "UNKNOWN",
          affordMark: "UNKNOWN",
          willingMark: "UNKNOWN",
          decideMark: "UNKNOWN",
        }),
        after: snapshot({
          ...marks,
          needEvidence: a.needEvidence,
          affordEvidence: a.affordEvidence,
          willingEvidence: a.willingEvidence,
          decideEvidence: a.decideEvidence,
        }),
        createdAt: at < a.createdAt ? a.createdAt : at,
      });
    }

    for (const lc of a.lifecycleChanges) {
      // A won deal made the account a customer (winDeal writes account.dealWon, not a lifecycle move).
      const won = lc.id.startsWith("lc_deal_")
        ? a.deals.find((d) => d.status === "WON" && d.closedAt?.getTime() === lc.createdAt.getTime())
        : undefined;
      add(
        won
          ? {
              actorId: lc.actorId,
              action: "account.dealWon",
              entity: "Account",
              entityId: a.id,
              before: snapshot({ lifecycle: lc.from }),
              after: snapshot({ lifecycle: lc.to, dealId: won.id, agreementId: won.agreement?.id ?? null }),
              createdAt: lc.createdAt,
            }
          : {
              actorId: lc.actorId,
              action: lc.overridden ? "account.lifecycleOverride" : "account.lifecycle",
              entity: "Account",
              entityId: a.id,
              before: snapshot({ lifecycle: lc.from }),
              after: snapshot({ lifecycle: lc.to, reason: lc.reason }),
              createdAt: lc.createdAt,
            },
      );
    }

    if (a.tierOverrideReason) {
      add({
        actorId: managerOf(a.teamId) ?? a.ownerId,
        action: "account.tierOverride",
        entity: "Account",
        entityId: a.id,
        before: snapshot({ tier: a.computedTier, tierOverrideReason: null }),
        after: snapshot({ tier: a.tier, tierOverrideReason: a.tierOverrideReason }),
        createdAt: a.updatedAt,
      });
    }

    for (const d of a.deals) dealHistory(d, add);
  }

  // Ids in time order, so "newest first" (createdAt, then id) reads the way things happened.
  entries.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
  const data = entries.map((e, i) => ({ ...e, id: `aud_seed_${String(i + 1).padStart(5, "0")}` }));
  await tx.auditLog.createMany({ data });
  return { auditRows: data.length };
}

type SeededDeal = Prisma.DealGetPayload<{ include: { stageChanges: true; agreement: true } }>;

/** A deal's rows as createDeal, applyTransition, terminateDeal and winDeal write them. */
function dealHistory(d: SeededDeal, add: (e: Entry) => void) {
  const base = { entity: "Deal", entityId: d.id } as const;
  for (const [i, c] of d.stageChanges.entries()) {
    if (i === 0) {
      add({
        ...base,
        actorId: c.actorId,
        action: "deal.create",
        after: snapshot({
          accountId: d.accountId,
          title: d.title,
          stage: c.toStage,
          status: "OPEN",
          ownerId: d.ownerId,
          teamId: d.teamId,
          expectedValue: d.expectedValue,
        }),
        createdAt: c.createdAt,
      });
      continue;
    }
    const from = (c.fromStage ?? c.toStage) as DealStage;
    const before = { stage: from, status: c.fromStatus ?? "OPEN", title: d.title };
    const overridden = c.overriddenGate.length > 0;
    const after = {
      stage: c.toStage,
      status: c.toStatus,
      accountId: d.accountId,
      title: d.title,
      ...(overridden ? { overrideReason: c.overrideReason, overriddenGate: c.overriddenGate } : {}),
      ...(c.note ? { note: c.note } : {}),
    };
    if (c.toStatus === "TERMINATED") {
      add({
        ...base,
        actorId: c.actorId,
        action: "deal.terminate",
        before: snapshot(before),
        after: snapshot({ ...after, closeNote: c.note }),
        createdAt: c.createdAt,
      });
      continue;
    }
    const action = overridden
      ? "deal.moveOverride"
      : c.toStatus === "WON"
        ? "deal.won"
        : c.toStatus === "LOST"
          ? "deal.lost"
          : stageNumber(c.toStage) > stageNumber(from)
            ? "deal.move"
            : "deal.moveBack";
    add({
      ...base,
      actorId: c.actorId,
      action,
      before: snapshot(before),
      after: snapshot(
        c.toStatus === "WON" && d.agreement ? { ...after, agreementId: d.agreement.id } : after,
      ),
      createdAt: c.createdAt,
    });
    if (c.toStatus === "WON" && d.agreement) {
      const g = d.agreement;
      add({
        actorId: c.actorId,
        action: "agreement.create",
        entity: "CooperationAgreement",
        entityId: g.id,
        after: snapshot({
          accountId: g.accountId,
          dealId: g.dealId,
          ownerId: g.ownerId,
          teamId: g.teamId,
          startDate: g.startDate,
          endDate: g.endDate,
          serviceContent: g.serviceContent,
          pricingPolicy: g.pricingPolicy,
          cooperationMode: g.cooperationMode,
          contractValue: g.contractValue,
        }),
        createdAt: c.createdAt,
      });
    }
  }
}
