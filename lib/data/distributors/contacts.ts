import "server-only";
import type { Viewer } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { loadDistributorFor } from "./scope";

// A distributor's contacts (联系人): add, edit, remove (soft). Each follows its distributor's scope.

type ContactFields = {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  isPrimary: boolean;
  note: string | null;
};

/** One primary contact per distributor: marking one primary unmarks the others. */
async function onePrimary(tx: Tx, distributorId: string, keepId: string) {
  await tx.distributorContact.updateMany({
    where: { distributorId, id: { not: keepId }, isPrimary: true },
    data: { isPrimary: false, version: { increment: 1 } },
  });
}

async function contactFor(tx: Tx, viewer: Viewer, id: string) {
  const c = await tx.distributorContact.findFirst({ where: { id, deletedAt: null } });
  if (!c) throw notFound("contact");
  await loadDistributorFor(viewer, c.distributorId, "edit", { tx });
  return c;
}

export async function addDistributorContact(
  viewer: Viewer,
  input: ContactFields & { distributorId: string },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    await loadDistributorFor(viewer, input.distributorId, "edit", { tx });
    const c = await tx.distributorContact.create({ data: input });
    if (c.isPrimary) await onePrimary(tx, c.distributorId, c.id);
    await audit({
      action: "distributorContact.create",
      entity: "DistributorContact",
      entityId: c.id,
      after: c,
    });
    return { id: c.id };
  });
}

export async function updateDistributorContact(
  viewer: Viewer,
  input: ContactFields & { id: string; version: number },
) {
  await mutate(viewer, async ({ tx, audit }) => {
    const before = await contactFor(tx, viewer, input.id);
    const { id, version, ...data } = input;
    await updateVersioned(tx.distributorContact, { where: { id, deletedAt: null }, version, data });
    if (data.isPrimary) await onePrimary(tx, before.distributorId, id);
    await audit({
      action: "distributorContact.update",
      entity: "DistributorContact",
      entityId: id,
      before,
      after: { ...before, ...data, version: version + 1 },
    });
  });
}

export async function deleteDistributorContact(viewer: Viewer, input: { id: string; version: number }) {
  await mutate(viewer, async ({ tx, audit }) => {
    const before = await contactFor(tx, viewer, input.id);
    const now = new Date();
    await updateVersioned(tx.distributorContact, {
      where: { id: input.id, deletedAt: null },
      version: input.version,
      data: { deletedAt: now },
    });
    await audit({
      action: "distributorContact.delete",
      entity: "DistributorContact",
      entityId: input.id,
      before,
      after: { deletedAt: now },
    });
  });
}
