import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import { assertCapability, assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import type { LedgerLineInput } from "@/lib/validation/ledger";
import { rescore } from "../account-scores";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { ledgerDrivesValue } from "./value";

// Booking ledger lines by hand (managers and administrators: ledger.write). The account must be
// one the viewer may see — its id comes from the browser and is never trusted; the line takes the
// account's owner and team at booking, so it is seen by whoever saw the account then. The monthly
// rollup follows by trigger; while the ledger drives value, the accounts touched are rescored in
// the same transaction.

const documentTaken = () =>
  new AppError("DUPLICATE", "document number taken", { documentNo: ["validation.documentNoTaken"] });

/** A live account in the viewer's scope, or a field error on the account picker. */
async function bookableAccount(tx: Tx, viewer: Viewer, accountId: string) {
  const account = await tx.account.findFirst({
    where: { id: accountId, deletedAt: null, ...scopeWhere(viewer) },
    select: { id: true, ownerId: true, teamId: true },
  });
  if (!account)
    throw new AppError("VALIDATION", "account outside scope", { accountId: ["validation.invalidOption"] });
  return account;
}

async function assertDocumentFree(
  tx: Tx,
  kind: LedgerLineInput["kind"],
  documentNo: string,
  exceptId?: string,
) {
  const other = await tx.ledgerLine.findFirst({
    where: { kind, documentNo, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other) throw documentTaken();
}

/** Rescores the accounts a ledger change touched, when the ledger drives their value. */
export async function rescoreTouched(tx: Tx, accountIds: readonly string[]) {
  if (!accountIds.length || !(await ledgerDrivesValue(tx))) return;
  const accounts = await tx.account.findMany({
    where: { id: { in: [...new Set(accountIds)] }, deletedAt: null },
  });
  for (const account of accounts) await rescore(tx, account, "ledger");
}

/** A unique index refused the line (two people booking the same document at once). */
const isUniqueViolation = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw documentTaken();
    throw error;
  }
}

const fieldsOf = (input: LedgerLineInput) => ({
  kind: input.kind,
  documentNo: input.documentNo,
  month: toDbDate(input.month),
  productLine: input.productLine,
  amount: input.amount,
  note: input.note,
});

export async function createLedgerLine(viewer: Viewer, input: LedgerLineInput) {
  assertCapability(viewer, "ledger.write");
  return guarded(() =>
    mutate(viewer, async ({ tx, audit }) => {
      const account = await bookableAccount(tx, viewer, input.accountId);
      await assertDocumentFree(tx, input.kind, input.documentNo);
      const line = await tx.ledgerLine.create({
        data: { ...fieldsOf(input), accountId: account.id, ownerId: account.ownerId, teamId: account.teamId },
      });
      await rescoreTouched(tx, [account.id]);
      await audit({ action: "ledgerLine.create", entity: "LedgerLine", entityId: line.id, after: line });
      return line;
    }),
  );
}

/** A line for a change: NOT_FOUND outside scope (or when the viewer may not keep the ledger). */
async function lineForChange(tx: Tx, viewer: Viewer, id: string, deleted = false) {
  assertCapability(viewer, "ledger.write");
  const line = await tx.ledgerLine.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: deleted ? { not: null } : null },
  });
  if (!line) throw notFound("ledgerLine");
  assertRecord(viewer, deleted ? "restore" : "edit", line, "ledgerLine");
  return line;
}

export async function updateLedgerLine(
  viewer: Viewer,
  input: LedgerLineInput & { id: string; version: number },
) {
  return guarded(() =>
    mutate(viewer, async ({ tx, audit }) => {
      const before = await lineForChange(tx, viewer, input.id);
      // Moving a line to another account re-books it with that account's owner and team.
      const account =
        input.accountId === before.accountId
          ? { id: before.accountId, ownerId: before.ownerId, teamId: before.teamId }
          : await bookableAccount(tx, viewer, input.accountId);
      await assertDocumentFree(tx, input.kind, input.documentNo, before.id);
      await updateVersioned(tx.ledgerLine, {
        where: { id: before.id },
        version: input.version,
        data: { ...fieldsOf(input), accountId: account.id, ownerId: account.ownerId, teamId: account.teamId },
      });
      const after = await tx.ledgerLine.findUniqueOrThrow({ where: { id: before.id } });
      await rescoreTouched(tx, [before.accountId, after.accountId]);
      await audit({ action: "ledgerLine.update", entity: "LedgerLine", entityId: before.id, before, after });
      return after;
    }),
  );
}

async function softChange(
  viewer: Viewer,
  input: { id: string; version: number },
  action: "delete" | "restore",
) {
  return guarded(() =>
    mutate(viewer, async ({ tx, audit }) => {
      const before = await lineForChange(tx, viewer, input.id, action === "restore");
      await updateVersioned(tx.ledgerLine, {
        where: { id: before.id },
        version: input.version,
        data: { deletedAt: action === "delete" ? new Date() : null },
      });
      const after = await tx.ledgerLine.findUniqueOrThrow({ where: { id: before.id } });
      await rescoreTouched(tx, [before.accountId]);
      await audit({
        action: `ledgerLine.${action}`,
        entity: "LedgerLine",
        entityId: before.id,
        before,
        after,
      });
      return after;
    }),
  );
}

export const deleteLedgerLine = (viewer: Viewer, input: { id: string; version: number }) =>
  softChange(viewer, input, "delete");
export const restoreLedgerLine = (viewer: Viewer, input: { id: string; version: number }) =>
  softChange(viewer, input, "restore");
