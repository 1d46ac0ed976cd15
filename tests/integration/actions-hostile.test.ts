// A sample of real server actions, called the way Next.js calls them (FormData in, ActionState
// out) against the real database, with generated hostile values. Only the request context that
// Next.js provides is stood in for here: the headers, the session cookie (a real sign-in's), the
// translator and cache revalidation. Whatever arrives, the answer is a result or a field error —
// never "something went wrong" — and a refused change writes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import type { ActionState } from "@/lib/actions/types";
import { fakeRequest, signInFakeRequest } from "../support/next-request";

vi.mock("next/headers", async () => {
  const { fakeHeaders, fakeCookies } = await import("../support/next-request");
  return { headers: fakeHeaders, cookies: fakeCookies };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { fakeTranslations } = await import("../support/next-request");
  return { getTranslations: fakeTranslations };
});

const { createAccountAction } = await import("@/app/(app)/accounts/new/actions");
const { updateProfileAction, createContactAction } = await import("@/app/(app)/accounts/[accountId]/actions");
const { createDealAction } = await import("@/app/(app)/deals/actions");

function form(fields: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  }
  return data;
}

/** Runs an action; a redirect (Next.js throws it) counts as success. */
async function call<T>(
  action: (prev: T, data: FormData) => Promise<unknown>,
  fields: Parameters<typeof form>[0],
) {
  try {
    return (await action({ status: "idle" } as T, form(fields))) as ActionState;
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT"))
      return { status: "ok" } as ActionState;
    throw error;
  }
}

let codeCounter = 0;
/** A valid unified social credit code no other test uses. */
function freshCreditCode(): string {
  const body =
    `913201${String(Date.now() % 1e6).padStart(6, "0")}${String(++codeCounter).padStart(5, "0")}`.slice(
      0,
      17,
    );
  return body + creditCodeCheckChar(body);
}

const hostile = fc.constantFrom(
  "\u0000",
  "华东\u0000精工",
  "\u200b\u200b",
  "\u202eevil",
  "\ud800",
  "0x1F",
  "1e9",
  "9".repeat(40),
  "-1",
  "2026-02-30",
  "275760-09-13",
  "x".repeat(5000),
  "Infinity",
  "10001亿",
  "",
  // Ordinary values too, so some changes go through and reach the database.
  "李明",
  "2026-03-01",
  "125万",
  "138 0013 8000",
);

function expectHandled(state: ActionState) {
  expect(
    state.status === "ok" || (state.status === "error" && state.code !== "UNEXPECTED"),
    JSON.stringify(state),
  ).toBe(true);
  if (state.status === "error") {
    for (const message of Object.values(state.fieldErrors ?? {}).flat()) {
      expect(message).not.toMatch(/\{\w+\}|^validation\./);
    }
  }
}

describe("server actions against hostile input", () => {
  let kam: { id: string; teamId: string | null };
  beforeAll(async () => {
    kam = await signInFakeRequest("east.kam1@keystone.demo");
  });

  it("creating an account: a field error or a stored account, and nothing written on refusal", async () => {
    const fields = [
      "name",
      "creditCode",
      "headcount",
      "annualRevenue",
      "address",
      "website",
      "legalRepresentative",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...fields), hostile, { minKeys: 1, maxKeys: 3 }),
        async (bad) => {
          const before = await db.account.count();
          const state = await call(createAccountAction, {
            name: `性质测试客户${Date.now()}${Math.random()}`,
            confirmSimilar: "on",
            accountType: "END_CUSTOMER",
            ...bad,
          });
          expectHandled(state);
          if (state.status === "error") expect(await db.account.count()).toBe(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("editing a profile with hostile values never stores them and never fails unexpectedly", async () => {
    const account = await db.account.findFirstOrThrow({ where: { ownerId: kam.id, deletedAt: null } });
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("name", "headcount", "annualRevenue", "id", "version"), hostile, {
          minKeys: 1,
          maxKeys: 2,
        }),
        async (bad) => {
          const current = await db.account.findUniqueOrThrow({ where: { id: account.id } });
          const state = await call(updateProfileAction, {
            id: current.id,
            version: String(current.version),
            name: current.name,
            accountType: current.accountType,
            ...bad,
          });
          expectHandled(state);
          if (state.status === "error") {
            const after = await db.account.findUniqueOrThrow({ where: { id: account.id } });
            expect(after.version).toBe(current.version);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("adding a contact or a deal with hostile dates, amounts and names", async () => {
    const account = await db.account.findFirstOrThrow({ where: { ownerId: kam.id, deletedAt: null } });
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (name, date, amount) => {
        const contact = await call(createContactAction, {
          accountId: account.id,
          name,
          birthday: date,
          phone: amount,
        });
        expectHandled(contact);
        const deal = await call(createDealAction, {
          accountId: account.id,
          title: name,
          expectedValue: amount,
          expectedCloseDate: date,
        });
        expectHandled(deal);
      }),
      { numRuns: 30 },
    );
  });

  it("several people registering the same credit code at once: one account, the others told it is taken", async () => {
    const creditCode = freshCreditCode();
    const states = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call(createAccountAction, {
          name: `同码并发客户${i}-${Date.now()}`,
          creditCode,
          confirmSimilar: "on",
          accountType: "END_CUSTOMER",
        }),
      ),
    );
    expect(await db.account.count({ where: { creditCode } })).toBe(1);
    expect(states.filter((s) => s.status === "ok")).toHaveLength(1);
    for (const s of states.filter((x) => x.status === "error")) {
      expect(s).toMatchObject({
        code: "DUPLICATE",
        fieldErrors: { creditCode: [expect.stringContaining("已登记")] },
      });
    }
  });

  it("refuses a request from another origin before touching anything", async () => {
    fakeRequest.origin = "https://evil.example";
    try {
      const before = await db.account.count();
      const state = await call(createAccountAction, {
        name: "跨站伪造客户",
        accountType: "END_CUSTOMER",
        confirmSimilar: "on",
      });
      expect(state).toMatchObject({ status: "error", code: "INVALID_ORIGIN" });
      expect(await db.account.count()).toBe(before);
    } finally {
      fakeRequest.origin = "http://localhost:3000";
    }
  });
});
