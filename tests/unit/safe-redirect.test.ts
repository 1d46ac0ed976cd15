import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

const ORIGIN = "https://crm.example.com";

describe("safeRedirectPath", () => {
  it("keeps same-site paths, normalised", () => {
    expect(safeRedirectPath("/accounts?tier=A#list")).toBe("/accounts?tier=A#list");
    expect(safeRedirectPath("/deals/abc/../xyz")).toBe("/deals/xyz");
    expect(safeRedirectPath("/pipeline?q=%E5%8D%8E")).toBe("/pipeline?q=%E5%8D%8E");
  });

  it.each([
    ["a backslash after the slash (browsers read it as //host)", "/\\evil.example/x"],
    ["a protocol-relative URL", "//evil.example/x"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a tab inside the double slash (browsers strip it)", "/\t/evil.example"],
    ["a newline inside the double slash", "/\n/evil.example"],
    ["a path that normalises to //host", "/.//evil.example"],
    ["a relative path", "accounts"],
    ["the sign-in page itself (would loop)", "/login?callbackUrl=/x"],
    ["an API route", "/api/accounts/export"],
    ["not a string", ["/accounts"]],
    ["empty", ""],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_label, value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("never leaves the site, whatever it is given (property)", () => {
    const tricky = fc.constantFrom(
      "/",
      "\\",
      "//",
      "/\\",
      ".",
      "..",
      ":",
      "@",
      "?",
      "#",
      "%2f",
      "%5c",
      "\t",
      "\n",
      " ",
      "evil.example",
      "http:",
      "javascript:",
    );
    const input = fc.oneof(
      fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
      fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join("")),
      fc.webUrl(),
      fc.webPath().map((p) => `/${p}`),
    );
    fc.assert(
      fc.property(input, (value) => {
        const path = safeRedirectPath(value);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(path).not.toMatch(/[\\\u0000-\u001f]/);
        // Resolved the way a browser resolves a Location header, it stays on our origin.
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});
