"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionClaims, getViewer } from "@/lib/auth/viewer";
import { endSession } from "@/lib/data/session";
import { setOwnLocale } from "@/lib/data/users";
import { sessionCookieName } from "@/lib/auth/session-token";
import { requestIsSameOrigin } from "@/lib/http/request";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

const localeSchema = z.enum(LOCALES);

/**
 * Switches the interface language. Signed-in people have it saved on their profile (so it follows
 * them to any device); on the sign-in page it is kept in a cookie.
 */
export async function switchLocale(locale: string): Promise<{ ok: boolean }> {
  if (!(await requestIsSameOrigin())) return { ok: false };
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { ok: false };
  const viewer = await getViewer();
  if (viewer) await setOwnLocale(viewer, parsed.data);
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    sameSite: "lax",
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
  return { ok: true };
}

/**
 * Signs out: ends this sign-in's session row, so the cookie — and any copy of it taken earlier —
 * is refused from now on, then deletes the cookie. A forged request from another site is ignored.
 */
export async function signOutAction(): Promise<void> {
  if (!(await requestIsSameOrigin())) return;
  const [viewer, claims] = await Promise.all([getViewer(), getSessionClaims()]);
  if (viewer && claims) await endSession(viewer, claims.sid);
  (await cookies()).delete(sessionCookieName());
  redirect("/login?signedOut=1");
}
