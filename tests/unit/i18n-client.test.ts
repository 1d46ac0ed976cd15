// The small client-side formatter (lib/i18n/client.tsx) must say exactly what next-intl says on the
// server: otherwise a board rendered on the server and hydrated in the browser would disagree.
// Every message of the namespaces client components read is formatted by both, in both languages,
// with counts that exercise every plural branch (and number grouping).
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { formatMessage } from "@/lib/i18n/client";
import { messagesFor } from "@/lib/i18n/messages";

const CLIENT_NAMESPACES = ["common", "nav", "languages", "auth", "errors", "pipeline", "gate"] as const;
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );
}

describe.each(["zh-CN", "en"] as const)("client messages in %s", (locale) => {
  const messages = messagesFor(locale) as unknown as Tree;
  // The catalogue as a plain tree: keys are only known at run time here.
  const t = createTranslator({ locale, messages }) as unknown as (
    key: string,
    values: Record<string, string | number>,
  ) => string;
  const all = CLIENT_NAMESPACES.flatMap((ns) => leaves(messages[ns] as Tree, `${ns}.`));

  it("covers the client namespaces", () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it.each([0, 1, 2, 1234])("formats every message as next-intl does (counts = %i)", (n) => {
    for (const [key, template] of all) {
      const names = [...template.matchAll(/\{\s*(\w+)\s*(,\s*plural)?/g)];
      const values = Object.fromEntries(names.map(([, name, plural]) => [name!, plural ? n : `«${name}»`]));
      expect(formatMessage(template, values, locale), key).toBe(t(key, values));
    }
  });

  it("leaves a placeholder without a value as written", () => {
    expect(formatMessage("{title} 已移动", {}, locale)).toBe("{title} 已移动");
  });
});
