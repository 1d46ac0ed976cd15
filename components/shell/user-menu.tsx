"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";

/** The account menu: who is signed in, and signing out. A small menu button, no menu library. */
export function UserMenu({
  name,
  roleLabel,
  signOut,
}: {
  name: string;
  roleLabel: string;
  /** The sign-out server action (the app layout passes it in). */
  signOut: () => Promise<void>;
}) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const firstItem = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    firstItem.current?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t("userMenu", { name })}
        onClick={() => setOpen((v) => !v)}
        className="flex min-h-11 min-w-11 items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span
          aria-hidden="true"
          className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-700 text-sm font-semibold text-white"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden text-sm sm:block">
          <span className="block font-medium text-slate-900">{name}</span>
          <span className="block text-xs text-slate-600">{roleLabel}</span>
        </span>
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          className="absolute right-0 z-50 mt-1.5 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <div className="px-2 py-1.5 text-xs text-slate-600 sm:hidden" role="presentation">
            {name} · {roleLabel}
          </div>
          <form action={signOut}>
            <button
              ref={firstItem}
              type="submit"
              role="menuitem"
              className="w-full rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-indigo-50 focus:bg-indigo-50 focus:outline-none"
            >
              {t("signOut")}
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
