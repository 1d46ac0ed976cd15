"use client";

// Translations for client components without shipping next-intl's ICU runtime to the browser
// (it would cost ~12 kB gzip on every page). The server picks the catalogues client components
// need (CLIENT_NAMESPACES in app/layout.tsx); this formats them: {name} placeholders and
// {count, plural, =0 {…} one {…} other {…}} with # — the subset those catalogues use.
import { createContext, useCallback, useContext, type ReactNode } from "react";

type Catalogue = { [key: string]: string | Catalogue };
type Values = Record<string, string | number>;

const I18nContext = createContext<{ locale: string; messages: Catalogue }>({ locale: "zh-CN", messages: {} });

export function ClientI18nProvider({
  locale,
  messages,
  children,
}: {
  locale: string;
  messages: Catalogue;
  children: ReactNode;
}) {
  return <I18nContext.Provider value={{ locale, messages }}>{children}</I18nContext.Provider>;
}

export function useLocale(): string {
  return useContext(I18nContext).locale;
}

function lookup(messages: Catalogue, path: string): string | undefined {
  let node: string | Catalogue | undefined = messages;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** Finds the block that closes the "{" at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return text.length - 1;
}

// Building Intl objects is slow (a board formats a count on every card): one of each per locale.
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) cache.set(locale, (value = make()));
  return value;
}

export function formatMessage(template: string, values: Values = {}, locale = "en"): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== "{") {
      out += template[i];
      continue;
    }
    const end = closing(template, i);
    const body = template.slice(i + 1, end);
    const [name = "", kind, ...rest] = body.split(",");
    const value = values[name.trim()];
    if (kind?.trim() === "plural") {
      const n = Number(value);
      const options = rest.join(",");
      const pick = (selector: string) => {
        const at = options.search(new RegExp(`(^|\\s)${selector.replace("=", "\\=")}\\s*\\{`));
        if (at < 0) return null;
        const open = options.indexOf("{", at);
        return options.slice(open + 1, closing(options, open));
      };
      const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n);
      const branch = pick(`=${n}`) ?? pick(category) ?? pick("other") ?? "";
      const number = cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(n);
      out += formatMessage(branch, values, locale).replaceAll("#", number);
    } else {
      out += value === undefined ? `{${body}}` : String(value);
    }
    i = end;
  }
  return out;
}

/** next-intl-compatible `useTranslations(namespace)` for the client catalogues. */
export function useTranslations(namespace?: string) {
  const { locale, messages } = useContext(I18nContext);
  return useCallback(
    (key: string, values?: Values) => {
      const path = namespace ? `${namespace}.${key}` : key;
      const template = lookup(messages, path);
      return template === undefined ? path : formatMessage(template, values, locale);
    },
    [locale, messages, namespace],
  );
}
