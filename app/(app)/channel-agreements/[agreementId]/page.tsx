import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AgreementStatusBadge, SavedNotice } from "@/components/channel-agreements/bits";
import { TermsForm } from "@/components/channel-agreements/terms-form";
import { ChangeList, TermsView } from "@/components/channel-agreements/terms-view";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { agreementFormOptions, getAgreement } from "@/lib/data/channel-agreements/detail";
import { isAppError } from "@/lib/errors";
import { changeTermsAction, signAgreementAction, terminateAgreementAction } from "../actions";

type Params = Promise<{ agreementId: string }>;

async function load(id: string) {
  const viewer = await requireViewer();
  try {
    return { viewer, a: await getAgreement(viewer, id) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { a } = await load((await params).agreementId);
  return { title: a.agreement.number };
}

/**
 * One agreement: the terms in force, sign / terminate, "change terms" (a new version), and the
 * version history — every old version readable in full with what it changed.
 */
export default async function AgreementPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const { viewer, a } = await load((await params).agreementId);
  const [t, sp] = await Promise.all([getTranslations("channelAgreements"), searchParams]);
  const { agreement, current, versions, rights } = a;
  const names = { products: a.products, territories: a.territories };
  const form = rights.changeTerms ? await agreementFormOptions(viewer, agreement.distributor.id) : null;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {agreement.number} <AgreementStatusBadge status={agreement.status} />
          </span>
        }
        description={
          <>
            <Link href={`/distributors/${agreement.distributor.id}`} className="text-indigo-700 underline">
              {agreement.distributor.name}
            </Link>{" "}
            · {t("versionN", { n: agreement.currentVersionNo })} ·{" "}
            <span data-testid="distributor-stage">
              {t("distributorStage.label", { stage: t(`distributorStage.${agreement.distributor.stage}`) })}
            </span>
          </>
        }
      />
      <SavedNotice saved={sp.saved} />
      <Card>
        <CardHeader title={t("currentTerms", { n: current?.number ?? 1 })} />
        <div className="p-4">{current ? <TermsView terms={current.terms} names={names} /> : null}</div>
      </Card>
      {rights.sign ? (
        <Card>
          <CardHeader title={t("sign.title")} />
          <ActionForm action={signAgreementAction} aria-label={t("sign.title")} className="p-4">
            <p className="text-sm text-slate-600">{t("sign.hint")}</p>
            <RecordRef id={agreement.id} version={agreement.version} />
            <SubmitButton>{t("sign.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {rights.changeTerms && form && current ? (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="min-h-11 cursor-pointer px-4 py-3 font-semibold text-slate-900">
            {t("changeTerms.title")}
          </summary>
          <div className="space-y-2 p-4">
            <p className="text-sm text-slate-600">{t("changeTerms.hint")}</p>
            <TermsForm
              action={changeTermsAction}
              initial={current.terms}
              products={form.products}
              territories={form.territories}
              agreementRef={{ id: agreement.id, version: agreement.version }}
              submitLabel={t("changeTerms.submit")}
            />
          </div>
        </details>
      ) : null}
      <Card>
        <CardHeader title={t("history.title")} />
        <ol className="divide-y divide-slate-100">
          {versions.map((v) => (
            <li key={v.id} className="p-4">
              <details open={v.number === agreement.currentVersionNo && versions.length === 1}>
                <summary className="min-h-11 cursor-pointer text-sm">
                  <strong>{t("versionN", { n: v.number })}</strong>
                  {v.number === agreement.currentVersionNo ? ` · ${t("history.current")}` : ""} ·{" "}
                  {v.createdAt.toISOString().slice(0, 10)}
                  {v.createdBy ? ` · ${v.createdBy}` : ""}
                  {v.changeNote ? ` · ${v.changeNote}` : ""}
                </summary>
                <div className="mt-3 space-y-4">
                  <div>
                    <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("history.changes")}</h3>
                    <ChangeList changes={v.changes} names={names} />
                  </div>
                  <TermsView terms={v.terms} names={names} />
                </div>
              </details>
            </li>
          ))}
        </ol>
      </Card>
      {rights.terminate ? (
        <Card>
          <CardHeader title={t("terminate.title")} />
          <ActionForm action={terminateAgreementAction} aria-label={t("terminate.title")} className="p-4">
            <RecordRef id={agreement.id} version={agreement.version} />
            <TextAreaField name="note" label={t("terminate.reason")} rows={2} maxLength={500} required />
            <SubmitButton variant="danger">{t("terminate.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      <p className="text-sm">
        <Link
          href={`/rebates?distributorId=${agreement.distributor.id}`}
          className="text-indigo-700 underline"
        >
          {t("statementsLink")}
        </Link>
      </p>
    </div>
  );
}
