// Contacts through the real data layer on PostgreSQL: scoped through their account, reporting lines
// without loops, audited, versioned and soft-deleted.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  accountTimeline,
  createContact,
  deleteContact,
  listContacts,
  restoreContact,
  updateContact,
} from "@/lib/data/contacts";
import { createContactSchema } from "@/lib/validation/contacts";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "./helpers";

/** A contact's fields as the form would send them, parsed by the real schema. */
function contactInput(accountId: string, fields: Record<string, string> = {}) {
  return createContactSchema.parse({ accountId, name: `联系人 ${Date.now()}`, ...fields });
}

describe("contacts", () => {
  it("are scoped through their account: another team's rep gets NOT_FOUND for list, create and update", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const outsider = await viewerFor("usr_north_rep1");
    const account = await accountFixture(kam.id);
    const contact = await createContact(kam, contactInput(account.id, { name: "刘总" }));

    expect(await outcome(listContacts(outsider, account.id))).toBe("NOT_FOUND");
    expect(await outcome(createContact(outsider, contactInput(account.id)))).toBe("NOT_FOUND");
    expect(
      await outcome(
        updateContact(outsider, {
          ...contactInput(account.id, { name: "改名" }),
          id: contact.id,
          version: 1,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(deleteContact(outsider, { id: contact.id, version: 1 }))).toBe("NOT_FOUND");
    expect(await outcome(accountTimeline(outsider, account.id))).toBe("NOT_FOUND");
    // Nothing changed.
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).name).toBe("刘总");
  });

  it("may be read but not changed by a teammate who does not own the account", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const teammate = await viewerFor("usr_east_rep1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const contact = await createContact(kam, contactInput(account.id));

    expect((await listContacts(teammate, account.id)).map((c) => c.id)).toEqual([contact.id]);
    expect(await outcome(createContact(teammate, contactInput(account.id)))).toBe("FORBIDDEN");
    expect(await outcome(deleteContact(teammate, { id: contact.id, version: 1 }))).toBe("FORBIDDEN");
    // The team's manager may.
    expect(await outcome(createContact(manager, contactInput(account.id)))).toBe("OK");
  });

  it("refuses a reporting line that loops, points to itself, to a deleted contact or another account's", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const other = await accountFixture(kam.id);
    const boss = await createContact(kam, contactInput(account.id, { name: "董事长" }));
    const head = await createContact(kam, contactInput(account.id, { name: "总经理", reportsToId: boss.id }));
    const buyer = await createContact(kam, contactInput(account.id, { name: "采购", reportsToId: head.id }));
    const stranger = await createContact(kam, contactInput(other.id, { name: "外人" }));

    // boss → buyer would close boss → buyer → head → boss.
    const loop = updateContact(kam, {
      ...contactInput(account.id, { name: "董事长", reportsToId: buyer.id }),
      id: boss.id,
      version: boss.version,
    });
    await expect(loop).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reportsToId: ["accountPage.contacts.errors.reportsToCycle"] },
    });
    const self = updateContact(kam, {
      ...contactInput(account.id, { name: "董事长", reportsToId: boss.id }),
      id: boss.id,
      version: boss.version,
    });
    await expect(self).rejects.toMatchObject({ fieldErrors: { reportsToId: [expect.any(String)] } });
    expect(await outcome(createContact(kam, contactInput(account.id, { reportsToId: stranger.id })))).toBe(
      "VALIDATION",
    );

    await deleteContact(kam, { id: buyer.id, version: buyer.version });
    expect(await outcome(createContact(kam, contactInput(account.id, { reportsToId: buyer.id })))).toBe(
      "VALIDATION",
    );
    // The loop was refused: the boss still reports to nobody.
    expect((await db.contact.findUniqueOrThrow({ where: { id: boss.id } })).reportsToId).toBeNull();
  });

  it("writes an audit row for every change, and the account's timeline shows them newest first", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const created = await createContact(
      kam,
      contactInput(account.id, { name: "王经理", buyingRole: "COACH" }),
    );
    const updated = await updateContact(kam, {
      ...contactInput(account.id, { name: "王经理", buyingRole: "DECISION_MAKER", influence: "5" }),
      id: created.id,
      version: created.version,
    });
    const deleted = await deleteContact(kam, { id: created.id, version: updated.version });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await listContacts(kam, account.id)).toHaveLength(0);
    expect((await listContacts(kam, account.id, { deleted: true })).map((c) => c.id)).toEqual([created.id]);
    const restored = await restoreContact(kam, { id: created.id, version: deleted.version });
    expect(restored).toMatchObject({ deletedAt: null, version: 4, buyingRole: "DECISION_MAKER" });

    const rows = await auditRowsFor(created.id);
    expect(rows.map((r) => [r.action, r.entity, r.actorId])).toEqual([
      ["contact.create", "Contact", kam.id],
      ["contact.update", "Contact", kam.id],
      ["contact.delete", "Contact", kam.id],
      ["contact.restore", "Contact", kam.id],
    ]);
    expect(rows[1]!.before).toMatchObject({ buyingRole: "COACH", version: 1 });
    expect(rows[1]!.after).toMatchObject({ buyingRole: "DECISION_MAKER", influence: 5, version: 2 });

    const timeline = await accountTimeline(kam, account.id);
    expect(timeline.rows.map((r) => r.action)).toEqual([
      "contact.restore",
      "contact.delete",
      "contact.update",
      "contact.create",
    ]);
    expect(timeline.rows[0]!.actor?.id).toBe(kam.id);
  });

  it("refuses a stale version and leaves the contact as the other person saved it", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await accountFixture(kam.id);
    const contact = await createContact(kam, contactInput(account.id, { name: "原名" }));
    await updateContact(manager, {
      ...contactInput(account.id, { name: "经理改的" }),
      id: contact.id,
      version: contact.version,
    });
    expect(
      await outcome(
        updateContact(kam, {
          ...contactInput(account.id, { name: "我改的" }),
          id: contact.id,
          version: contact.version,
        }),
      ),
    ).toBe("CONFLICT");
    expect(await outcome(deleteContact(kam, { id: contact.id, version: contact.version }))).toBe("CONFLICT");
    const row = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(row).toMatchObject({ name: "经理改的", version: 2, deletedAt: null });
    expect((await auditRowsFor(contact.id)).map((r) => r.action)).toEqual([
      "contact.create",
      "contact.update",
    ]);
  });

  it("keeps the birthday's calendar day and validates the form's values", () => {
    const ok = createContactSchema.safeParse({
      accountId: "acc",
      name: "张三",
      birthday: "1975-05-03",
      phone: "0512-6688 1234 转 801",
      email: "Zhang.San@Example.com",
      influence: "4",
    });
    expect(ok.success).toBe(true);
    expect(ok.data?.birthday?.toISOString()).toBe("1975-05-03T00:00:00.000Z");
    expect(ok.data?.email).toBe("zhang.san@example.com");
    expect(ok.data).toMatchObject({ influence: 4, relationshipStrength: 1, buyingRole: "USER" });

    const bad = createContactSchema.safeParse({
      accountId: "acc",
      name: " ",
      birthday: "1975-02-30",
      email: "not-an-email",
      influence: "9",
      buyingRole: "BOSS",
    });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error?.issues.map((i) => i.path.join(".")));
    expect(fields).toEqual(new Set(["name", "birthday", "email", "influence", "buyingRole"]));
  });
});
