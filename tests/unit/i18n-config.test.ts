import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, isLocale, LOCALES, localeFromAcceptLanguage, toDbLocale } from "@/lib/i18n/config";

describe("locales", () => {
  it("supports Simplified Chinese (the default) and English", () => {
    expect(LOCALES).toEqual(["zh-CN", "en"]);
    expect(DEFAULT_LOCALE).toBe("zh-CN");
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    // header                                   locale
    [null, "zh-CN"],
    ["", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-HK,zh;q=0.9", "zh-CN"],
    ["zh-Hant-TW", "zh-CN"],
    ["ZH-cn", "zh-CN"],
    ["en", "en"],
    ["en-US", "en"],
    ["en-US,en;q=0.9", "en"],
    ["en-GB,zh-CN;q=0.5", "en"],
    ["EN-gb", "en"],
    ["  en-AU ;q=0.8", "en"],
    ["fr-FR,en;q=0.8", "en"], // first supported language wins
    ["ja-JP, zh-TW;q=0.7, en;q=0.5", "zh-CN"],
    ["fr-FR,de;q=0.8", "zh-CN"], // nothing supported → default
    ["*", "zh-CN"],
    [",;,", "zh-CN"],
  ] as const)("%j → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe("isLocale", () => {
  it.each([
    ["zh-CN", true],
    ["en", true],
    ["zh-cn", false],
    ["zh_CN", false],
    ["zh", false],
    ["en-US", false],
    ["fr", false],
    ["", false],
    [null, false],
    [undefined, false],
    [42, false],
    [["en"], false],
  ])("%j → %s", (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});

describe("toDbLocale", () => {
  it.each([
    ["zh-CN", "zh_CN"],
    ["en", "en"],
  ] as const)("%s → %s", (locale, db) => {
    expect(toDbLocale(locale)).toBe(db);
  });
});
