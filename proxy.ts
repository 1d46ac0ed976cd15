// Runs before every page and API request: security headers (a fresh CSP nonce per request), the
// origin check for every state-changing request, and the session's idle clock. This is for user
// experience and defence in depth only — every page, server action and route handler checks the
// origin, the session and permissions itself (lib/actions, lib/http, lib/auth).
import { NextResponse, type NextRequest } from "next/server";
import { SURVEY_HEADERS } from "@/components/survey-public/assets";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/actions/limits";
import { sessionFromCookie } from "@/lib/auth/session";
import { SURVEY_BODY_LIMIT_BYTES } from "@/lib/domain/survey-public";
import { encodeSession, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-token";
import { isSameOrigin, isStateChanging } from "@/lib/http/same-origin";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

// The calendar feed is read by a phone's calendar app, which has no session: its secret URL is the
// credential (app/api/calendar/[token]/route.ts looks the token up and answers 404 otherwise).
// A customer's survey link (/s/<token>) is answered without signing in: the token is the credential.
const SURVEY_PATH = /^\/s\/[^/]+$/;
const PUBLIC_PATHS = [/^\/login(\/|$)/, /^\/api\/health$/, /^\/api\/calendar\/[^/]+$/, SURVEY_PATH];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, popover positioning) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The installable app: its manifest and service worker (public/sw.js), from this origin only.
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string, survey = false): NextResponse {
  // The survey pages have their own, stricter set (no scripts but their own, no referrer off-site,
  // not cached, not indexed): the same values the route handler sends, so neither can loosen them.
  if (survey) {
    for (const [name, value] of Object.entries(SURVEY_HEADERS)) response.headers.set(name, value);
    return response;
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
  return response;
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => p.test(pathname));
  const isSurvey = pathname.startsWith("/s/");
  const isApi = pathname.startsWith("/api/");
  // A server action answers for itself (UNAUTHENTICATED, shown in the form); a redirect would lose the input.
  const isServerAction = request.method === "POST" && request.headers.has("next-action");

  // Cross-site request forgery: a state-changing request must come from our own pages.
  if (isStateChanging(request.method) && !isSameOrigin(request.headers)) {
    return withSecurityHeaders(
      NextResponse.json({ error: "INVALID_ORIGIN" }, { status: 403 }),
      csp,
      isSurvey,
    );
  }

  // A survey answer is a few kilobytes; refuse more before anything reads it.
  if (isSurvey && Number(request.headers.get("content-length") ?? 0) > SURVEY_BODY_LIMIT_BYTES) {
    return withSecurityHeaders(NextResponse.json({ error: "TOO_LARGE" }, { status: 413 }), csp, true);
  }

  // Next.js answers an oversized server-action body with a 500; say what it is instead.
  if (isServerAction && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) {
    return withSecurityHeaders(NextResponse.json({ error: "TOO_LARGE" }, { status: 413 }), csp);
  }

  const cookieName = sessionCookieName();
  const session = isPublic ? null : await sessionFromCookie(request.cookies.get(cookieName)?.value);

  if (session && !isServerAction && session.status !== "active") {
    if (isApi) {
      return withSecurityHeaders(NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 }), csp);
    }
    const login = new URL("/login", request.url);
    if (session.status !== "none") login.searchParams.set("reason", session.status); // "idle" or "expired"
    const back = safeRedirectPath(pathname + search, "");
    if (back && back !== "/") login.searchParams.set("callbackUrl", back);
    const response = NextResponse.redirect(login);
    if (session.status !== "none") response.cookies.delete(cookieName);
    return withSecurityHeaders(response, csp);
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Only an active session's idle clock moves: an idle or expired token stays ended (the server
  // action or route handler behind this request refuses it through the same check).
  if (session?.status === "active" && session.refresh) {
    response.cookies.set(
      cookieName,
      await encodeSession(session.refresh),
      sessionCookieOptions(session.refresh),
    );
  }
  return withSecurityHeaders(response, csp, isSurvey);
}

export const config = {
  matcher: [
    {
      // Static files (the build's assets, public/'s icons and manifest) need no session or nonce.
      // Listed by name: a route that serves images (say, visit photos) must still be checked.
      source:
        "/((?!_next/static|_next/image|favicon\\.ico$|icon\\.svg$|icon-192\\.png$|icon-512\\.png$|apple-touch-icon\\.png$|manifest\\.webmanifest$|icons/|sw\\.js$|offline\\.html$).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
