import { describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import {
  bulkUpdateAccounts,
  createAccount,
  getAccountDetail,
  moveLifecycle,
  overrideTier,
  updateAccountProfile,
  updateQualification,
  updateValueInputs,
} from "@/lib/data/accounts";
import {
  accountListAfter,
  accountListFilter,
  accountListOrder,
  listAccountsPage,
  segmentation,
} from "@/lib/data/account-list";
import { updateScoringSettings } from "@/lib/data/account-rescoring";
import { scopeSql } from "@/lib/data/scope-sql";
import { scopeWhere } from "@/lib/auth/permissions";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "./helpers";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
let serial = 0;
/** A valid, unique unified social credit code (Suzhou division). */
function creditCode(): string {
  serial++;
  const body = `91320500${Date.now()
    .toString(36)
    .toUpperCase()
    .replace(/[IOSVZ]/g, "X")
    .slice(-5)}${serial.toString().padStart(4, "0")}`
    .split("")
    .map((c) => (ALPHABET.includes(c) ? c : "0"))
    .join("")
    .slice(0, 17);
  return body + creditCodeCheckChar(body);
}

const query = (q: Record<string, unknown> = {}) => accountListQuerySchema.parse(q);

const STRONG_INPUTS = {
  purchaseVolume: 3_000_000_000n, // 30 M yuan in fen
  categorySpend: 15_000_000_000n,
  creditRating: "AA" as const,
  paymentRecord: "EXCELLENT" as const,
  expectedGrowth: 25,
  loyalty: 5,
  industryInfluence: 5,
  strategicFit: 5,
  referenceValue: 4,
  urgency: 4,
  annualGrossProfit: 500_000_000n,
  annualCostToServe: 100_000_000n,
};

describe("account profile", () => {
  it("creates an account for the KAM in their team, audited, and refuses a second one with the same credit code", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const code = creditCode();
    const account = await createAccount(kam, {
      name: "苏州测试精密有限公司",
      creditCode: code,
      accountType: "END_CUSTOMER",
    });
    expect(account).toMatchObject({ ownerId: kam.id, teamId: "team_east", lifecycle: "PROSPECT", tier: "C" });
    expect((await auditRowsFor(account.id)).map((r) => r.action)).toEqual(["account.create"]);
    const north = await viewerFor("usr_north_kam1");
    const dup = await createAccount(north, { name: "另一家公司", creditCode: code }).catch((e) => e);
    expect(dup).toMatchObject({
      code: "DUPLICATE",
      fieldErrors: { creditCode: ["validation.creditCodeTaken"] },
    });
  });

  it("a rep may not create an account owned by someone else", async () => {
    const rep = await viewerFor("usr_east_rep1");
    expect(await outcome(createAccount(rep, { name: "代建客户", ownerId: "usr_east_kam1" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("updates only the fields given, with a version check", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id, "Profile target");
    const after = await updateAccountProfile(kam, {
      id: a.id,
      version: 1,
      legalRepresentative: "王建国",
      headcount: 1200,
    });
    expect(after).toMatchObject({
      name: "Profile target",
      legalRepresentative: "王建国",
      headcount: 1200,
      version: 2,
    });
    expect(await outcome(updateAccountProfile(kam, { id: a.id, version: 1, headcount: 5 }))).toBe("CONFLICT");
  });
});

describe("value assessment", () => {
  it("recomputes the cached scores and tier and keeps a dated snapshot", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id, "Value target");
    const after = await updateValueInputs(kam, { id: a.id, version: 1, ...STRONG_INPUTS });
    expect(after.compositeScore).toBeGreaterThan(75);
    expect(after.tier).toBe("A");
    expect(after.negativeAsset).toBe(false);
    const detail = await getAccountDetail(kam, a.id);
    expect(detail.scoreSnapshots).toHaveLength(1);
    expect(detail.scoreSnapshots[0]).toMatchObject({
      cause: "inputs",
      tier: "A",
      compositeScore: after.compositeScore,
    });
  });

  it("flags a negative asset when cost to serve exceeds the allowed share of gross profit", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id, "Costly account");
    const after = await updateValueInputs(kam, {
      id: a.id,
      version: 1,
      ...STRONG_INPUTS,
      annualGrossProfit: 100_000_000n,
      annualCostToServe: 90_000_000n,
    });
    expect(after.negativeAsset).toBe(true);
  });

  it("a manual tier needs a reason, is audited, and survives rescoring until cleared", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id, "Override target");
    const noReason = await overrideTier(kam, { id: a.id, version: 1, tier: "A", reason: " " }).catch(
      (e) => e,
    );
    expect(noReason.fieldErrors).toEqual({ reason: ["validation.reasonRequired"] });
    const o = await overrideTier(kam, {
      id: a.id,
      version: 1,
      tier: "A",
      reason: "集团总部指定的战略合作伙伴",
    });
    expect(o).toMatchObject({ tier: "A", computedTier: "C" });
    const rescored = await updateValueInputs(kam, {
      id: a.id,
      version: o.version,
      ...STRONG_INPUTS,
      creditRating: "C",
      loyalty: 1,
    });
    expect(rescored.tier).toBe("A");
    const cleared = await overrideTier(kam, {
      id: a.id,
      version: rescored.version,
      tier: null,
      reason: null,
    });
    expect(cleared.tier).toBe(cleared.computedTier);
    expect((await auditRowsFor(a.id)).map((r) => r.action)).toContain("account.tierOverride");
  });

  it("a rep may not override the tier, even of an account they own", async () => {
    const rep = await viewerFor("usr_east_rep1");
    const a = await accountFixture(rep.id, "Rep-owned tier target");
    const attempt = overrideTier(rep, { id: a.id, version: 1, tier: "A", reason: "我觉得很重要" });
    expect(await outcome(attempt)).toBe("FORBIDDEN");
    expect((await db.account.findUniqueOrThrow({ where: { id: a.id } })).tierOverrideReason).toBeNull();
  });

  it("new weights rescore every account (administrators only)", async () => {
    const admin = await viewerFor("usr_admin");
    const manager = await viewerFor("usr_east_manager");
    const settings = await db.scoringSettings.upsert({ where: { id: "default" }, create: {}, update: {} });
    const base = {
      weightCurrent: 40,
      weightPotential: 35,
      weightStrategic: 25,
      tierA: 75,
      tierB: 50,
      fullMarksPurchaseVolume: 50_000_000,
      fullMarksCategorySpend: 200_000_000,
      fullMarksGrowth: 30,
      maxCostToServeShare: 0.6,
    };
    expect(await outcome(updateScoringSettings(manager, { ...base, version: settings.version }))).toBe(
      "FORBIDDEN",
    );
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id, "Strategic only");
    const scored = await updateValueInputs(kam, {
      id: a.id,
      version: 1,
      ...STRONG_INPUTS,
      purchaseVolume: null,
      categorySpend: null,
      creditRating: null,
      paymentRecord: null,
    });
    const { rescored } = await updateScoringSettings(admin, {
      ...base,
      weightCurrent: 0,
      weightPotential: 0,
      weightStrategic: 100,
      version: settings.version,
    });
    expect(rescored).toBeGreaterThan(0);
    const after = await db.account.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.compositeScore).toBeGreaterThan(scored.compositeScore);
    expect(await db.scoreSnapshot.count({ where: { accountId: a.id, cause: "weights" } })).toBe(1);
    // Put the defaults back for the other tests.
    const now = await db.scoringSettings.findUniqueOrThrow({ where: { id: "default" } });
    await updateScoringSettings(admin, { ...base, version: now.version });
  });
});

describe("qualification and lifecycle", () => {
  it("holds an unqualified prospect back, lets it through once all four marks are yes, and records the move", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id, "Qualify target");
    const refused = await moveLifecycle(kam, { id: a.id, version: 1, to: "INTENT", reason: null }).catch(
      (e) => e,
    );
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { _form: ["validation.unqualified"] } });
    const q = await updateQualification(kam, {
      id: a.id,
      version: 1,
      needMark: "YES",
      needEvidence: "老供应商交付不稳定",
      affordMark: "YES",
      affordEvidence: "年采购预算三千万",
      willingMark: "YES",
      willingEvidence: "采购总监主动约见",
      decideMark: "YES",
      decideEvidence: "已接触总经理",
    });
    const moved = await moveLifecycle(kam, { id: a.id, version: q.version, to: "INTENT", reason: null });
    expect(moved.lifecycle).toBe("INTENT");
    const history = await db.lifecycleChange.findMany({ where: { accountId: a.id } });
    expect(history).toMatchObject([{ from: "PROSPECT", to: "INTENT", overridden: false, actorId: kam.id }]);
  });

  it("lets a manager override the gate with a reason, marked as an override", async () => {
    const manager = await viewerFor("usr_east_manager");
    const a = await accountFixture("usr_east_kam2", "Override gate");
    const moved = await moveLifecycle(manager, {
      id: a.id,
      version: 1,
      to: "INTENT",
      reason: "客户董事长亲自来访，需求明确",
    });
    expect(moved.lifecycle).toBe("INTENT");
    expect(await db.lifecycleChange.findFirst({ where: { accountId: a.id } })).toMatchObject({
      overridden: true,
    });
    expect((await auditRowsFor(a.id)).map((r) => r.action)).toContain("account.lifecycleOverride");
  });
});

describe("the list", () => {
  it("filters by tier and sorts by score, within scope", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id, "Listed A");
    await updateValueInputs(kam, { id: a.id, version: 1, ...STRONG_INPUTS });
    const page = await listAccountsPage(kam, query({ tier: "A", sort: "compositeScore", dir: "desc" }));
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.tier === "A" && (r.teamId === "team_east" || r.ownerId === kam.id))).toBe(
      true,
    );
    const scores = page.rows.map((r) => r.compositeScore);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it("finds by part of the name or the start of the credit code", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const code = creditCode();
    await createAccount(kam, { name: "无锡搜索测试电子有限公司", creditCode: code });
    expect((await listAccountsPage(kam, query({ q: "搜索测试" }))).rows.map((r) => r.creditCode)).toContain(
      code,
    );
    expect(
      (await listAccountsPage(kam, query({ q: code.slice(0, 12) }))).rows.map((r) => r.creditCode),
    ).toContain(code);
    const south = await viewerFor("usr_south_rep1");
    expect((await listAccountsPage(south, query({ q: "搜索测试" }))).total).toBe(0);
  });

  it("a region filter includes the territories below it", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const suzhou = await db.territory.findUniqueOrThrow({ where: { code: "320500" } });
    const jiangsu = await db.territory.findUniqueOrThrow({ where: { code: "320000" } });
    const a = await createAccount(kam, { name: "苏州区域过滤测试有限公司", territoryId: suzhou.id });
    const rows = (await listAccountsPage(kam, query({ territoryId: jiangsu.id, q: "区域过滤测试" }))).rows;
    expect(rows.map((r) => r.id)).toContain(a.id);
  });
});

describe("bulk changes", () => {
  it("a manager reassigns several accounts at once, one audit row each", async () => {
    const manager = await viewerFor("usr_east_manager");
    const a = await accountFixture("usr_east_kam1");
    const b = await accountFixture("usr_east_rep2");
    const { count } = await bulkUpdateAccounts(manager, {
      ids: [a.id, b.id],
      ownerId: "usr_east_kam2",
      tier: null,
      reason: null,
    });
    expect(count).toBe(2);
    for (const id of [a.id, b.id]) {
      expect(await db.account.findUniqueOrThrow({ where: { id } })).toMatchObject({
        ownerId: "usr_east_kam2",
        version: 2,
      });
      expect((await auditRowsFor(id)).map((r) => r.action)).toEqual(["account.reassign"]);
    }
  });

  it("is all or nothing: one account outside the manager's scope and nothing changes", async () => {
    const manager = await viewerFor("usr_east_manager");
    const mine = await accountFixture("usr_east_kam1");
    const theirs = await accountFixture("usr_north_kam1");
    expect(
      await outcome(
        bulkUpdateAccounts(manager, {
          ids: [mine.id, theirs.id],
          ownerId: null,
          tier: "A",
          reason: "年度重点",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect((await db.account.findUniqueOrThrow({ where: { id: mine.id } })).tier).toBe("C");
  });

  it("reps and KAMs cannot bulk-reassign", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const a = await accountFixture(kam.id);
    expect(
      await outcome(
        bulkUpdateAccounts(kam, { ids: [a.id], ownerId: "usr_east_kam2", tier: null, reason: null }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("segmentation", () => {
  it("counts only the viewer's scope and groups by industry, province and size", async () => {
    const kam = await viewerFor("usr_north_kam2");
    const beijing = await db.territory.findUniqueOrThrow({ where: { code: "110000" } });
    await createAccount(kam, {
      name: "北京细分测试科技有限公司",
      industry: "IT",
      sizeBand: "LARGE",
      territoryId: beijing.id,
    });
    const cells = await segmentation(kam);
    const cell = cells.find((c) => c.industry === "IT" && c.province === beijing.id && c.size === "LARGE");
    expect(cell?.count).toBeGreaterThanOrEqual(1);
    const east = await viewerFor("usr_east_rep1");
    const eastCells = await segmentation(east);
    expect(eastCells.some((c) => c.province === beijing.id)).toBe(false);
  });
});

describe("hand-written reads stay equal to Prisma's", () => {
  it("the account page returns exactly what the equivalent Prisma queries return", async () => {
    const kam = await viewerFor("usr_east_kam1");
    // A seeded account with contacts, lifecycle history and score snapshots.
    const seeded = await db.account.findFirstOrThrow({
      where: { ownerId: kam.id, contacts: { some: {} }, lifecycleChanges: { some: {} } },
      orderBy: { id: "asc" },
    });
    await updateValueInputs(kam, { id: seeded.id, version: seeded.version, ...STRONG_INPUTS });
    const detail = await getAccountDetail(kam, seeded.id);
    const expected = await db.account.findUniqueOrThrow({
      where: { id: seeded.id },
      include: {
        owner: { select: { id: true, name: true, jobTitle: true } },
        team: { select: { id: true, name: true, nameZh: true } },
        territory: { select: { id: true, name: true, nameEn: true } },
        contacts: { where: { deletedAt: null }, orderBy: [{ influence: "desc" }, { name: "asc" }] },
        lifecycleChanges: { orderBy: { createdAt: "desc" }, include: { actor: { select: { name: true } } } },
        scoreSnapshots: { orderBy: { createdAt: "desc" }, take: 50 },
      },
    });
    expect(detail.contacts.length).toBeGreaterThan(0);
    expect(detail.lifecycleChanges.length).toBeGreaterThan(0);
    expect(detail.scoreSnapshots.length).toBeGreaterThan(0);
    expect(detail).toStrictEqual({ ...expected, scoreSnapshots: expected.scoreSnapshots.reverse() });
  });

  it("the SQL form of the record scope matches scopeWhere for every role", async () => {
    for (const id of ["usr_admin", "usr_director", "usr_east_manager", "usr_north_kam1", "usr_south_rep2"]) {
      const viewer = await viewerFor(id);
      const viaPrisma = await db.account.findMany({
        where: scopeWhere(viewer),
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const viaSql = await db.$queryRaw<{ id: string }[]>`
        SELECT a.id FROM "Account" a WHERE ${scopeSql(viewer, "a")} ORDER BY a.id ASC`;
      expect(
        viaSql.map((r) => r.id),
        id,
      ).toEqual(viaPrisma.map((r) => r.id));
      expect(viaSql.length, id).toBeGreaterThan(0);
    }
  });
});

describe("the list's SQL filters agree with the same filters through Prisma", () => {
  const cases: Record<string, unknown>[] = [
    {},
    { sort: "name", dir: "asc" },
    { sort: "tier", dir: "asc" },
    { sort: "lifecycle", dir: "desc" },
    { sort: "updatedAt", dir: "desc", pageSize: 10, page: 2 },
    { tier: "A,B" },
    { lifecycle: "PROSPECT,INTENT", industry: "AUTOMOTIVE,MACHINERY" },
    { size: "LARGE,GIANT", scoreMin: 30, scoreMax: 80 },
    { q: "科技" },
    { q: "50%_" },
    { ownerId: "usr_east_kam2" },
  ];

  it("returns the same rows, in the same order, with the same total", async () => {
    const manager = await viewerFor("usr_east_manager");
    const jiangsu = await db.territory.findUniqueOrThrow({ where: { code: "320000" } });
    const cities = await db.territory.findMany({ where: { parentId: jiangsu.id }, select: { id: true } });
    for (const raw of [...cases, { territoryId: jiangsu.id }]) {
      const query = accountListQuerySchema.parse(raw);
      const page = await listAccountsPage(manager, query);
      const where: Prisma.AccountWhereInput = {
        ...scopeWhere(manager),
        deletedAt: null,
        ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
        ...(query.tier.length ? { tier: { in: query.tier } } : {}),
        ...(query.lifecycle.length ? { lifecycle: { in: query.lifecycle } } : {}),
        ...(query.industry.length ? { industry: { in: query.industry } } : {}),
        ...(query.size.length ? { sizeBand: { in: query.size } } : {}),
        ...(query.ownerId ? { ownerId: query.ownerId } : {}),
        ...(query.territoryId ? { territoryId: { in: [jiangsu.id, ...cities.map((c) => c.id)] } } : {}),
        compositeScore: { gte: query.scoreMin, lte: query.scoreMax },
      };
      // Prisma's `contains` does not escape % and _; the SQL filter does (they are literal text).
      if (query.q === "50%_") where.name = { contains: "50\\%\\_", mode: "insensitive" };
      const expected = await db.account.findMany({
        where,
        orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
        select: { id: true, owner: { select: { name: true } } },
      });
      const label = JSON.stringify(raw);
      expect(
        page.rows.map((r) => r.id),
        label,
      ).toEqual(expected.map((r) => r.id));
      expect(
        page.rows.map((r) => r.owner.name),
        label,
      ).toEqual(expected.map((r) => r.owner.name));
      expect(page.total, label).toBe(await db.account.count({ where }));
    }
  });

  it("keyset paging continues exactly after a row, for every sort and direction", async () => {
    const manager = await viewerFor("usr_east_manager");
    for (const sort of ["name", "compositeScore", "priorityScore", "tier", "updatedAt", "lifecycle"]) {
      for (const dir of ["asc", "desc"]) {
        const query = accountListQuerySchema.parse({ sort, dir, pageSize: 200 });
        const all = (await listAccountsPage(manager, query)).rows.map((r) => r.id);
        expect(all.length).toBeGreaterThan(20);
        const filter = await accountListFilter(manager, query);
        for (const k of [0, 7, all.length - 2]) {
          const rest = await db.$queryRaw<{ id: string }[]>`
            SELECT a.id FROM "Account" a WHERE ${filter} AND ${accountListAfter(query, all[k]!)}
            ORDER BY ${accountListOrder(query)} LIMIT ${all.length - k - 1}`;
          expect(
            rest.map((r) => r.id),
            `${sort} ${dir} after #${k}`,
          ).toEqual(all.slice(k + 1));
        }
      }
    }
  });
});
