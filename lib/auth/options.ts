import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { signInWithPassword } from "@/lib/data/sign-in";
import { SESSION_POLICY, sessionStatus } from "@/lib/domain/session-policy";
import type { SessionClaims } from "./session-token";

const credentialsSchema = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(256),
});

/** The client's address as the nearest proxy reports it (the app runs behind one load balancer). */
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim();
  return first(headers?.["x-forwarded-for"]) || first(headers?.["x-real-ip"]) || "unknown";
}

// Error codes the sign-in page translates (next-auth passes the thrown message through).
export const SIGN_IN_ERRORS = { throttled: "THROTTLED", inactive: "INACTIVE" } as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_POLICY.absoluteMs / 1000 },
  jwt: { maxAge: SESSION_POLICY.absoluteMs / 1000 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await signInWithPassword({ ...parsed.data, ip: clientIp(req?.headers) });
        if (result.ok)
          return {
            id: result.user.id,
            name: result.user.name,
            email: result.user.email,
            tv: result.user.tokenVersion,
          };
        if (result.reason === "throttled")
          throw new Error(`${SIGN_IN_ERRORS.throttled}:${result.retryAfterSeconds}`);
        if (result.reason === "inactive") throw new Error(SIGN_IN_ERRORS.inactive);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Date.now();
      if (user) {
        const claims: SessionClaims = {
          ...token,
          uid: user.id,
          tv: (user as { tv?: number }).tv ?? 0,
          signedInAt: now,
          lastSeenAt: now,
        };
        return claims;
      }
      const claims = token as SessionClaims;
      // Throwing makes next-auth clear the cookie and report no session.
      if (sessionStatus(claims, now) !== "active") throw new Error("SESSION_ENDED");
      return { ...claims, lastSeenAt: now };
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: (token as SessionClaims).uid } };
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is routine, not an error worth a stack trace.
      if (
        code === "JWT_SESSION_ERROR" &&
        String((metadata as { message?: string })?.message).includes("SESSION_ENDED")
      )
        return;
      console.error("[auth]", code, metadata);
    },
    warn(code) {
      if (code !== "NEXTAUTH_URL") console.warn("[auth]", code);
    },
    debug() {},
  },
};
