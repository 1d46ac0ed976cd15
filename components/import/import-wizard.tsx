"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import { formatMessage, useLocale } from "@/lib/i18n/client";
import type { ImportStatus } from "@/lib/data/account-import";
import type { CsvEncoding } from "@/lib/domain/csv";
import { TIME_ZONE } from "@/lib/i18n/config";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";

/** The page's strings (message templates with {placeholders}), passed down from the server. */
export type ImportLabels = Record<
  | "uploadTitle"
  | "fileLabel"
  | "fileHint"
  | "check"
  | "checking"
  | "chooseFile"
  | "fileTooLarge"
  | "sessionEnded"
  | "unexpected"
  | "reviewTitle"
  | "fileSummary"
  | "encoding"
  | "encodingWestern"
  | "problemsTitle"
  | "problemsIntro"
  | "rowNumber"
  | "ignoredColumns"
  | "tableCaption"
  | "colRow"
  | "colStatus"
  | "colDetails"
  | "updates"
  | "changes"
  | "show"
  | "showAll"
  | "pageOf"
  | "previousRows"
  | "nextRows"
  | "confirmNote"
  | "confirm"
  | "confirming"
  | "chooseAnother"
  | "resultTitle"
  | "alreadyConfirmed"
  | "result"
  | "resultUnchanged"
  | "downloadRejected"
  | "another"
  | "toList",
  string
> & {
  status: Record<ImportStatus, string>;
  totals: Record<ImportStatus, string>;
  encodings: Record<CsvEncoding, string>;
};

type Failure = { ok: false; message: string };

/** A previewed row: its number, status and messages, plus the cells the columns name. */
export type WizardRow = {
  row: number;
  status: ImportStatus;
  matched?: { id: string; name: string } | null;
  changes: string[];
  problems: { column: string | null; message: string }[];
  warnings?: string[];
} & Record<string, unknown>;

type Preview = {
  ok: true;
  digest: string;
  batch: string;
  encoding: CsvEncoding;
  rows: WizardRow[];
  totals: Record<ImportStatus, number>;
  ignoredColumns: string[];
};

type Result = {
  ok: true;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedCsv: string | null;
  alreadyConfirmedAt: string | null;
};

/**
 * The columns of the preview table between the status and the details (the first names the row in
 * the problem list). `wide`: a column of names, kept readable on a phone (the table scrolls instead).
 */
export type WizardColumn = { key: string; label: string; mono?: boolean; wide?: boolean };
type Phase = "select" | "checking" | "review" | "importing" | "done";

const PAGE = 100;
const STATUSES: ImportStatus[] = ["error", "new", "update", "unchanged"];
const TONE = { new: "good", update: "info", unchanged: "neutral", error: "bad" } as const;

async function post<T>(url: string, body: FormData, labels: ImportLabels): Promise<T | Failure> {
  try {
    const response = await fetch(url, { method: "POST", body });
    if (response.redirected || response.status === 401) return { ok: false, message: labels.sessionEnded };
    if (!response.headers.get("content-type")?.includes("application/json")) {
      return { ok: false, message: labels.unexpected };
    }
    return (await response.json()) as T | Failure;
  } catch {
    return { ok: false, message: labels.unexpected };
  }
}

const cellText = (row: WizardRow, column: WizardColumn | undefined) =>
  column ? String(row[column.key] ?? "") : "";

/** Date and time in China, e.g. 2026/11/26 10:32 or 11/26/26, 10:32 AM. */
const formatTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: TIME_ZONE }).format(
    new Date(iso),
  );

/** Upload → row-by-row check → confirm → result, with the file kept in the browser between steps. */
export function ImportWizard({
  labels,
  maxBytes,
  endpoints,
  columns,
  listHref,
}: {
  labels: ImportLabels;
  maxBytes: number;
  /** Where the file is checked and imported (see app/(app)/accounts/import/upload.ts). */
  endpoints: { preview: string; confirm: string };
  columns: WizardColumn[];
  /** Where "back to the list" goes after the import. */
  listHref: string;
}) {
  const locale = useLocale();
  const fmt = (template: string, values?: Record<string, string | number>) =>
    formatMessage(template, values, locale);
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [phase, setPhase] = useState<Phase>("select");
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [filter, setFilter] = useState<ImportStatus | "all">("all");
  const [page, setPage] = useState(0);

  const rejectedUrl = useMemo(
    () =>
      result?.rejectedCsv ? URL.createObjectURL(new Blob([result.rejectedCsv], { type: "text/csv" })) : null,
    [result],
  );
  useEffect(() => () => void (rejectedUrl && URL.revokeObjectURL(rejectedUrl)), [rejectedUrl]);

  const reset = () => {
    setFile(null);
    setInputKey((k) => k + 1);
    setPreview(null);
    setResult(null);
    setError(null);
    setFilter("all");
    setPage(0);
    setPhase("select");
  };

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!file) return setError(labels.chooseFile);
    if (file.size > maxBytes) return setError(labels.fileTooLarge);
    setPhase("checking");
    const body = new FormData();
    body.set("file", file);
    const answer = await post<Preview>(endpoints.preview, body, labels);
    if (!answer.ok) {
      setError(answer.message);
      setPhase("select");
      return;
    }
    setPreview(answer);
    setFilter(answer.totals.error ? "error" : "all");
    setPage(0);
    setPhase("review");
  }

  async function confirm() {
    if (!file || !preview) return;
    setError(null);
    setPhase("importing");
    const body = new FormData();
    body.set("file", file);
    body.set("digest", preview.digest);
    // Claimed once by the server: a second confirm of this check answers with the first one's result.
    body.set("batch", preview.batch);
    const answer = await post<Result>(endpoints.confirm, body, labels);
    if (!answer.ok) {
      setError(answer.message);
      setPhase("review");
      return;
    }
    setResult(answer);
    setPhase("done");
  }

  const rows = preview ? preview.rows.filter((r) => filter === "all" || r.status === filter) : [];
  const shown = rows.slice(page * PAGE, (page + 1) * PAGE);
  const errors = preview ? preview.rows.filter((r) => r.status === "error") : [];
  const valid = preview ? preview.totals.new + preview.totals.update : 0;

  return (
    <>
      <Card>
        <CardHeader title={labels.uploadTitle} />
        <form className="space-y-4 p-4" onSubmit={check} aria-label={labels.uploadTitle} noValidate>
          {error && phase !== "review" && phase !== "importing" ? <Alert tone="error">{error}</Alert> : null}
          <div>
            <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-slate-800">
              {labels.fileLabel}
            </label>
            <Input
              key={inputKey}
              id={fileId}
              name="file"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              aria-describedby={`${fileId}-hint`}
              className="h-auto py-1.5"
              disabled={phase === "checking" || phase === "importing"}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setPreview(null);
                setResult(null);
                setError(null);
                setPhase("select");
              }}
            />
            <p id={`${fileId}-hint`} className="mt-1 text-xs text-slate-600">
              {labels.fileHint}
            </p>
          </div>
          <Button
            type="submit"
            variant={phase === "select" || phase === "checking" ? "primary" : "secondary"}
            disabled={phase === "checking" || phase === "importing"}
            aria-busy={phase === "checking" || undefined}
          >
            {phase === "checking" ? labels.checking : labels.check}
          </Button>
        </form>
      </Card>

      {preview && phase !== "done" ? (
        <Card>
          <CardHeader title={labels.reviewTitle} />
          <div className="space-y-4 p-4">
            <p className="text-sm text-slate-700">
              {fmt(labels.fileSummary, { file: file?.name ?? "", rows: preview.rows.length })}{" "}
              <span data-testid="import-encoding">
                {fmt(labels.encoding, { encoding: labels.encodings[preview.encoding] })}
              </span>
            </p>
            {preview.encoding === "windows-1252" ? <Alert tone="info">{labels.encodingWestern}</Alert> : null}
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {(["new", "update", "unchanged", "error"] as const).map((s) => (
                <div key={s} className="rounded-md border border-slate-200 p-3">
                  <dt className="text-xs text-slate-600 sm:text-sm">{labels.totals[s]}</dt>
                  <dd
                    className="mt-1 text-xl font-semibold tabular-nums text-slate-900"
                    data-testid={`total-${s}`}
                  >
                    {preview.totals[s]}
                  </dd>
                </div>
              ))}
            </dl>
            {preview.ignoredColumns.length ? (
              <Alert tone="info">
                {fmt(labels.ignoredColumns, { columns: preview.ignoredColumns.join(", ") })}
              </Alert>
            ) : null}

            {errors.length ? (
              <section aria-labelledby={`${fileId}-problems`} className="space-y-2">
                <h3 id={`${fileId}-problems`} className="text-sm font-semibold text-red-900">
                  {labels.problemsTitle} ({errors.length})
                </h3>
                <p className="text-sm text-slate-700">{labels.problemsIntro}</p>
                <ul
                  className="max-h-80 space-y-2 overflow-y-auto rounded-md border border-red-200 bg-red-50 p-3 text-sm"
                  data-testid="import-problems"
                >
                  {errors.map((r) => (
                    <li key={r.row} data-row={r.row}>
                      <span className="font-semibold text-red-900">
                        {fmt(labels.rowNumber, { row: r.row })}
                      </span>
                      {cellText(r, columns[0]) ? (
                        <span className="text-slate-700"> · {cellText(r, columns[0])}</span>
                      ) : null}
                      <ul className="ml-4 list-disc text-red-900">
                        {r.problems.map((p, i) => (
                          <li key={i}>{p.column ? `${p.column}: ${p.message}` : p.message}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}

            <div className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor={`${fileId}-filter`} className="mb-1 block text-sm font-medium text-slate-800">
                  {labels.show}
                </label>
                <Select
                  id={`${fileId}-filter`}
                  value={filter}
                  onChange={(e) => {
                    setFilter(e.currentTarget.value as ImportStatus | "all");
                    setPage(0);
                  }}
                >
                  <option value="all">
                    {labels.showAll} ({preview.rows.length})
                  </option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {labels.status[s]} ({preview.totals[s]})
                    </option>
                  ))}
                </Select>
              </div>
            </div>
          </div>

          <Table caption={labels.tableCaption}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{labels.colRow}</Th>
                <Th>{labels.colStatus}</Th>
                {columns.map((c) => (
                  <Th key={c.key}>{c.label}</Th>
                ))}
                <Th>{labels.colDetails}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((r) => (
                <tr key={r.row}>
                  <Td className="tabular-nums">{r.row}</Td>
                  <Td>
                    <Badge tone={TONE[r.status]}>{labels.status[r.status]}</Badge>
                  </Td>
                  {columns.map((c, i) => (
                    <Td
                      key={c.key}
                      className={
                        c.mono
                          ? "whitespace-nowrap font-mono text-xs"
                          : i === 0 || c.wide
                            ? "min-w-40"
                            : undefined
                      }
                    >
                      {cellText(r, c)}
                    </Td>
                  ))}
                  <Td className="min-w-64 text-xs">
                    {r.matched ? <div>{fmt(labels.updates, { name: r.matched.name })}</div> : null}
                    {r.changes.length ? (
                      <div>{fmt(labels.changes, { fields: r.changes.join(", ") })}</div>
                    ) : null}
                    {r.problems.map((p, i) => (
                      <div key={`p${i}`} className="text-red-800">
                        {p.column ? `${p.column}: ${p.message}` : p.message}
                      </div>
                    ))}
                    {(r.warnings ?? []).map((w, i) => (
                      <div key={`w${i}`} className="text-amber-800">
                        {w}
                      </div>
                    ))}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {rows.length > PAGE ? (
            <nav className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 text-sm">
              <span className="text-slate-700">
                {fmt(labels.pageOf, {
                  from: page * PAGE + 1,
                  to: Math.min(rows.length, (page + 1) * PAGE),
                  total: rows.length,
                })}
              </span>
              <span className="flex gap-2">
                <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  {labels.previousRows}
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={(page + 1) * PAGE >= rows.length}
                  onClick={() => setPage(page + 1)}
                >
                  {labels.nextRows}
                </Button>
              </span>
            </nav>
          ) : null}

          <div className="space-y-3 border-t border-slate-200 p-4">
            {error ? <Alert tone="error">{error}</Alert> : null}
            <p className="text-sm text-slate-800" data-testid="confirm-note">
              {fmt(labels.confirmNote, { valid, rejected: preview.totals.error })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                onClick={confirm}
                disabled={valid === 0 || phase === "importing"}
                aria-busy={phase === "importing" || undefined}
              >
                {phase === "importing" ? labels.confirming : labels.confirm}
              </Button>
              <Button variant="secondary" onClick={reset} disabled={phase === "importing"}>
                {labels.chooseAnother}
              </Button>
            </div>
          </div>
        </Card>
      ) : null}

      {result && phase === "done" ? (
        <Card>
          <CardHeader title={labels.resultTitle} />
          <div className="space-y-3 p-4">
            <Alert tone={result.rejected || result.alreadyConfirmedAt ? "info" : "success"}>
              {result.alreadyConfirmedAt ? (
                <p data-testid="import-already-confirmed">
                  {fmt(labels.alreadyConfirmed, { time: formatTime(result.alreadyConfirmedAt, locale) })}
                </p>
              ) : null}
              <p data-testid="import-result">
                {fmt(labels.result, {
                  created: result.created,
                  updated: result.updated,
                  rejected: result.rejected,
                })}
              </p>
              {result.unchanged ? <p>{fmt(labels.resultUnchanged, { count: result.unchanged })}</p> : null}
            </Alert>
            <div className="flex flex-wrap gap-2">
              {rejectedUrl ? (
                <a href={rejectedUrl} download="rejected-rows.csv" className={buttonClass("secondary")}>
                  {labels.downloadRejected}
                </a>
              ) : null}
              <Link href={listHref} className={buttonClass("primary")}>
                {labels.toList}
              </Link>
              <Button variant="secondary" onClick={reset}>
                {labels.another}
              </Button>
            </div>
          </div>
        </Card>
      ) : null}
    </>
  );
}
