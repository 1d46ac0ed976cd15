import "server-only";
import type { Viewer } from "@/lib/domain/access";
import { rescoreEveryAccount } from "../account-rescoring";
import { saveLedgerDrivesValue } from "./value";

/**
 * The administrator turns "the ledger drives value" on or off. Every account is then rescored
 * through the same batched path a change of the scoring weights takes (each moved score with a
 * snapshot whose inputs show the purchase volume used), so tiers follow at once.
 */
export async function setLedgerDrivesValue(
  viewer: Viewer,
  input: { version: number; ledgerDrivesValue: boolean },
) {
  const { changed, settings } = await saveLedgerDrivesValue(viewer, input);
  const rescored = changed
    ? await rescoreEveryAccount(settings.ledgerDrivesValue ? "ledger" : "ledgerOff")
    : 0;
  return { settings, rescored };
}
