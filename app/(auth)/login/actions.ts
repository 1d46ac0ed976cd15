"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { encodeSession, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-token";
import { signInWithPassword } from "@/lib/data/sign-in";
import { isDatabaseUnavailable } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { requestClientAddress, requestIsSameOrigin, requestUserAgent } from "@/lib/http/request";

export type SignInState =
  | { status: "idle" }
  | { status: "error"; message: string; email: string; at: number }
  | { status: "ok"; to: string };

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(256),
});

/**
 * Sign-in: a form action, so it also works before the page's JavaScript has loaded — the browser
 * POSTs the form and nothing reaches the URL. Checks the password under the throttle, opens a
 * UserSession row, sets the session cookie and goes to the page the person came for (same-site only).
 */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations("auth");
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const fail = (message: string): SignInState => ({ status: "error", message, email, at: Date.now() });
  if (!(await requestIsSameOrigin())) return fail(t("refused"));
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return fail(t("invalid"));

  let result: Awaited<ReturnType<typeof signInWithPassword>>;
  try {
    result = await signInWithPassword({
      ...parsed.data,
      ip: await requestClientAddress(),
      userAgent: await requestUserAgent(),
    });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) console.error("[sign-in] unexpected error", error);
    return fail(t("unexpected"));
  }
  if (!result.ok) {
    if (result.reason === "throttled") return fail(t("throttled", { seconds: result.retryAfterSeconds }));
    return fail(result.reason === "inactive" ? t("inactive") : t("invalid"));
  }

  const now = Date.now();
  const claims = {
    sub: result.user.id,
    name: result.user.name,
    email: result.user.email,
    uid: result.user.id,
    tv: result.user.tokenVersion,
    sid: result.sessionId,
    signedInAt: now,
    lastSeenAt: now,
  };
  (await cookies()).set(sessionCookieName(), await encodeSession(claims), sessionCookieOptions(claims));
  const to = safeRedirectPath(formData.get("callbackUrl"));
  // With JavaScript the page loads `to` in full, so the whole app renders in the person's saved
  // language; without it (no Next-Action header) the browser follows a 303 redirect.
  if ((await headers()).has("next-action")) return { status: "ok", to };
  redirect(to);
}
