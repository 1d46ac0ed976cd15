"use client";

import { useState } from "react";
import { Dialog } from "radix-ui";
import { useTranslations } from "next-intl";
import { NavLinks, type NavSection } from "./nav-links";

/** The navigation as a slide-in panel on phones. */
export function MobileNav({ sections }: { sections: NavSection[] }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        className="inline-flex h-10 w-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden"
        aria-label={t("openMenu")}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-white p-4 shadow-xl focus:outline-none">
          <div className="mb-4 flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold text-indigo-800">Keystone</Dialog.Title>
            <Dialog.Close className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" aria-label={t("closeMenu")}>
              ✕
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t("main")}</Dialog.Description>
          <nav aria-label={t("main")}>
            <NavLinks sections={sections} onNavigate={() => setOpen(false)} />
          </nav>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
