"use client";

import { DropdownMenu } from "radix-ui";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const t = useTranslations("nav");
  const initials = name.slice(0, 1).toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        aria-label={t("userMenu", { name })}
      >
        <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-700 text-sm font-semibold text-white">
          {initials}
        </span>
        <span className="hidden text-sm sm:block">
          <span className="block font-medium text-slate-900">{name}</span>
          <span className="block text-xs text-slate-600">{roleLabel}</span>
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-600 sm:hidden">
            {name} · {roleLabel}
          </DropdownMenu.Label>
          <DropdownMenu.Item
            onSelect={() => signOut({ callbackUrl: "/login?signedOut=1" })}
            className="cursor-pointer rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-900"
          >
            {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
