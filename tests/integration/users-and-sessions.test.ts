import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer } from "@/lib/data/session";
import { createUser, deactivateUser, listUsers, reactivateUser, updateUser } from "@/lib/data/users";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function newRep(admin: Awaited<ReturnType<typeof viewerFor>>, teamId = "team_east") {
  return createUser(admin, {
    name: `测试 ${unique()}`,
    email: `rep.${unique()}@keystone.demo`,
    role: "REP",
    teamId,
    locale: "zh-CN",
    password: "Solid-Password-2026",
  });
}

describe("user administration", () => {
  it("is for administrators only", async () => {
    const manager = await viewerFor("usr_east_manager");
    expect(await outcome(listUsers(manager, { status: "all", page: 1 }))).toBe("FORBIDDEN");
  });

  it("refuses a second user with the same e-mail, as a field error", async () => {
    const admin = await viewerFor("usr_admin");
    const error = await createUser(admin, {
      name: "Dup",
      email: "east.rep1@keystone.demo",
      role: "REP",
      teamId: "team_east",
      locale: "en",
      password: "Solid-Password-2026",
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { email: ["validation.emailTaken"] } });
  });

  it("deactivation hands every owned record to the chosen colleague, audited per record", async () => {
    const admin = await viewerFor("usr_admin");
    const leaver = await newRep(admin);
    const a1 = await accountFixture(leaver.id);
    const a2 = await accountFixture(leaver.id);
    const { moved } = await deactivateUser(admin, {
      id: leaver.id,
      version: leaver.version,
      reassignToId: "usr_north_kam1",
    });
    expect(moved).toBe(2);
    for (const a of [a1, a2]) {
      const now = await db.account.findUniqueOrThrow({ where: { id: a.id } });
      expect(now).toMatchObject({ ownerId: "usr_north_kam1", teamId: "team_north", version: 2 });
      expect((await auditRowsFor(a.id)).map((r) => r.action)).toEqual(["account.reassign"]);
    }
    const userAudit = await auditRowsFor(leaver.id);
    expect(userAudit.at(-1)).toMatchObject({
      action: "user.deactivate",
      after: expect.objectContaining({ recordsReassigned: 2 }),
    });
  });

  it("refuses to hand records to the leaver or to an inactive colleague", async () => {
    const admin = await viewerFor("usr_admin");
    const leaver = await newRep(admin);
    const other = await newRep(admin);
    await deactivateUser(admin, { id: other.id, version: other.version, reassignToId: null });
    const same = await deactivateUser(admin, {
      id: leaver.id,
      version: leaver.version,
      reassignToId: leaver.id,
    }).catch((e) => e);
    expect(same.fieldErrors).toEqual({ reassignToId: ["validation.reassignSame"] });
    const inactive = await deactivateUser(admin, {
      id: leaver.id,
      version: leaver.version,
      reassignToId: other.id,
    }).catch((e) => e);
    expect(inactive.fieldErrors).toEqual({ reassignToId: ["validation.reassignInactive"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: leaver.id } })).active).toBe(true);
  });

  it("an administrator cannot deactivate themself", async () => {
    const admin = await viewerFor("usr_admin");
    const me = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(
      await outcome(deactivateUser(admin, { id: admin.id, version: me.version, reassignToId: null })),
    ).toBe("FORBIDDEN");
  });
});

describe("sessions follow the user record", () => {
  it("deactivating a user ends their session at the next request; reactivating needs a new sign-in", async () => {
    const admin = await viewerFor("usr_admin");
    const rep = await newRep(admin);
    const token = rep.version && (await db.user.findUniqueOrThrow({ where: { id: rep.id } })).tokenVersion;
    expect(await loadViewer(rep.id, token)).not.toBeNull();
    const { user } = await deactivateUser(admin, { id: rep.id, version: rep.version, reassignToId: null });
    expect(await loadViewer(rep.id, token)).toBeNull();
    await reactivateUser(admin, { id: rep.id, version: user.version });
    // The old token stays invalid: its version predates the deactivation.
    expect(await loadViewer(rep.id, token)).toBeNull();
    expect(await loadViewer(rep.id, token + 1)).not.toBeNull();
  });

  it("a role or team change invalidates the old token and the new scope applies", async () => {
    const admin = await viewerFor("usr_admin");
    const rep = await newRep(admin);
    const before = await db.user.findUniqueOrThrow({ where: { id: rep.id } });
    const oldViewer = await loadViewer(rep.id, before.tokenVersion);
    expect(oldViewer?.visibleTeamIds).toEqual(["team_east"]);
    await updateUser(admin, {
      ...rep,
      role: "MANAGER",
      teamId: "team_sales",
      locale: "zh-CN",
      password: null,
      version: rep.version,
    });
    expect(await loadViewer(rep.id, before.tokenVersion)).toBeNull();
    const promoted = await loadViewer(rep.id, before.tokenVersion + 1);
    expect(promoted?.role).toBe("MANAGER");
    expect([...(promoted?.visibleTeamIds as string[])].sort()).toEqual([
      "team_east",
      "team_north",
      "team_sales",
      "team_south",
    ]);
  });

  it("a name-only change keeps the person signed in", async () => {
    const admin = await viewerFor("usr_admin");
    const rep = await newRep(admin);
    const before = await db.user.findUniqueOrThrow({ where: { id: rep.id } });
    await updateUser(admin, {
      ...rep,
      name: "新名字",
      teamId: rep.teamId,
      locale: "zh-CN",
      password: null,
      version: rep.version,
    });
    expect(await loadViewer(rep.id, before.tokenVersion)).not.toBeNull();
  });
});
