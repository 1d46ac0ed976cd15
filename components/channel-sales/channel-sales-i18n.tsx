import type { ReactNode } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { ClientI18nProvider } from "@/lib/i18n/client";

/** The catalogues the import wizard reads in the browser (see lib/i18n/client.tsx). */
export async function ChannelSalesI18n({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const m = messages as unknown as Parameters<typeof ClientI18nProvider>[0]["messages"];
  return (
    <ClientI18nProvider
      locale={locale}
      messages={{ common: m.common!, errors: m.errors!, channelSales: m.channelSales! }}
    >
      {children}
    </ClientI18nProvider>
  );
}
