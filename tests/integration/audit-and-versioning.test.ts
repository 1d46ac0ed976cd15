import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { isRetryableTransactionError, mutate } from "@/lib/data/audit";
import { deleteAccount, updateAccountProfile, restoreAccount } from "@/lib/data/accounts";
import { createUser, updateUser } from "@/lib/data/users";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "./helpers";

describe("audited mutations", () => {
  it("writes the audit row with actor, before and after in the change's transaction", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const record = await accountFixture(kam.id, "Before name");
    await updateAccountProfile(kam, { id: record.id, version: record.version, name: "After name" });
    const rows = await auditRowsFor(record.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: kam.id, action: "account.update", entity: "Account" });
    expect(rows[0]!.before).toMatchObject({ name: "Before name", version: 1 });
    expect(rows[0]!.after).toMatchObject({ name: "After name", version: 2 });
  });

  it("a failed mutation leaves neither the change nor an audit row", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const record = await accountFixture(kam.id, "Untouched");
    await expect(
      mutate(kam, async ({ tx, audit }) => {
        await tx.account.update({ where: { id: record.id }, data: { name: "Half-done" } });
        await audit({
          action: "account.update",
          entity: "Account",
          entityId: record.id,
          before: record,
          after: { name: "Half-done" },
        });
        throw new Error("boom after the audit row");
      }),
    ).rejects.toThrow("boom");
    expect((await db.account.findUniqueOrThrow({ where: { id: record.id } })).name).toBe("Untouched");
    expect(await auditRowsFor(record.id)).toHaveLength(0);
  });

  it("refuses a mutation that forgot to write its audit row, and rolls it back", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const record = await accountFixture(kam.id, "Silent");
    await expect(
      mutate(kam, ({ tx }) => tx.account.update({ where: { id: record.id }, data: { name: "Sneaky" } })),
    ).rejects.toThrow(/no audit record/);
    expect((await db.account.findUniqueOrThrow({ where: { id: record.id } })).name).toBe("Silent");
  });

  it("never copies password hashes into the audit trail", async () => {
    const admin = await viewerFor("usr_admin");
    const user = await createUser(admin, {
      name: "审计 测试",
      email: `audit.${Date.now()}@keystone.demo`,
      role: "REP",
      teamId: "team_east",
      locale: "zh-CN",
      password: "Audit-Trail-2026",
    });
    await updateUser(admin, {
      ...user,
      teamId: "team_east",
      locale: "en",
      version: user.version,
      password: "Another-Secret-77",
    });
    const rows = await auditRowsFor(user.id);
    expect(rows.map((r) => r.action)).toEqual(["user.create", "user.update"]);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/passwordHash|\$2b\$/);
    expect(rows[1]!.after).toMatchObject({ passwordChanged: true, locale: "en" });
  });

  it("soft delete keeps the row and restore brings it back, both audited", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const record = await accountFixture(kam.id);
    const deleted = await deleteAccount(kam, { id: record.id, version: record.version });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await db.account.count({ where: { id: record.id } })).toBe(1);
    const restored = await restoreAccount(manager, { id: record.id, version: deleted.version });
    expect(restored.deletedAt).toBeNull();
    expect((await auditRowsFor(record.id)).map((r) => r.action)).toEqual([
      "account.delete",
      "account.restore",
    ]);
  });
});

describe("optimistic concurrency", () => {
  it("refuses an update carrying a stale version, changing nothing", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const record = await accountFixture(kam.id, "Original");
    await updateAccountProfile(kam, { id: record.id, version: 1, name: "First edit" });
    expect(await outcome(updateAccountProfile(kam, { id: record.id, version: 1, name: "Stale edit" }))).toBe(
      "CONFLICT",
    );
    const now = await db.account.findUniqueOrThrow({ where: { id: record.id } });
    expect(now).toMatchObject({ name: "First edit", version: 2 });
    expect(await auditRowsFor(record.id)).toHaveLength(1);
  });

  it("of two simultaneous edits of the same version exactly one wins", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const record = await accountFixture(kam.id, "Contested");
    const results = await Promise.all([
      outcome(updateAccountProfile(kam, { id: record.id, version: 1, name: "KAM's name" })),
      outcome(updateAccountProfile(manager, { id: record.id, version: 1, name: "Manager's name" })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    const now = await db.account.findUniqueOrThrow({ where: { id: record.id } });
    expect(now.version).toBe(2);
    expect(["KAM's name", "Manager's name"]).toContain(now.name);
    expect(await auditRowsFor(record.id)).toHaveLength(1);
  });
});

describe("deadlocks", () => {
  // The embedded database has one connection, so two transactions never interleave there.
  it.skipIf(inject("databaseKind") === "embedded")(
    "two changes locking the same rows in opposite orders both land: the one PostgreSQL aborts runs again",
    async () => {
      const kam = await viewerFor("usr_east_kam1");
      const first = await accountFixture(kam.id);
      const second = await accountFixture(kam.id);
      let runs = 0;
      const change = (x: string, y: string, label: string) =>
        mutate(kam, async ({ tx, audit }) => {
          runs++;
          await tx.$executeRaw`UPDATE "Account" SET version = version + 1 WHERE id = ${x}`;
          await tx.$executeRaw`SELECT pg_sleep(0.3)`; // the other change takes its first row meanwhile
          await tx.$executeRaw`UPDATE "Account" SET version = version + 1 WHERE id = ${y}`;
          await audit({ action: "test.deadlock", entity: "Account", entityId: x, after: { label } });
          return label;
        });
      const results = await Promise.allSettled([
        change(first.id, second.id, "one"),
        change(second.id, first.id, "two"),
      ]);
      expect(results).toEqual([
        { status: "fulfilled", value: "one" },
        { status: "fulfilled", value: "two" },
      ]);
      expect(runs).toBe(3); // one was chosen as the deadlock's victim and ran again
      const versions = await db.account.findMany({
        where: { id: { in: [first.id, second.id] } },
        select: { version: true },
      });
      expect(versions.map((v) => v.version)).toEqual([3, 3]);
      const audited = await db.auditLog.count({
        where: { action: "test.deadlock", entityId: { in: [first.id, second.id] } },
      });
      expect(audited).toBe(2);
    },
  );

  it("retries deadlocks and serialization failures however they are wrapped, and nothing else", () => {
    expect(isRetryableTransactionError({ code: "P2034" })).toBe(true);
    expect(
      isRetryableTransactionError({ name: "DriverAdapterError", cause: { originalCode: "40P01" } }),
    ).toBe(true);
    expect(
      isRetryableTransactionError({
        code: "P2010",
        meta: { driverAdapterError: { cause: { code: "40001" } } },
      }),
    ).toBe(true);
    expect(isRetryableTransactionError({ code: "P2002" })).toBe(false);
    expect(isRetryableTransactionError({ cause: { originalCode: "23505" } })).toBe(false);
    expect(isRetryableTransactionError(new Error("deadlock detected"))).toBe(false);
    expect(isRetryableTransactionError(null)).toBe(false);
  });
});
