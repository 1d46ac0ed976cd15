import { describe, expect, it } from "vitest";
import { createTeam, deleteTeam, restoreTeam, updateTeam } from "@/lib/data/teams";
import {
  createTerritory,
  deleteTerritory,
  listTerritories,
  restoreTerritory,
  updateTerritory,
} from "@/lib/data/territories";
import { db } from "@/lib/db";
import { outcome, viewerFor } from "./helpers";

describe("teams", () => {
  it("refuses a parent that would make the team tree a cycle", async () => {
    const admin = await viewerFor("usr_admin");
    const sales = await db.team.findUniqueOrThrow({ where: { id: "team_sales" } });
    const error = await updateTeam(admin, {
      id: sales.id,
      version: sales.version,
      name: sales.name,
      nameZh: sales.nameZh,
      managerId: sales.managerId,
      parentId: "team_east",
    }).catch((e) => e);
    expect(error.fieldErrors).toEqual({ parentId: ["validation.teamCycle"] });
  });

  it("deletes only an empty team, softly, and restores it", async () => {
    const admin = await viewerFor("usr_admin");
    const east = await db.team.findUniqueOrThrow({ where: { id: "team_east" } });
    const busy = await deleteTeam(admin, { id: east.id, version: east.version }).catch((e) => e);
    expect(busy.fieldErrors).toEqual({ _form: ["teams.notEmpty"] });
    const empty = await createTeam(admin, {
      name: "Key Accounts West",
      nameZh: "西部大客户组",
      managerId: null,
      parentId: "team_sales",
    });
    const deleted = await deleteTeam(admin, { id: empty.id, version: empty.version });
    expect(deleted.deletedAt).not.toBeNull();
    const restored = await restoreTeam(admin, { id: empty.id, version: deleted.version });
    expect(restored.deletedAt).toBeNull();
  });

  it("is administrators' work", async () => {
    const manager = await viewerFor("usr_east_manager");
    expect(
      await outcome(
        createTeam(manager, { name: "Shadow team", nameZh: null, managerId: null, parentId: null }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("territories", () => {
  it("lists the hierarchy in tree order with depth", async () => {
    const admin = await viewerFor("usr_admin");
    const tree = await listTerritories(admin);
    const codes = tree.map((t) => t.code);
    expect(codes[0]).toBe("CN");
    expect(codes.indexOf("320500")).toBeGreaterThan(codes.indexOf("320000"));
    expect(tree.find((t) => t.code === "320500")?.depth).toBe(3);
  });

  it("enforces unique codes and a parent of a higher level", async () => {
    const admin = await viewerFor("usr_admin");
    const dup = await createTerritory(admin, {
      code: "320500",
      name: "苏州",
      nameEn: "Suzhou",
      level: "CITY",
      parentId: null,
      teamId: null,
    }).catch((e) => e);
    expect(dup.fieldErrors).toEqual({ code: ["validation.codeTaken"] });
    const suzhou = await db.territory.findUniqueOrThrow({ where: { code: "320500" } });
    const wrong = await createTerritory(admin, {
      code: "999999",
      name: "错",
      nameEn: "Wrong",
      level: "PROVINCE",
      parentId: suzhou.id,
      teamId: null,
    }).catch((e) => e);
    expect(wrong.fieldErrors).toEqual({ parentId: ["validation.parentLevel"] });
  });

  it("will not delete a territory with live children; deletes and restores a leaf", async () => {
    const admin = await viewerFor("usr_admin");
    const jiangsu = await db.territory.findUniqueOrThrow({ where: { code: "320000" } });
    const refused = await deleteTerritory(admin, { id: jiangsu.id, version: jiangsu.version }).catch(
      (e) => e,
    );
    expect(refused.fieldErrors).toEqual({ _form: ["territories.hasChildren"] });
    const leaf = await createTerritory(admin, {
      code: "320583",
      name: "昆山市",
      nameEn: "Kunshan",
      level: "DISTRICT",
      parentId: (await db.territory.findUniqueOrThrow({ where: { code: "320500" } })).id,
      teamId: "team_east",
    });
    const renamed = await updateTerritory(admin, {
      ...leaf,
      name: "昆山",
      nameEn: "Kunshan",
      version: leaf.version,
    });
    const gone = await deleteTerritory(admin, { id: leaf.id, version: renamed.version });
    expect((await listTerritories(admin)).some((t) => t.id === leaf.id)).toBe(false);
    expect((await listTerritories(admin, { deleted: true })).some((t) => t.id === leaf.id)).toBe(true);
    await restoreTerritory(admin, { id: leaf.id, version: gone.version });
    expect((await listTerritories(admin)).some((t) => t.id === leaf.id)).toBe(true);
  });
});
