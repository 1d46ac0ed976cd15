import "server-only";
import { getTranslations } from "next-intl/server";
import type { CsvEncoding } from "@/lib/domain/csv";
import type { ImportLabels } from "./import-wizard";

type TextKey = Exclude<keyof ImportLabels, "status" | "totals" | "encodings">;

const TEXT_KEYS = [
  "uploadTitle",
  "fileLabel",
  "fileHint",
  "check",
  "checking",
  "chooseFile",
  "fileTooLarge",
  "sessionEnded",
  "unexpected",
  "reviewTitle",
  "fileSummary",
  "encoding",
  "encodingWestern",
  "problemsTitle",
  "problemsIntro",
  "rowNumber",
  "ignoredColumns",
  "tableCaption",
  "colRow",
  "colStatus",
  "colDetails",
  "updates",
  "changes",
  "show",
  "showAll",
  "pageOf",
  "previousRows",
  "nextRows",
  "confirmNote",
  "confirm",
  "confirming",
  "chooseAnother",
  "resultTitle",
  "alreadyConfirmed",
  "result",
  "resultUnchanged",
  "downloadRejected",
  "another",
  "toList",
] as const satisfies readonly TextKey[];

// The catalogue's key for each encoding the import reads (message keys hold no dots or dashes).
const ENCODING_KEYS: Record<CsvEncoding, string> = {
  "utf-8": "utf8",
  "utf-16le": "utf16",
  "utf-16be": "utf16",
  gb18030: "gb18030",
  "windows-1252": "windows1252",
};

const STATUSES = ["new", "update", "unchanged", "error"] as const;

/**
 * The import wizard's strings (message templates, formatted in the browser): the account import's
 * catalogue (accountTools.import), with the keys an import words its own way taken from
 * `own.namespace` instead (the ledger speaks of lines booked, not accounts created).
 */
export async function importWizardLabels(own?: {
  namespace: string;
  keys: readonly TextKey[];
  /** Its own status and total names, under `<namespace>.status`. */
  statuses?: boolean;
}): Promise<ImportLabels> {
  const shared = await getTranslations("accountTools.import");
  const mine = own ? await getTranslations(own.namespace) : shared;
  const text = (k: TextKey) => (own?.keys.includes(k) ? mine : shared).raw(k) as string;
  const status = (s: (typeof STATUSES)[number], group: "status" | "totals") =>
    own?.statuses ? mine(`status.${s}`) : shared(`${group}.${s}`);
  return {
    ...(Object.fromEntries(TEXT_KEYS.map((k) => [k, text(k)])) as Record<TextKey, string>),
    status: Object.fromEntries(STATUSES.map((s) => [s, status(s, "status")])) as ImportLabels["status"],
    totals: Object.fromEntries(STATUSES.map((s) => [s, status(s, "totals")])) as ImportLabels["totals"],
    encodings: Object.fromEntries(
      Object.entries(ENCODING_KEYS).map(([encoding, key]) => [encoding, shared(`encodings.${key}`)]),
    ) as ImportLabels["encodings"],
  };
}
