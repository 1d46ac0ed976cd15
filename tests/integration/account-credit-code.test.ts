import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findCreditCodeHolder } from "@/lib/data/account-credit-code";
import { createAccount, deleteAccount } from "@/lib/data/accounts";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { viewerFor } from "./helpers";

// The live credit-code check says "already registered" exactly when saving would refuse the code,
// and names the account only to someone who may open it.

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
let serial = 0;
/** A valid credit code no other test uses (Wuxi division, this run's clock and a counter). */
function creditCode(): string {
  serial++;
  const stamp = Date.now().toString(31).toUpperCase().slice(-5);
  const body = `91320200${stamp}${serial.toString().padStart(4, "0")}`
    .split("")
    .map((c) => (ALPHABET.includes(c) ? c : "0"))
    .join("")
    .slice(0, 17);
  return body + creditCodeCheckChar(body);
}

describe("findCreditCodeHolder", () => {
  it("names the holder to people who see it, and only says 'registered' to the others", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const colleague = await viewerFor("usr_east_rep1"); // same team: may open it
    const manager = await viewerFor("usr_east_manager");
    const admin = await viewerFor("usr_admin");
    const otherRegion = await viewerFor("usr_north_kam1");
    const code = creditCode();
    const account = await createAccount(kam, { name: "无锡查重测试电子有限公司", creditCode: code });

    const named = { account: { id: account.id, name: "无锡查重测试电子有限公司" } };
    expect(await findCreditCodeHolder(kam, code)).toEqual(named);
    expect(await findCreditCodeHolder(colleague, code)).toEqual(named);
    expect(await findCreditCodeHolder(manager, code)).toEqual(named);
    expect(await findCreditCodeHolder(admin, code)).toEqual(named);
    // Registered, but outside this person's scope: no id, no name.
    expect(await findCreditCodeHolder(otherRegion, code)).toEqual({ account: null });
    // A code nobody holds.
    expect(await findCreditCodeHolder(kam, creditCode())).toBeNull();
  });

  it("does not count the account being edited, unless the person cannot see it", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const otherRegion = await viewerFor("usr_north_kam1");
    const code = creditCode();
    const account = await createAccount(kam, { name: "无锡自查测试机械有限公司", creditCode: code });
    expect(await findCreditCodeHolder(kam, code, account.id)).toBeNull();
    // Someone who cannot see the account gains nothing by naming it as "the one being edited".
    expect(await findCreditCodeHolder(otherRegion, code, account.id)).toEqual({ account: null });
    // A second account with the code (only possible by editing the first away and back) is still
    // reported while the first is edited: here, the edited one is a different account.
    const other = await createAccount(kam, { name: "无锡另一测试化工有限公司" });
    expect(await findCreditCodeHolder(kam, code, other.id)).toEqual({
      account: { id: account.id, name: "无锡自查测试机械有限公司" },
    });
  });

  it("reports a deleted holder as registered without offering a link (saving refuses it too)", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const code = creditCode();
    const account = await createAccount(kam, { name: "无锡已删测试纺织有限公司", creditCode: code });
    await deleteAccount(kam, { id: account.id, version: account.version });
    expect(await db.account.count({ where: { creditCode: code } })).toBe(1);
    expect(await findCreditCodeHolder(kam, code)).toEqual({ account: null });
    const again = await createAccount(kam, { name: "无锡重建测试纺织有限公司", creditCode: code }).catch(
      (e) => e,
    );
    expect(again).toMatchObject({ code: "DUPLICATE" });
  });
});
