import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getViewer } from "@/lib/auth/viewer";
import {
  DEFAULT_LOCALE,
  isLocale,
  LOCALE_COOKIE,
  localeFromAcceptLanguage,
  TIME_ZONE,
  type AppLocale,
} from "./config";
import { messagesFor } from "./messages";

/** The signed-in user's saved language wins; then the cookie set by the switch; then the browser. */
export async function resolveLocale(): Promise<AppLocale> {
  const viewer = await getViewer();
  if (viewer) return viewer.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

// A locale asked for explicitly (getTranslations({ locale }) — a calendar feed in its owner's
// language, a survey link in its contact's) wins over the request's own.
export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isLocale(requested) ? requested : await resolveLocale();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE };
});
