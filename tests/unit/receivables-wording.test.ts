// The receivables sentences in both languages: alerts name the distributor and the money, ages
// read naturally on each side of the due date.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ageText, fenText } from "@/components/receivables/format";
import { messagesFor } from "@/lib/i18n/messages";

const t = (locale: "en" | "zh-CN") =>
  createTranslator({ locale, messages: messagesFor(locale), namespace: "receivables" }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;

describe("receivables wording", () => {
  it("words the alerts with the distributor, amounts and count", () => {
    const values = {
      distributor: "上海申联",
      amount: fenText("en")(252_000_000n),
      limit: "¥2,100,000",
      count: 3,
    };
    expect(t("en")("notifications.receivables_overLimit", values)).toBe(
      "上海申联 is over its credit limit: ¥2,520,000 open against a limit of ¥2,100,000",
    );
    expect(t("en")("notifications.receivables_overdue", values)).toBe(
      "上海申联 has 3 overdue invoices (¥2,520,000)",
    );
    expect(t("zh-CN")("notifications.receivables_overdue", { ...values, count: 1 })).toBe(
      "上海申联 有 1 张逾期应收单（¥2,520,000）",
    );
  });

  it.each([
    ["en", -1, "due in 1 day"],
    ["en", -3, "due in 3 days"],
    ["en", 0, "due today"],
    ["en", 1, "1 day past due"],
    ["en", 95, "95 days past due"],
    ["zh-CN", -3, "3 天后到期"],
    ["zh-CN", 0, "今天到期"],
    ["zh-CN", 95, "逾期 95 天"],
  ] as const)("%s: %i days past due reads %s", (locale, days, text) => {
    expect(ageText(t(locale), days)).toBe(text);
  });
});
