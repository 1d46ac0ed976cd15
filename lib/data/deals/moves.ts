import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import {
  checkMove,
  gateRefusal,
  type DealStage,
  type DealStatus,
  type MoveDecision,
} from "@/lib/domain/pipeline";
import { assertRecord } from "@/lib/auth/permissions";
import { AppError, staleVersion } from "@/lib/errors";
import { auditSnapshot } from "../audit";
import { newId } from "../ids";
import { scopeSql } from "../scope-sql";
import { toCard, type BoardCard, type BoardRow } from "./card";
import { gateInput, peopleOf, peopleSql } from "./gate-input";
import { GateRefusedError } from "./gate-refusal";
import { cachedPipelineSettings } from "./settings";

// Moving a deal between stages, or to 丢单: the stage gates checked on the server whatever the
// board did, a manager's override with its reason, and the transition written in one statement.

type Client = Prisma.TransactionClient | typeof db;

/** The columns a card and its gate need ("Deal" d, "Account" a, owner u, people p). */
const CARD_COLUMNS_SQL = Prisma.sql`
  d.id, d.title, d."accountId", a.name AS "accountName", a.tier, d."expectedValue", d."ownerId",
  u.name AS "ownerName", d."teamId", d.stage, d.status, d."stageEnteredAt", d."closedAt",
  d."closeProbability", d."expectedCloseDate", d.version, d.opportunity, d."sampleItem",
  d."sampleSentOn", d."sampleSpecAgreed", d."sampleAccepted", d."sampleTechOwner",
  d."informationSufficient", d."needsClear", d.obstacles, d."expectedDevCost", d.programme,
  d."seniorMeetingHeld", d."siteAuditDone", d."systemSupportArranged",
  p."coachCount", p."decisionMakers", p."weakDecisionMakers"`;

/**
 * A live deal with everything a move needs — its gate work, the people summary, and what its card
 * shows — in one statement. NOT_FOUND outside scope, FORBIDDEN if not the viewer's to edit.
 */
async function dealForMove(tx: Client, viewer: Viewer, id: string, minStrength: number): Promise<BoardRow> {
  const rows = await tx.$queryRaw<BoardRow[]>`
    SELECT ${CARD_COLUMNS_SQL}
    FROM "Deal" d
    JOIN "Account" a ON a.id = d."accountId"
    JOIN "User" u ON u.id = d."ownerId"
    ${peopleSql(minStrength, Prisma.sql`true`)}
    WHERE d.id = ${id} AND d."deletedAt" IS NULL AND ${scopeSql(viewer, "d")}`;
  const row = rows[0] ?? null;
  assertRecord(viewer, "edit", row, "deal");
  return row as BoardRow;
}

const MOVE_ERRORS: Record<Extract<MoveDecision, { ok: false }>["reason"], [string, string]> = {
  closed: ["_form", "gate.errors.closed"],
  sameStage: ["to", "gate.errors.sameStage"],
  gateUnmet: ["_form", "gate.errors.gateUnmet"],
  overrideReasonRequired: ["overrideReason", "gate.errors.overrideReasonRequired"],
  wonOnlyFromClosing: ["to", "gate.errors.wonOnlyFromClosing"],
  lostReasonRequired: ["lostReasonId", "gate.errors.lostReasonRequired"],
};

/** A refused move's error: the reason as a field error; unmet gate items as ids (GateRefusedError). */
function moveError(decision: Extract<MoveDecision, { ok: false }>): AppError {
  const [field, key] = MOVE_ERRORS[decision.reason];
  const fieldErrors = { [field]: [key] };
  return decision.unmet?.length
    ? new GateRefusedError(decision.reason, fieldErrors, gateRefusal(decision.unmet))
    : new AppError("VALIDATION", decision.reason, fieldErrors);
}

/** The deal (with its card and gate input) and the decision for a move; throws when refused. */
export async function decideMove(
  tx: Client,
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    from?: DealStage;
    to: DealStage | "WON" | "LOST";
    overrideReason?: string | null;
    lostReasonId?: string | null;
  },
) {
  const settings = await cachedPipelineSettings();
  const before = await dealForMove(tx, viewer, input.id, settings.minDecisionMakerStrength);
  // The person meant a move from the stage they saw: from anywhere else (someone moved or closed
  // it meanwhile) nothing moves, rather than the deal going one stage further than they meant.
  if (input.from && (before.status !== "OPEN" || before.stage !== input.from))
    throw new AppError("CONFLICT", "changed by someone else", { _form: ["gate.errors.movedElsewhere"] });
  // A board showing an old state gets "changed by someone else", not a gate or "same stage" answer.
  if (before.version !== input.version) throw staleVersion();
  const decision = checkMove({
    from: before.stage,
    status: before.status,
    to: input.to,
    gate: gateInput(before, peopleOf(before)),
    canOverride: hasCapability(viewer, "pipeline.override"),
    overrideReason: input.overrideReason,
    lostReasonId: input.lostReasonId,
  });
  if (!decision.ok) throw moveError(decision);
  return { before, decision };
}

/**
 * Applies a transition in ONE statement: the versioned update of the deal, its history row and its
 * audit row (who, before, after). One statement is atomic on its own, so a move needs no
 * interactive transaction; a stale version updates nothing and so writes nothing, and is reported
 * as "changed by someone else". Returns the card as the board should now show it.
 */
export async function applyTransition(
  client: Client,
  viewer: Viewer,
  args: {
    before: BoardRow;
    version: number;
    decision: Extract<MoveDecision, { ok: true }>;
    toStage: DealStage;
    toStatus: DealStatus;
    overrideReason?: string | null;
    note?: string | null;
    lostReasonId?: string | null;
    at: Date;
    extra?: Record<string, unknown>;
  },
): Promise<BoardCard> {
  const { before, decision, at } = args;
  const overridden = decision.overridden.map((o) => `${o.stage}.${o.item}`);
  const closing = args.toStatus !== "OPEN";
  const set = closing
    ? Prisma.sql`status = ${args.toStatus}::"DealStatus", "closedAt" = ${at},
        "lostReasonId" = ${args.lostReasonId ?? null}, "closeNote" = ${args.note ?? null}`
    : Prisma.sql`stage = ${args.toStage}::"DealStage", "stageEnteredAt" = ${at}`;
  const action = overridden.length
    ? "deal.moveOverride"
    : `deal.${decision.kind === "back" ? "moveBack" : decision.kind === "forward" ? "move" : decision.kind}`;
  const auditBefore = { stage: before.stage, status: before.status, version: args.version };
  const auditAfter = {
    stage: args.toStage,
    status: args.toStatus,
    version: args.version + 1,
    accountId: before.accountId,
    title: before.title,
    ...(overridden.length ? { overrideReason: args.overrideReason, overriddenGate: overridden } : {}),
    ...(args.note ? { note: args.note } : {}),
    ...args.extra,
  };
  const written = await client.$queryRaw<{ id: string }[]>`
    WITH moved AS (
      UPDATE "Deal" SET ${set}, version = version + 1, "updatedAt" = ${at}
      WHERE id = ${before.id} AND version = ${args.version}
      RETURNING id
    ), history AS (
      INSERT INTO "DealStageChange" ("id", "dealId", "fromStage", "toStage", "fromStatus", "toStatus",
        "overrideReason", "overriddenGate", "note", "actorId", "createdAt")
      SELECT ${newId()}, moved.id, ${before.stage}::"DealStage", ${args.toStage}::"DealStage",
        ${before.status}::"DealStatus", ${args.toStatus}::"DealStatus",
        ${overridden.length ? (args.overrideReason ?? null) : null}, ${overridden}::text[],
        ${args.note ?? null}, ${viewer.id}, ${at}
      FROM moved
      RETURNING "dealId"
    )
    INSERT INTO "AuditLog" ("id", "actorId", "action", "entity", "entityId", "before", "after", "createdAt")
    SELECT ${newId()}, ${viewer.id}, ${action}, 'Deal', history."dealId",
      ${JSON.stringify(auditSnapshot(auditBefore))}::jsonb, ${JSON.stringify(auditSnapshot(auditAfter))}::jsonb, ${at}
    FROM history
    RETURNING id`;
  if (!written.length) throw staleVersion();
  return toCard(
    {
      ...before,
      stage: args.toStage,
      status: args.toStatus,
      stageEnteredAt: closing ? before.stageEnteredAt : at,
      closedAt: closing ? at : null,
      version: args.version + 1,
    },
    gateInput(before, peopleOf(before)),
  );
}

/**
 * Moves a deal to another stage, or to 丢单 (lost). Forward moves pass the gates of the stages they
 * leave unless a manager overrides with a reason; the version makes the second of two simultaneous
 * moves fail with "changed by someone else". Returns the card as the board should now show it.
 * (The board's hot path: one read, one write; see applyTransition.)
 */
export async function moveDeal(
  viewer: Viewer,
  input: {
    id: string;
    version: number;
    from?: DealStage;
    to: DealStage | "LOST";
    overrideReason?: string | null;
    lostReasonId?: string | null;
    note?: string | null;
  },
): Promise<BoardCard> {
  const { before, decision } = await decideMove(db, viewer, input);
  const at = new Date();
  if (input.to !== "LOST") {
    return applyTransition(db, viewer, {
      before,
      version: input.version,
      decision,
      toStage: input.to,
      toStatus: "OPEN",
      overrideReason: input.overrideReason,
      note: input.note,
      at,
    });
  }
  const reason = await db.lostReason.findFirst({
    where: { id: input.lostReasonId!, deletedAt: null },
    select: { id: true, code: true },
  });
  if (!reason) {
    throw new AppError("VALIDATION", "lost reason", { lostReasonId: ["validation.invalidOption"] });
  }
  return applyTransition(db, viewer, {
    before,
    version: input.version,
    decision,
    toStage: before.stage,
    toStatus: "LOST",
    lostReasonId: reason.id,
    note: input.note,
    at,
    extra: { lostReason: reason.code },
  });
}
