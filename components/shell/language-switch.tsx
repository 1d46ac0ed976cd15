"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "@/components/ui/cn";

/** Saves the chosen language (a server action the page passes in). */
export type SwitchLocale = (locale: string) => Promise<{ ok: boolean }>;

/** Two buttons, one per language; the current one is pressed. */
export function LanguageSwitch({
  switchLocale,
  className,
}: {
  switchLocale: SwitchLocale;
  className?: string;
}) {
  const locale = useLocale();
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("nav.language")}
      className={cn("inline-flex rounded-md border border-slate-300 bg-white p-0.5", className)}
    >
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await switchLocale(l);
              router.refresh();
            })
          }
          className={cn(
            "min-h-11 whitespace-nowrap rounded px-2 py-1 text-sm sm:min-h-0 sm:px-2.5 focus-visible:outline-2 focus-visible:outline-indigo-600",
            l === locale ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {t(`languages.${l}`)}
        </button>
      ))}
    </div>
  );
}
