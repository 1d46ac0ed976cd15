// The public survey link's pure parts: fixed rate windows, reading a submitted form with its
// limits, what a link may do now, the HTML builder's escaping, the page's CSP, and the proxy's
// treatment of /s/ (no session needed, the survey headers, the origin check kept, bodies capped).
import { createHash } from "node:crypto";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { SURVEY_CSP, SURVEY_HEADERS, SURVEY_SCRIPT, SURVEY_STYLE } from "@/components/survey-public/assets";
import { escapeHtml, markup } from "@/components/survey-public/html";
import {
  fixedWindow,
  linkState,
  readSurveyForm,
  retryAfterSeconds,
  SURVEY_BODY_LIMIT_BYTES,
  SURVEY_MAX_FIELDS,
  SURVEY_MAX_VALUES_PER_FIELD,
} from "@/lib/domain/survey-public";
import { proxy } from "@/proxy";

const HOUR = 3_600_000;

describe("fixedWindow", () => {
  it("starts at a multiple of the window, so every process agrees on its edges", () => {
    const { start, end } = fixedWindow(new Date(Date.UTC(2026, 11, 2, 10, 7, 30)), 10 * 60_000);
    expect(start.toISOString()).toBe("2026-12-02T10:00:00.000Z");
    expect(end.toISOString()).toBe("2026-12-02T10:10:00.000Z");
  });

  it("holds the moment, with the next window starting where it ends (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1000, max: 86_400_000 }), (t, ms) => {
        const { start, end } = fixedWindow(new Date(t), ms);
        expect(start.getTime()).toBeLessThanOrEqual(t);
        expect(end.getTime()).toBeGreaterThan(t);
        expect(end.getTime() - start.getTime()).toBe(ms);
        expect(fixedWindow(end, ms).start.getTime()).toBe(end.getTime());
      }),
    );
  });

  it("says how long to wait, at least a second", () => {
    expect(retryAfterSeconds(new Date(0), new Date(90_500))).toBe(91);
    expect(retryAfterSeconds(new Date(1000), new Date(1000))).toBe(1);
  });
});

describe("readSurveyForm", () => {
  it("reads fields, repeated fields as lists, and CRLF line breaks as one character", () => {
    expect(readSurveyForm("nps=9&topics=a&topics=b&reason=%E7%94%B2%0D%0A%E4%B9%99")).toEqual({
      nps: "9",
      topics: ["a", "b"],
      reason: "甲\n乙",
    });
  });

  it("drops the form's own fields and names that cannot be question keys", () => {
    const raw = readSurveyForm("_csrf=1&__proto__=x&a%20b=1&..%2Fx=1&" + "k".repeat(41) + "=1&nps=3")!;
    expect(Object.keys(raw)).toEqual(["nps"]);
    expect(Object.getPrototypeOf(raw)).toBeNull();
  });

  it("refuses more fields than a form has, or too many values for one question", () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=1`).join("&");
    expect(readSurveyForm(fields(SURVEY_MAX_FIELDS))).not.toBeNull();
    expect(readSurveyForm(fields(SURVEY_MAX_FIELDS + 1))).toBeNull();
    const values = (n: number) => Array.from({ length: n }, () => "m=a").join("&");
    expect(readSurveyForm(values(SURVEY_MAX_VALUES_PER_FIELD))).not.toBeNull();
    expect(readSurveyForm(values(SURVEY_MAX_VALUES_PER_FIELD + 1))).toBeNull();
  });

  it("never throws on any body (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (body) => {
        const raw = readSurveyForm(body);
        if (raw) for (const key of Object.keys(raw)) expect(key).toMatch(/^[A-Za-z0-9-][A-Za-z0-9_-]*$/);
      }),
    );
  });
});

describe("linkState", () => {
  const now = new Date("2026-12-02T08:00:00Z");
  const open = {
    revokedAt: null,
    expiresAt: new Date(now.getTime() + HOUR),
    answered: false,
    survey: { status: "OPEN" as const, closesAt: new Date(now.getTime() + HOUR), deletedAt: null },
  };

  it("is open while the link and survey are", () => {
    expect(linkState(open, now)).toBe("open");
    expect(linkState({ ...open, answered: true }, now)).toBe("open");
  });

  it("is closed (read-only thanks) for an answered link once anything has ended", () => {
    const answered = { ...open, answered: true };
    expect(linkState({ ...answered, expiresAt: now }, now)).toBe("closed");
    expect(linkState({ ...answered, survey: { ...open.survey, closesAt: now } }, now)).toBe("closed");
    expect(linkState({ ...answered, survey: { ...open.survey, status: "CLOSED" } }, now)).toBe("closed");
  });

  it("is gone, like an unknown token, when revoked, deleted, or ended without an answer", () => {
    expect(linkState({ ...open, revokedAt: now }, now)).toBe("gone");
    expect(linkState({ ...open, answered: true, revokedAt: now }, now)).toBe("gone");
    expect(linkState({ ...open, survey: { ...open.survey, deletedAt: now } }, now)).toBe("gone");
    expect(linkState({ ...open, expiresAt: now }, now)).toBe("gone");
    expect(linkState({ ...open, survey: { ...open.survey, status: "CLOSED" } }, now)).toBe("gone");
  });
});

describe("markup", () => {
  it("escapes every interpolated value but keeps nested markup", () => {
    const name = `<script>alert("x")</script>&'`;
    expect(markup`<p title="${name}">${name}${markup`<b>ok</b>`}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;<b>ok</b></p>',
    );
    expect(markup`${[1, null, false, undefined, "<"]}`.value).toBe("1&lt;");
  });

  it("leaves no character that could open a tag or leave an attribute (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
        expect(markup`<a title="${text}">${text}</a>`.value.match(/"/g)).toHaveLength(2);
      }),
    );
  });
});

describe("the survey page's headers", () => {
  const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("allow the page's own style and script by hash and nothing else", () => {
    expect(SURVEY_CSP).toContain(`style-src ${hash(SURVEY_STYLE)}`);
    expect(SURVEY_CSP).toContain(`script-src ${hash(SURVEY_SCRIPT)}`);
    expect(SURVEY_CSP).toContain("default-src 'none'");
    expect(SURVEY_CSP).not.toMatch(/unsafe|\*|data:|https?:/);
    expect(SURVEY_HEADERS["Referrer-Policy"]).toBe("same-origin");
    expect(SURVEY_HEADERS["Cache-Control"]).toBe("no-store");
  });
});

describe("the proxy on /s/", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = "unit-test-secret-unit-test-secret";
  });
  const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    new NextRequest(new URL(path, "http://localhost:3000"), {
      method: init.method ?? "GET",
      headers: { host: "localhost:3000", ...init.headers },
    });

  it("lets a survey link through without a session, with the survey headers", async () => {
    const response = await proxy(request(`/s/${"A".repeat(43)}`));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-security-policy")).toBe(SURVEY_CSP);
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
  });

  it("keeps the origin check for a survey answer", async () => {
    const foreign = await proxy(
      request(`/s/${"A".repeat(43)}`, { method: "POST", headers: { origin: "https://evil.example" } }),
    );
    expect(foreign.status).toBe(403);
    const none = await proxy(request(`/s/${"A".repeat(43)}`, { method: "POST" }));
    expect(none.status).toBe(403);
  });

  it("refuses a survey answer larger than a form can be before the route reads it", async () => {
    const response = await proxy(
      request(`/s/${"A".repeat(43)}`, {
        method: "POST",
        headers: { origin: "http://localhost:3000", "content-length": String(SURVEY_BODY_LIMIT_BYTES + 1) },
      }),
    );
    expect(response.status).toBe(413);
  });

  it("still asks for a session below /s/ (only the link itself is public)", async () => {
    const response = await proxy(request("/surveys"));
    expect(response.headers.get("location")).toContain("/login");
  });
});
