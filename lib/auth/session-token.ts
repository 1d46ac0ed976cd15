// The session is an encrypted JWT in a cookie, made with next-auth's JWT functions. It names its
// UserSession row (`sid`), which every request checks, so signing out ends it everywhere. The proxy
// reads it too, to keep the idle clock and to send people to the sign-in page (lib/auth/session.ts).
import { decode, encode, type JWT } from "next-auth/jwt";
import { SESSION_POLICY } from "@/lib/domain/session-policy";

export type SessionClaims = JWT & {
  uid: string;
  tv: number; // the user's tokenVersion when the token was issued
  sid: string; // the UserSession row of this sign-in
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
    if (
      !token ||
      typeof token.uid !== "string" ||
      typeof token.sid !== "string" ||
      typeof token.tv !== "number" ||
      typeof token.signedInAt !== "number" ||
      typeof token.lastSeenAt !== "number"
    )
      return null;
    return token as SessionClaims;
  } catch {
    return null; // tampered, or signed with another secret
  }
}

export function encodeSession(claims: SessionClaims): Promise<string> {
  return encode({ token: claims, secret: authSecret(), maxAge: SESSION_POLICY.absoluteMs / 1000 });
}

/** Cookie attributes for the session cookie (set at sign-in, refreshed by the proxy). */
export function sessionCookieOptions(claims: SessionClaims) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: secure(),
    expires: new Date(claims.signedInAt + SESSION_POLICY.absoluteMs),
  };
}
