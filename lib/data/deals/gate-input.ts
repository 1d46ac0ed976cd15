import "server-only";
import { Prisma } from "@/lib/db";
import type { GateInput, Obstacle, ProgrammeStep } from "@/lib/domain/pipeline";

// What the stage gates of lib/domain/pipeline.ts read, built from a deal row: its stage work and a
// summary of the account's people (内线, 决策者, weak decision makers).

export type ContactSummary = { coachCount: number; decisionMakers: number; weakDecisionMakers: number };

/** The deal's own columns the gates read, as a row holds them (JSON not yet parsed). */
export type GateFields = Omit<GateInput, keyof ContactSummary | "obstacles" | "programme"> & {
  obstacles: Prisma.JsonValue;
  programme: Prisma.JsonValue;
};

export const asObstacles = (v: Prisma.JsonValue): Obstacle[] => (Array.isArray(v) ? (v as Obstacle[]) : []);
export const asProgramme = (v: Prisma.JsonValue): ProgrammeStep[] =>
  Array.isArray(v) ? (v as ProgrammeStep[]) : [];

export function gateInput(deal: GateFields, people: ContactSummary): GateInput {
  return {
    opportunity: deal.opportunity,
    sampleItem: deal.sampleItem,
    sampleSentOn: deal.sampleSentOn,
    sampleSpecAgreed: deal.sampleSpecAgreed,
    sampleAccepted: deal.sampleAccepted,
    sampleTechOwner: deal.sampleTechOwner,
    informationSufficient: deal.informationSufficient,
    needsClear: deal.needsClear,
    closeProbability: deal.closeProbability,
    obstacles: asObstacles(deal.obstacles),
    expectedDevCost: deal.expectedDevCost,
    programme: asProgramme(deal.programme),
    seniorMeetingHeld: deal.seniorMeetingHeld,
    siteAuditDone: deal.siteAuditDone,
    systemSupportArranged: deal.systemSupportArranged,
    ...people,
  };
}

/** The people summary of a row (absent where the gate of the deal's stage does not read it). */
export const peopleOf = (r: {
  coachCount: number | null;
  decisionMakers: number | null;
  weakDecisionMakers: number | null;
}): ContactSummary => ({
  coachCount: r.coachCount ?? 0,
  decisionMakers: r.decisionMakers ?? 0,
  weakDecisionMakers: r.weakDecisionMakers ?? 0,
});

/**
 * The gate input of a board row: only the work its current stage's gate reads arrives (as one JSON
 * object per card, which keeps 2,000 rows small); what is absent counts as not done.
 */
export function boardGate(work: Partial<GateFields> | null, people: ContactSummary): GateInput {
  const w = work ?? {};
  return {
    opportunity: w.opportunity ?? "UNKNOWN",
    sampleItem: w.sampleItem ?? null,
    sampleSentOn: w.sampleSentOn ?? null,
    sampleSpecAgreed: w.sampleSpecAgreed ?? false,
    sampleAccepted: w.sampleAccepted ?? "UNKNOWN",
    sampleTechOwner: w.sampleTechOwner ?? null,
    informationSufficient: w.informationSufficient ?? false,
    needsClear: w.needsClear ?? false,
    closeProbability: w.closeProbability ?? null,
    obstacles: asObstacles(w.obstacles ?? null),
    expectedDevCost: w.expectedDevCost ?? null,
    programme: asProgramme(w.programme ?? null),
    seniorMeetingHeld: w.seniorMeetingHeld ?? false,
    siteAuditDone: w.siteAuditDone ?? false,
    systemSupportArranged: w.systemSupportArranged ?? false,
    ...people,
  };
}

/**
 * The people summary the gates read, per deal ("Deal" d): 内线 count, 决策者 count, and decision
 * makers below the minimum strength or without an influence plan. `when` limits it to the deals
 * that need it.
 */
export const peopleSql = (minStrength: number, when: Prisma.Sql) => Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT
      count(*) FILTER (WHERE c."buyingRole" = 'COACH')::int AS "coachCount",
      count(*) FILTER (WHERE c."buyingRole" = 'DECISION_MAKER')::int AS "decisionMakers",
      count(*) FILTER (WHERE c."buyingRole" = 'DECISION_MAKER'
        AND (c."relationshipStrength" < ${minStrength} OR coalesce(c.approach, '') !~ '\\S'))::int
        AS "weakDecisionMakers"
    FROM "Contact" c WHERE ${when} AND c."accountId" = d."accountId" AND c."deletedAt" IS NULL
  ) p ON true`;
