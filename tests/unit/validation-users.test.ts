import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createUserSchema, updateUserSchema, userListQuerySchema } from "@/lib/validation/users";

const valid = {
  name: "Li Wei",
  email: "li.wei@example.com",
  role: "KAM",
  teamId: "team-1",
  password: "Keystone@2026",
};
const validUpdate = { ...valid, id: "user-1", version: "3", password: "" };

/** Issues as (path, message) pairs, which is all the forms use. */
function issuesOf(schema: z.ZodType, input: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("createUserSchema", () => {
  it("accepts a valid user, defaulting the locale to zh-CN", () => {
    expect(createUserSchema.parse(valid)).toEqual({ ...valid, jobTitle: null, locale: "zh-CN" });
  });

  it("keeps a job title apart from the role, trimmed; empty means none; too long is refused", () => {
    expect(createUserSchema.parse({ ...valid, jobTitle: "  销售总监 " }).jobTitle).toBe("销售总监");
    expect(createUserSchema.parse({ ...valid, jobTitle: "   " }).jobTitle).toBeNull();
    expect(issuesOf(createUserSchema, { ...valid, jobTitle: "长".repeat(61) })).toEqual([
      { path: "jobTitle", message: "validation.tooLong" },
    ]);
  });

  it.each([
    { input: "li.wei@example.com", email: "li.wei@example.com" },
    { input: "Li.Wei@Example.COM", email: "li.wei@example.com" },
    { input: "  LI.WEI@EXAMPLE.COM\t", email: "li.wei@example.com" },
  ])("normalises the email $input → $email", ({ input, email }) => {
    expect(createUserSchema.parse({ ...valid, email: input }).email).toBe(email);
  });

  it.each(["", "   ", "li.wei", "li.wei@", "@example.com", "li wei@example.com"])(
    "rejects the email %j",
    (email) => {
      expect(issuesOf(createUserSchema, { ...valid, email }).map((i) => i.path)).toEqual(["email"]);
    },
  );

  it("reports every field's problem at once, cross-field checks included", () => {
    const input = { name: "", email: "not-an-email", password: "password123", role: "KAM", teamId: "" };
    expect(issuesOf(createUserSchema, input)).toEqual([
      { path: "name", message: "validation.required" },
      { path: "email", message: expect.any(String) },
      { path: "password", message: "validation.passwordTooCommon" },
      { path: "teamId", message: "validation.teamRequired" },
    ]);
  });

  it("trims the name and the team id", () => {
    expect(createUserSchema.parse({ ...valid, name: "  Li Wei ", teamId: " team-1 " })).toMatchObject({
      name: "Li Wei",
      teamId: "team-1",
    });
  });

  it.each([
    { locale: "en", ok: true },
    { locale: "zh-CN", ok: true },
    { locale: "fr", ok: false },
    { locale: "zh_CN", ok: false },
  ])("locale $locale → accepted: $ok", ({ locale, ok }) => {
    expect(createUserSchema.safeParse({ ...valid, locale }).success).toBe(ok);
  });

  describe("team", () => {
    const teamRequired = [{ path: "teamId", message: "validation.teamRequired" }];

    it.each([
      // role        teamId       issues
      ["ADMIN", undefined, []],
      ["ADMIN", "", []],
      ["ADMIN", "team-1", []],
      ["MANAGER", undefined, teamRequired],
      ["MANAGER", "", teamRequired],
      ["MANAGER", "   ", teamRequired],
      ["MANAGER", "team-1", []],
      ["KAM", undefined, teamRequired],
      ["KAM", "", teamRequired],
      ["KAM", "team-1", []],
      ["REP", undefined, teamRequired],
      ["REP", "", teamRequired],
      ["REP", "team-1", []],
    ] as const)("%s with team %j → %j", (role, teamId, issues) => {
      expect(issuesOf(createUserSchema, { ...valid, role, teamId })).toEqual(issues);
    });

    it("stores an admin's empty team as null", () => {
      expect(createUserSchema.parse({ ...valid, role: "ADMIN", teamId: "" }).teamId).toBeNull();
    });
  });

  describe("password", () => {
    it.each([
      { why: "too short", password: "K#7p", keys: ["validation.passwordTooShort"] },
      { why: "common", password: "Password123", keys: ["validation.passwordTooCommon"] },
      { why: "a sequence", password: "abcdefghij", keys: ["validation.passwordTooCommon"] },
      { why: "the name", password: "LiWei-2026!", keys: ["validation.passwordContainsIdentity"] },
      {
        why: "the (normalised) email",
        password: "x-LI.WEI-x-2026",
        keys: ["validation.passwordContainsIdentity"],
      },
      {
        why: "short and the name",
        password: "liwei",
        keys: ["validation.passwordTooShort", "validation.passwordContainsIdentity"],
      },
    ])("$why → $keys on password", ({ password, keys }) => {
      expect(issuesOf(createUserSchema, { ...valid, email: "  Li.Wei@Example.com ", password })).toEqual(
        keys.map((message) => ({ path: "password", message })),
      );
    });

    it("reports the policy's length issue for a password over 128 characters", () => {
      const issues = issuesOf(createUserSchema, { ...valid, password: "Kx7#pQ2m".repeat(16) + "Z" });
      expect(issues.every((i) => i.path === "password")).toBe(true);
      expect(issues.map((i) => i.message)).toContain("validation.passwordTooLong");
    });

    it("is required", () => {
      expect(issuesOf(createUserSchema, { ...valid, password: "" }).map((i) => i.path)).toEqual(["password"]);
      expect(issuesOf(createUserSchema, { ...valid, password: undefined }).map((i) => i.path)).toEqual([
        "password",
      ]);
    });
  });
});

describe("updateUserSchema", () => {
  it.each([
    { password: "", result: null },
    { password: undefined, result: null },
    { password: "Keystone@2026", result: "Keystone@2026" },
  ])("password $password → $result", ({ password, result }) => {
    expect(updateUserSchema.parse({ ...validUpdate, password }).password).toBe(result);
  });

  it("still checks a new password against the policy and the person", () => {
    expect(issuesOf(updateUserSchema, { ...validUpdate, password: "liwei-2026" })).toEqual([
      { path: "password", message: "validation.passwordContainsIdentity" },
    ]);
  });

  it.each([
    { version: "3", result: 3 },
    { version: " 12 ", result: 12 },
    { version: 5, result: 5 },
  ])("coerces version $version → $result", ({ version, result }) => {
    expect(updateUserSchema.parse({ ...validUpdate, version }).version).toBe(result);
  });

  it.each(["0", "-1", "1.5", "abc", ""])("rejects version %j", (version) => {
    expect(issuesOf(updateUserSchema, { ...validUpdate, version }).map((i) => i.path)).toEqual(["version"]);
  });

  it("requires an id and applies the same team rule", () => {
    expect(issuesOf(updateUserSchema, { ...validUpdate, id: " " }).map((i) => i.path)).toEqual(["id"]);
    expect(issuesOf(updateUserSchema, { ...validUpdate, id: undefined }).map((i) => i.path)).toEqual(["id"]);
    expect(issuesOf(updateUserSchema, { ...validUpdate, teamId: "" })).toEqual([
      { path: "teamId", message: "validation.teamRequired" },
    ]);
  });
});

describe("userListQuerySchema", () => {
  it.each([
    { query: {}, parsed: { status: "active", page: 1 } },
    { query: { page: "4" }, parsed: { status: "active", page: 4 } },
    { query: { page: "abc" }, parsed: { status: "active", page: 1 } },
    { query: { page: "0" }, parsed: { status: "active", page: 1 } },
    { query: { page: "-2" }, parsed: { status: "active", page: 1 } },
    { query: { page: "2.5" }, parsed: { status: "active", page: 1 } },
    { query: { status: "inactive" }, parsed: { status: "inactive", page: 1 } },
    { query: { status: "all" }, parsed: { status: "all", page: 1 } },
    { query: { status: "x" }, parsed: { status: "active", page: 1 } },
    { query: { role: "REP" }, parsed: { role: "REP", status: "active", page: 1 } },
    { query: { role: "BOSS" }, parsed: { status: "active", page: 1 } },
    { query: { q: "  wang  " }, parsed: { q: "wang", status: "active", page: 1 } },
    { query: { q: "x".repeat(101) }, parsed: { status: "active", page: 1 } },
    { query: { teamId: "team-1" }, parsed: { teamId: "team-1", status: "active", page: 1 } },
    { query: { teamId: "t".repeat(65) }, parsed: { status: "active", page: 1 } },
    {
      query: { q: "li", role: "KAM", teamId: "team-1", status: "all", page: "2" },
      parsed: { q: "li", role: "KAM", teamId: "team-1", status: "all", page: 2 },
    },
  ])("$query → $parsed", ({ query, parsed }) => {
    const result = userListQuerySchema.parse(query);
    expect(result).toEqual(parsed);
  });

  it("never fails, whatever the URL holds", () => {
    expect(
      userListQuerySchema.safeParse({ q: ["a", "b"], role: 7, teamId: {}, status: null, page: [] }).success,
    ).toBe(true);
  });
});
