import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import {
  moneyText,
  percentText,
  SavedNotice,
  StatementStatusBadge,
} from "@/components/channel-agreements/bits";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { getRebateStatement } from "@/lib/data/rebates/list";
import { fromDbDate } from "@/lib/domain/calendar";
import { isAppError } from "@/lib/errors";
import { recomputeStatementAction, reviewStatementAction, submitStatementAction } from "../actions";

type Params = Promise<{ statementId: string }>;

async function load(id: string) {
  const viewer = await requireViewer();
  try {
    return await getRebateStatement(viewer, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const s = await load((await params).statementId);
  return { title: s.statement.number };
}

/** 返点结算单: how the figures were reached, the deductions, and submit / approve / reject. */
export default async function StatementPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const {
    statement: s,
    distributor,
    agreement,
    reviewerName,
    rights,
  } = await load((await params).statementId);
  const [t, locale, sp] = await Promise.all([
    getTranslations("channelAgreements"),
    getLocale(),
    searchParams,
  ]);
  const money = moneyText(locale);
  const w = s.workings;
  const steps: [string, string][] = [
    [t("fields.target"), money(s.target)],
    [t("fields.achieved"), money(s.achieved)],
    [
      t("fields.achievement"),
      w.achievementBp === null ? t("workings.noTarget") : percentText(s.achievementBp),
    ],
    [
      t("fields.band"),
      w.band
        ? t("workings.band", { from: percentText(w.band.fromBp), rate: percentText(w.band.rateBp) })
        : t("workings.noBand"),
    ],
    [
      t("fields.rebateAmount"),
      `${money(s.achieved > 0n ? s.achieved : 0n)} × ${percentText(s.rateBp)} = ${money(s.rebateAmount)}`,
    ],
    [t("fields.deductions"), `− ${money(s.deductions)}`],
    [t("fields.payable"), money(s.payable)],
  ];
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {s.number} <StatementStatusBadge status={s.status} />
          </span>
        }
        description={
          <>
            <Link href={`/distributors/${distributor.id}`} className="text-indigo-700 underline">
              {distributor.name}
            </Link>{" "}
            · {s.periodKey} ({fromDbDate(s.periodStart)} – {fromDbDate(s.periodEnd)})
          </>
        }
      />
      <SavedNotice saved={sp.saved} />
      <Card>
        <CardHeader title={t("workings.title")} />
        <div className="space-y-2 p-4">
          <p className="text-sm text-slate-600">
            {agreement ? (
              <Link href={`/channel-agreements/${agreement.id}`} className="text-indigo-700 underline">
                {agreement.number}
              </Link>
            ) : null}{" "}
            · {t("versionN", { n: w.agreementVersionNo })}
          </p>
          <dl className="divide-y divide-slate-100 text-sm">
            {steps.map(([k, v]) => (
              <div key={k} className="flex flex-wrap justify-between gap-2 py-2">
                <dt className="text-slate-600">{k}</dt>
                <dd className="font-medium break-words text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
          {w.noRebateReason ? (
            <p className="text-sm text-amber-800">{t(`workings.reason.${w.noRebateReason}`)}</p>
          ) : null}
        </div>
      </Card>
      <Card>
        <CardHeader title={t("fields.deductions")} />
        {w.deductions.length ? (
          <Table caption={t("fields.deductions")}>
            <thead>
              <tr>
                <Th>{t("workings.conflict")}</Th>
                <Th className="text-right">{t("workings.amount")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {w.deductions.map((d) => (
                <tr key={d.conflictId}>
                  <Td>
                    <Link href={`/channel-conflicts/${d.conflictId}`} className="text-indigo-700 underline">
                      {d.number}
                    </Link>
                  </Td>
                  <Td className="text-right">{money(BigInt(d.amount))}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="p-4 text-sm text-slate-600">{t("workings.noDeductions")}</p>
        )}
      </Card>
      {s.reviewNote || reviewerName ? (
        <Card className="p-4 text-sm">
          <p>
            {t("review.by", { name: reviewerName ?? "—" })}
            {s.reviewNote ? ` · ${s.reviewNote}` : ""}
          </p>
        </Card>
      ) : null}
      {rights.recompute || rights.submit ? (
        <Card>
          <CardHeader title={t("rebates.draftActions")} />
          <div className="flex flex-wrap gap-3 p-4">
            {rights.recompute ? (
              <ActionForm action={recomputeStatementAction} aria-label={t("rebates.recompute")}>
                <RecordRef id={s.id} version={s.version} />
                <SubmitButton variant="secondary">{t("rebates.recompute")}</SubmitButton>
              </ActionForm>
            ) : null}
            {rights.submit ? (
              <ActionForm action={submitStatementAction} aria-label={t("rebates.submit")}>
                <RecordRef id={s.id} version={s.version} />
                <SubmitButton>{t("rebates.submit")}</SubmitButton>
              </ActionForm>
            ) : null}
          </div>
        </Card>
      ) : null}
      {rights.review ? (
        <Card>
          <CardHeader title={t("review.title")} />
          <ActionForm action={reviewStatementAction} aria-label={t("review.title")} className="p-4">
            <RecordRef id={s.id} version={s.version} />
            <TextAreaField
              name="note"
              label={t("review.note")}
              hint={t("review.noteHint")}
              rows={2}
              maxLength={1000}
            />
            <div className="flex flex-wrap gap-3">
              <SubmitButton name="decision" value="APPROVE">
                {t("review.approve")}
              </SubmitButton>
              <SubmitButton name="decision" value="REJECT" variant="danger">
                {t("review.reject")}
              </SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
      {s.status === "APPROVED" ? <p className="text-sm text-slate-600">{t("rebates.frozen")}</p> : null}
    </div>
  );
}
