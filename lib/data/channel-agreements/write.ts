import "server-only";
import type { Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import {
  agreementNumber,
  canRunAgreementCommand,
  nextAgreementStatus,
  termChanges,
  termProblems,
  type AgreementTerms,
} from "@/lib/domain/channel-agreements";
import { AppError, forbidden, staleVersion } from "@/lib/errors";
import { mutate } from "../audit";
import { loadDistributorFor } from "../distributors/scope";
import { changeDistributorStage } from "../distributors/stage";
import { updateVersioned } from "../versioning";
import { loadAgreementFor, termsOf, versionSelect } from "./shared";

// Creating a draft (version 1), changing terms (always a NEW version; the old ones stay as they
// were), signing (the distributor becomes SIGNED in the same transaction) and terminating.

const invalid = (fields: Record<string, string>) =>
  new AppError(
    "VALIDATION",
    "terms",
    Object.fromEntries(Object.entries(fields).map(([k, key]) => [k, [key]])),
  );

/** Refuses terms that break the rules, and territories the distributor does not cover. */
async function checkTerms(tx: Tx, distributorId: string, terms: AgreementTerms): Promise<void> {
  const [products, coverage, home] = await Promise.all([
    tx.product.findMany({ where: { deletedAt: null }, select: { id: true, listPrice: true, active: true } }),
    tx.distributorTerritory.findMany({
      where: { distributorId, deletedAt: null },
      select: { territoryId: true },
    }),
    tx.distributor.findUniqueOrThrow({ where: { id: distributorId }, select: { territoryId: true } }),
  ]);
  // Products already on a version stay allowed after deactivation; new ones must be active.
  const listPrices = new Map(products.filter((p) => p.active).map((p) => [p.id, p.listPrice]));
  const problems = termProblems(terms, listPrices);
  const allowed = new Set([home.territoryId, ...coverage.map((c) => c.territoryId)]);
  if (terms.territoryId && !allowed.has(terms.territoryId))
    problems.territoryId = "channelAgreements.problems.territoryNotCovered";
  // The form's field is `discount` (in %); the domain speaks of basis points.
  if (problems.discountBp) {
    problems.discount = problems.discountBp;
    delete problems.discountBp;
  }
  if (Object.keys(problems).length) throw invalid(problems);
}

function versionData(terms: AgreementTerms) {
  return {
    startsOn: toDbDate(terms.startsOn),
    endsOn: toDbDate(terms.endsOn),
    territoryId: terms.territoryId,
    annualTarget: terms.annualTarget,
    quarterlyTargets: terms.quarterlyTargets,
    rebateRules: terms.rebateRules,
    discountBp: terms.discountBp,
    marketSupportFund: terms.marketSupportFund,
    deposit: terms.deposit,
    paymentTermDays: terms.paymentTermDays,
    creditLimit: terms.creditLimit,
    products: { create: terms.products.map((p) => ({ productId: p.productId, floorPrice: p.floorPrice })) },
  };
}

const auditTerms = (t: AgreementTerms) => ({ ...t, rebateRules: t.rebateRules });

async function allocateAgreementNumber(tx: Tx, year: number): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keystone.agreement-number'))`;
  const [top] = await tx.$queryRaw<{ number: string }[]>`
    SELECT number FROM "ChannelAgreement"
    WHERE number >= ${`QX-${year}-`} AND number < ${`QX-${year}.`}
    ORDER BY length(number) DESC, number DESC LIMIT 1`;
  const seq = top ? Number(top.number.slice(8)) + 1 : 1;
  return agreementNumber(year, seq);
}

/** A draft agreement with its terms as version 1. */
export async function createAgreement(
  viewer: Viewer,
  input: { distributorId: string; terms: AgreementTerms },
): Promise<{ id: string; number: string }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  return mutate(viewer, async ({ tx, audit }) => {
    const d = await loadDistributorFor(viewer, input.distributorId, "edit", { tx });
    await checkTerms(tx, d.id, input.terms);
    const number = await allocateAgreementNumber(tx, Number(input.terms.startsOn.slice(0, 4)));
    const a = await tx.channelAgreement.create({
      data: {
        number,
        distributorId: d.id,
        status: "DRAFT",
        currentVersionNo: 1,
        ownerId: d.ownerId,
        teamId: d.teamId,
        versions: { create: { number: 1, createdById: viewer.id, ...versionData(input.terms) } },
      },
      select: { id: true, number: true },
    });
    await audit({
      action: "channelAgreement.create",
      entity: "ChannelAgreement",
      entityId: a.id,
      after: { number, distributorId: d.id, status: "DRAFT", terms: auditTerms(input.terms) },
    });
    return a;
  });
}

/** New terms as a new version; the version before stays readable and unchanged. */
export async function changeAgreementTerms(
  viewer: Viewer,
  input: { id: string; version: number; changeNote: string; terms: AgreementTerms },
): Promise<{ id: string; versionNo: number }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  return mutate(viewer, async ({ tx, audit }) => {
    const a = await loadAgreementFor(viewer, input.id, "edit", tx);
    if (a.version !== input.version) throw staleVersion();
    if (!canRunAgreementCommand(a.status, "changeTerms"))
      throw invalid({ _form: "channelAgreements.problems.notChangeable" });
    await checkTerms(tx, a.distributorId, input.terms);
    const previous = await tx.channelAgreementVersion.findUniqueOrThrow({
      where: { agreementId_number: { agreementId: a.id, number: a.currentVersionNo } },
      select: versionSelect,
    });
    const changes = termChanges(termsOf(previous), input.terms);
    if (!changes.length) throw invalid({ _form: "channelAgreements.problems.nothingChanged" });
    const versionNo = a.currentVersionNo + 1;
    await updateVersioned(tx.channelAgreement, {
      where: { id: a.id },
      version: input.version,
      data: { currentVersionNo: versionNo },
    });
    await tx.channelAgreementVersion.create({
      data: {
        agreementId: a.id,
        number: versionNo,
        changeNote: input.changeNote,
        createdById: viewer.id,
        ...versionData(input.terms),
      },
    });
    await audit({
      action: "channelAgreement.changeTerms",
      entity: "ChannelAgreement",
      entityId: a.id,
      before: { versionNo: a.currentVersionNo },
      after: { versionNo, changeNote: input.changeNote, changes },
    });
    return { id: a.id, versionNo };
  });
}

/**
 * 签约: the draft becomes ACTIVE and its distributor SIGNED, together — if the distributor's
 * exclusive territory already has a signed exclusive distributor, nothing changes and the person
 * is told which rule stopped it.
 */
export async function signAgreement(viewer: Viewer, input: { id: string; version: number }): Promise<void> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  await mutate(viewer, async ({ tx, audit }) => {
    const a = await loadAgreementFor(viewer, input.id, "edit", tx);
    const next = nextAgreementStatus(a.status, "sign");
    if (!next) throw invalid({ _form: "channelAgreements.problems.notSignable" });
    const current = await tx.channelAgreementVersion.findUniqueOrThrow({
      where: { agreementId_number: { agreementId: a.id, number: a.currentVersionNo } },
      select: { startsOn: true, endsOn: true },
    });
    // One agreement in force per distributor and period.
    const overlapping = await tx.channelAgreement.findFirst({
      where: {
        distributorId: a.distributorId,
        id: { not: a.id },
        status: "ACTIVE",
        deletedAt: null,
        versions: { some: { startsOn: { lte: current.endsOn }, endsOn: { gte: current.startsOn } } },
      },
      select: { number: true },
    });
    if (overlapping) throw invalid({ _form: "channelAgreements.problems.overlapsActive" });
    const signedAt = new Date();
    await updateVersioned(tx.channelAgreement, {
      where: { id: a.id },
      version: input.version,
      data: { status: next, signedAt, signedById: viewer.id },
    });
    let stage;
    try {
      stage = await changeDistributorStage(tx, viewer.id, {
        distributorId: a.distributorId,
        toStage: "SIGNED",
        note: a.number,
      });
    } catch (e) {
      // The exclusivity refusal names `territories`; this form shows it as its own message.
      if (e instanceof AppError && e.code === "VALIDATION" && e.fieldErrors?.territories)
        throw new AppError("VALIDATION", e.message, {
          _form: e.fieldErrors.territories,
          territories: e.fieldErrors.territories,
        });
      throw e;
    }
    await audit({
      action: "channelAgreement.sign",
      entity: "ChannelAgreement",
      entityId: a.id,
      before: { status: a.status },
      after: { status: next, signedAt },
    });
    await audit(stage);
  });
}

/** 终止: an active agreement ends early, with the reason recorded. */
export async function terminateAgreement(
  viewer: Viewer,
  input: { id: string; version: number; note: string },
): Promise<void> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  await mutate(viewer, async ({ tx, audit }) => {
    const a = await loadAgreementFor(viewer, input.id, "edit", tx);
    const next = nextAgreementStatus(a.status, "terminate");
    if (!next) throw invalid({ _form: "channelAgreements.problems.notTerminable" });
    await updateVersioned(tx.channelAgreement, {
      where: { id: a.id },
      version: input.version,
      data: { status: next, terminatedAt: new Date() },
    });
    await audit({
      action: "channelAgreement.terminate",
      entity: "ChannelAgreement",
      entityId: a.id,
      before: { status: a.status },
      after: { status: next, note: input.note },
    });
  });
}
