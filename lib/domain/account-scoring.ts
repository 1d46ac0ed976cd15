// Turns an account's stored inputs and the administrator's settings into the scores cached on the
// account row (so lists can sort and filter by them). Money arrives in fen, as stored.
import {
  assessValue,
  assetVerdict,
  type CreditRating,
  type PaymentRecord,
  type ScoringConfig,
  type Tier,
  type ValueAssessment,
} from "./account-value";
import { priorityScore, type MarkAnswer } from "./qualification";

export type ScoringSettingsRow = {
  weightCurrent: number;
  weightPotential: number;
  weightStrategic: number;
  tierA: number;
  tierB: number;
  fullMarksPurchaseVolume: number; // yuan
  fullMarksCategorySpend: number; // yuan
  fullMarksGrowth: number;
  maxCostToServeShare: number;
};

export const DEFAULT_SETTINGS: ScoringSettingsRow = {
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

export type StoredInputs = {
  purchaseVolume: bigint | number | null; // fen
  categorySpend: bigint | number | null; // fen
  creditRating: CreditRating | null;
  paymentRecord: PaymentRecord | null;
  expectedGrowth: number | null;
  loyalty: number | null;
  industryInfluence: number | null;
  strategicFit: number | null;
  referenceValue: number | null;
  urgency: number | null;
  annualGrossProfit: bigint | number | null; // fen
  annualCostToServe: bigint | number | null; // fen
  willingMark: MarkAnswer;
};

export const fenToYuan = (fen: bigint | number | null): number | null =>
  fen === null ? null : Number(fen) / 100;

export function configFrom(settings: ScoringSettingsRow): ScoringConfig {
  return {
    weights: {
      current: settings.weightCurrent,
      potential: settings.weightPotential,
      strategic: settings.weightStrategic,
    },
    tierThresholds: { A: settings.tierA, B: settings.tierB },
    fullMarksPurchaseVolume: settings.fullMarksPurchaseVolume,
    fullMarksCategorySpend: settings.fullMarksCategorySpend,
    fullMarksGrowth: settings.fullMarksGrowth,
  };
}

export function assessStored(inputs: StoredInputs, settings: ScoringSettingsRow): ValueAssessment {
  return assessValue(
    {
      purchaseVolume: fenToYuan(inputs.purchaseVolume),
      categorySpend: fenToYuan(inputs.categorySpend),
      creditRating: inputs.creditRating,
      paymentRecord: inputs.paymentRecord,
      expectedGrowth: inputs.expectedGrowth,
      loyalty: inputs.loyalty,
      industryInfluence: inputs.industryInfluence,
      strategicFit: inputs.strategicFit,
      referenceValue: inputs.referenceValue,
    },
    configFrom(settings),
  );
}

export type CachedScores = {
  currentScore: number;
  potentialScore: number;
  strategicScore: number;
  compositeScore: number;
  computedTier: Tier;
  priorityScore: number;
  negativeAsset: boolean;
};

export function cachedScores(inputs: StoredInputs, settings: ScoringSettingsRow): CachedScores {
  const a = assessStored(inputs, settings);
  const asset = assetVerdict(
    fenToYuan(inputs.annualGrossProfit),
    fenToYuan(inputs.annualCostToServe),
    settings.maxCostToServeShare,
  );
  return {
    currentScore: a.current,
    potentialScore: a.potential,
    strategicScore: a.strategic,
    compositeScore: a.composite,
    computedTier: a.tier,
    priorityScore: priorityScore({
      potential: a.potential,
      willing: inputs.willingMark,
      urgency: inputs.urgency,
    }),
    negativeAsset: asset.verdict === "negative",
  };
}
