// The managed list of lost reasons on PostgreSQL.
import { describe, expect, it } from "vitest";
import {
  createLostReason,
  listLostReasons,
  setLostReasonDeleted,
  updateLostReason,
} from "@/lib/data/deals/lost-reasons";
import { refused } from "./fixtures";
import { auditRowsFor, outcome, viewerFor } from "../helpers";

describe("lost reasons", () => {
  it("lost reasons are the admin's: create, update, delete and restore, each audited", async () => {
    const admin = await viewerFor("usr_admin");
    const manager = await viewerFor("usr_east_manager");
    const code = `TEST_${Date.now().toString(36).toUpperCase()}`;
    const input = { code, name: "客户被收购", nameEn: "Customer acquired", sortOrder: 80 };
    expect(await outcome(createLostReason(manager, input))).toBe("FORBIDDEN");
    const created = await createLostReason(admin, input);
    expect(created).toMatchObject({ ...input, version: 1, deletedAt: null });
    expect(await refused(createLostReason(admin, { ...input, name: "重复" }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { code: ["validation.codeTaken"] },
    });
    expect(await outcome(updateLostReason(manager, { ...input, id: created.id, version: 1 }))).toBe(
      "FORBIDDEN",
    );
    const updated = await updateLostReason(admin, {
      ...input,
      name: "客户被并购",
      id: created.id,
      version: 1,
    });
    expect(updated).toMatchObject({ name: "客户被并购", version: 2 });
    expect(await outcome(updateLostReason(admin, { ...input, id: created.id, version: 1 }))).toBe("CONFLICT");
    expect(await outcome(setLostReasonDeleted(manager, { id: created.id, version: 2 }, true))).toBe(
      "FORBIDDEN",
    );
    await setLostReasonDeleted(admin, { id: created.id, version: 2 }, true);
    expect((await listLostReasons()).map((r) => r.id)).not.toContain(created.id);
    expect((await listLostReasons({ deleted: true })).map((r) => r.id)).toContain(created.id);
    await setLostReasonDeleted(admin, { id: created.id, version: 3 }, false);
    expect((await listLostReasons()).map((r) => r.id)).toContain(created.id);

    const rows = await auditRowsFor(created.id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["lostReason.create", admin.id],
      ["lostReason.update", admin.id],
      ["lostReason.delete", admin.id],
      ["lostReason.restore", admin.id],
    ]);
    expect(rows[0]!.after).toMatchObject({ code, name: "客户被收购" });
    expect(rows[1]!.before).toMatchObject({ name: "客户被收购", version: 1 });
    expect(rows[1]!.after).toMatchObject({ name: "客户被并购", version: 2 });
    expect(rows[2]!.before).toMatchObject({ deletedAt: null });
    expect(rows[2]!.after).toMatchObject({ deletedAt: expect.any(String), version: 3 });
    expect(rows[3]!.after).toMatchObject({ deletedAt: null, version: 4 });
  });
});
