import "server-only";
import { db, Prisma } from "@/lib/db";
import { wouldCreateCycle, type Viewer } from "@/lib/domain/access";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import type { ContactInput } from "@/lib/validation/contacts";
import { auditRowSelect, mutate, type AuditRow } from "./audit";
import { updateVersioned } from "./versioning";

// The people at an account (决策链): who decides, who influences, who coaches us. A contact has no
// owner of its own — it belongs to its account, so every read and change is scoped through the
// parent account (what the viewer may see of it, and may change). Changes are versioned, audited
// and soft: a deleted contact can be restored.

type Client = Prisma.TransactionClient | typeof db;

const accountRef = { id: true, ownerId: true, teamId: true, deletedAt: true } satisfies Prisma.AccountSelect;

/** The account a contact belongs to, or NOT_FOUND when it is outside the viewer's scope. */
async function scopedAccount(
  client: Client,
  viewer: Viewer,
  accountId: string,
  opts: { live?: boolean } = {},
) {
  const account = await client.account.findFirst({
    where: { id: accountId, ...scopeWhere(viewer), ...(opts.live ? { deletedAt: null } : {}) },
    select: accountRef,
  });
  if (!account) throw notFound("account");
  return account;
}

/** A contact, for a change: NOT_FOUND outside the viewer's scope, FORBIDDEN if not theirs to edit. */
async function contactForChange(tx: Prisma.TransactionClient, viewer: Viewer, id: string, deleted: boolean) {
  const row = await tx.contact.findFirst({
    where: {
      id,
      deletedAt: deleted ? { not: null } : null,
      account: { ...scopeWhere(viewer), deletedAt: null },
    },
    include: { account: { select: accountRef } },
  });
  if (!row) throw notFound("contact");
  const { account, ...contact } = row;
  assertRecord(viewer, "edit", account, "contact");
  return contact;
}

export type ContactRow = Prisma.ContactGetPayload<object>;

/** The account's contacts (live ones, or the deleted ones), most influential first. */
export async function listContacts(
  viewer: Viewer,
  accountId: string,
  opts: { deleted?: boolean } = {},
): Promise<ContactRow[]> {
  await scopedAccount(db, viewer, accountId);
  return db.contact.findMany({
    where: { accountId, deletedAt: opts.deleted ? { not: null } : null },
    orderBy: [{ influence: "desc" }, { name: "asc" }],
  });
}

/**
 * `reportsToId` must be a live contact of the same account, and must not make the reporting line
 * loop back to `contactId`. Deleted contacts' links count too, so restoring one cannot close a loop.
 */
async function assertReportsTo(
  tx: Prisma.TransactionClient,
  accountId: string,
  contactId: string | null,
  reportsToId: string | null,
) {
  if (!reportsToId) return;
  const people = await tx.contact.findMany({
    where: { accountId },
    select: { id: true, reportsToId: true, deletedAt: true },
  });
  const manager = people.find((p) => p.id === reportsToId);
  if (!manager || manager.deletedAt) {
    throw new AppError("VALIDATION", "unknown reportsTo", {
      reportsToId: ["accountPage.contacts.errors.reportsToInvalid"],
    });
  }
  const edges = people.map((p) => ({ id: p.id, parentId: p.reportsToId }));
  if (contactId && wouldCreateCycle(contactId, reportsToId, edges)) {
    throw new AppError("VALIDATION", "reporting cycle", {
      reportsToId: ["accountPage.contacts.errors.reportsToCycle"],
    });
  }
}

const fieldsOf = (input: ContactInput) => ({
  name: input.name,
  title: input.title,
  department: input.department,
  phone: input.phone,
  email: input.email,
  buyingRole: input.buyingRole,
  stance: input.stance,
  influence: input.influence,
  relationshipStrength: input.relationshipStrength,
  reportsToId: input.reportsToId,
  personality: input.personality,
  hometown: input.hometown,
  school: input.school,
  birthday: input.birthday,
  notes: input.notes,
  approach: input.approach,
});

export async function createContact(viewer: Viewer, input: ContactInput & { accountId: string }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const account = await scopedAccount(tx, viewer, input.accountId, { live: true });
    assertRecord(viewer, "edit", account);
    await assertReportsTo(tx, account.id, null, input.reportsToId);
    const created = await tx.contact.create({ data: { ...fieldsOf(input), accountId: account.id } });
    await audit({ action: "contact.create", entity: "Contact", entityId: created.id, after: created });
    return created;
  });
}

export async function updateContact(viewer: Viewer, input: ContactInput & { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await contactForChange(tx, viewer, input.id, false);
    await assertReportsTo(tx, before.accountId, before.id, input.reportsToId);
    await updateVersioned(tx.contact, {
      where: { id: input.id },
      version: input.version,
      data: fieldsOf(input),
    });
    const after = await tx.contact.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "contact.update", entity: "Contact", entityId: input.id, before, after });
    return after;
  });
}

export async function deleteContact(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await contactForChange(tx, viewer, input.id, false);
    await updateVersioned(tx.contact, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: new Date() },
    });
    const after = await tx.contact.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "contact.delete", entity: "Contact", entityId: input.id, before, after });
    return after;
  });
}

export async function restoreContact(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await contactForChange(tx, viewer, input.id, true);
    await updateVersioned(tx.contact, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: null },
    });
    const after = await tx.contact.findUniqueOrThrow({ where: { id: input.id } });
    await audit({ action: "contact.restore", entity: "Contact", entityId: input.id, before, after });
    return after;
  });
}

export const TIMELINE_PAGE_SIZE = 30;

/**
 * The account's history from the audit trail — its own rows and those of its contacts, deals and
 * agreements (deleted ones included) — newest first. NOT_FOUND when the account is outside the viewer's scope.
 */
export async function accountTimeline(
  viewer: Viewer,
  accountId: string,
  opts: { take?: number } = {},
): Promise<{ rows: AuditRow[]; more: boolean }> {
  const account = await scopedAccount(db, viewer, accountId);
  // Its people, deals (stage changes) and agreements, deleted ones included. Deals and agreements
  // have owners of their own: one handed to another team is not this viewer's to read about.
  const [contacts, deals, agreements] = await Promise.all([
    db.contact.findMany({ where: { accountId: account.id }, select: { id: true } }),
    db.deal.findMany({ where: { accountId: account.id, ...scopeWhere(viewer) }, select: { id: true } }),
    db.cooperationAgreement.findMany({
      where: { accountId: account.id, ...scopeWhere(viewer) },
      select: { id: true },
    }),
  ]);
  const related = (entity: string, rows: { id: string }[]) =>
    rows.length ? [{ entity, entityId: { in: rows.map((r) => r.id) } }] : [];
  const take = Math.min(Math.max(opts.take ?? TIMELINE_PAGE_SIZE, 1), 500);
  const rows = await db.auditLog.findMany({
    where: {
      OR: [
        { entity: "Account", entityId: account.id },
        ...related("Contact", contacts),
        ...related("Deal", deals),
        ...related("CooperationAgreement", agreements),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: auditRowSelect,
  });
  return { rows: rows.slice(0, take), more: rows.length > take };
}
