import "server-only";
import { refreshAccountHealth } from "@/lib/data/health/refresh";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaToday } from "@/lib/domain/calendar";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { cachedPipelineSettings } from "./settings";

// 合作协议: the cooperation agreements won deals create, the renewal list, edits and 续签.

type Tx = Prisma.TransactionClient;

const agreementInclude = {
  account: { select: { id: true, name: true, tier: true } },
  owner: { select: { id: true, name: true } },
  deal: { select: { id: true, title: true } },
} satisfies Prisma.CooperationAgreementInclude;

export async function listAgreements(viewer: Viewer, opts: { accountId?: string } = {}) {
  if (opts.accountId) {
    const account = await db.account.findFirst({
      where: { id: opts.accountId, ...scopeWhere(viewer) },
      select: { id: true },
    });
    if (!account) throw notFound("account");
  }
  return db.cooperationAgreement.findMany({
    where: {
      ...scopeWhere(viewer),
      deletedAt: null,
      ...(opts.accountId ? { accountId: opts.accountId } : {}),
    },
    include: agreementInclude,
    orderBy: [{ endDate: "desc" }, { id: "asc" }],
    take: 500,
  });
}

/** Agreements ending within the renewal window (today included), soonest first. */
export async function listRenewals(viewer: Viewer, now = new Date()) {
  const settings = await cachedPipelineSettings();
  const today = chinaToday(now);
  const until = new Date(today.getTime() + settings.renewalWindowDays * 86_400_000);
  const rows = await db.cooperationAgreement.findMany({
    where: { ...scopeWhere(viewer), deletedAt: null, endDate: { gte: today, lte: until } },
    include: agreementInclude,
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
  });
  // An agreement already renewed (续签) is no longer due.
  const renewed = await db.cooperationAgreement.findMany({
    where: { renewedFromId: { in: rows.map((r) => r.id) }, deletedAt: null },
    select: { renewedFromId: true },
  });
  const done = new Set(renewed.map((r) => r.renewedFromId));
  return { rows: rows.filter((r) => !done.has(r.id)), windowDays: settings.renewalWindowDays };
}

/** An agreement's term and conditions, as a person edits or renews them. */
type AgreementTerms = {
  startDate: Date;
  endDate: Date;
  serviceContent: string;
  pricingPolicy: string;
  cooperationMode: "DIRECT_SUPPLY" | "DISTRIBUTION" | "OEM" | "STRATEGIC" | "PROJECT";
  contractValue: bigint;
};

/** The agreement if the viewer may edit it (else NOT_FOUND / FORBIDDEN, as for a deal). */
async function editableAgreement(tx: Tx, viewer: Viewer, id: string) {
  const agreement = await tx.cooperationAgreement.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: null },
  });
  assertRecord(viewer, "edit", agreement, "agreement");
  return agreement;
}

export async function updateAgreement(
  viewer: Viewer,
  input: AgreementTerms & { id: string; version: number },
) {
  const saved = await mutate(viewer, async ({ tx, audit }) => {
    const before = await editableAgreement(tx, viewer, input.id);
    const { id, version, ...data } = input;
    await updateVersioned(tx.cooperationAgreement, { where: { id }, version, data });
    const after = await tx.cooperationAgreement.findUniqueOrThrow({ where: { id } });
    await audit({ action: "agreement.update", entity: "CooperationAgreement", entityId: id, before, after });
    return after;
  });
  // The end date moves the renewal factor of the account's health.
  await refreshAccountHealth([saved.accountId]);
  return saved;
}

/** 续签: a new agreement for the next term, linked to the one it renews. */
export async function renewAgreement(
  viewer: Viewer,
  input: AgreementTerms & { id: string; version: number },
) {
  const renewed = await mutate(viewer, async ({ tx, audit }) => {
    const previous = await editableAgreement(tx, viewer, input.id);
    // Checking the version means two people renewing the same agreement at once make one renewal.
    await updateVersioned(tx.cooperationAgreement, {
      where: { id: previous.id },
      version: input.version,
      data: {},
    });
    // One next term per agreement: a second renewal (later, with the fresh version) is refused.
    const already = await tx.cooperationAgreement.findFirst({
      where: { renewedFromId: previous.id, deletedAt: null },
      select: { id: true },
    });
    if (already) {
      throw new AppError("VALIDATION", "already renewed", { _form: ["gate.errors.alreadyRenewed"] });
    }
    const { startDate, endDate, serviceContent, pricingPolicy, cooperationMode, contractValue } = input;
    const terms = { startDate, endDate, serviceContent, pricingPolicy, cooperationMode, contractValue };
    const renewed = await tx.cooperationAgreement.create({
      data: {
        ...terms,
        accountId: previous.accountId,
        ownerId: previous.ownerId,
        teamId: previous.teamId,
        renewedFromId: previous.id,
      },
    });
    await audit({
      action: "agreement.renew",
      entity: "CooperationAgreement",
      entityId: renewed.id,
      before: previous,
      after: renewed,
    });
    return renewed;
  });
  await refreshAccountHealth([renewed.accountId]);
  return renewed;
}
