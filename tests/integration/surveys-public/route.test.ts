// The public survey page over HTTP (the route handler with real requests and the real database),
// tested like an attacker would: every unusable token looks the same, headers forbid scripts,
// framing and referrers, forged forwarding headers do not move the rate limit, bodies are capped,
// and nothing internal reaches the HTML.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { takeRateLimit } from "@/lib/data/rate-limits";
import { SURVEY_BODY_LIMIT_BYTES, SURVEY_RATE_RULES } from "@/lib/domain/survey-public";
import { attributeHeaders, parseTrustedProxies } from "@/lib/http/client-address";
import { ALL_TYPES_QUESTIONS, insertSurveyLink, type SurveyLinkFixture } from "../../factories/surveys";

vi.mock("@/lib/data/surveys/low-score", () => ({ onSurveyAnswered: async () => {} }));

const { GET, POST } = await import("@/app/s/[token]/route");

const OWNER = "usr_east_kam1";
const ORIGIN = "http://localhost:3000";
let serial = 0;
const freshIp = () => `203.0.113.${++serial}`;

/** Headers as the launcher hands them to the app: the client address resolved from the socket. */
function requestHeaders(peer: string, extra: Record<string, string> = {}, trusted = "") {
  const headers: Record<string, string | string[] | undefined> = { host: "localhost:3000", ...extra };
  attributeHeaders(headers, peer, parseTrustedProxies(trusted));
  return headers as Record<string, string>;
}

const params = (token: string) => ({ params: Promise.resolve({ token }) });

function get(token: string, { ip = freshIp(), query = "" } = {}) {
  const url = `${ORIGIN}/s/${encodeURIComponent(token)}${query}`;
  return GET(new Request(url, { headers: requestHeaders(ip) }), params(token));
}

function post(
  token: string,
  form: string | URLSearchParams,
  { ip = freshIp(), origin = ORIGIN, headers = {} as Record<string, string> } = {},
) {
  return POST(
    new Request(`${ORIGIN}/s/${encodeURIComponent(token)}`, {
      method: "POST",
      body: String(form),
      headers: requestHeaders(ip, {
        origin,
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      }),
    }),
    params(token),
  );
}

let link: SurveyLinkFixture;
let owner: { name: string; email: string };
let account: { name: string };
let contact: { name: string };

beforeAll(async () => {
  link = await insertSurveyLink(db, {
    ownerId: OWNER,
    questions: ALL_TYPES_QUESTIONS,
    contactName: "王经理（内部备注）",
  });
  owner = await db.user.findUniqueOrThrow({ where: { id: OWNER }, select: { name: true, email: true } });
  account = await db.account.findUniqueOrThrow({ where: { id: link.accountId }, select: { name: true } });
  contact = await db.contact.findUniqueOrThrow({ where: { id: link.contactId }, select: { name: true } });
});

describe("the page", () => {
  it("shows our company, the survey and its questions in the link's language, and nothing internal", async () => {
    await db.satisfactionSettings.upsert({
      where: { id: "default" },
      create: { companyName: "Keystone Industrial", companyNameZh: "基石工业" },
      update: { companyName: "Keystone Industrial", companyNameZh: "基石工业" },
    });
    const response = await get(link.token);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("基石工业");
    expect(page).toContain("客户满意度调研");
    expect(page).toContain("您有多大可能向朋友或同事推荐我们？");
    expect(page).toContain("0 = 完全不可能");
    expect(page).toContain("10 = 非常可能");
    for (let n = 0; n <= 10; n++) expect(page).toContain(`name="nps" value="${n}"`);
    expect(page).toContain('maxlength="2000"');
    for (const secret of [
      link.invitationId,
      link.surveyId,
      link.accountId,
      link.contactId,
      link.teamId,
      OWNER,
      owner.name,
      owner.email,
      account.name,
      contact.name,
      "Keystone Industrial", // the English name on a Chinese link: only the link's language
    ]) {
      expect(page).not.toContain(secret);
    }
    // No framework runtime, no external script: one inline script the CSP allows by its hash.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(page).not.toContain("/_next/");
    const invitation = await db.surveyInvitation.findUniqueOrThrow({ where: { id: link.invitationId } });
    expect(invitation.openedAt).not.toBeNull();
    // Only the first view is recorded.
    await get(link.token);
    const again = await db.surveyInvitation.findUniqueOrThrow({ where: { id: link.invitationId } });
    expect(again.openedAt).toEqual(invitation.openedAt);
  });

  it("sends headers that forbid other scripts, framing, off-site referrers, caching and indexing", async () => {
    const response = await get(link.token);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("shows the English survey on an English link, whatever the visitor's browser or cookie prefer", async () => {
    const english = await insertSurveyLink(db, { ownerId: OWNER, locale: "en" });
    const response = await GET(
      new Request(`${ORIGIN}/s/${english.token}`, {
        headers: requestHeaders(freshIp(), {
          "accept-language": "zh-CN,zh;q=0.9",
          cookie: "NEXT_LOCALE=zh-CN",
        }),
      }),
      params(english.token),
    );
    const page = await response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Keystone Industrial");
    expect(page).toContain("How likely are you to recommend us to a friend or colleague?");
    expect(page).toContain("0 = not at all likely");
    expect(page).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("escapes whatever the survey's wording holds", async () => {
    const hostile = await insertSurveyLink(db, {
      ownerId: OWNER,
      title: { zh: '<script>alert(1)</script>"><img src=x onerror=alert(2)>', en: "x" },
    });
    const page = await (await get(hostile.token)).text();
    expect(page).not.toContain("<script>alert(1)");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img");
  });
});

describe("tokens that cannot be used all look the same", () => {
  it("answers unknown, malformed, revoked, expired, closed and hostile tokens with identical 404s", async () => {
    const past = new Date(Date.now() - 86_400_000);
    const expired = await insertSurveyLink(db, { ownerId: OWNER, expiresAt: past });
    const revoked = await insertSurveyLink(db, { ownerId: OWNER, revokedAt: past });
    const closed = await insertSurveyLink(db, { ownerId: OWNER, status: "CLOSED", closesAt: past });
    const tokens = [
      expired.token,
      revoked.token,
      closed.token,
      "B".repeat(43),
      "short",
      "../../../../etc/passwd",
      "..%2F..%2Fetc%2Fpasswd",
      "x".repeat(10_000),
      "1' OR '1'='1",
      "<script>alert(1)</script>",
      `${link.token}\u0000`,
      `${link.token} `,
      link.token.toLowerCase() === link.token ? link.token.toUpperCase() : link.token.toLowerCase(),
    ];
    const seen = new Set<string>();
    for (const token of tokens) {
      const response = await get(token);
      const headers = [...response.headers.entries()].sort().map(([k, v]) => `${k}: ${v}`);
      seen.add(`${response.status}\n${headers.join("\n")}\n\n${await response.text()}`);
    }
    expect(seen.size).toBe(1);
    const [only] = [...seen];
    expect(only).toMatch(/^404\n/);
    expect(only).toContain("此链接无法打开");
    expect(only).toContain("This link can&#39;t be opened");
    // The page names no reason a guesser could tell apart.
    expect(only).not.toMatch(/expired|revoked|过期|撤销/i);
  });

  it("answers a POST to an unusable token with the same 404 page", async () => {
    const [a, b] = await Promise.all([post("C".repeat(43), "nps=9"), post("../admin", "nps=9")]);
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(await a.text()).toBe(await b.text());
  });
});

describe("answering and editing", () => {
  it("saves, thanks, lets the contact edit until the close, then shows the thanks read-only", async () => {
    const mine = await insertSurveyLink(db, { ownerId: OWNER });
    const saved = await post(mine.token, new URLSearchParams({ nps: "6", reason: "需要更快的响应" }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/s/${mine.token}`);

    const thanks = await (await get(mine.token)).text();
    expect(thanks).toContain("感谢您的反馈");
    expect(thanks).toContain(`href="/s/${mine.token}?edit=1"`);

    const edit = await (await get(mine.token, { query: "?edit=1" })).text();
    expect(edit).toContain('name="nps" value="6" id="q-nps-6" checked');
    expect(edit).toContain("需要更快的响应</textarea>");
    expect(edit).toContain("保存修改");

    expect((await post(mine.token, "nps=10&reason=")).status).toBe(303);
    const rows = await db.surveyResponse.findMany({ where: { invitationId: mine.invitationId } });
    expect(rows.map((r) => [r.nps, r.verbatim, r.version])).toEqual([[10, null, 2]]);

    await db.survey.update({
      where: { id: mine.surveyId },
      data: { status: "CLOSED", closedAt: new Date() },
    });
    const after = await post(mine.token, "nps=0");
    expect(after.status).toBe(303);
    const readOnly = await (await get(mine.token, { query: "?edit=1" })).text();
    expect(readOnly).toContain("本次调研已结束");
    expect(readOnly).not.toContain("<form");
    expect(
      (await db.surveyResponse.findFirstOrThrow({ where: { invitationId: mine.invitationId } })).nps,
    ).toBe(10);
  });

  it("shows each problem next to its question and keeps what was typed", async () => {
    const mine = await insertSurveyLink(db, { ownerId: OWNER, questions: ALL_TYPES_QUESTIONS });
    const response = await post(
      mine.token,
      new URLSearchParams([
        ["nps", "11"],
        ["reason", "<b>保留这段话</b>"],
        ["channel", "fax"],
      ]),
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/id="q-nps-err">请从给出的选项中选择。/);
    expect(page).toMatch(/id="q-csat-err">请回答此题。/);
    expect(page).toMatch(/id="q-channel-err">请从给出的选项中选择。/);
    expect(page).toContain("&lt;b&gt;保留这段话&lt;/b&gt;</textarea>");
    expect(await db.surveyResponse.count({ where: { invitationId: mine.invitationId } })).toBe(0);
  });
});

describe("what an attacker sends", () => {
  it("refuses a POST from another origin (or none) and saves nothing", async () => {
    const mine = await insertSurveyLink(db, { ownerId: OWNER });
    expect((await post(mine.token, "nps=9", { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(mine.token, "nps=9", { origin: "null" })).status).toBe(403);
    expect(await db.surveyResponse.count({ where: { invitationId: mine.invitationId } })).toBe(0);
  });

  it("refuses an oversized body, announced or streamed, and too many fields", async () => {
    const mine = await insertSurveyLink(db, { ownerId: OWNER });
    const big = `nps=9&reason=${"a".repeat(SURVEY_BODY_LIMIT_BYTES)}`;
    const announced = await post(mine.token, big);
    expect(announced.status).toBe(413);
    expect(await announced.text()).toContain("内容过多");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++)
          controller.enqueue(new TextEncoder().encode(`reason=${"b".repeat(1024)}&`));
        controller.close();
      },
    });
    const streamed = await POST(
      new Request(`${ORIGIN}/s/${mine.token}`, {
        method: "POST",
        body: stream,
        // @ts-expect-error Node's fetch needs this for a streamed body
        duplex: "half",
        headers: requestHeaders(freshIp(), {
          origin: ORIGIN,
          "content-type": "application/x-www-form-urlencoded",
        }),
      }),
      params(mine.token),
    );
    expect(streamed.status).toBe(413);
    const manyFields = Array.from({ length: 300 }, (_, i) => `f${i}=1`).join("&");
    expect((await post(mine.token, `nps=9&${manyFields}`)).status).toBe(413);
    const manyValues = Array.from({ length: 50 }, () => "nps=9").join("&");
    expect((await post(mine.token, manyValues)).status).toBe(413);
    expect(await db.surveyResponse.count({ where: { invitationId: mine.invitationId } })).toBe(0);
  });

  it("ignores a forged X-Forwarded-For from an untrusted peer: the limit stays on the peer's address", async () => {
    const peer = freshIp();
    const now = new Date();
    for (let i = 0; i < SURVEY_RATE_RULES.viewPerAddress.limit; i++) {
      await takeRateLimit(SURVEY_RATE_RULES.viewPerAddress, peer, now);
    }
    const forged = await GET(
      new Request(`${ORIGIN}/s/${link.token}`, {
        headers: requestHeaders(peer, {
          "x-forwarded-for": "192.0.2.55",
          "x-keystone-client-address": "192.0.2.56",
        }),
      }),
      params(link.token),
    );
    expect(forged.status).toBe(429);
    expect(forged.headers.get("retry-after")).toMatch(/^\d+$/);
    const body = await forged.text();
    expect(body).toContain("请稍候再试");
    expect(body).toContain("Please wait a moment");
    // Through a proxy the operator trusts, the client it names is the one counted.
    const viaProxy = await GET(
      new Request(`${ORIGIN}/s/${link.token}`, {
        headers: requestHeaders("127.0.0.1", { "x-forwarded-for": `${freshIp()}` }, "loopback"),
      }),
      params(link.token),
    );
    expect(viaProxy.status).toBe(200);
  });

  it("answers 429 and saves nothing once an address has sent too many answers", async () => {
    const ip = freshIp();
    const now = new Date();
    for (let i = 0; i < SURVEY_RATE_RULES.submitPerAddress.limit; i++) {
      await takeRateLimit(SURVEY_RATE_RULES.submitPerAddress, ip, now);
    }
    const mine = await insertSurveyLink(db, { ownerId: OWNER });
    const response = await post(mine.token, "nps=9", { ip });
    expect(response.status).toBe(429);
    expect(await db.surveyResponse.count({ where: { invitationId: mine.invitationId } })).toBe(0);
  });
});
