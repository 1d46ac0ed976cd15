// 返点 (rebates): an agreement's tiered rules, paid as a rate on the period's achieved sell-in by
// the band the achievement (achieved ÷ target) falls in. Amounts in fen, rates in basis points.

/** From `fromBp` of the target upwards (10_000 = 100 %), `rateBp` of the achieved amount. */
export type RebateBand = { fromBp: number; rateBp: number };

/** The rules an agreement version carries (ChannelAgreementVersion.rebateRules). */
export type RebateRules = { period: "QUARTER" | "YEAR"; bands: RebateBand[] };
