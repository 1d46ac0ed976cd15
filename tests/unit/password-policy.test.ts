import { describe, expect, it } from "vitest";
import {
  checkPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordIssue,
} from "@/lib/domain/password-policy";

const GOOD_8 = "Kx7#pQ2m"; // 8 characters, no pattern

describe("length limits", () => {
  it("are 8 and 128 characters", () => {
    expect([MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH]).toEqual([8, 128]);
  });

  it.each([
    { what: "empty", password: "", issues: ["tooShort"] },
    { what: "7 characters", password: GOOD_8.slice(0, 7), issues: ["tooShort"] },
    { what: "8 characters", password: GOOD_8, issues: [] },
    { what: "128 characters", password: GOOD_8.repeat(16), issues: [] },
    { what: "129 characters", password: `${GOOD_8.repeat(16)}Z`, issues: ["tooLong"] },
  ] satisfies { what: string; password: string; issues: PasswordIssue[] }[])(
    "$what → $issues",
    ({ password, issues }) => {
      expect(checkPassword(password)).toEqual(issues);
    },
  );
});

describe("common and guessable passwords", () => {
  it.each([
    // from the list, any case
    "password",
    "PASSWORD",
    "PassWord1",
    "Qwerty123",
    "iloveyou",
    "1qaz2wsx",
    "p@ssw0rd",
    "woaini1314",
    "Keystone1",
    "zxcvbnm123",
    // one repeated character
    "aaaaaaaaaa",
    "zzzzzzzzz",
    "!!!!!!!!",
    "7777777777",
    // ascending runs
    "23456789",
    "abcdefghij",
    "ABCDEFGH",
    "AbCdEfGhI",
    "lmnopqrs",
    // descending runs
    "98765432",
    "hgfedcba",
    "zyxwvutsr",
  ])("%s → tooCommon", (password) => {
    expect(checkPassword(password)).toEqual(["tooCommon"]);
  });

  it.each([
    { password: "123456", issues: ["tooShort", "tooCommon"] },
    { password: "5201314", issues: ["tooShort", "tooCommon"] },
    { password: "aaaaaa", issues: ["tooShort", "tooCommon"] },
    { password: "abcdef", issues: ["tooShort", "tooCommon"] }, // a run of 6
    { password: "abcde", issues: ["tooShort"] }, // runs shorter than 6 are not judged
  ] satisfies { password: string; issues: PasswordIssue[] }[])(
    "$password → $issues",
    ({ password, issues }) => {
      expect(checkPassword(password)).toEqual(issues);
    },
  );

  it.each([
    "abcdefgz", // run broken at the end
    "12345679",
    "13579246", // step of two
    "abababab", // two characters alternating
    "aaaaaaab", // repeated but not entirely
    "abcdcbaz", // up then down
  ])("%s is not a pattern", (password) => {
    expect(checkPassword(password)).toEqual([]);
  });
});

describe("identity", () => {
  it.each([
    { why: "email local part", password: "li.wei-2026!", identity: { email: "li.wei@example.com" } },
    {
      why: "email local part, other case",
      password: "Secret-LI.WEI-9",
      identity: { email: "Li.Wei@Example.com" },
    },
    { why: "name", password: "Fang#2026#Go", identity: { name: "Fang" } },
    { why: "full name without its space", password: "WangFang#88", identity: { name: "Wang Fang" } },
    { why: "Chinese name", password: "我是欧阳娜娜-2026", identity: { name: "欧阳娜娜" } },
    {
      why: "both",
      password: "wangfang.w-2026",
      identity: { name: "Wang Fang", email: "fang.w@example.com" },
    },
  ])("containing the $why → containsIdentity", ({ password, identity }) => {
    expect(checkPassword(password, identity)).toEqual(["containsIdentity"]);
  });

  it.each([
    {
      why: "a local part shorter than 3",
      password: "li-is-safe-2026",
      identity: { email: "li@example.com" },
    },
    { why: "a name shorter than 3", password: "Al-is-safe-2026", identity: { name: "Al" } },
    { why: "a two-character Chinese name", password: "王芳-2026-晴天", identity: { name: "王芳" } },
    { why: "the email domain", password: "example-2026!", identity: { email: "li.wei@example.com" } },
    { why: "no identity given", password: "li.wei-2026!", identity: {} },
    {
      why: "an unrelated name",
      password: "Keystone@2026",
      identity: { name: "Chen Jing", email: "chen.jing@example.com" },
    },
  ])("ignores $why", ({ password, identity }) => {
    expect(checkPassword(password, identity)).toEqual([]);
  });

  it("reports several issues together, in a fixed order", () => {
    expect(checkPassword("ann", { name: "Ann" })).toEqual(["tooShort", "containsIdentity"]);
    expect(checkPassword("Keystone", { email: "keystone@example.com" })).toEqual([
      "tooCommon",
      "containsIdentity",
    ]);
  });
});

describe("good passwords pass", () => {
  it.each([
    "Keystone@2026",
    "晴天-Sunny-42",
    "correct horse battery staple",
    "Tr0ub4dor&3",
    "大客户管理很重要!",
    GOOD_8,
  ])("%s", (password) => {
    expect(checkPassword(password, { name: "Li Wei", email: "li.wei@example.com" })).toEqual([]);
  });
});

describe("characters outside the Basic Multilingual Plane", () => {
  it("counts an emoji as one character", () => {
    expect(checkPassword("🔑🔑🔑🔑")).toContain("tooShort");
  });

  it("treats a run of one repeated emoji as too common", () => {
    expect(checkPassword("🔑🔑🔑🔑🔑🔑🔑🔑🔑")).toContain("tooCommon");
  });
});
