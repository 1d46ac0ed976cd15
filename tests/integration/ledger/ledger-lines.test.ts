// The ledger through lib/data on a real PostgreSQL: booking, editing, deleting and restoring lines
// keep the trigger-fed rollup equal to the raw sums; scope holds for list, totals, export and
// every change (another region's lines are "not found"); duplicates are field errors.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { exportLedgerLines, getLedgerLine, listLedgerLines } from "@/lib/data/ledger/lines";
import {
  createLedgerLine,
  deleteLedgerLine,
  restoreLedgerLine,
  updateLedgerLine,
} from "@/lib/data/ledger/write";
import { ledgerListQuerySchema, type LedgerLineInput } from "@/lib/validation/ledger";
import { accountFixture, auditRowsFor, outcome, viewerFor } from "../helpers";
import { docNo, rawSums, rollupSums } from "./support";

let eastManager: Viewer, northManager: Viewer, eastKam: Viewer, eastRep: Viewer, admin: Viewer;
let eastAccount: { id: string; ownerId: string; teamId: string };
let eastAccount2: { id: string; ownerId: string; teamId: string };
let northAccount: { id: string; ownerId: string; teamId: string };

beforeAll(async () => {
  [eastManager, northManager, eastKam, eastRep, admin] = await Promise.all([
    viewerFor("usr_east_manager"),
    viewerFor("usr_north_manager"),
    viewerFor("usr_east_kam1"),
    viewerFor("usr_east_rep1"),
    viewerFor("usr_admin"),
  ]);
  eastAccount = await accountFixture("usr_east_kam1");
  eastAccount2 = await accountFixture("usr_east_kam2");
  northAccount = await accountFixture("usr_north_kam1");
});

const input = (over: Partial<LedgerLineInput> = {}): LedgerLineInput => ({
  kind: "REVENUE",
  documentNo: docNo("INV"),
  accountId: eastAccount.id,
  month: "2026-03-01",
  productLine: "伺服电机",
  amount: 12_500_000n,
  note: null,
  ...over,
});

const query = (q: Record<string, string>) => ledgerListQuerySchema.parse(q);

async function expectRollupMatches(accountId: string) {
  expect(await rollupSums(accountId)).toEqual(await rawSums(accountId));
}

describe("booking and the rollup", () => {
  it("keeps the rollup equal to the raw sums through create, edit (month, amount, account), delete and restore", async () => {
    const line = await createLedgerLine(eastManager, input());
    expect(line).toMatchObject({ ownerId: eastAccount.ownerId, teamId: eastAccount.teamId });
    await createLedgerLine(
      eastManager,
      input({ kind: "COLLECTION", amount: 9_000_000n, month: "2026-04-01" }),
    );
    await expectRollupMatches(eastAccount.id);

    const moved = await updateLedgerLine(eastManager, {
      ...input({ documentNo: line.documentNo, month: "2026-05-01", amount: -300_000n }),
      id: line.id,
      version: line.version,
    });
    await expectRollupMatches(eastAccount.id);
    expect(
      (await rollupSums(eastAccount.id)).get(`2026-05-01|${eastAccount.ownerId}|${eastAccount.teamId}`),
    ).toMatchObject({
      revenue: -300_000n,
    });

    // To another account: its owner and team come with it; both accounts' rollups follow.
    const other = await updateLedgerLine(eastManager, {
      ...input({
        documentNo: line.documentNo,
        accountId: eastAccount2.id,
        month: "2026-05-01",
        amount: 700_000n,
      }),
      id: line.id,
      version: moved.version,
    });
    expect(other).toMatchObject({ accountId: eastAccount2.id, ownerId: "usr_east_kam2" });
    await expectRollupMatches(eastAccount.id);
    await expectRollupMatches(eastAccount2.id);

    const deleted = await deleteLedgerLine(eastManager, { id: line.id, version: other.version });
    await expectRollupMatches(eastAccount2.id);
    expect(await rollupSums(eastAccount2.id)).toEqual(new Map());
    await restoreLedgerLine(eastManager, { id: line.id, version: deleted.version });
    await expectRollupMatches(eastAccount2.id);

    const actions = (await auditRowsFor(line.id)).map((r) => r.action);
    expect(actions).toEqual([
      "ledgerLine.create",
      "ledgerLine.update",
      "ledgerLine.update",
      "ledgerLine.delete",
      "ledgerLine.restore",
    ]);
  });

  it("answers a duplicate (kind, document number) with a field error, also in another case", async () => {
    const first = await createLedgerLine(eastManager, input());
    const again = createLedgerLine(eastManager, input({ documentNo: first.documentNo }));
    await expect(again).rejects.toMatchObject({
      code: "DUPLICATE",
      fieldErrors: { documentNo: expect.any(Array) },
    });
    // The same number as a collection is another document.
    expect(
      await outcome(
        createLedgerLine(eastManager, input({ documentNo: first.documentNo, kind: "COLLECTION" })),
      ),
    ).toBe("OK");
  });

  it("refuses a stale version", async () => {
    const line = await createLedgerLine(eastManager, input());
    await updateLedgerLine(eastManager, {
      ...input({ documentNo: line.documentNo }),
      id: line.id,
      version: 1,
    });
    expect(
      await outcome(
        updateLedgerLine(eastManager, { ...input({ documentNo: line.documentNo }), id: line.id, version: 1 }),
      ),
    ).toBe("CONFLICT");
  });
});

describe("scope", () => {
  let northLine: { id: string; version: number; documentNo: string };
  beforeAll(async () => {
    northLine = await createLedgerLine(
      northManager,
      input({ accountId: northAccount.id, productLine: "北区专属产品" }),
    );
  });

  it("never books a line on an account outside the viewer's scope (a field error, nothing written)", async () => {
    const attempt = createLedgerLine(eastManager, input({ accountId: northAccount.id }));
    await expect(attempt).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { accountId: expect.any(Array) },
    });
  });

  it("lets only ledger keepers book", async () => {
    expect(await outcome(createLedgerLine(eastKam, input()))).toBe("FORBIDDEN");
    expect(await outcome(createLedgerLine(eastRep, input()))).toBe("FORBIDDEN");
  });

  it("never lists, totals or exports another region's lines", async () => {
    const list = await listLedgerLines(eastManager, query({ product: "北区专属产品" }));
    expect(list.rows).toEqual([]);
    expect(list.totals).toEqual({ revenue: 0n, collections: 0n });
    const all = await listLedgerLines(eastManager, query({}));
    expect(all.rows.every((r) => r.teamId === "team_east")).toBe(true);
    const exported: string[] = [];
    const exportRun = await exportLedgerLines(eastManager, query({}));
    for await (const batch of exportRun.batches) exported.push(...batch.map((l) => l.teamId));
    expect(exportRun.count).toBe(all.total);
    const recorded = await db.auditLog.findFirstOrThrow({
      where: { action: "ledgerLine.export", actorId: eastManager.id },
      orderBy: { createdAt: "desc" },
    });
    expect(recorded.after).toMatchObject({ count: all.total });
    expect(exported.length).toBe(all.total);
    expect(new Set(exported)).toEqual(new Set(["team_east"]));
    // The north manager does see it.
    const north = await listLedgerLines(northManager, query({ product: "北区专属产品" }));
    expect(north.rows.map((r) => r.id)).toEqual([northLine.id]);
  });

  it("answers not found for another region's line, for reading, editing, deleting and restoring", async () => {
    await expect(getLedgerLine(eastManager, northLine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ref = { id: northLine.id, version: northLine.version };
    expect(
      await outcome(
        updateLedgerLine(eastManager, { ...input({ documentNo: northLine.documentNo }), ...ref }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(deleteLedgerLine(eastManager, ref))).toBe("NOT_FOUND");
    expect(await outcome(restoreLedgerLine(eastManager, ref))).toBe("NOT_FOUND");
    expect((await db.ledgerLine.findUniqueOrThrow({ where: { id: northLine.id } })).version).toBe(
      northLine.version,
    );
  });

  it("narrows by team and person as the dashboard does, never wider than the viewer's scope", async () => {
    // A forged team (north) falls back to the viewer's own scope, not to the north's lines.
    const forged = await listLedgerLines(eastManager, query({ team: "team_north", product: "北区专属产品" }));
    expect(forged.rows).toEqual([]);
    const person = await listLedgerLines(eastManager, query({ person: "usr_east_kam2" }));
    expect(person.rows.every((r) => r.ownerId === "usr_east_kam2")).toBe(true);
    // A rep asking for their manager's team still gets only what they may see.
    const rep = await listLedgerLines(eastRep, query({ team: "team_east" }));
    expect(rep.rows.every((r) => r.ownerId === eastRep.id)).toBe(true);
    // The admin sees both regions.
    const all = await listLedgerLines(admin, query({ product: "北区专属产品" }));
    expect(all.rows.map((r) => r.id)).toContain(northLine.id);
  });

  it("selects the months a period touches, and the account's tier", async () => {
    const a = await accountFixture("usr_east_kam1");
    await db.account.update({ where: { id: a.id }, data: { tier: "A" } });
    await createLedgerLine(eastManager, input({ accountId: a.id, month: "2025-11-01", amount: 100n }));
    await createLedgerLine(eastManager, input({ accountId: a.id, month: "2025-12-01", amount: 200n }));
    await createLedgerLine(eastManager, input({ accountId: a.id, month: "2026-01-01", amount: 400n }));
    const q4 = await listLedgerLines(eastManager, query({ account: a.id, period: "2025-Q4" }));
    expect(q4.totals.revenue).toBe(300n);
    const custom = await listLedgerLines(
      eastManager,
      query({ account: a.id, from: "2025-12-15", to: "2026-01-10" }),
    );
    expect(custom.totals.revenue).toBe(600n);
    const tierB = await listLedgerLines(eastManager, query({ account: a.id, tier: "B" }));
    expect(tierB.total).toBe(0);
    const tierA = await listLedgerLines(eastManager, query({ account: a.id, tier: "A", kind: "REVENUE" }));
    expect(tierA.total).toBe(3);
    // Forged values fall back safely.
    const junk = await listLedgerLines(
      eastManager,
      query({ account: a.id, period: "2025-13", tier: "Z", kind: "X" }),
    );
    expect(junk.total).toBe(3);
  });
});
