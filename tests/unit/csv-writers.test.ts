// Every CSV file Keystone hands out is written by lib/domain/csv.ts (formatCsv / formatCsvRecord),
// which guards formula-like cells. A second, hand-rolled writer would skip that guard: this test
// finds the files that produce CSV and checks where their text comes from.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const files = ["app", "lib", "components"]
  .flatMap(sourceFiles)
  .filter((f) => !f.startsWith("lib/db/generated"));
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

// Files that hand a CSV to the browser without writing it: the import wizard offers the
// rejected-rows text the server wrote (lib/data/import-batch.ts, through formatCsv).
const PASSES_ON_SERVER_CSV = new Set(["components/import/import-wizard.tsx"]);

describe("one CSV writer", () => {
  it("every file that serves CSV writes it with formatCsv or formatCsvRecord", () => {
    const serving = files.filter((f) => /["']text\/csv/.test(read(f)) && !PASSES_ON_SERVER_CSV.has(f));
    expect(serving.length).toBeGreaterThan(0);
    for (const file of serving) {
      expect(read(file), file).toMatch(
        /import \{[^}]*\bformatCsv(Record)?\b[^}]*\} from "@\/lib\/domain\/csv"/,
      );
    }
  });

  it("no other file quotes CSV fields itself", () => {
    const quoting = files.filter(
      (f) => f !== "lib/domain/csv.ts" && /replace(All)?\(\s*(\/"\/g|'"')\s*,\s*'""'/.test(read(f)),
    );
    expect(quoting).toEqual([]);
  });

  it("the rejected-rows file of the import is written by formatCsv", () => {
    // Shared by the account and ledger imports.
    expect(read("lib/data/import-batch.ts")).toMatch(/return formatCsv\(\[header, \.\.\.lines\]/);
  });
});
