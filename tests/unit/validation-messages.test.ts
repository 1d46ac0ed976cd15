import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse";
import { fieldErrorsFromIssues } from "@/lib/i18n/validation-messages";
import { createUserSchema, updateUserSchema } from "@/lib/validation/users";
import { createTerritorySchema } from "@/lib/validation/territories";

/** A fake translator that shows which key was asked for, with which values. */
const t = (key: string, values?: Record<string, string | number>) => `${key}|${JSON.stringify(values ?? {})}`;

/** Parses `input` with a real schema and translates the issues. */
function errorsFor(
  schema: z.ZodType,
  input: unknown,
  params?: { reportInput?: boolean },
): Record<string, string[]> {
  const result = schema.safeParse(input, params);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to fail`);
  return fieldErrorsFromIssues(result.error.issues, t);
}

const validUser = {
  name: "Li Wei",
  email: "li.wei@example.com",
  role: "KAM",
  teamId: "team-1",
  password: "Keystone@2026",
};

describe("fieldErrorsFromIssues with the user schema", () => {
  it("says 'required' for missing fields and 'choose an option' for a missing enum", () => {
    expect(errorsFor(createUserSchema, {})).toEqual({
      name: ["validation.required|{}"],
      email: ["validation.required|{}"],
      role: ["validation.invalidOption|{}"],
      password: ["validation.required|{}"],
    });
  });

  it("translates empty, badly formatted and unknown values", () => {
    expect(
      errorsFor(createUserSchema, {
        name: "   ",
        email: "not-an-email",
        role: "BOSS",
        teamId: "t",
        password: "",
      }),
    ).toEqual({
      name: ["validation.required|{}"], // whitespace is trimmed away, min(1) → required
      email: ["validation.email|{}"],
      role: ["validation.invalidOption|{}"],
      password: ["validation.required|{}"],
    });
  });

  it("says 'too long' with the limit", () => {
    expect(errorsFor(createUserSchema, { ...validUser, name: "x".repeat(81) })).toEqual({
      name: ['validation.tooLong|{"max":80}'],
    });
  });

  it("passes custom validation.* messages through as keys, without values", () => {
    expect(errorsFor(createUserSchema, { ...validUser, teamId: "", password: "liwei" })).toEqual({
      password: ["validation.passwordTooShort|{}", "validation.passwordContainsIdentity|{}"],
      teamId: ["validation.teamRequired|{}"],
    });
  });
});

describe("fieldErrorsFromIssues with the territory schema", () => {
  it("translates each field's problem", () => {
    expect(
      errorsFor(createTerritorySchema, {
        code: "BJ 01",
        name: "北".repeat(81),
        nameEn: " ",
        level: "PLANET",
      }),
    ).toEqual({
      code: ["validation.invalid|{}"], // the regex's custom message
      name: ['validation.tooLong|{"max":80}'],
      nameEn: ["validation.required|{}"],
      level: ["validation.invalidOption|{}"],
    });
  });

  it("keeps several different messages for one field, in order", () => {
    expect(
      errorsFor(createTerritorySchema, {
        code: "x y".repeat(10),
        name: "北京",
        nameEn: "Beijing",
        level: "CITY",
      }),
    ).toEqual({
      code: ['validation.tooLong|{"max":20}', "validation.invalid|{}"],
    });
  });
});

describe("fieldErrorsFromIssues with other zod checks", () => {
  it.each([
    {
      check: "string min > 1",
      schema: z.object({ code: z.string().min(3) }),
      input: { code: "ab" },
      message: 'validation.tooShort|{"min":3}',
    },
    {
      check: "string min 1",
      schema: z.object({ code: z.string().min(1) }),
      input: { code: "" },
      message: "validation.required|{}",
    },
    {
      check: "empty array",
      schema: z.object({ code: z.array(z.string()).min(1) }),
      input: { code: [] },
      message: "validation.required|{}",
    },
    {
      check: "number min",
      schema: z.object({ code: z.number().min(5) }),
      input: { code: 2 },
      message: 'validation.min|{"min":5}',
    },
    {
      check: "number max",
      schema: z.object({ code: z.number().max(5) }),
      input: { code: 9 },
      message: 'validation.max|{"max":5}',
    },
    {
      check: "non-email format",
      schema: z.object({ code: z.uuid() }),
      input: { code: "nope" },
      message: "validation.invalid|{}",
    },
    {
      check: "literal union",
      schema: z.object({ code: z.union([z.literal("a"), z.literal("b")]) }),
      input: { code: "c" },
      message: "validation.invalid|{}",
    },
    {
      check: "custom message not under validation.",
      schema: z.object({ code: z.string().refine(() => false, { message: "Plain English" }) }),
      input: { code: "x" },
      message: "validation.invalid|{}",
    },
  ])("$check → $message", ({ schema, input, message }) => {
    expect(errorsFor(schema, input)).toEqual({ code: [message] });
  });

  it("with reportInput, tells a wrong type apart from a missing value", () => {
    const schema = z.object({ n: z.coerce.number(), s: z.string(), missing: z.string() });
    expect(errorsFor(schema, { n: "abc", s: 12 }, { reportInput: true })).toEqual({
      n: ["validation.number|{}"],
      s: ["validation.invalid|{}"],
      missing: ["validation.required|{}"],
    });
  });

  it("says 'enter a whole number' for text in a number field, as the server actions parse", () => {
    const result = parseInput(updateUserSchema, { ...validUser, id: "u1", version: "abc" });
    expect(result.success).toBe(false);
    expect(fieldErrorsFromIssues(result.error!.issues, t)).toEqual({
      version: ["validation.wholeNumber|{}"],
    });
  });

  it("fills the placeholders of custom messages (never a raw {max})", () => {
    const result = parseInput(updateUserSchema, {
      ...validUser,
      id: "u1",
      version: "1",
      name: "名".repeat(81),
    });
    expect(result.success).toBe(false);
    expect(fieldErrorsFromIssues(result.error!.issues, t)).toEqual({
      name: ['validation.tooLong|{"max":80}'],
    });
  });

  it("joins nested paths with dots", () => {
    const schema = z.object({
      contacts: z.array(z.object({ email: z.email(), phones: z.array(z.string().min(1)) })),
    });
    expect(
      errorsFor(schema, {
        contacts: [
          { email: "a@b.co", phones: ["1"] },
          { email: "bad", phones: ["", "2"] },
        ],
      }),
    ).toEqual({
      "contacts.1.email": ["validation.email|{}"],
      "contacts.1.phones.0": ["validation.required|{}"],
    });
  });

  it("puts path-less issues under _form", () => {
    const schema = z
      .object({ from: z.string(), to: z.string() })
      .refine((d) => d.from <= d.to, { message: "validation.dateRange" });
    expect(errorsFor(schema, { from: "2026-05-01", to: "2026-04-01" })).toEqual({
      _form: ["validation.dateRange|{}"],
    });
  });

  it("lists a repeated message for one field once, but keeps it for each field", () => {
    const twice = z
      .string()
      .regex(/^[a-z]+$/, { message: "validation.invalid" })
      .regex(/^.{3}$/, { message: "validation.invalid" });
    expect(errorsFor(z.object({ a: twice, b: twice }), { a: "A1B2", b: "C3D4" })).toEqual({
      a: ["validation.invalid|{}"],
      b: ["validation.invalid|{}"],
    });
  });

  it("returns nothing for no issues", () => {
    expect(fieldErrorsFromIssues([], t)).toEqual({});
  });
});
