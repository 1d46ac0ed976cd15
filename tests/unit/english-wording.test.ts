import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The English screens read as English: no Chinese terms inside English sentences (someone using
// English may not read them), and one word for a deal that has stayed too long in a stage.

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every English message as dotted key → text. */
function english(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === "string") out.set(prefix, node);
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(JSON.parse(readFileSync(path.join(ROOT, "messages/en.json"), "utf8")), "");
  for (const file of readdirSync(path.join(ROOT, "messages/en")).filter((f) => f.endsWith(".json"))) {
    walk(JSON.parse(readFileSync(path.join(ROOT, "messages/en", file), "utf8")), file.replace(/\.json$/, ""));
  }
  return out;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The only Chinese an English message may hold: the name of the Chinese language in the language
 * switch, and examples of what a person literally types or finds in their own files (a city's
 * Chinese name, a Chinese column header in an import file).
 */
const LITERAL_CHINESE: Record<string, RegExp> = {
  "languages.zh-CN": /^简体中文$/,
  "accountTools.import.help.territory": /苏州市/,
  "accountTools.import.fileProblems.noNameColumn": /“企业名称”/,
  "ledger.import.help.kind": /开票收入 \/ 回款/,
  "ledger.import.help.month": /2026年3月/,
  "ledger.import.fileProblems.noColumns": /“单据号”, “客户名称”, “月份”, “金额（元）”/,
};

describe("English messages", () => {
  const messages = english();

  it("hold no Chinese terms inside English sentences", () => {
    const offenders = [...messages]
      .filter(([key, text]) => {
        const allowed = LITERAL_CHINESE[key];
        const rest = allowed ? text.replace(allowed, "") : text;
        return CJK.test(rest);
      })
      .map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });

  it("the allowance above names messages that exist (so it cannot hide a renamed key)", () => {
    for (const key of Object.keys(LITERAL_CHINESE)) {
      expect(messages.has(key), key).toBe(true);
    }
  });

  it("call a deal that stays too long in a stage 'stuck', never 'stale' or 'stalled'", () => {
    const offenders = [...messages].filter(([, text]) => /\b(stale|stalled)\b/i.test(text));
    expect(offenders).toEqual([]);
    expect([...messages.values()].some((text) => /\bstuck\b/i.test(text))).toBe(true);
  });

  it("suggest amounts the English way (grouped digits, k/M), not in 万 or 亿", () => {
    const hints = [...messages].filter(([key]) =>
      /yuan|amount|fullMarks.*Help|Cost.*Hint|Value.*Hint/i.test(key),
    );
    expect(hints.length).toBeGreaterThan(5);
    for (const [key, text] of hints) expect(text, key).not.toMatch(/[万亿]|\d{5,}/);
  });
});
