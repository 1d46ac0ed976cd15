import "server-only";
import { db, Prisma, type Tier } from "@/lib/db";
import {
  cachedScores,
  DEFAULT_SETTINGS,
  type CachedScores,
  type ScoringSettingsRow,
  type StoredInputs,
} from "@/lib/domain/account-scoring";
import { withScoringVolume } from "./ledger/value";
import { refreshContactDueFor } from "./visits/contact-due";

// An account's cached value scores (客户价值评估): the admin's settings, what a change to the inputs
// or the settings does to them, and the dated snapshots the score history shows.

export async function getScoringSettings(
  client: Prisma.TransactionClient | typeof db = db,
): Promise<ScoringSettingsRow> {
  const row = await client.scoringSettings.findUnique({ where: { id: "default" } });
  return row ?? DEFAULT_SETTINGS;
}

export type FullAccount = Prisma.AccountGetPayload<object>;

/**
 * An account's scores under `settings`: its tier follows the computed one unless a person overrode
 * it; `changed` says whether anything stored differs, `snapshot` whether the score history records it.
 */
export function scoreChange(account: FullAccount, settings: ScoringSettingsRow) {
  const scores = cachedScores(account, settings);
  const tier: Tier = account.tierOverrideReason ? account.tier : scores.computedTier;
  const snapshot =
    scores.compositeScore !== account.compositeScore || scores.computedTier !== account.computedTier;
  const changed =
    snapshot ||
    scores.priorityScore !== account.priorityScore ||
    scores.negativeAsset !== account.negativeAsset ||
    tier !== account.tier;
  return { scores, tier, changed, snapshot };
}

/** Recomputes the cached scores after a change; writes a dated snapshot when they moved. */
export async function rescore(
  tx: Prisma.TransactionClient,
  account: FullAccount,
  cause: string,
  settings?: ScoringSettingsRow,
) {
  const s = settings ?? (await getScoringSettings(tx));
  // While the ledger drives value, scoring reads its revenue as the purchase volume.
  const [scored] = await withScoringVolume(tx, [account]);
  const { scores, tier, changed, snapshot } = scoreChange(scored!, s);
  if (!changed) return account;
  const updated = await tx.account.update({ where: { id: account.id }, data: { ...scores, tier } });
  // The contact cadence follows the tier (该联系却没联系).
  if (tier !== account.tier) await refreshContactDueFor(tx, [account.id]);
  if (snapshot) await tx.scoreSnapshot.create({ data: scoreSnapshotRow(scored!, scores, cause, s) });
  return updated;
}

/** The value inputs a snapshot records (money in yuan), with the account they belong to. */
type SnapshotAccount = { id: string } & Omit<
  StoredInputs,
  "willingMark" | "purchaseVolume" | "categorySpend" | "annualGrossProfit" | "annualCostToServe"
> & {
    purchaseVolume: bigint | null;
    categorySpend: bigint | null;
    annualGrossProfit: bigint | null;
    annualCostToServe: bigint | null;
  };

/** A dated record of an account's scores, the inputs they came from and the settings used. */
export function scoreSnapshotRow(
  account: SnapshotAccount,
  scores: CachedScores,
  cause: string,
  settings: ScoringSettingsRow,
): Prisma.ScoreSnapshotCreateManyInput {
  const money = (v: bigint | null) => (v === null ? null : Number(v) / 100);
  return {
    accountId: account.id,
    cause,
    currentScore: scores.currentScore,
    potentialScore: scores.potentialScore,
    strategicScore: scores.strategicScore,
    compositeScore: scores.compositeScore,
    tier: scores.computedTier,
    inputs: {
      purchaseVolume: money(account.purchaseVolume),
      categorySpend: money(account.categorySpend),
      creditRating: account.creditRating,
      paymentRecord: account.paymentRecord,
      expectedGrowth: account.expectedGrowth,
      loyalty: account.loyalty,
      industryInfluence: account.industryInfluence,
      strategicFit: account.strategicFit,
      referenceValue: account.referenceValue,
      urgency: account.urgency,
      annualGrossProfit: money(account.annualGrossProfit),
      annualCostToServe: money(account.annualCostToServe),
    },
    config: settings as unknown as Prisma.InputJsonValue,
  };
}
