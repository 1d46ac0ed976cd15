import type { Metadata, Viewport } from "next";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ServiceWorkerRegistration } from "@/components/shell/service-worker";
import { ClientI18nProvider } from "@/lib/i18n/client";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: `${t("appName")} · ${t("tagline")}`, template: `%s · ${t("appName")}` },
    description: t("tagline"),
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "32x32" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
    manifest: "/manifest.webmanifest",
    // Added to an iPhone's home screen, it opens like an app (the manifest does this elsewhere).
    appleWebApp: { capable: true, title: t("appName"), statusBarStyle: "default" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#3730a3" };

// Client components only need these catalogues; the rest stay on the server (see lib/i18n/client.tsx).
const CLIENT_NAMESPACES = ["common", "nav", "languages", "auth", "errors"] as const;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        <ClientI18nProvider
          locale={locale}
          messages={clientMessages as Parameters<typeof ClientI18nProvider>[0]["messages"]}
        >
          {children}
        </ClientI18nProvider>
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
