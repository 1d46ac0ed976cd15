// The session is a signed, encrypted JWT in a cookie (next-auth). These helpers read and re-issue it
// outside next-auth's own routes: in the proxy (to enforce the idle timeout on every request) and
// in server code (to find the viewer).
import { decode, encode, type JWT } from "next-auth/jwt";
import { SESSION_POLICY } from "@/lib/domain/session-policy";

export type SessionClaims = JWT & {
  uid: string;
  tv: number; // the user's tokenVersion when the token was issued
  signedInAt: number;
  lastSeenAt: number;
};

const secure = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
export const sessionCookieName = () =>
  secure() ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (npm start generates one).");
  return secret;
}

export async function decodeSession(raw: string | undefined): Promise<SessionClaims | null> {
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: authSecret() });
    if (!token || typeof token.uid !== "string" || typeof token.signedInAt !== "number") return null;
    return token as SessionClaims;
  } catch {
    return null; // tampered, or signed with another secret
  }
}

export function encodeSession(claims: SessionClaims): Promise<string> {
  return encode({ token: claims, secret: authSecret(), maxAge: SESSION_POLICY.absoluteMs / 1000 });
}

/** Cookie attributes matching next-auth's own, so a refreshed cookie replaces the original. */
export function sessionCookieOptions(claims: SessionClaims) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: secure(),
    expires: new Date(claims.signedInAt + SESSION_POLICY.absoluteMs),
  };
}
