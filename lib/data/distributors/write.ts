import "server-only";
import type { Tx } from "@/lib/db";
import { distributorScopeOf, hasCapability, type Viewer } from "@/lib/domain/access";
import { AppError, forbidden } from "@/lib/errors";
import type { CreateDistributorInput, UpdateDistributorInput } from "@/lib/validation/distributors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { replaceCoverage } from "./coverage";
import { channelTerritoryIds, loadDistributorFor } from "./scope";

// Creating and editing a distributor's profile (with the territories it covers), soft delete and
// restore. Every change carries the version the person edited and writes an audit row with the
// record before and after.

const invalid = (field: string, key = "validation.invalid") =>
  new AppError("VALIDATION", undefined, { [field]: [key] });

/** QD-0001, QD-0002 … under a lock, so two people creating at once never get the same code. */
async function allocateCode(tx: Tx): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keystone.distributor-code'))`;
  const [top] = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT max(substring(code from 4)::int) AS n FROM "Distributor" WHERE code ~ '^QD-[0-9]{1,9}$'`;
  return `QD-${String((top?.n ?? 0) + 1).padStart(4, "0")}`;
}

/**
 * Who owns the distributor and which team it belongs to. The owner defaults to the person saving;
 * a manager or administrator may name a channel manager of a team they see.
 */
async function ownerOf(tx: Tx, viewer: Viewer, ownerId: string | null) {
  if (!ownerId || ownerId === viewer.id) {
    if (!viewer.teamId && viewer.visibleTeamIds !== "all") throw invalid("ownerId");
    return { id: viewer.id, teamId: viewer.teamId };
  }
  const u = await tx.user.findFirst({
    where: { id: ownerId, active: true, teamId: { not: null } },
    select: { id: true, teamId: true },
  });
  const visible = viewer.visibleTeamIds === "all" || (u && viewer.visibleTeamIds.includes(u.teamId!));
  if (!u || !visible || distributorScopeOf(viewer) === "territories") throw invalid("ownerId");
  return u;
}

/**
 * The home territory and covered territories must exist; a channel manager keeps them within the
 * territories assigned to them (a distributor they could not see afterwards is refused).
 */
async function checkTerritories(tx: Tx, viewer: Viewer, home: string, covered: string[]) {
  const ids = [...new Set([home, ...covered])];
  const live = await tx.territory.count({ where: { id: { in: ids }, deletedAt: null } });
  if (live !== ids.length) throw invalid(covered.length ? "coverage" : "territoryId");
  if (distributorScopeOf(viewer) !== "territories") return;
  const mine = new Set(await channelTerritoryIds(viewer));
  if (!mine.has(home)) throw invalid("territoryId", "distributors.errors.territoryOutOfScope");
  if (covered.some((t) => !mine.has(t))) throw invalid("coverage", "distributors.errors.territoryOutOfScope");
}

function profileData(input: CreateDistributorInput | UpdateDistributorInput) {
  return {
    name: input.name,
    kind: input.kind,
    model: input.model,
    creditCode: input.creditCode,
    legalRepresentative: input.legalRepresentative,
    registeredCapital: input.registeredCapital,
    foundedOn: input.foundedOn,
    address: input.address,
    shareholderBackground: input.shareholderBackground,
    organisation: input.organisation,
    localStrength: input.localStrength,
    industryStanding: input.industryStanding,
    employees: input.employees,
    annualSales: input.annualSales,
    territoryId: input.territoryId,
  };
}

export async function createDistributor(
  viewer: Viewer,
  input: CreateDistributorInput,
): Promise<{ id: string; code: string }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  return mutate(viewer, async ({ tx, audit }) => {
    const owner = await ownerOf(tx, viewer, input.ownerId);
    if (!owner.teamId) throw invalid("ownerId");
    await checkTerritories(tx, viewer, input.territoryId, input.coverage);
    const code = await allocateCode(tx);
    const d = await tx.distributor.create({
      data: { ...profileData(input), code, ownerId: owner.id, teamId: owner.teamId, stage: "PROSPECT" },
    });
    await tx.distributorStageChange.create({
      data: { distributorId: d.id, fromStage: null, toStage: "PROSPECT", actorId: viewer.id },
    });
    const coverage = await replaceCoverage(tx, d, input.territories);
    await audit({
      action: "distributor.create",
      entity: "Distributor",
      entityId: d.id,
      after: { ...d, coverage: coverage.after },
    });
    return { id: d.id, code: d.code };
  });
}

export async function updateDistributor(viewer: Viewer, input: UpdateDistributorInput): Promise<void> {
  await mutate(viewer, async ({ tx, audit }) => {
    await loadDistributorFor(viewer, input.id, "edit", { tx });
    const before = await tx.distributor.findUniqueOrThrow({ where: { id: input.id } });
    const owner = input.ownerId
      ? await ownerOf(tx, viewer, input.ownerId)
      : { id: before.ownerId, teamId: before.teamId };
    await checkTerritories(tx, viewer, input.territoryId, input.coverage);
    await updateVersioned(tx.distributor, {
      where: { id: input.id, deletedAt: null },
      version: input.version,
      data: { ...profileData(input), ownerId: owner.id, teamId: owner.teamId ?? before.teamId },
    });
    const coverage = await replaceCoverage(tx, before, input.territories);
    const after = await tx.distributor.findUniqueOrThrow({ where: { id: input.id } });
    await audit({
      action: "distributor.update",
      entity: "Distributor",
      entityId: input.id,
      before: { ...before, coverage: coverage.before },
      after: { ...after, coverage: coverage.after },
    });
  });
}

/**
 * Soft delete: the distributor leaves lists, the board and the layout; its coverage stops counting
 * (inactive), so an exclusive territory it held is free again. Restorable by a manager.
 */
export async function deleteDistributor(viewer: Viewer, input: { id: string; version: number }) {
  await mutate(viewer, async ({ tx, audit }) => {
    await loadDistributorFor(viewer, input.id, "edit", { tx });
    const now = new Date();
    await updateVersioned(tx.distributor, {
      where: { id: input.id, deletedAt: null },
      version: input.version,
      data: { deletedAt: now },
    });
    await tx.distributorTerritory.updateMany({ where: { distributorId: input.id }, data: { active: false } });
    await audit({
      action: "distributor.delete",
      entity: "Distributor",
      entityId: input.id,
      before: { deletedAt: null },
      after: { deletedAt: now },
    });
  });
}

/** Restore: back as it was; a signed distributor's coverage is active again if nobody took its exclusivity. */
export async function restoreDistributor(viewer: Viewer, input: { id: string; version: number }) {
  if (!hasCapability(viewer, "records.restore")) throw forbidden();
  await mutate(viewer, async ({ tx, audit }) => {
    await loadDistributorFor(viewer, input.id, "edit", { tx, deleted: true });
    const d = await tx.distributor.findUniqueOrThrow({
      where: { id: input.id },
      select: { id: true, stage: true, deletedAt: true },
    });
    await updateVersioned(tx.distributor, {
      where: { id: input.id, deletedAt: { not: null } },
      version: input.version,
      data: { deletedAt: null },
    });
    if (d.stage === "SIGNED") {
      const live = await tx.distributorTerritory.findMany({
        where: { distributorId: d.id, deletedAt: null },
        select: { territoryId: true, exclusive: true },
      });
      await replaceCoverage(tx, d, live);
      await tx.distributorTerritory.updateMany({
        where: { distributorId: d.id, deletedAt: null },
        data: { active: true },
      });
    }
    await audit({
      action: "distributor.restore",
      entity: "Distributor",
      entityId: input.id,
      before: { deletedAt: d.deletedAt },
      after: { deletedAt: null },
    });
  });
}
