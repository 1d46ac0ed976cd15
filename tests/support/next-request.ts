// What Next.js gives a server action or route handler about its request — headers, cookies, the
// translator, cache revalidation — stood in for by integration tests that call real actions and
// route handlers against the real database. Use with vi.mock (see actions-hostile.test.ts).
import { createTranslator } from "next-intl";
import { encodeSession, sessionCookieName } from "@/lib/auth/session-token";
import { signInWithPassword } from "@/lib/data/sign-in";
import { messagesFor } from "@/lib/i18n/messages";
import { DEMO_PASSWORD } from "@/prisma/demo-org";

/** The request the mocks describe; tests change it between calls. */
export const fakeRequest = { cookie: "", origin: "http://localhost:3000" };

export const fakeHeaders = async () =>
  new Headers({
    host: "localhost:3000",
    origin: fakeRequest.origin,
    "x-keystone-client-address": "127.0.0.1",
    cookie: fakeRequest.cookie,
  });

export const fakeCookies = async () => ({
  get: (name: string) => {
    const [key, ...value] = fakeRequest.cookie.split("=");
    return name === key ? { name, value: value.join("=") } : undefined;
  },
  set: () => {},
  delete: () => {},
});

/** getTranslations("ns") or getTranslations({ locale, namespace }), as next-intl/server takes them. */
export const fakeTranslations = async (opts?: string | { locale?: string; namespace?: string }) => {
  const { locale = "zh-CN", namespace } = typeof opts === "string" ? { namespace: opts } : (opts ?? {});
  const lang = locale === "en" ? "en" : "zh-CN";
  return createTranslator({
    locale: lang,
    messages: messagesFor(lang) as never,
    namespace: namespace as never,
  });
};

/** Signs `email` in for real (a session row) and makes the fake request carry its cookie. */
export async function signInFakeRequest(email: string) {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  const result = await signInWithPassword({ email, password: DEMO_PASSWORD, ip: "127.0.0.1" });
  if (!result.ok) throw new Error(`cannot sign in ${email}`);
  const now = Date.now();
  const token = await encodeSession({
    uid: result.user.id,
    tv: result.user.tokenVersion,
    sid: result.sessionId,
    signedInAt: now,
    lastSeenAt: now,
  });
  fakeRequest.cookie = `${sessionCookieName()}=${token}`;
  return result.user;
}
