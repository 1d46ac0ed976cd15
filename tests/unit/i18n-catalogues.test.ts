import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Catalogue = { [key: string]: string | Catalogue };

/** The core catalogue plus the per-feature files in messages/<locale>/ (file name = namespace). */
function load(locale: string): Catalogue {
  const core = JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8")) as Catalogue;
  const dir = path.join(ROOT, "messages", locale);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    core[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Catalogue;
  }
  return core;
}

/** Every leaf of a catalogue as a dotted key → value (value left unknown: checked below). */
function flatten(node: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

/**
 * The argument names of an ICU message: "{name}" → name, "{count, plural, one {…} other {…}}" →
 * count (plus any arguments inside the branches). Throws on unbalanced braces.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let i = 0;

  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i);
  };

  // Text up to the "}" that closes a branch (nested) or to the end (top level).
  function text(nested: boolean): void {
    while (i < message.length) {
      const c = message[i]!;
      if (c === "'" && message[i + 1] === "'") i += 2;
      else if (c === "'" && (message[i + 1] === "{" || message[i + 1] === "}")) {
        i = message.indexOf("'", i + 1);
        if (i < 0) fail("unclosed quote");
        i++;
      } else if (c === "{") {
        i++;
        argument();
      } else if (c === "}") {
        if (!nested) fail("unexpected }");
        i++;
        return;
      } else i++;
    }
    if (nested) fail("unclosed {");
  }

  // After "{": name [, type [, style or branches]] "}".
  function argument(): void {
    const name = readUntil(",}").trim();
    if (!/^\w+$/.test(name)) fail(`bad argument name "${name}"`);
    names.add(name);
    if (message[i] === "}") return void i++;
    i++; // ","
    const type = readUntil(",}").trim();
    if (message[i] === "}") return void i++;
    if (i >= message.length) fail("unclosed {");
    i++; // ","
    if (type === "plural" || type === "select" || type === "selectordinal") {
      for (;;) {
        readUntil("{}"); // selector, e.g. "=0", "one", "offset:1 other"
        if (i >= message.length) fail("unclosed {");
        if (message[i] === "}") return void i++;
        i++; // "{"
        text(true);
      }
    }
    // number/date/time style: skip to the closing brace
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      if (message[i] === "}") depth--;
      i++;
    }
    if (depth > 0) fail("unclosed {");
  }

  text(false);
  return [...names].sort();
}

describe("placeholders (the ICU reader this check relies on)", () => {
  it.each([
    ["Save", []],
    ["Edit {name}", ["name"]],
    ["Page {page} of {pages}", ["page", "pages"]],
    ["{ name }", ["name"]],
    ["{total, plural, =0 {No records} one {# record} other {# records}}", ["total"]],
    ["{count, plural, one {{name} and # more} other {{name} and # others}}", ["count", "name"]],
    ["{role, select, ADMIN {Admin} other {{role}}} in {team}", ["role", "team"]],
    ["{amount, number, ::currency/CNY} on {day, date, short}", ["amount", "day"]],
    ["It''s '{literal}' text", []],
    ["共 {count} 条", ["count"]],
  ])("%j → %j", (message, names) => {
    expect(placeholders(message)).toEqual(names);
  });

  it.each(["Edit {name", "Edit name}", "{count, plural, one {x} other {y}", "{}", "{a b}"])(
    "rejects %j",
    (message) => {
      expect(() => placeholders(message)).toThrow();
    },
  );
});

const en = flatten(load("en"));
const zh = flatten(load("zh-CN"));

describe("messages/en.json and messages/zh-CN.json", () => {
  it("have the same keys", () => {
    const missingInZh = [...en.keys()].filter((k) => !zh.has(k));
    const missingInEn = [...zh.keys()].filter((k) => !en.has(k));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
  });

  it("hold non-empty strings only", () => {
    const bad = [
      ...[...en].map(([k, v]) => ["en", k, v] as const),
      ...[...zh].map(([k, v]) => ["zh-CN", k, v] as const),
    ]
      .filter(([, , v]) => typeof v !== "string" || v.trim() === "")
      .map(([locale, k, v]) => `${locale} ${k} = ${JSON.stringify(v)}`);
    expect(bad).toEqual([]);
  });

  it("are well-formed ICU messages", () => {
    const broken: string[] = [];
    for (const [locale, catalogue] of [
      ["en", en],
      ["zh-CN", zh],
    ] as const) {
      for (const [key, value] of catalogue) {
        if (typeof value !== "string") continue;
        try {
          placeholders(value);
        } catch (error) {
          broken.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("use the same placeholders for each key", () => {
    const safe = (v: unknown) => {
      try {
        return typeof v === "string" ? placeholders(v) : [];
      } catch {
        return ["<unparseable>"];
      }
    };
    const mismatched = [...en.keys()]
      .filter((k) => zh.has(k))
      .map((k) => ({ key: k, en: safe(en.get(k)), zh: safe(zh.get(k)) }))
      .filter((row) => row.en.join() !== row.zh.join());
    expect(mismatched).toEqual([]);
  });

  it("are actually compared (the catalogues are not empty and do use placeholders)", () => {
    expect(en.size).toBeGreaterThan(100);
    expect(
      [...en.values()].filter((v) => typeof v === "string" && placeholders(v).length > 0).length,
    ).toBeGreaterThan(10);
  });
});

describe("validation keys used in code", () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
      return /\.tsx?$/.test(name) ? [full] : [];
    });
  }

  const used = new Set(
    ["lib", "app"].flatMap((dir) =>
      sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/["'`](validation\.\w+)["'`]/g)].map((m) => m[1]!),
      ),
    ),
  );

  it("are found (so the check below is not vacuous)", () => {
    expect(used).toContain("validation.required");
    expect(used).toContain("validation.teamRequired");
  });

  it("exist in both catalogues", () => {
    const missing = [...used].filter((key) => !en.has(key) || !zh.has(key)).sort();
    expect(missing).toEqual([]);
  });
});
