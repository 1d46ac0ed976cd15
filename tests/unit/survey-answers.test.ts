// checkAnswers and scoresOf (lib/domain/surveys.ts): what a contact may send for each question
// type, and what figures a response carries. Hostile strings as an attacker would send them
// through the public link: NUL, zero-width text, 10 kB text, "0x9", "9e0", arrays for one answer,
// unknown option keys, duplicates.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkAnswers,
  labelIn,
  MAX_TEXT_ANSWER,
  rangeOf,
  scoresOf,
  type SurveyQuestion,
} from "@/lib/domain/surveys";

const q = (over: Partial<SurveyQuestion> & Pick<SurveyQuestion, "key" | "type">): SurveyQuestion => ({
  required: true,
  labelZh: "题目",
  labelEn: "Question",
  ...over,
});
const NPS = q({ key: "nps", type: "NPS" });
const CSAT = q({ key: "csat", type: "CSAT" });
const SCALE = q({ key: "scale", type: "SCALE", min: 1, max: 7 });
const OPTIONS = [
  { key: "a", labelZh: "甲", labelEn: "A" },
  { key: "b", labelZh: "乙", labelEn: "B" },
  { key: "c", labelZh: "丙", labelEn: "C" },
];
const SINGLE = q({ key: "single", type: "SINGLE", options: OPTIONS });
const MULTIPLE = q({ key: "multi", type: "MULTIPLE", options: OPTIONS });
const TEXT = q({ key: "text", type: "TEXT", required: false });

const one = (question: SurveyQuestion, value: string | string[] | undefined) =>
  checkAnswers([question], { [question.key]: value });

describe("rangeOf", () => {
  it("fixes CSAT at 1–5 and NPS at 0–10, takes SCALE's own range with 1–5 by default, none for others", () => {
    expect(rangeOf(CSAT)).toEqual({ min: 1, max: 5 });
    expect(rangeOf({ type: "CSAT", min: 0, max: 99 })).toEqual({ min: 1, max: 5 });
    expect(rangeOf(NPS)).toEqual({ min: 0, max: 10 });
    expect(rangeOf(SCALE)).toEqual({ min: 1, max: 7 });
    expect(rangeOf({ type: "SCALE" })).toEqual({ min: 1, max: 5 });
    expect(rangeOf(SINGLE)).toBeNull();
    expect(rangeOf(TEXT)).toBeNull();
  });
});

describe("checkAnswers: numbers", () => {
  it.each([
    [NPS, "0", 0],
    [NPS, "10", 10],
    [NPS, " 7 ", 7],
    [NPS, "07", 7],
    [CSAT, "1", 1],
    [CSAT, "5", 5],
    [SCALE, "7", 7],
  ])("accepts %s = %j as %d", (question, raw, expected) => {
    expect(one(question, raw)).toEqual({ ok: true, answers: { [question.key]: expected } });
  });

  it.each([
    [NPS, "11"],
    [NPS, "-1"],
    [NPS, "0x9"],
    [NPS, "9e0"],
    [NPS, "9.0"],
    [NPS, "９"], // a full-width digit
    [NPS, "Infinity"],
    [NPS, "NaN"],
    [NPS, "100"],
    [NPS, "1e308"],
    [NPS, ["9", "9"]],
    [NPS, ["3", "4"]],
    [CSAT, "0"],
    [CSAT, "6"],
    [SCALE, "0"],
    [SCALE, "8"],
    [NPS, "9\u0000"],
  ])("refuses %s = %j as invalid", (question, raw) => {
    expect(one(question, raw)).toEqual({ ok: false, problems: { [question.key]: "invalid" } });
  });

  it("accepts every whole number of the range and nothing outside it (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(NPS, CSAT, SCALE), fc.integer({ min: -1000, max: 1000 }), (question, n) => {
        const { min, max } = rangeOf(question)!;
        const result = one(question, String(n));
        if (n >= min && n <= max) expect(result).toEqual({ ok: true, answers: { [question.key]: n } });
        else expect(result.ok).toBe(false);
      }),
    );
  });

  it("never turns any string into a number outside the range (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(NPS, CSAT, SCALE), fc.string({ maxLength: 30 }), (question, raw) => {
        const result = one(question, raw);
        if (result.ok && question.key in result.answers) {
          const n = result.answers[question.key];
          const { min, max } = rangeOf(question)!;
          expect(Number.isInteger(n)).toBe(true);
          expect(n as number).toBeGreaterThanOrEqual(min);
          expect(n as number).toBeLessThanOrEqual(max);
        }
      }),
    );
  });
});

describe("checkAnswers: choices", () => {
  it("takes one known option for a single choice, de-duplicated", () => {
    expect(one(SINGLE, "b")).toEqual({ ok: true, answers: { single: "b" } });
    expect(one(SINGLE, ["b", "b"])).toEqual({ ok: true, answers: { single: "b" } });
  });

  it.each([["z"], [["a", "b"]], ["A"], ["__proto__"], ["constructor"], ["a\u0000"]])(
    "refuses %j for a single choice",
    (raw) => {
      expect(one(SINGLE, raw as string | string[])).toEqual({ ok: false, problems: { single: "invalid" } });
    },
  );

  it("reads an option key with a zero-width character at its edge as that option", () => {
    expect(one(SINGLE, "a\u200b")).toEqual({ ok: true, answers: { single: "a" } });
  });

  it("takes several known options for a multiple choice, each once, and refuses any unknown key", () => {
    expect(one(MULTIPLE, ["a", "c", "a"])).toEqual({ ok: true, answers: { multi: ["a", "c"] } });
    expect(one(MULTIPLE, "b")).toEqual({ ok: true, answers: { multi: ["b"] } });
    expect(one(MULTIPLE, ["a", "x"])).toEqual({ ok: false, problems: { multi: "invalid" } });
    expect(one(MULTIPLE, ["a", "'; DROP TABLE x; --"])).toEqual({
      ok: false,
      problems: { multi: "invalid" },
    });
  });

  it("keeps only option keys the question has (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom("a", "b", "c"), fc.string()), { maxLength: 8 }),
        (raw) => {
          const result = one(MULTIPLE, raw);
          if (result.ok && "multi" in result.answers) {
            const picked = result.answers.multi as string[];
            expect(picked.every((k) => ["a", "b", "c"].includes(k))).toBe(true);
            expect(new Set(picked).size).toBe(picked.length);
          }
        },
      ),
    );
  });
});

describe("checkAnswers: text", () => {
  it("keeps text trimmed of spaces and invisible characters at its ends", () => {
    expect(one(TEXT, "  \u200b 交期需要改进\u200b ")).toEqual({
      ok: true,
      answers: { text: "交期需要改进" },
    });
  });

  it("allows exactly the maximum length and refuses one more", () => {
    expect(one(TEXT, "好".repeat(MAX_TEXT_ANSWER))).toMatchObject({ ok: true });
    expect(one(TEXT, "好".repeat(MAX_TEXT_ANSWER + 1))).toEqual({ ok: false, problems: { text: "tooLong" } });
    expect(one(TEXT, "x".repeat(10_240))).toEqual({ ok: false, problems: { text: "tooLong" } });
  });

  it.each([["a\u0000b"], ["\u202eevil"], ["a\u0007b"], ["\ud800"], ["\u200b\u200c"]])(
    "refuses text the database must not store or that only looks like text: %j",
    (raw) => {
      const result = one({ ...TEXT, required: true }, raw);
      expect(result.ok).toBe(false);
    },
  );

  it("treats zero-width-only text as no answer (required: asked again; optional: left out)", () => {
    expect(one({ ...TEXT, required: true }, "\u200b\ufeff ")).toEqual({
      ok: false,
      problems: { text: "required" },
    });
    expect(one(TEXT, "\u200b\ufeff ")).toEqual({ ok: true, answers: {} });
  });

  it("joins several values of one text question by line breaks (a client sending the field twice)", () => {
    expect(one(TEXT, ["甲", "乙"])).toEqual({ ok: true, answers: { text: "甲\n乙" } });
  });

  it("stores any text it accepts within the limit and without NUL (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), (raw) => {
        const result = one(TEXT, raw);
        if (result.ok && "text" in result.answers) {
          const text = result.answers.text as string;
          expect(text.length).toBeLessThanOrEqual(MAX_TEXT_ANSWER);
          expect(text).not.toContain("\u0000");
        }
      }),
    );
  });
});

describe("checkAnswers: the whole form", () => {
  const ALL = [NPS, CSAT, SCALE, SINGLE, MULTIPLE, TEXT];

  it("reports every missing required answer and leaves optional ones out", () => {
    expect(checkAnswers(ALL, {})).toEqual({
      ok: false,
      problems: {
        nps: "required",
        csat: "required",
        scale: "required",
        single: "required",
        multi: "required",
      },
    });
    expect(checkAnswers([{ ...NPS, required: false }], { nps: "" })).toEqual({ ok: true, answers: {} });
  });

  it("drops keys no question has, including prototype names", () => {
    const raw = JSON.parse('{"nps":"9","__proto__":"x","constructor":"y","extra":"z"}') as Record<
      string,
      string
    >;
    const result = checkAnswers([NPS], raw);
    expect(result).toEqual({ ok: true, answers: { nps: 9 } });
    if (result.ok) expect(Object.keys(result.answers)).toEqual(["nps"]);
  });

  it("never throws and answers only the questions asked (property)", () => {
    const value = fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("nps", "csat", "scale", "single", "multi", "text", "x"), value),
        (raw) => {
          const result = checkAnswers(ALL, raw);
          const keys = Object.keys(result.ok ? result.answers : result.problems);
          expect(keys.every((k) => ALL.some((question) => question.key === k))).toBe(true);
        },
      ),
    );
  });
});

describe("scoresOf", () => {
  it("takes the first CSAT and NPS answers and joins the text answers", () => {
    const questions = [
      q({ key: "t1", type: "TEXT" }),
      q({ key: "n1", type: "NPS" }),
      q({ key: "n2", type: "NPS" }),
      q({ key: "c1", type: "CSAT" }),
      q({ key: "t2", type: "TEXT" }),
    ];
    expect(scoresOf(questions, { t1: "甲", n1: 3, n2: 10, c1: 5, t2: "乙" })).toEqual({
      csat: 5,
      nps: 3,
      verbatim: "甲\n\n乙",
    });
  });

  it("skips unanswered questions and gives null when nothing was measured", () => {
    const questions = [q({ key: "n1", type: "NPS" }), q({ key: "n2", type: "NPS" }), TEXT, SCALE];
    expect(scoresOf(questions, { n2: 0, scale: 7 })).toEqual({ csat: null, nps: 0, verbatim: null });
    expect(scoresOf(questions, {})).toEqual({ csat: null, nps: null, verbatim: null });
  });

  it("does not count a SCALE or choice answer as CSAT or NPS", () => {
    expect(scoresOf([SCALE, SINGLE], { scale: 5, single: "a" })).toEqual({
      csat: null,
      nps: null,
      verbatim: null,
    });
  });

  it("gives figures within their ranges for any accepted answer (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 5 }), (nps, csat) => {
        const checked = checkAnswers([NPS, CSAT], { nps: String(nps), csat: String(csat) });
        expect(checked.ok).toBe(true);
        if (checked.ok) expect(scoresOf([NPS, CSAT], checked.answers)).toEqual({ nps, csat, verbatim: null });
      }),
    );
  });
});

describe("labelIn", () => {
  it("picks the respondent's language", () => {
    expect(labelIn(OPTIONS[0]!, "en")).toBe("A");
    expect(labelIn(OPTIONS[0]!, "zh-CN")).toBe("甲");
  });
});
