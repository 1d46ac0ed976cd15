import "server-only";
import type { Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { MemoTopic } from "@/lib/domain/distributors";
import { notFound } from "@/lib/errors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { loadDistributorFor } from "./scope";

// 合作备忘: cooperation memos by topic (general, channel commitments, current focus, difficulties).

async function memoFor(tx: Tx, viewer: Viewer, id: string) {
  const m = await tx.distributorMemo.findFirst({ where: { id, deletedAt: null } });
  if (!m) throw notFound("memo");
  await loadDistributorFor(viewer, m.distributorId, "edit", { tx });
  return m;
}

export async function addDistributorMemo(
  viewer: Viewer,
  input: { distributorId: string; topic: MemoTopic; body: string },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    await loadDistributorFor(viewer, input.distributorId, "edit", { tx });
    const m = await tx.distributorMemo.create({ data: { ...input, authorId: viewer.id } });
    await audit({ action: "distributorMemo.create", entity: "DistributorMemo", entityId: m.id, after: m });
    return { id: m.id };
  });
}

export async function updateDistributorMemo(
  viewer: Viewer,
  input: { id: string; version: number; topic: MemoTopic; body: string },
) {
  await mutate(viewer, async ({ tx, audit }) => {
    const before = await memoFor(tx, viewer, input.id);
    await updateVersioned(tx.distributorMemo, {
      where: { id: input.id, deletedAt: null },
      version: input.version,
      data: { topic: input.topic, body: input.body },
    });
    await audit({
      action: "distributorMemo.update",
      entity: "DistributorMemo",
      entityId: input.id,
      before,
      after: { ...before, topic: input.topic, body: input.body, version: input.version + 1 },
    });
  });
}

export async function deleteDistributorMemo(viewer: Viewer, input: { id: string; version: number }) {
  await mutate(viewer, async ({ tx, audit }) => {
    const before = await memoFor(tx, viewer, input.id);
    const now = new Date();
    await updateVersioned(tx.distributorMemo, {
      where: { id: input.id, deletedAt: null },
      version: input.version,
      data: { deletedAt: now },
    });
    await audit({
      action: "distributorMemo.delete",
      entity: "DistributorMemo",
      entityId: input.id,
      before,
      after: { deletedAt: now },
    });
  });
}
