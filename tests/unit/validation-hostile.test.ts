// Every schema against generated hostile input: NUL and other control characters, direction
// overrides, zero-width-only names, hex and exponent numbers, huge numbers, impossible and far-off
// dates, oversized text, arrays where a value was expected. Whatever comes in, a schema either
// refuses it with messages a person can read (in both languages, no raw placeholders), or returns
// values the database can store.
import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_YUAN } from "@/lib/domain/money";
import { textProblem } from "@/lib/domain/text";
import { fieldErrorsFromIssues } from "@/lib/i18n/validation-messages";
import { messagesFor } from "@/lib/i18n/messages";
import { parseInput } from "@/lib/validation/parse";
import * as accounts from "@/lib/validation/accounts";
import * as audit from "@/lib/validation/audit";
import * as complaints from "@/lib/validation/complaints";
import * as contacts from "@/lib/validation/contacts";
import * as deals from "@/lib/validation/deals";
import * as savedViews from "@/lib/validation/saved-views";
import * as reviews from "@/lib/validation/reviews";
import * as scorecards from "@/lib/validation/scorecards";
import * as scoring from "@/lib/validation/scoring";
import * as surveys from "@/lib/validation/surveys";
import * as teams from "@/lib/validation/teams";
import * as territories from "@/lib/validation/territories";
import * as users from "@/lib/validation/users";
import * as visitPlans from "@/lib/validation/visit-plans";
import * as visitRecords from "@/lib/validation/visit-records";
import * as visitCalendar from "@/lib/validation/visit-calendar";
import * as targets from "@/lib/validation/targets";
import * as ledger from "@/lib/validation/ledger";
import * as jobs from "@/lib/validation/jobs";
import * as health from "@/lib/validation/health";
import * as receivables from "@/lib/validation/receivables";
import * as channelAgreements from "@/lib/validation/channel-agreements";
import * as channelConflicts from "@/lib/validation/channel-conflicts";
import * as channelSales from "@/lib/validation/channel-sales";
import * as distributorScorecards from "@/lib/validation/distributor-scorecards";
import * as distributors from "@/lib/validation/distributors";

const MODULES = {
  accounts,
  audit,
  complaints,
  contacts,
  deals,
  reviews,
  savedViews,
  scorecards,
  scoring,
  surveys,
  teams,
  territories,
  users,
  visitPlans,
  visitRecords,
  visitCalendar,
  targets,
  ledger,
  jobs,
  health,
  receivables,
  channelAgreements,
  channelConflicts,
  channelSales,
  distributorScorecards,
  distributors,
};

/** Every exported schema of lib/validation, found by walking the modules (a new one is covered too). */
const SCHEMAS = Object.entries(MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => value instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${module}.${name}`, schema: schema as z.ZodType })),
);

/** The field names of an object schema, through pipes, transforms and refinements. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") return Object.keys(def.shape as object);
  if (def.type === "pipe") return keysOf(def.in as z.ZodType);
  return [];
}

const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "名\u0000字",
    "\u200b\u200b\u200b",
    "\u3000\u200d\ufeff",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "abc\u202edcba",
    "\ud800",
    "\udfff名",
    "\u0007\u001b[31m",
    "\uffff",
    "0x1F",
    "0X10",
    "1e5",
    "1E+400",
    "-1e-7",
    "Infinity",
    "-Infinity",
    "NaN",
    "-0",
    "9".repeat(400),
    "12345678901234567890",
    "1,2,3,4",
    "8.5亿",
    "10001亿",
    "-125万",
    "0.001",
    "2026-02-30",
    "2025-02-29",
    "2026-13-01",
    "0000-00-00",
    "275760-09-13",
    "9999-12-31",
    "1899-12-31",
    "2026-03-01T00:00:00+14:00",
    "<script>alert(1)</script>",
    '\'; DROP TABLE "Account"; --',
    '=HYPERLINK("http://evil")',
    "%00",
    "../../etc/passwd",
    "x".repeat(10_000),
    "名".repeat(5_000),
    "",
    " ",
    "on",
    "1",
    "A",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);
const hostileValue = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(undefined)) },
);

const translators = (["en", "zh-CN"] as const).map((locale) =>
  createTranslator({ locale, messages: messagesFor(locale) as never }),
);

/** Fields whose raw text is never stored as such (hashed, or re-encoded before storing). */
const RAW_FIELDS = new Set(["password", "query"]);

/** Walks a parsed value: everything in it must be storable as PostgreSQL receives it. */
function assertStorable(value: unknown, path: string) {
  if (typeof value === "string") {
    if (!RAW_FIELDS.has(path.split(".")[0]!))
      expect(textProblem(value), `${path}: ${JSON.stringify(value)}`).toBeNull();
    expect(value.length, path).toBeLessThanOrEqual(10_000);
  } else if (typeof value === "number") {
    expect(Number.isFinite(value), path).toBe(true);
    expect(Math.abs(value), path).toBeLessThanOrEqual(1e13);
  } else if (typeof value === "bigint") {
    expect(value <= MAX_YUAN * 100n && value >= -MAX_YUAN * 100n, path).toBe(true);
  } else if (value instanceof Date) {
    expect(Number.isNaN(value.getTime()), path).toBe(false);
    expect(value.getUTCFullYear(), path).toBeGreaterThanOrEqual(1900);
    expect(value.getUTCFullYear(), path).toBeLessThanOrEqual(2100);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertStorable(v, `${path}.${i}`));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertStorable(v, path ? `${path}.${k}` : k);
  }
}

describe("every schema against hostile input (property)", () => {
  it("finds the schemas", () => {
    expect(SCHEMAS.length).toBeGreaterThan(30);
  });

  for (const { name, schema } of SCHEMAS) {
    const keys = keysOf(schema);
    if (!keys.length) continue;
    it(name, () => {
      fc.assert(
        fc.property(
          fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length }),
          (input) => {
            const result = parseInput(schema, input);
            if (result.success) {
              assertStorable(result.data, "");
              return;
            }
            for (const t of translators) {
              const errors = fieldErrorsFromIssues(result.error.issues, t as never);
              for (const message of Object.values(errors).flat()) {
                // A real sentence: not a key, not a placeholder left unfilled.
                expect(message).not.toMatch(/^[a-zA-Z]+\.[a-zA-Z_.]+$/);
                expect(message).not.toMatch(/\{\w+\}/);
              }
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
