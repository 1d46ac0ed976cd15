"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { moneyFormat } from "@/lib/domain/money";

/** The check's answer as the preview route sends it (messages already translated). */
export type Preview = {
  ok: true;
  kind: "SELL_IN" | "SELL_OUT";
  batch: string;
  digest: string;
  total: number;
  valid: number;
  rejected: number;
  imported: number;
  problemsShown: number;
  problems: { row: number; problems: { column: string | null; message: string }[] }[];
  ignoredColumns: string[];
  sample: {
    row: number;
    distributor: string;
    date: string;
    customer: string | null;
    product: string;
    quantity: number;
    amount: string;
    imported: boolean;
    flags: string[];
  }[];
  detections: {
    row: number;
    kind: string;
    kindLabel: string;
    distributor: string;
    subject: string;
    affected: string | null;
    amount: string;
  }[];
  detectionTotals: Record<string, number>;
};

const yuan = (fen: string) => Number(BigInt(fen)) / 100;

/** The row report, the conflicts the new lines would open, and the first lines. */
export function ImportPreviewTables({ preview }: { preview: Preview }) {
  const t = useTranslations("channelSales");
  const money = moneyFormat(useLocale());
  const detected = Object.values(preview.detectionTotals).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-4">
      {preview.ignoredColumns.length ? (
        <Alert tone="info">
          {t("import.ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}
        </Alert>
      ) : null}
      {preview.problems.length ? (
        <section aria-labelledby="import-problems-title" className="space-y-2">
          <h3 id="import-problems-title" className="text-sm font-semibold text-red-900">
            {t("import.problemsTitle")} ({preview.rejected})
          </h3>
          <p className="text-sm text-slate-700">{t("import.problemsIntro")}</p>
          {preview.rejected > preview.problems.length ? (
            <p className="text-xs text-slate-600">
              {t("import.problemsMore", { shown: preview.problems.length, count: preview.rejected })}
            </p>
          ) : null}
          <ul
            className="max-h-80 space-y-2 overflow-y-auto rounded-md border border-red-200 bg-red-50 p-3 text-sm"
            data-testid="import-problems"
          >
            {preview.problems.map((r) => (
              <li key={r.row} data-row={r.row}>
                <span className="font-semibold text-red-900">{t("import.rowNumber", { row: r.row })}</span>
                <ul className="ml-4 list-disc text-red-900">
                  {r.problems.map((p, i) => (
                    <li key={i} className="break-words">
                      {p.column ? `${p.column}: ${p.message}` : p.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {preview.kind === "SELL_OUT" ? (
        <section aria-labelledby="import-conflicts-title" className="space-y-2">
          <h3 id="import-conflicts-title" className="text-sm font-semibold text-slate-900">
            {t("import.conflictsTitle")} ({detected})
          </h3>
          {detected ? (
            <>
              <p className="text-sm text-slate-700">{t("import.conflictsIntro")}</p>
              <Table caption={t("import.conflictsTitle")} data-testid="import-conflicts">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>{t("import.colRow")}</Th>
                    <Th>{t("import.colKind")}</Th>
                    <Th>{t("fields.distributor")}</Th>
                    <Th>{t("import.colSubject")}</Th>
                    <Th>{t("import.colAffected")}</Th>
                    <Th className="text-right">{t("fields.amount")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.detections.map((d, i) => (
                    <tr key={`${d.row}-${d.kind}-${i}`}>
                      <Td className="tabular-nums">{d.row}</Td>
                      <Td>
                        <Badge tone="bad">{d.kindLabel}</Badge>
                      </Td>
                      <Td className="min-w-40">{d.distributor}</Td>
                      <Td className="min-w-32">{d.subject}</Td>
                      <Td className="min-w-32">{d.affected ?? "—"}</Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">
                        {money.full(yuan(d.amount))}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {detected > preview.detections.length ? (
                <p className="text-xs text-slate-600">
                  {t("import.conflictsMore", { count: detected - preview.detections.length })}
                </p>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-slate-700">{t("import.conflictsNone")}</p>
          )}
        </section>
      ) : null}

      {preview.sample.length ? (
        <section aria-labelledby="import-sample-title" className="space-y-2">
          <h3 id="import-sample-title" className="text-sm font-semibold text-slate-900">
            {t("import.sampleTitle")}
          </h3>
          <Table caption={t("import.sampleTitle")}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("import.colRow")}</Th>
                <Th>{t("fields.date")}</Th>
                <Th>{t("fields.distributor")}</Th>
                {preview.kind === "SELL_OUT" ? <Th>{t("fields.customerName")}</Th> : null}
                <Th>{t("fields.product")}</Th>
                <Th className="text-right">{t("fields.quantity")}</Th>
                <Th className="text-right">{t("fields.amount")}</Th>
                <Th>{t("import.colFlags")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.sample.map((s) => (
                <tr key={s.row}>
                  <Td className="tabular-nums">{s.row}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{s.date}</Td>
                  <Td className="min-w-40">{s.distributor}</Td>
                  {preview.kind === "SELL_OUT" ? <Td className="min-w-40">{s.customer}</Td> : null}
                  <Td className="min-w-32">{s.product}</Td>
                  <Td className="text-right tabular-nums">{s.quantity}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{money.full(yuan(s.amount))}</Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {s.imported ? <Badge>{t("import.imported")}</Badge> : null}
                      {s.flags.map((f) => (
                        <Badge key={f} tone="bad">
                          {f}
                        </Badge>
                      ))}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
