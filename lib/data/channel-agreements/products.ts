import "server-only";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";

// Channel products and their list prices (价目表), kept by the administrator. Deactivating keeps a
// product on the agreements that carry it; new terms can no longer add it.

const productSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  unit: true,
  listPrice: true,
  active: true,
  version: true,
} as const;

export async function listProducts(viewer: Viewer) {
  if (!hasCapability(viewer, "admin.channels")) throw forbidden();
  return db.product.findMany({ where: { deletedAt: null }, select: productSelect, orderBy: { code: "asc" } });
}

type ProductInput = {
  id: string | null;
  version: number | null;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  listPrice: bigint;
};

/** Creates a product, or edits one at the version the administrator saw. */
export async function saveProduct(viewer: Viewer, input: ProductInput): Promise<{ id: string }> {
  if (!hasCapability(viewer, "admin.channels")) throw forbidden();
  const data = {
    code: input.code,
    name: input.name,
    nameEn: input.nameEn,
    unit: input.unit,
    listPrice: input.listPrice,
  };
  return mutate(viewer, async ({ tx, audit }) => {
    const clash = await tx.product.findFirst({
      where: { code: input.code, ...(input.id ? { id: { not: input.id } } : {}) },
      select: { id: true },
    });
    if (clash)
      throw new AppError("VALIDATION", "code taken", { code: ["channelAgreements.products.codeTaken"] });
    if (!input.id) {
      const p = await tx.product.create({ data, select: { id: true } });
      await audit({ action: "product.create", entity: "Product", entityId: p.id, after: data });
      return p;
    }
    const before = await tx.product.findFirst({
      where: { id: input.id, deletedAt: null },
      select: productSelect,
    });
    if (!before) throw notFound("product");
    await updateVersioned(tx.product, { where: { id: input.id }, version: input.version ?? 0, data });
    await audit({ action: "product.update", entity: "Product", entityId: input.id, before, after: data });
    return { id: input.id };
  });
}

export async function setProductActive(
  viewer: Viewer,
  input: { id: string; version: number; active: boolean },
): Promise<void> {
  if (!hasCapability(viewer, "admin.channels")) throw forbidden();
  await mutate(viewer, async ({ tx, audit }) => {
    await updateVersioned(tx.product, {
      where: { id: input.id, deletedAt: null },
      version: input.version,
      data: { active: input.active },
    });
    await audit({
      action: input.active ? "product.activate" : "product.deactivate",
      entity: "Product",
      entityId: input.id,
      after: { active: input.active },
    });
  });
}
