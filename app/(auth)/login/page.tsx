import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { switchLocale } from "../../actions";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("submit") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Only a same-site path may be a post-sign-in destination (no open redirect).
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const reason =
    params.reason === "idle" || params.reason === "expired"
      ? params.reason
      : params.signedOut
        ? "signedOut"
        : null;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <span className="text-lg font-semibold text-indigo-800">Keystone</span>
          <LanguageSwitch switchLocale={switchLocale} />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
          <LoginForm callbackUrl={callbackUrl} notice={reason ? t(reason) : null} />
        </div>
      </div>
    </main>
  );
}
