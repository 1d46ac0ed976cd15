// A survey's results (调研结果): how the answers to each question are spread, and the figures of a
// set of responses. Pure: the data layer loads the answers, the pages show what this returns.
import {
  countNps,
  csatFromScores,
  csatPercent,
  netPromoterScore,
  responseRate,
  type NpsCounts,
} from "./satisfaction";
import { rangeOf, type SurveyAnswers, type SurveyQuestion } from "./surveys";

export type QuestionResult =
  | {
      key: string;
      kind: "scale";
      answered: number;
      counts: { value: number; count: number }[];
      mean: number | null;
    }
  | { key: string; kind: "choice"; answered: number; counts: { option: string; count: number }[] }
  | { key: string; kind: "text"; answered: number; texts: string[] };

/** Per question: the count of each value or option (in the question's order), or the texts. */
export function questionResults(
  questions: readonly SurveyQuestion[],
  answers: readonly SurveyAnswers[],
): QuestionResult[] {
  return questions.map((q) => {
    const given = answers.map((a) => a[q.key]).filter((v) => v !== undefined);
    const range = rangeOf(q);
    if (range) {
      const numbers = given.filter((v): v is number => typeof v === "number");
      const counts = [];
      for (let value = range.min; value <= range.max; value++)
        counts.push({ value, count: numbers.filter((n) => n === value).length });
      const mean = numbers.length
        ? Math.round((numbers.reduce((a, b) => a + b, 0) / numbers.length) * 10) / 10
        : null;
      return { key: q.key, kind: "scale", answered: numbers.length, counts, mean };
    }
    if (q.type === "SINGLE" || q.type === "MULTIPLE") {
      const picked = given.flatMap((v) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []));
      return {
        key: q.key,
        kind: "choice",
        answered: given.length,
        counts: (q.options ?? []).map((o) => ({
          option: o.key,
          count: picked.filter((p) => p === o.key).length,
        })),
      };
    }
    const texts = given.filter((v): v is string => typeof v === "string" && v.trim() !== "");
    return { key: q.key, kind: "text", answered: texts.length, texts };
  });
}

export type SatisfactionFigures = {
  sent: number;
  responded: number;
  responseRate: number | null;
  csat: number | null;
  csatAnswers: number;
  nps: number | null;
  npsCounts: NpsCounts;
};

/** The figures of a set of links and their responses' scores (columns csat and nps). */
export function satisfactionFigures(
  sent: number,
  responses: readonly { csat: number | null; nps: number | null }[],
): SatisfactionFigures {
  const csats = responses.flatMap((r) => (r.csat == null ? [] : [r.csat]));
  const npsCounts = countNps(responses.flatMap((r) => (r.nps == null ? [] : [r.nps])));
  return {
    sent,
    responded: responses.length,
    responseRate: responseRate(responses.length, sent),
    csat: csatFromScores(csats),
    csatAnswers: csats.length,
    nps: netPromoterScore(npsCounts),
    npsCounts,
  };
}

/** The same figures from counts a query summed (links, answers, CSAT answers and 4–5s, NPS buckets). */
export function figuresFromCounts(
  c: NpsCounts & { sent: number; responded: number; csatAnswers: number; satisfied: number },
): SatisfactionFigures {
  const npsCounts = { promoters: c.promoters, passives: c.passives, detractors: c.detractors };
  return {
    sent: c.sent,
    responded: c.responded,
    responseRate: responseRate(c.responded, c.sent),
    csat: csatPercent(c.satisfied, c.csatAnswers),
    csatAnswers: c.csatAnswers,
    nps: netPromoterScore(npsCounts),
    npsCounts,
  };
}
