"use client";

import { useRef } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { NavLinks, type NavSection } from "./nav-links";

/**
 * The navigation as a slide-in panel on phones. A native modal <dialog>: the browser traps focus,
 * closes it on Escape and makes the page behind it inert.
 */
export function MobileNav({ sections }: { sections: NavSection[] }) {
  const t = useTranslations("nav");
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex h-11 w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden"
        aria-label={t("openMenu")}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-6 w-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </button>
      <dialog
        ref={dialog}
        aria-label={t("main")}
        onClick={(e) => e.target === dialog.current && close()}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] overflow-y-auto bg-white p-4 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="mb-4 flex items-center justify-between">
          <span className="text-lg font-semibold text-indigo-800">Keystone</span>
          <button
            type="button"
            onClick={close}
            className="inline-flex h-11 w-11 items-center justify-center rounded-md text-sm text-slate-700 hover:bg-slate-100"
            aria-label={t("closeMenu")}
          >
            ✕
          </button>
        </div>
        <nav aria-label={t("main")}>
          <NavLinks sections={sections} onNavigate={close} />
        </nav>
      </dialog>
    </>
  );
}
