import type { ReactNode } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { ClientI18nProvider } from "@/lib/i18n/client";

/** The catalogues the visit pages' client components read (see lib/i18n/client.tsx). */
export async function VisitsI18n({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const m = messages as unknown as Parameters<typeof ClientI18nProvider>[0]["messages"];
  return (
    <ClientI18nProvider
      locale={locale}
      messages={{ common: m.common!, errors: m.errors!, visits: m.visits! }}
    >
      {children}
    </ClientI18nProvider>
  );
}
