"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/actions/types";

type Option = { id: string; name: string };

/**
 * The account to log against: a search box with the matching accounts as big buttons (with nothing
 * typed, the person's own accounts whose contact is due soonest). Chosen, it shows the name and a
 * "change" button.
 */
export function AccountPicker({
  chosen,
  onChoose,
  onClear,
  search,
  initialOptions,
  error,
}: {
  chosen: Option | null;
  onChoose: (option: Option) => void;
  onClear: () => void;
  search: (input: { q: string }) => Promise<ActionState<Option[]>>;
  initialOptions: Option[] | null;
  error?: string;
}) {
  const t = useTranslations("visits.new");
  const id = useId();
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<Option[] | null>(initialOptions);
  const [failed, setFailed] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    if (chosen) return;
    const ask = ++asked.current;
    // Nothing typed yet: the page brought the suggestions (asking again would only move the form).
    if (!q && initialOptions && ask === 1) return;
    const timer = setTimeout(async () => {
      try {
        const result = await search({ q });
        if (ask !== asked.current) return;
        setFailed(result.status !== "ok");
        setOptions(result.status === "ok" ? (result.data ?? []) : []);
      } catch {
        if (ask === asked.current) setFailed(true);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [q, chosen, search, initialOptions]);

  if (chosen) {
    return (
      <div>
        <p className="mb-1 text-sm font-medium text-slate-800">{t("account")}</p>
        <div className="flex items-center justify-between gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-1">
          <span className="min-w-0 truncate font-medium text-slate-900" data-testid="chosen-account">
            {chosen.name}
          </span>
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t("changeAccount")}
          </Button>
        </div>
        <input type="hidden" name="accountId" value={chosen.id} />
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {t("account")}
      </label>
      <Input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("accountSearch")}
        autoComplete="off"
        aria-describedby={error ? `${id}-error` : undefined}
        invalid={!!error}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {failed ? <p className="mt-1 text-sm text-slate-600">{t("accountSearchOffline")}</p> : null}
      {options?.length ? (
        <ul
          className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200"
          aria-label={t("accountResults")}
        >
          {options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className="flex min-h-11 w-full items-center px-3 py-2 text-left text-sm text-slate-900 [overflow-wrap:anywhere] hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                onClick={() => onChoose(o)}
              >
                {o.name}
              </button>
            </li>
          ))}
        </ul>
      ) : options && !failed ? (
        <p className="mt-1 text-sm text-slate-600">{t("accountNone")}</p>
      ) : null}
    </div>
  );
}
