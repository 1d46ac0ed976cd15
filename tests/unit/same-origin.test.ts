import { describe, expect, it } from "vitest";
import { isSameOrigin, isStateChanging } from "@/lib/http/same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOrigin", () => {
  it("accepts a request whose Origin names the host it was sent to", () => {
    expect(isSameOrigin(h({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(
      isSameOrigin(
        h({
          origin: "https://crm.example.com",
          host: "10.0.0.5:3000",
          "x-forwarded-host": "crm.example.com",
        }),
      ),
    ).toBe(true);
  });

  it.each([
    ["another site", { origin: "https://evil.example", host: "localhost:3000" }],
    ["another port", { origin: "http://localhost:3001", host: "localhost:3000" }],
    ["no Origin at all", { host: "localhost:3000" }],
    ["an opaque origin (sandboxed frame, file:)", { origin: "null", host: "localhost:3000" }],
    ["a malformed Origin", { origin: "http://", host: "localhost:3000" }],
    ["a look-alike host", { origin: "http://localhost:3000.evil.example", host: "localhost:3000" }],
  ])("refuses %s", (_label, headers) => {
    expect(isSameOrigin(h(headers))).toBe(false);
  });

  it("treats reads as safe and everything else as state-changing", () => {
    expect(["GET", "HEAD", "OPTIONS", "get"].map(isStateChanging)).toEqual([false, false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE"].map(isStateChanging)).toEqual([true, true, true, true]);
  });
});
