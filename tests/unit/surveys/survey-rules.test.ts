import { describe, expect, it } from "vitest";
import {
  automaticRecipients,
  closesAtFor,
  dueWave,
  reminderDue,
  triggerEnabled,
  waveKeyOf,
} from "@/lib/domain/survey-rules";

const settings = {
  linkValidDays: 14,
  reminderAfterDays: 5,
  surveyOnDealWon: true,
  surveyOnComplaintClosed: false,
  waveMonthsA: 3,
  waveMonthsB: 6,
  waveMonthsC: 0,
};

describe("waveKeyOf", () => {
  it("names quarters, halves, years and months in China time", () => {
    const d = new Date("2026-12-02T10:00:00Z");
    expect(waveKeyOf(d, 3)).toBe("2026-Q4");
    expect(waveKeyOf(d, 6)).toBe("2026-H2");
    expect(waveKeyOf(d, 12)).toBe("2026");
    expect(waveKeyOf(d, 1)).toBe("2026-12");
    expect(waveKeyOf(new Date("2026-04-01T00:00:00+08:00"), 3)).toBe("2026-Q2");
    expect(waveKeyOf(new Date("2026-06-30T23:59:00+08:00"), 6)).toBe("2026-H1");
  });

  it("uses the China date at the turn of the year", () => {
    // 31 Dec 17:00 UTC is already 1 January in Beijing.
    expect(waveKeyOf(new Date("2026-12-31T17:00:00Z"), 3)).toBe("2027-Q1");
  });

  it("has no wave for 0 or an interval that does not divide the year", () => {
    expect(waveKeyOf(new Date(), 0)).toBeNull();
    expect(waveKeyOf(new Date(), 5)).toBeNull();
  });

  it("takes the tier's interval", () => {
    const d = new Date("2026-08-15T00:00:00Z");
    expect(dueWave("A", settings, d)).toBe("2026-Q3");
    expect(dueWave("B", settings, d)).toBe("2026-H2");
    expect(dueWave("C", settings, d)).toBeNull();
  });
});

describe("triggers, closing, reminders", () => {
  it("follows the administrator's switches", () => {
    expect(triggerEnabled("DEAL_WON", settings)).toBe(true);
    expect(triggerEnabled("COMPLAINT_CLOSED", settings)).toBe(false);
  });

  it("closes after the link validity", () => {
    expect(closesAtFor(new Date("2026-12-01T00:00:00Z"), settings).toISOString()).toBe(
      "2026-12-15T00:00:00.000Z",
    );
  });

  const inv = {
    createdAt: new Date("2026-12-01T00:00:00Z"),
    respondedAt: null,
    remindedAt: null,
    revokedAt: null,
    expiresAt: new Date("2026-12-15T00:00:00Z"),
  };
  it("reminds once, after N days, while the link is open and unanswered", () => {
    const day6 = new Date("2026-12-06T00:00:00Z");
    expect(reminderDue(inv, settings, new Date("2026-12-05T23:59:00Z"))).toBe(false);
    expect(reminderDue(inv, settings, day6)).toBe(true);
    expect(reminderDue({ ...inv, remindedAt: day6 }, settings, day6)).toBe(false);
    expect(reminderDue({ ...inv, respondedAt: day6 }, settings, day6)).toBe(false);
    expect(reminderDue({ ...inv, revokedAt: day6 }, settings, day6)).toBe(false);
    expect(reminderDue(inv, settings, new Date("2026-12-15T00:00:00Z"))).toBe(false);
    expect(reminderDue(inv, { reminderAfterDays: 0 }, day6)).toBe(false);
  });
});

describe("automaticRecipients", () => {
  const c = (id: string, buyingRole: string, email: string | null) => ({ id, buyingRole, email });
  it("asks the named contacts first, then decision makers with e-mail, then all decision makers", () => {
    const all = [
      c("a", "DECISION_MAKER", "a@x.cn"),
      c("b", "DECISION_MAKER", null),
      c("u", "USER", "u@x.cn"),
    ];
    expect(automaticRecipients(all)).toEqual(["a"]);
    expect(automaticRecipients(all.slice(1))).toEqual(["b"]);
    expect(automaticRecipients([c("u", "USER", null)], ["u", "u", "stranger"])).toEqual(["u"]);
    expect(automaticRecipients([c("u", "USER", null)])).toEqual([]);
    // A complaint's own people are asked about its handling, even where decision makers exist.
    expect(automaticRecipients(all, ["u", "stranger"])).toEqual(["u"]);
    expect(automaticRecipients(all, ["stranger"])).toEqual(["a"]);
  });
});

describe("survey results", async () => {
  const { questionResults, satisfactionFigures } = await import("@/lib/domain/survey-results");
  it("spreads answers per question", () => {
    const questions = [
      { key: "csat", type: "CSAT" as const, required: true, labelZh: "满意度", labelEn: "Satisfaction" },
      {
        key: "why",
        type: "MULTIPLE" as const,
        required: false,
        labelZh: "原因",
        labelEn: "Why",
        options: [
          { key: "a", labelZh: "交付", labelEn: "Delivery" },
          { key: "b", labelZh: "服务", labelEn: "Service" },
        ],
      },
      { key: "text", type: "TEXT" as const, required: false, labelZh: "建议", labelEn: "Ideas" },
    ];
    const [csat, why, text] = questionResults(questions, [
      { csat: 5, why: ["a", "b"], text: "很好" },
      { csat: 2, why: ["b"] },
      {},
    ]);
    expect(csat).toMatchObject({ kind: "scale", answered: 2, mean: 3.5 });
    expect(csat!.kind === "scale" && csat!.counts.map((c) => c.count)).toEqual([0, 1, 0, 0, 1]);
    expect(why).toEqual({
      key: "why",
      kind: "choice",
      answered: 2,
      counts: [
        { option: "a", count: 1 },
        { option: "b", count: 2 },
      ],
    });
    expect(text).toEqual({ key: "text", kind: "text", answered: 1, texts: ["很好"] });
  });

  it("computes response rate, CSAT and NPS; nothing answered is null, not zero", () => {
    const f = satisfactionFigures(4, [
      { csat: 5, nps: 10 },
      { csat: 3, nps: 6 },
      { csat: null, nps: 9 },
    ]);
    expect(f).toMatchObject({ sent: 4, responded: 3, responseRate: 75, csat: 50, csatAnswers: 2, nps: 33.3 });
    expect(satisfactionFigures(0, [])).toMatchObject({ responseRate: null, csat: null, nps: null });
  });
});
