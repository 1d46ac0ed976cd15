// Overdue accounts (该联系却没联系) on PostgreSQL: the stored due date is set when an account is made
// or its tier changes, the rep's and the manager's lists read it, scoped, and a visit takes an
// account off them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { bulkUpdateAccounts, createAccount, overrideTier } from "@/lib/data/accounts";
import { confirmAccountImport, previewAccountImport } from "@/lib/data/account-import";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { formatCsv } from "@/lib/domain/csv";
import { contactDueOn, DEFAULT_VISIT_SETTINGS } from "@/lib/domain/visits";
import { refreshContactDueFor } from "@/lib/data/visits/contact-due";
import { listMyOverdueAccounts, listTeamOverdueAccounts } from "@/lib/data/visits/overdue";
import { createVisitRecord } from "@/lib/data/visits/records";
import { createVisitRecordSchema } from "@/lib/validation/visit-records";
import { accountFixture, outcome, viewerFor } from "./helpers";

const DAY = 86_400_000;

/** An account of `ownerId` created `daysAgo` days ago, with its due date as the app stores it. */
async function agedAccount(ownerId: string, tier: "A" | "B" | "C", daysAgo: number) {
  const account = await accountFixture(ownerId);
  await db.$executeRaw`UPDATE "Account" SET "createdAt" = ${new Date(Date.now() - daysAgo * DAY)}, tier = ${tier}::"Tier" WHERE id = ${account.id}`;
  // The same recomputation a tier change runs.
  await db.$transaction((tx) => refreshContactDueFor(tx, [account.id]));
  return account;
}

const dueOn = async (id: string) => {
  const a = await db.account.findUniqueOrThrow({ where: { id }, select: { contactDueOn: true } });
  return a.contactDueOn ? fromDbDate(a.contactDueOn) : null;
};

describe("the stored contact due date", () => {
  it("is set when an account is created: a C-tier account is due 90 days after", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await createAccount(kam, { name: `到期测试 ${randomUUID()}` });
    expect(await dueOn(account.id)).toBe(addDays(chinaDate(account.createdAt), 90));
  });

  it("follows a tier override and a bulk tier change", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const manager = await viewerFor("usr_east_manager");
    const account = await createAccount(kam, { name: `到期测试 ${randomUUID()}` });
    const created = chinaDate(account.createdAt);
    await overrideTier(kam, { id: account.id, version: account.version, tier: "A", reason: "战略客户" });
    expect(await dueOn(account.id)).toBe(addDays(created, 14));
    await bulkUpdateAccounts(manager, { ids: [account.id], ownerId: null, tier: "B", reason: "调整" });
    expect(await dueOn(account.id)).toBe(addDays(created, 30));
  });

  it("is set for accounts created by a CSV import", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const t = (key: string) => key;
    const first17 = `91320583W${Date.now().toString().slice(-8)}`;
    const code = first17 + creditCodeCheckChar(first17);
    const name = `导入到期测试 ${randomUUID().slice(0, 8)}有限公司`;
    const bytes = new TextEncoder().encode(
      formatCsv(
        [
          ["企业名称", "统一社会信用代码"],
          [name, code],
        ],
        { bom: true },
      ),
    );
    const preview = await previewAccountImport(kam, bytes, t);
    if (!preview.ok) throw new Error(preview.message);
    const result = await confirmAccountImport(kam, bytes, t, preview);
    expect(result).toMatchObject({ ok: true, created: 1 });
    const account = await db.account.findFirstOrThrow({ where: { creditCode: code } });
    expect(await dueOn(account.id)).toBe(contactDueOn(account, DEFAULT_VISIT_SETTINGS));
  });
});

describe("overdue lists", () => {
  it("the rep's own: overdue accounts only, longest first, and a visit takes one off", async () => {
    const rep = await viewerFor("usr_south_rep1");
    const long = await agedAccount(rep.id, "A", 40); // due 26 days ago
    const short = await agedAccount(rep.id, "B", 32); // due 2 days ago
    const fine = await agedAccount(rep.id, "C", 32); // due in 58 days
    const mine = await listMyOverdueAccounts(rep);
    const ids = mine.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([long.id, short.id]));
    expect(ids).not.toContain(fine.id);
    expect(ids.indexOf(long.id)).toBeLessThan(ids.indexOf(short.id));
    expect(mine.rows.find((r) => r.id === long.id)!.daysOverdue).toBe(26);

    await createVisitRecord(
      rep,
      createVisitRecordSchema.parse({
        clientId: randomUUID(),
        accountId: long.id,
        method: "PHONE",
        talkingPoints: "电话回访",
      }),
    );
    const after = await listMyOverdueAccounts(rep);
    expect(after.rows.map((r) => r.id)).not.toContain(long.id);
    expect(after.total).toBe(mine.total - 1);
  });

  it("the manager's: the team's by rep, sortable, scoped; reps may not open it", async () => {
    const rep = await viewerFor("usr_south_rep2");
    const kam = await viewerFor("usr_south_kam1");
    const manager = await viewerFor("usr_south_manager");
    const otherManager = await viewerFor("usr_north_manager");
    const a = await agedAccount(rep.id, "A", 20); // 6 days overdue
    const b = await agedAccount(kam.id, "A", 30); // 16 days overdue

    const team = await listTeamOverdueAccounts(manager, { sort: "days" });
    const ids = team.rows.map((r) => r.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(team.rows.find((r) => r.id === a.id)).toMatchObject({ daysOverdue: 6, owner: { id: rep.id } });
    expect(team.owners.find((o) => o.id === rep.id)!.count).toBeGreaterThanOrEqual(1);

    const byRep = await listTeamOverdueAccounts(manager, { owner: rep.id });
    expect(byRep.rows.every((r) => r.owner.id === rep.id)).toBe(true);
    const byOwner = await listTeamOverdueAccounts(manager, { sort: "owner" });
    const names = byOwner.rows.map((r) => r.owner.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "zh-CN")));

    const north = await listTeamOverdueAccounts(otherManager);
    expect(north.rows.map((r) => r.id)).not.toContain(a.id);
    expect(await outcome(listTeamOverdueAccounts(rep))).toBe("FORBIDDEN");
  });
});
