// Runs before every page and API request: security headers (a fresh CSP nonce per request), and
// the session's idle clock. This is for user experience and defence in depth only — every page,
// server action and route handler checks the session and permissions itself (lib/auth).
import { NextResponse, type NextRequest } from "next/server";
import {
  decodeSession,
  encodeSession,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/session-token";
import { sessionStatus, shouldRefreshLastSeen } from "@/lib/domain/session-policy";

const PUBLIC_PATHS = [/^\/login(\/|$)/, /^\/api\/auth\//, /^\/api\/health$/];

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
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
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
  const isApi = pathname.startsWith("/api/");
  // A server action answers for itself (UNAUTHENTICATED, shown in the form); a redirect would lose the input.
  const isServerAction = request.method === "POST" && request.headers.has("next-action");

  const cookieName = sessionCookieName();
  const claims = isPublic ? null : await decodeSession(request.cookies.get(cookieName)?.value);
  const status = claims ? sessionStatus(claims, Date.now()) : null;

  if (!isPublic && !isServerAction && status !== "active") {
    if (isApi) {
      return withSecurityHeaders(NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 }), csp);
    }
    const login = new URL("/login", request.url);
    if (status) login.searchParams.set("reason", status); // "idle" or "expired"
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    const response = NextResponse.redirect(login);
    if (status) response.cookies.delete(cookieName);
    return withSecurityHeaders(response, csp);
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (claims && shouldRefreshLastSeen(claims.lastSeenAt, Date.now())) {
    const refreshed = { ...claims, lastSeenAt: Date.now() };
    response.cookies.set(cookieName, await encodeSession(refreshed), sessionCookieOptions(refreshed));
  }
  return withSecurityHeaders(response, csp);
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
