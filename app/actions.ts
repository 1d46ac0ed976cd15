"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { recordSignOut, setOwnLocale } from "@/lib/data/users";
import { sessionCookieName } from "@/lib/auth/session-token";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

const localeSchema = z.enum(LOCALES);

/**
 * Switches the interface language. Signed-in people have it saved on their profile (so it follows
 * them to any device); on the sign-in page it is kept in a cookie.
 */
export async function switchLocale(locale: string): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { ok: false };
  const h = await headers();
  const origin = h.get("origin");
  if (origin && new URL(origin).host !== (h.get("x-forwarded-host") ?? h.get("host"))) return { ok: false };
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

/** Ends the session: the session cookie is the whole session (a signed JWT), so deleting it is enough. */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await recordSignOut(viewer);
  const store = await cookies();
  store.delete(sessionCookieName());
  redirect("/login?signedOut=1");
}
