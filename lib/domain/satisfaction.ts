// Satisfaction figures (客户满意度): CSAT is the share of answers scoring 4 or 5 on the 1–5 scale;
// NPS is the share of promoters (9–10) minus the share of detractors (0–6), from −100 to 100.
// Both are null when nobody answered: "not measured" is not zero.

export type NpsCounts = { promoters: number; passives: number; detractors: number };

export function npsBucket(score: number): keyof NpsCounts {
  return score >= 9 ? "promoters" : score >= 7 ? "passives" : "detractors";
}

export function countNps(scores: readonly number[]): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) counts[npsBucket(s)] += 1;
  return counts;
}

/** NPS from counts: −100…100, rounded to one decimal; null without answers. */
export function netPromoterScore({ promoters, passives, detractors }: NpsCounts): number | null {
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  return Math.round(((promoters - detractors) / n) * 1000) / 10;
}

/** CSAT as a percentage of satisfied answers (4 or 5): 0…100, one decimal; null without answers. */
export function csatPercent(satisfied: number, answered: number): number | null {
  if (answered <= 0) return null;
  return Math.round((satisfied / answered) * 1000) / 10;
}

export const isSatisfied = (csat: number) => csat >= 4;

/** CSAT percentage straight from 1–5 scores. */
export function csatFromScores(scores: readonly number[]): number | null {
  return csatPercent(scores.filter(isSatisfied).length, scores.length);
}

/** Response rate in percent (0…100, one decimal); null when nothing was sent. */
export function responseRate(responded: number, sent: number): number | null {
  if (sent <= 0) return null;
  return Math.round((Math.min(responded, sent) / sent) * 1000) / 10;
}

/** Is one answer low enough to act on (the administrator's thresholds)? */
export function isLowScore(
  answer: { csat?: number | null; nps?: number | null },
  thresholds: { lowCsatAtMost: number; lowNpsAtMost: number },
): boolean {
  if (answer.csat != null && answer.csat <= thresholds.lowCsatAtMost) return true;
  return answer.nps != null && answer.nps <= thresholds.lowNpsAtMost;
}

/**
 * The satisfaction indicator of the scorecard and the health score, 0–100: the mean of CSAT % and
 * NPS mapped onto 0–100 ((nps + 100) / 2), whichever are measured; null when neither is.
 */
export function satisfactionIndex(csat: number | null, nps: number | null): number | null {
  const parts = [csat, nps === null ? null : (nps + 100) / 2].filter((x): x is number => x !== null);
  if (!parts.length) return null;
  return Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 10) / 10;
}
