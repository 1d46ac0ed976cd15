import { describe, expect, it } from "vitest";
import {
  checkTemplate,
  normaliseQuestion,
  sameTemplate,
  templateKindOf,
} from "@/lib/domain/survey-templates";
import type { SurveyQuestion } from "@/lib/domain/surveys";

const q = (over: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  key: "q1",
  type: "TEXT",
  required: false,
  labelZh: "您的建议",
  labelEn: "Your suggestions",
  ...over,
});
const opts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `o${i}`, labelZh: `选项${i}`, labelEn: `Option ${i}` }));
const draft = (questions: SurveyQuestion[]) => ({
  titleZh: "满意度调研",
  titleEn: "Satisfaction survey",
  questions,
});

describe("checkTemplate", () => {
  it("accepts a well-formed template of every question type", () => {
    const problems = checkTemplate(
      draft([
        q({ key: "csat", type: "CSAT", required: true }),
        q({ key: "nps", type: "NPS" }),
        q({ key: "single", type: "SINGLE", options: opts(2) }),
        q({ key: "multi", type: "MULTIPLE", options: opts(10) }),
        q({ key: "scale", type: "SCALE", min: 0, max: 10 }),
        q({ key: "text" }),
      ]),
    );
    expect(problems).toEqual({});
  });

  it("needs titles and at least one question, at most 30", () => {
    expect(checkTemplate({ titleZh: " ", titleEn: "", questions: [] })).toEqual({
      titleZh: "labelRequired",
      titleEn: "labelRequired",
      questions: "noQuestions",
    });
    const many = Array.from({ length: 31 }, (_, i) => q({ key: `q${i}` }));
    expect(checkTemplate(draft(many)).questions).toBe("tooManyQuestions");
    expect(checkTemplate(draft(many.slice(0, 30)))).toEqual({});
  });

  it("refuses duplicate and malformed keys", () => {
    const p = checkTemplate(draft([q(), q(), q({ key: "Bad Key" })]));
    expect(p["questions.1.key"]).toBe("duplicateKey");
    expect(p["questions.2.key"]).toBe("badKey");
    expect(p["questions.0.key"]).toBeUndefined();
  });

  it("needs both labels, short enough, not only invisible characters", () => {
    const p = checkTemplate(draft([q({ labelEn: "\u200b" }), q({ key: "q2", labelZh: "长".repeat(301) })]));
    expect(p["questions.0.labelEn"]).toBe("labelRequired");
    expect(p["questions.1.labelZh"]).toBe("labelTooLong");
  });

  it("needs 2–10 distinct options on choice questions and none elsewhere", () => {
    expect(checkTemplate(draft([q({ type: "SINGLE", options: opts(1) })]))["questions.0.options"]).toBe(
      "tooFewOptions",
    );
    expect(checkTemplate(draft([q({ type: "MULTIPLE", options: opts(11) })]))["questions.0.options"]).toBe(
      "tooManyOptions",
    );
    const dup = [...opts(2), { key: "o1", labelZh: "重复", labelEn: "Again" }];
    expect(checkTemplate(draft([q({ type: "SINGLE", options: dup })]))["questions.0.options.2"]).toBe(
      "duplicateOption",
    );
    expect(checkTemplate(draft([q({ type: "TEXT", options: opts(2) })]))["questions.0.options"]).toBe(
      "unexpectedOptions",
    );
  });

  it("bounds a scale to whole numbers within 0–10 with at least two values", () => {
    const bad = (min: number | undefined, max: number | undefined) =>
      checkTemplate(draft([q({ type: "SCALE", min, max })]))["questions.0.scale"];
    expect(bad(1, 5)).toBeUndefined();
    expect(bad(5, 5)).toBe("badScale");
    expect(bad(-1, 5)).toBe("badScale");
    expect(bad(1, 11)).toBe("badScale");
    expect(bad(1.5, 5)).toBe("badScale");
    expect(bad(undefined, 5)).toBe("badScale");
  });

  it("refuses an unknown question type", () => {
    const p = checkTemplate(draft([q({ type: "DROPDOWN" as never })]));
    expect(p["questions.0.type"]).toBe("badType");
  });
});

describe("normaliseQuestion / templateKindOf / sameTemplate", () => {
  it("keeps only the fields a type uses", () => {
    expect(
      normaliseQuestion(q({ type: "NPS", options: opts(2), min: 1, max: 3, labelZh: " 推荐 " })),
    ).toEqual({
      key: "q1",
      type: "NPS",
      required: false,
      labelZh: "推荐",
      labelEn: "Your suggestions",
    });
    expect(normaliseQuestion(q({ type: "SCALE", min: 1, max: 7 }))).toMatchObject({ min: 1, max: 7 });
  });

  it("names the kind by the scored questions", () => {
    expect(templateKindOf([{ type: "NPS" }, { type: "TEXT" }])).toBe("NPS");
    expect(templateKindOf([{ type: "CSAT" }])).toBe("CSAT");
    expect(templateKindOf([{ type: "CSAT" }, { type: "NPS" }])).toBe("CUSTOM");
    expect(templateKindOf([{ type: "TEXT" }])).toBe("CUSTOM");
  });

  it("tells an unchanged draft from a changed one", () => {
    const a = draft([q()]);
    expect(sameTemplate(a, draft([q()]))).toBe(true);
    expect(sameTemplate(a, draft([q({ labelEn: "Ideas" })]))).toBe(false);
    expect(sameTemplate(a, { ...a, introZh: "请花一分钟" })).toBe(false);
  });
});

describe("sameTemplate with stored versions", () => {
  it("ignores the key order a jsonb column gives back", () => {
    const stored = JSON.parse(
      '[{"key":"q1","type":"TEXT","labelEn":"Your suggestions","labelZh":"您的建议","required":false}]',
    );
    expect(sameTemplate(draft([q()]), draft(stored))).toBe(true);
  });
});
