// The admin switch "the ledger drives value" on a real PostgreSQL: turning it on rescores every
// account with its last 12 complete months of ledger revenue as the purchase volume (snapshots
// record it), ledger writes then rescore the account they touch in the same transaction, and
// turning it off gives the typed figure back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import { addMonths, valueWindow } from "@/lib/domain/ledger";
import { getScoringSettings } from "@/lib/data/account-scores";
import { cachedScores } from "@/lib/domain/account-scoring";
import { setLedgerDrivesValue } from "@/lib/data/ledger/settings";
import { getKpiSettings, ledgerVolumes } from "@/lib/data/ledger/value";
import { createLedgerLine, deleteLedgerLine } from "@/lib/data/ledger/write";
import { accountFixture, outcome, viewerFor } from "../helpers";
import { docNo } from "./support";

let admin: Viewer, manager: Viewer;
let account: { id: string };

const toggle = async (on: boolean) =>
  setLedgerDrivesValue(admin, { version: (await getKpiSettings()).version, ledgerDrivesValue: on });

beforeAll(async () => {
  [admin, manager] = await Promise.all([viewerFor("usr_admin"), viewerFor("usr_east_manager")]);
  // Typed: a tiny purchase volume; the ledger will say it buys far more.
  account = await accountFixture("usr_east_kam1");
  await db.account.update({
    where: { id: account.id },
    data: { purchaseVolume: 100_00n, categorySpend: 500_000_000_00n },
  });
});

afterAll(async () => {
  if ((await getKpiSettings()).ledgerDrivesValue) await toggle(false);
});

describe("ledger drives value", () => {
  it("sums only the last 12 complete months, never below zero", async () => {
    const { from, to } = valueWindow(chinaDate(new Date()));
    const a = await accountFixture("usr_east_kam1");
    const book = (month: string, amount: bigint, kind: "REVENUE" | "COLLECTION" = "REVENUE") =>
      createLedgerLine(manager, {
        kind,
        documentNo: docNo("W"),
        accountId: a.id,
        month,
        productLine: "密封件",
        amount,
        note: null,
      });
    await book(from, 1_000n);
    await book(addMonths(to, -1), 2_000n);
    await book(addMonths(from, -1), 40_000n); // 13 months ago: outside
    await book(to, 80_000n); // this month: not complete
    await book(from, 5_000n, "COLLECTION"); // collections are not revenue
    expect((await ledgerVolumes(db, [a.id])).get(a.id)).toBe(3_000n);
    await book(addMonths(from, 2), -10_000n);
    expect((await ledgerVolumes(db, [a.id])).get(a.id)).toBe(0n);
  });

  it("rescores every account when turned on and off, and rescores on ledger writes while on", async () => {
    expect(await outcome(setLedgerDrivesValue(manager, { version: 1, ledgerDrivesValue: true }))).toBe(
      "FORBIDDEN",
    );
    const { from } = valueWindow(chinaDate(new Date()));
    const line = await createLedgerLine(manager, {
      kind: "REVENUE",
      documentNo: docNo("W"),
      accountId: account.id,
      month: addMonths(from, 3),
      productLine: "伺服电机",
      amount: 200_000_000_00n, // 2亿 in the window
      note: null,
    });
    // What the typed inputs score (the stored scores are only rewritten when the composite moves).
    const typedScore = cachedScores(
      await db.account.findUniqueOrThrow({ where: { id: account.id } }),
      await getScoringSettings(),
    ).currentScore;

    const on = await toggle(true);
    expect(on.rescored).toBeGreaterThan(0);
    const ledgerScored = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(ledgerScored.currentScore).toBeGreaterThan(typedScore);
    // The typed figure is kept; the snapshot records the purchase volume scoring used (yuan).
    expect(ledgerScored.purchaseVolume).toBe(100_00n);
    const snapshot = await db.scoreSnapshot.findFirstOrThrow({
      where: { accountId: account.id, cause: "ledger" },
      orderBy: { createdAt: "desc" },
    });
    expect((snapshot.inputs as { purchaseVolume: number }).purchaseVolume).toBe(200_000_000);

    // While on, a ledger write rescores the account in its own transaction.
    await deleteLedgerLine(manager, { id: line.id, version: line.version });
    const afterDelete = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(afterDelete.currentScore).toBeLessThan(ledgerScored.currentScore);

    const off = await toggle(false);
    expect(off.rescored).toBeGreaterThan(0);
    const typedAgain = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(typedAgain.currentScore).toBe(typedScore);
    // Saving the same state again rescores nothing.
    expect((await toggle(false)).rescored).toBe(0);
  });
});
