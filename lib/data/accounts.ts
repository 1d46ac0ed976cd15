import "server-only";
import { db, Prisma, type Contact, type LifecycleChange, type ScoreSnapshot, type Tier } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { checkLifecycleMove, type LifecycleStage } from "@/lib/domain/qualification";
import { assertCapability, assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "./audit";
import { scopeSql } from "./scope-sql";
import { rescore, type FullAccount } from "./account-scores";
import { refreshContactDueFor } from "./visits/contact-due";
import { updateVersioned } from "./versioning";

// 客户档案: the key account. Every read is scoped to what the viewer may see; every change is
// versioned, audited, and recomputes the cached scores when it touches their inputs.

export const accountSelect = {
  id: true,
  name: true,
  creditCode: true,
  ownerId: true,
  teamId: true,
  territoryId: true,
  accountType: true,
  industry: true,
  sizeBand: true,
  lifecycle: true,
  tier: true,
  computedTier: true,
  compositeScore: true,
  priorityScore: true,
  negativeAsset: true,
  version: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AccountSelect;

export type AccountRow = Prisma.AccountGetPayload<{ select: typeof accountSelect }>;

/** One account, or NOT_FOUND when it is outside the viewer's scope (never a hint that it exists). */
export async function getAccount(
  viewer: Viewer,
  id: string,
  opts: { deleted?: boolean } = {},
): Promise<AccountRow> {
  const row = await db.account.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: opts.deleted ? { not: null } : null },
    select: accountSelect,
  });
  if (!row) throw notFound("account");
  return row;
}

/** Everything the account page shows. */
type AccountWithNames = Prisma.AccountGetPayload<{
  include: {
    owner: { select: { id: true; name: true; jobTitle: true } };
    team: { select: { id: true; name: true; nameZh: true } };
    territory: { select: { id: true; name: true; nameEn: true } };
  };
}>;

export async function getAccountDetail(viewer: Viewer, id: string) {
  // The hottest page, read with four SQL statements sent at once. Prisma 6's query compiler spends
  // 1–2 ms planning each of these wide reads on every call, more than the database needs to answer
  // them, so they are written by hand; the columns are the model's own, so the rows have Prisma's
  // types. The collections are keyed by the account id only and are discarded unless the scoped
  // account read finds it. An integration test checks the result equals Prisma's own queries.
  const [rows, contacts, lifecycleChanges, snapshots] = await Promise.all([
    db.$queryRaw<AccountWithNames[]>`
      SELECT a.*,
        json_build_object('id', u.id, 'name', u.name, 'jobTitle', u."jobTitle") AS owner,
        json_build_object('id', tm.id, 'name', tm.name, 'nameZh', tm."nameZh") AS team,
        CASE WHEN tr.id IS NULL THEN NULL
          ELSE json_build_object('id', tr.id, 'name', tr.name, 'nameEn', tr."nameEn") END AS territory
      FROM "Account" a
      JOIN "User" u ON u.id = a."ownerId"
      JOIN "Team" tm ON tm.id = a."teamId"
      LEFT JOIN "Territory" tr ON tr.id = a."territoryId"
      WHERE a.id = ${id} AND ${scopeSql(viewer, "a")}`,
    db.$queryRaw<Contact[]>`
      SELECT * FROM "Contact" WHERE "accountId" = ${id} AND "deletedAt" IS NULL
      ORDER BY influence DESC, name ASC`,
    db.$queryRaw<(LifecycleChange & { actor: { name: string } | null })[]>`
      SELECT l.*, CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name) END AS actor
      FROM "LifecycleChange" l LEFT JOIN "User" u ON u.id = l."actorId"
      WHERE l."accountId" = ${id} ORDER BY l."createdAt" DESC`,
    // The latest 50, oldest first for the chart.
    db.$queryRaw<ScoreSnapshot[]>`
      SELECT * FROM "ScoreSnapshot" WHERE "accountId" = ${id} ORDER BY "createdAt" DESC LIMIT 50`,
  ]);
  const account = rows[0];
  if (!account) throw notFound("account");
  return { ...account, contacts, lifecycleChanges, scoreSnapshots: snapshots.reverse() };
}

export type AccountDetail = Awaited<ReturnType<typeof getAccountDetail>>;

async function loadForChange(tx: Prisma.TransactionClient, viewer: Viewer, id: string, deleted = false) {
  const row = await tx.account.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: deleted ? { not: null } : null },
  });
  if (!row) throw notFound("account");
  return row;
}

export type ProfileInput = {
  name: string;
  creditCode: string | null;
  legalRepresentative: string | null;
  industry: string | null;
  sizeBand: "MICRO" | "SMALL" | "MEDIUM" | "LARGE" | "GIANT" | null;
  headcount: number | null;
  annualRevenue: bigint | null;
  shareholderBackground: string | null;
  orgStructureNotes: string | null;
  industryStanding: string | null;
  address: string | null;
  website: string | null;
  accountType: "END_CUSTOMER" | "CHANNEL" | "PARTNER" | "SUPPLIER" | "COMPETITOR";
  territoryId: string | null;
};

/** The profile fields a person edits (also what imports fill in). */
export const PROFILE_KEYS = [
  "name",
  "creditCode",
  "legalRepresentative",
  "industry",
  "sizeBand",
  "headcount",
  "annualRevenue",
  "shareholderBackground",
  "orgStructureNotes",
  "industryStanding",
  "address",
  "website",
  "accountType",
  "territoryId",
] as const satisfies readonly (keyof ProfileInput)[];

function pickProfile(input: Partial<ProfileInput>): Partial<ProfileInput> {
  return Object.fromEntries(PROFILE_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
}

/** Same credit code → refused (it identifies the company). Checked across all teams. */
async function assertCreditCodeFree(
  tx: Prisma.TransactionClient,
  code: string | null | undefined,
  exceptId?: string,
) {
  if (!code) return;
  const other = await tx.account.findFirst({
    where: { creditCode: code, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other)
    throw new AppError("DUPLICATE", "credit code registered", { creditCode: ["validation.creditCodeTaken"] });
}

/** Accounts in the viewer's scope whose names look like `name` (a likely duplicate). */
export async function findSimilarAccounts(viewer: Viewer, name: string, exceptId?: string) {
  const core = name.replace(/(股份)?有限(责任)?公司|集团|\s/g, "");
  if (core.length < 2) return [];
  return db.account.findMany({
    where: {
      ...scopeWhere(viewer),
      deletedAt: null,
      name: { contains: core.slice(0, Math.min(core.length, 8)), mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true, name: true },
    take: 5,
  });
}

async function assertTerritory(tx: Prisma.TransactionClient, territoryId: string | null | undefined) {
  if (!territoryId) return;
  const t = await tx.territory.findFirst({
    where: { id: territoryId, deletedAt: null },
    select: { id: true },
  });
  if (!t)
    throw new AppError("VALIDATION", "unknown territory", { territoryId: ["validation.invalidOption"] });
}

/**
 * A person who may own the viewer's records: active, in a team, and in the viewer's scope (the
 * viewer themself always qualifies when they have a team). Otherwise a field error on ownerId.
 */
async function ownerInScope(tx: Prisma.TransactionClient, viewer: Viewer, id: string) {
  const owner = await tx.user.findFirst({ where: { id, active: true }, select: { id: true, teamId: true } });
  const visible =
    owner?.teamId &&
    (id === viewer.id || viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(owner.teamId));
  if (!owner?.teamId || !visible) {
    throw new AppError("VALIDATION", "owner outside scope", { ownerId: ["validation.invalidOption"] });
  }
  return { id: owner.id, teamId: owner.teamId };
}

/** The owner of a new record: the viewer, or (for managers and admins) someone in their scope. */
export async function resolveOwner(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  ownerId: string | null | undefined,
) {
  const id = ownerId ?? viewer.id;
  const owner = await ownerInScope(tx, viewer, id);
  if (id !== viewer.id && !hasCapability(viewer, "records.reassign")) throw new AppError("FORBIDDEN");
  return owner;
}

export async function createAccount(
  viewer: Viewer,
  input: Partial<ProfileInput> & { name: string; ownerId?: string | null },
) {
  assertCapability(viewer, "records.create");
  return mutate(viewer, async ({ tx, audit }) => {
    await assertCreditCodeFree(tx, input.creditCode);
    await assertTerritory(tx, input.territoryId);
    const owner = await resolveOwner(tx, viewer, input.ownerId);
    const created = await tx.account.create({
      data: {
        ...(pickProfile(input) as ProfileInput),
        name: input.name,
        ownerId: owner.id,
        teamId: owner.teamId,
      },
    });
    const row = await rescore(tx, created, "create");
    // A new account is due its first contact one cadence after it was created.
    await refreshContactDueFor(tx, [row.id]);
    await audit({ action: "account.create", entity: "Account", entityId: row.id, after: row });
    return row;
  });
}

export async function updateAccountProfile(
  viewer: Viewer,
  input: Partial<ProfileInput> & { id: string; version: number },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "edit", before);
    await assertCreditCodeFree(tx, input.creditCode, input.id);
    await assertTerritory(tx, input.territoryId);
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: pickProfile(input),
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "account.update", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

export type ValueInputsInput = {
  id: string;
  version: number;
  purchaseVolume: bigint | null;
  categorySpend: bigint | null;
  creditRating: FullAccount["creditRating"];
  paymentRecord: FullAccount["paymentRecord"];
  expectedGrowth: number | null;
  loyalty: number | null;
  industryInfluence: number | null;
  strategicFit: number | null;
  referenceValue: number | null;
  urgency: number | null;
  annualGrossProfit: bigint | null;
  annualCostToServe: bigint | null;
};

export async function updateValueInputs(viewer: Viewer, input: ValueInputsInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "edit", before);
    const { id, version, ...data } = input;
    await updateVersioned(tx.account, { where: { id }, version, data });
    const after = await rescore(tx, await tx.account.findUniqueOrThrow({ where: { id } }), "inputs");
    await audit({ action: "account.value", entity: "Account", entityId: id, before, after });
    return after;
  });
}

/** A manual tier with a reason (or null to go back to the computed tier). */
export async function overrideTier(
  viewer: Viewer,
  input: { id: string; version: number; tier: Tier | null; reason: string | null },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "edit", before);
    assertCapability(viewer, "accounts.overrideTier");
    if (input.tier && !input.reason?.trim())
      throw new AppError("VALIDATION", "reason", { reason: ["validation.reasonRequired"] });
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: input.tier
        ? { tier: input.tier, tierOverrideReason: input.reason }
        : { tier: before.computedTier, tierOverrideReason: null },
    });
    await refreshContactDueFor(tx, [input.id]);
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "account.tierOverride", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

export type QualificationInput = {
  id: string;
  version: number;
  needMark: "YES" | "NO" | "UNKNOWN";
  needEvidence: string | null;
  affordMark: "YES" | "NO" | "UNKNOWN";
  affordEvidence: string | null;
  willingMark: "YES" | "NO" | "UNKNOWN";
  willingEvidence: string | null;
  decideMark: "YES" | "NO" | "UNKNOWN";
  decideEvidence: string | null;
};

export async function updateQualification(viewer: Viewer, input: QualificationInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "edit", before);
    const { id, version, ...data } = input;
    await updateVersioned(tx.account, { where: { id }, version, data });
    // Willingness feeds the priority ranking.
    const after = await rescore(tx, await tx.account.findUniqueOrThrow({ where: { id } }), "qualification");
    await audit({ action: "account.qualify", entity: "Account", entityId: id, before, after });
    return after;
  });
}

/** Moves an account through 目标潜在 → 意向 → 成交 / 流失, enforcing the qualification gate. */
export async function moveLifecycle(
  viewer: Viewer,
  input: { id: string; version: number; to: LifecycleStage; reason: string | null },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "edit", before);
    const decision = checkLifecycleMove({
      from: before.lifecycle,
      to: input.to,
      qualification: {
        need: before.needMark,
        afford: before.affordMark,
        willing: before.willingMark,
        decide: before.decideMark,
      },
      reason: input.reason,
      canOverride: hasCapability(viewer, "qualification.override"),
    });
    if (!decision.ok) {
      const key = {
        notAllowed: "validation.lifecycleNotAllowed",
        reasonRequired: "validation.reasonRequired",
        unqualified: "validation.unqualified",
      }[decision.reason];
      throw new AppError("VALIDATION", decision.reason, {
        [decision.reason === "notAllowed" ? "to" : decision.reason === "reasonRequired" ? "reason" : "_form"]:
          [key],
      });
    }
    const now = new Date();
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { lifecycle: input.to, lifecycleChangedAt: now },
    });
    await tx.lifecycleChange.create({
      data: {
        accountId: input.id,
        from: before.lifecycle,
        to: input.to,
        reason: input.reason,
        overridden: decision.overridden,
        actorId: viewer.id,
        createdAt: now,
      },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id } });
    await audit({
      action: decision.overridden ? "account.lifecycleOverride" : "account.lifecycle",
      entity: "Account",
      entityId: input.id,
      before,
      after: { ...after, reason: input.reason },
    });
    return after;
  });
}

export async function deleteAccount(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "delete", before);
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: new Date() },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id }, select: accountSelect });
    await audit({ action: "account.delete", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

export async function restoreAccount(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id, true);
    assertRecord(viewer, "restore", before);
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: null },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id }, select: accountSelect });
    await audit({ action: "account.restore", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

/** Hands an account to another active person in the viewer's scope; the account joins their team. */
export async function reassignAccount(
  viewer: Viewer,
  input: { id: string; version: number; ownerId: string },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "reassign", before);
    const owner = await ownerInScope(tx, viewer, input.ownerId);
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { ownerId: owner.id, teamId: owner.teamId },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id }, select: accountSelect });
    await audit({ action: "account.reassign", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

/**
 * Bulk reassign and/or tier change for selected accounts. All or nothing: if any selected account
 * is outside the viewer's scope or not theirs to change, nothing changes.
 */
export async function bulkUpdateAccounts(
  viewer: Viewer,
  input: { ids: string[]; ownerId: string | null; tier: Tier | null; reason: string | null },
) {
  if (!input.ownerId && !input.tier)
    throw new AppError("VALIDATION", "nothing to do", { _form: ["validation.bulkNothing"] });
  if (input.tier && !input.reason?.trim())
    throw new AppError("VALIDATION", "reason", { reason: ["validation.reasonRequired"] });
  return mutate(viewer, async ({ tx, auditMany }) => {
    const ids = [...new Set(input.ids)];
    // Lock the rows first, in id order (as rescoring walks them), so two bulk changes wait for each
    // other instead of deadlocking, and the "before" read below is what is then changed.
    await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
    const rows = await tx.account.findMany({
      where: { id: { in: ids }, ...scopeWhere(viewer), deletedAt: null },
    });
    if (rows.length !== ids.length) throw new AppError("NOT_FOUND");
    for (const row of rows) assertRecord(viewer, input.ownerId ? "reassign" : "edit", row);
    const owner = input.ownerId ? await ownerInScope(tx, viewer, input.ownerId) : null;
    await tx.account.updateMany({
      where: { id: { in: ids } },
      data: {
        ...(owner ? { ownerId: owner.id, teamId: owner.teamId } : {}),
        ...(input.tier ? { tier: input.tier, tierOverrideReason: input.reason } : {}),
        version: { increment: 1 },
      },
    });
    if (input.tier) await refreshContactDueFor(tx, ids);
    const after = await tx.account.findMany({ where: { id: { in: ids } } });
    const byId = new Map(after.map((a) => [a.id, a]));
    await auditMany(
      rows.map((b) => ({
        action: input.ownerId ? "account.reassign" : "account.tierOverride",
        entity: "Account",
        entityId: b.id,
        before: {
          ownerId: b.ownerId,
          teamId: b.teamId,
          tier: b.tier,
          tierOverrideReason: b.tierOverrideReason,
          version: b.version,
        },
        after: (({ ownerId, teamId, tier, tierOverrideReason, version }) => ({
          ownerId,
          teamId,
          tier,
          tierOverrideReason,
          version,
        }))(byId.get(b.id)!),
      })),
    );
    return { count: rows.length };
  });
}
