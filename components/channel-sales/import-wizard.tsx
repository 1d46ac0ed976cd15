"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { ImportPreviewTables, type Preview } from "./import-preview";

type Kind = "SELL_IN" | "SELL_OUT";
type Failure = { ok: false; message: string; rows?: Preview["problems"] };
type Result = {
  ok: true;
  batchId: string;
  total: number;
  created: number;
  unchanged: number;
  conflicts: number;
  opened: { id: string; number: string; kind: string; kindLabel: string }[];
  alreadyConfirmedAt: string | null;
};
type Phase = "select" | "checking" | "review" | "importing" | "done";

const MAX_BYTES = 8 * 1024 * 1024;

async function post<T>(url: string, body: FormData, fallback: string, ended: string): Promise<T | Failure> {
  try {
    const response = await fetch(url, { method: "POST", body });
    if (response.redirected || response.status === 401) return { ok: false, message: ended };
    if (!response.headers.get("content-type")?.includes("application/json"))
      return { ok: false, message: fallback };
    return (await response.json()) as T | Failure;
  } catch {
    return { ok: false, message: fallback };
  }
}

/** Kind → upload → check (row report, conflicts) → import with a progress bar → opened cases. */
export function ChannelImportWizard() {
  const t = useTranslations("channelSales");
  const id = useId();
  const [kind, setKind] = useState<Kind>("SELL_OUT");
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [phase, setPhase] = useState<Phase>("select");
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (polling.current && clearInterval(polling.current)), []);

  const reset = () => {
    setFile(null);
    setInputKey((k) => k + 1);
    setPreview(null);
    setResult(null);
    setError(null);
    setProgress(null);
    setPhase("select");
  };

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!file) return setError(t("import.chooseFile"));
    if (file.size > MAX_BYTES) return setError(t("import.fileTooLarge"));
    setPhase("checking");
    const body = new FormData();
    body.set("file", file);
    body.set("kind", kind);
    const answer = await post<Preview>(
      "/channel-sales/import/preview",
      body,
      t("import.unexpected"),
      t("import.sessionEnded"),
    );
    if (!answer.ok) {
      setError(answer.message);
      setPhase("select");
      return;
    }
    setPreview(answer);
    setPhase("review");
  }

  async function confirm() {
    if (!file || !preview) return;
    setError(null);
    setPhase("importing");
    setProgress({ processed: 0, total: preview.total });
    const body = new FormData();
    body.set("file", file);
    body.set("kind", preview.kind);
    body.set("digest", preview.digest);
    body.set("batch", preview.batch);
    polling.current = setInterval(async () => {
      try {
        const r = await fetch(`/api/channel-sales/batches/${preview.batch}`, { cache: "no-store" });
        if (!r.ok) return;
        const p = (await r.json()) as { processed: number; total: number; status: string };
        if (p.total) setProgress({ processed: p.processed, total: p.total });
      } catch {
        // The bar waits for the next tick; the import itself is unaffected.
      }
    }, 500);
    const answer = await post<Result>(
      "/channel-sales/import/confirm",
      body,
      t("import.unexpected"),
      t("import.sessionEnded"),
    );
    if (polling.current) clearInterval(polling.current);
    polling.current = null;
    if (!answer.ok) {
      setError(answer.message);
      setPhase("review");
      return;
    }
    setResult(answer);
    setPhase("done");
  }

  const newLines = preview ? preview.valid - preview.imported : 0;
  const busy = phase === "checking" || phase === "importing";
  const percent = progress && progress.total ? Math.round((progress.processed / progress.total) * 100) : 0;

  return (
    <>
      <Card>
        <CardHeader title={t("import.title")} />
        <form className="space-y-4 p-4" onSubmit={check} aria-label={t("import.title")} noValidate>
          {error && phase === "select" ? <Alert tone="error">{error}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-kind`} className="mb-1 block text-sm font-medium text-slate-800">
                {t("import.kindLabel")}
              </label>
              <Select
                id={`${id}-kind`}
                value={kind}
                disabled={busy}
                aria-describedby={`${id}-kind-help`}
                onChange={(e) => {
                  setKind(e.currentTarget.value as Kind);
                  setPreview(null);
                  setPhase("select");
                }}
              >
                <option value="SELL_OUT">{t("kinds.SELL_OUT")}</option>
                <option value="SELL_IN">{t("kinds.SELL_IN")}</option>
              </Select>
              <p id={`${id}-kind-help`} className="mt-1 text-xs text-slate-600">
                {t(`kindHelp.${kind}`)}
              </p>
            </div>
            <div>
              <label htmlFor={`${id}-file`} className="mb-1 block text-sm font-medium text-slate-800">
                {t("import.fileLabel")}
              </label>
              <Input
                key={inputKey}
                id={`${id}-file`}
                name="file"
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                aria-describedby={`${id}-file-hint`}
                className="h-auto py-1.5"
                disabled={busy}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setPreview(null);
                  setResult(null);
                  setError(null);
                  setPhase("select");
                }}
              />
              <p id={`${id}-file-hint`} className="mt-1 text-xs text-slate-600">
                {t("import.fileHint")}
              </p>
            </div>
          </div>
          <Button
            type="submit"
            variant={phase === "select" || phase === "checking" ? "primary" : "secondary"}
            disabled={busy}
            aria-busy={phase === "checking" || undefined}
          >
            {phase === "checking" ? t("import.checking") : t("import.check")}
          </Button>
        </form>
      </Card>

      {preview && phase !== "done" ? (
        <Card>
          <CardHeader title={t("import.reviewTitle")} />
          <div className="space-y-4 p-4">
            <p className="text-sm text-slate-700" data-testid="preview-summary">
              {t("import.summary", {
                file: file?.name ?? "",
                total: preview.total,
                valid: preview.valid,
                rejected: preview.rejected,
                imported: preview.imported,
              })}
            </p>
            <ImportPreviewTables preview={preview} />
            {error ? <Alert tone="error">{error}</Alert> : null}
            {phase === "importing" && progress ? (
              <div className="space-y-1">
                <div
                  role="progressbar"
                  aria-label={t("import.progressLabel")}
                  aria-valuemin={0}
                  aria-valuemax={progress.total}
                  aria-valuenow={progress.processed}
                  className="h-3 w-full overflow-hidden rounded bg-slate-200"
                >
                  <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
                </div>
                <p className="text-xs text-slate-700">{t("import.progress", progress)}</p>
              </div>
            ) : null}
            {preview.rejected === 0 && newLines === 0 ? (
              <Alert tone="info">{t("import.nothingNew")}</Alert>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button
                onClick={confirm}
                disabled={preview.rejected > 0 || newLines === 0 || busy}
                aria-busy={phase === "importing" || undefined}
              >
                {phase === "importing" ? t("import.confirming") : t("import.confirm", { count: newLines })}
              </Button>
              <Button variant="secondary" onClick={reset} disabled={busy}>
                {t("import.chooseAnother")}
              </Button>
            </div>
          </div>
        </Card>
      ) : null}

      {result && phase === "done" ? (
        <Card>
          <CardHeader title={t("import.resultTitle")} />
          <div className="space-y-3 p-4">
            <Alert tone={result.alreadyConfirmedAt ? "info" : "success"}>
              {result.alreadyConfirmedAt ? <p>{t("import.alreadyConfirmed")}</p> : null}
              <p data-testid="import-result">
                {t("import.result", { created: result.created, unchanged: result.unchanged })}
              </p>
              {result.conflicts ? <p>{t("import.conflictLines", { count: result.conflicts })}</p> : null}
            </Alert>
            <section aria-labelledby={`${id}-opened`}>
              <h3 id={`${id}-opened`} className="mb-2 text-sm font-semibold text-slate-900">
                {t("import.openedTitle")}
              </h3>
              {result.opened.length ? (
                <Table caption={t("import.openedTitle")}>
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>{t("fields.cases")}</Th>
                      <Th>{t("import.colKind")}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {result.opened.map((c) => (
                      <tr key={c.id} data-testid="opened-case">
                        <Td>
                          <Link
                            href={`/channel-conflicts/${encodeURIComponent(c.id)}`}
                            className="font-medium text-indigo-800 hover:underline"
                          >
                            {c.number}
                          </Link>
                        </Td>
                        <Td>
                          <Badge tone="bad">{c.kindLabel}</Badge>
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              ) : (
                <p className="text-sm text-slate-700">{t("import.openedNone")}</p>
              )}
            </section>
            <div className="flex flex-wrap gap-2">
              <Link href="/channel-sales" className={buttonClass("primary")}>
                {t("import.toList")}
              </Link>
              <Button variant="secondary" onClick={reset}>
                {t("import.another")}
              </Button>
            </div>
          </div>
        </Card>
      ) : null}
    </>
  );
}
