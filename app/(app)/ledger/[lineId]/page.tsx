import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getLedgerLine, ledgerAccountOptions, ledgerProductLines } from "@/lib/data/ledger/lines";
import { canDo, hasCapability } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import { fenToYuanInput, moneyFormat } from "@/lib/domain/money";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerLineForm } from "@/components/ledger/line-form";
import { ledgerFormLabels } from "@/components/ledger/line-form-labels";
import { deleteLedgerLineAction, restoreLedgerLineAction, updateLedgerLineAction } from "../actions";

type Params = { params: Promise<{ lineId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const viewer = await requireViewer();
  const t = await getTranslations("ledger");
  try {
    return { title: (await getLedgerLine(viewer, (await params).lineId, { deleted: true })).documentNo };
  } catch {
    return { title: t("line.title") };
  }
}

/** One ledger line: what was booked, and (for those who keep the ledger) edit, delete, restore. */
export default async function LedgerLinePage({ params }: Params) {
  const viewer = await requireViewer();
  const { lineId } = await params;
  const line = await orNotFound(getLedgerLine(viewer, lineId, { deleted: true }));
  const t = await getTranslations("ledger");
  const keeps = hasCapability(viewer, "ledger.write");
  const deleted = line.deletedAt !== null;
  const canEdit = keeps && !deleted && canDo(viewer, "edit", line);
  const canRestore = keeps && deleted && canDo(viewer, "restore", line);
  const [accounts, productLines, labels] = canEdit
    ? await Promise.all([
        ledgerAccountOptions(viewer),
        ledgerProductLines(viewer),
        ledgerFormLabels(t("line.edit")),
      ])
    : [[], [], null];
  const money = moneyFormat(viewer.locale);
  const facts: [string, React.ReactNode][] = [
    [t("fields.kind"), t(`kinds.${line.kind}`)],
    [t("fields.month"), fromDbDate(line.month).slice(0, 7)],
    [
      t("fields.accountName"),
      <Link
        key="a"
        href={`/accounts/${encodeURIComponent(line.account.id)}`}
        className="text-indigo-800 underline-offset-2 hover:underline"
      >
        {line.account.name}
      </Link>,
    ],
    [t("fields.productLine"), line.productLine],
    [
      t("fields.amount"),
      <span key="m" className="tabular-nums">
        {money.full(Number(line.amount) / 100)}
      </span>,
    ],
    [t("fields.owner"), line.owner.name],
    [t("fields.note"), line.note ?? "—"],
    [t("fields.source"), line.importBatchId ? t("line.imported") : t("line.typed")],
  ];
  return (
    <div className="space-y-6">
      <p>
        <Link
          href="/ledger"
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader
        title={<span className="break-all">{line.documentNo}</span>}
        description={deleted ? <Badge tone="bad">{t("line.deletedBadge")}</Badge> : undefined}
      />
      <Card>
        <CardHeader title={t("line.title")} />
        <dl className="grid gap-x-6 gap-y-3 p-4 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="break-words text-sm text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {canEdit && labels ? (
        <Card className="p-4 sm:p-6">
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("line.edit")}</h2>
          <LedgerLineForm
            action={updateLedgerLineAction}
            labels={labels}
            accounts={accounts}
            productLines={productLines}
            record={{ id: line.id, version: line.version }}
            values={{
              kind: line.kind,
              documentNo: line.documentNo,
              accountId: line.account.id,
              month: fromDbDate(line.month).slice(0, 7),
              productLine: line.productLine,
              amount: fenToYuanInput(line.amount),
              note: line.note ?? "",
            }}
          />
        </Card>
      ) : null}
      {canEdit ? (
        <Card className="p-4">
          <RefActionForm
            action={deleteLedgerLineAction}
            id={line.id}
            version={line.version}
            buttonLabel={t("line.delete")}
            variant="danger"
          >
            <p className="text-sm text-slate-700">{t("line.deleteHint")}</p>
          </RefActionForm>
        </Card>
      ) : null}
      {canRestore ? (
        <Card className="p-4">
          <RefActionForm
            action={restoreLedgerLineAction}
            id={line.id}
            version={line.version}
            buttonLabel={t("line.restore")}
          />
        </Card>
      ) : null}
    </div>
  );
}
