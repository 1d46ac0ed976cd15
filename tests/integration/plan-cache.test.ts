import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { planCacheStats } from "@/lib/db/plan-cache";

// lib/db reuses Prisma's query plans for reads asked again with the same arguments. A plan is how
// to ask, never the answer: each read still goes to the database and sees the latest rows.
describe("query plan cache", () => {
  const code = `PC${Date.now().toString(36).toUpperCase()}`.slice(0, 12);

  afterAll(async () => {
    await db.$executeRaw`DELETE FROM "Territory" WHERE code LIKE ${`${code}%`}`;
  });

  const territories = () =>
    db.territory.findMany({
      where: { code: { startsWith: code } },
      select: { code: true },
      orderBy: { code: "asc" },
    });

  it("plans a repeated read once and still reads the current rows", async () => {
    expect(await territories()).toEqual([]);
    const before = planCacheStats();
    await db.$executeRaw`
      INSERT INTO "Territory" (id, code, name, "nameEn", level, "updatedAt")
      VALUES (${`ter_${code}`}, ${`${code}1`}, '测试', 'Test', 'PROVINCE', now())`;
    expect(await territories()).toEqual([{ code: `${code}1` }]);
    const after = planCacheStats();
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(1);
  });

  it("keeps the plans of different arguments apart", async () => {
    const [east, north] = await Promise.all([
      db.team.findUnique({ where: { id: "team_east" }, select: { id: true } }),
      db.team.findUnique({ where: { id: "team_north" }, select: { id: true } }),
    ]);
    expect(east?.id).toBe("team_east");
    expect(north?.id).toBe("team_north");
    // Asked again (now from the cache), each still answers for its own id.
    expect((await db.team.findUnique({ where: { id: "team_north" }, select: { id: true } }))?.id).toBe(
      "team_north",
    );
    expect((await db.team.findUnique({ where: { id: "team_east" }, select: { id: true } }))?.id).toBe(
      "team_east",
    );
    const [viewer] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${"usr_admin"}`;
    const [other] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${"usr_director"}`;
    expect([viewer?.id, other?.id]).toEqual(["usr_admin", "usr_director"]);
  });

  it("does not keep the plans of writes", async () => {
    const before = planCacheStats();
    await db.territory.updateMany({ where: { code: `${code}1` }, data: { nameEn: "Test 2" } });
    await db.territory.updateMany({ where: { code: `${code}1` }, data: { nameEn: "Test 2" } });
    const after = planCacheStats();
    expect(after.uncached - before.uncached).toBe(2);
    expect(after.hits).toBe(before.hits);
  });
});
