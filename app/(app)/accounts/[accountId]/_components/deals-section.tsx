import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { type listAgreements } from "@/lib/data/deals/agreements";
import { type listAccountDeals } from "@/lib/data/deals/detail";
import { listDeletedDeals } from "@/lib/data/deals/outcomes";
import { getPipelineSettings } from "@/lib/data/deals/settings";
import { listOwnerOptions } from "@/lib/data/people";
import { canDo, hasCapability, type Viewer } from "@/lib/domain/access";
import { daysBetween } from "@/lib/domain/pipeline";
import { RefActionForm } from "@/components/admin/ref-action-form";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { AgreementTermBadge } from "@/components/deals/agreement-summary";
import { day, yuan } from "@/components/deals/format";
import { DealStatusBadge } from "@/components/deals/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { createDealAction, restoreDealAction } from "@/app/(app)/deals/actions";
import { Disclosure } from "@/components/ui/disclosure";

type Deal = Awaited<ReturnType<typeof listAccountDeals>>[number];
type Agreement = Awaited<ReturnType<typeof listAgreements>>[number];

const link = "font-medium text-indigo-800 underline-offset-2 hover:underline";

/**
 * 开发项目与合作协议: the account's development deals (stage, status, value) with a form to open a new
 * one, and its cooperation agreements with their terms and when they are due for renewal.
 */
export async function DealsSection({
  account,
  deals,
  agreements,
  viewer,
  canEdit,
}: {
  account: { id: string; ownerId: string; teamId: string };
  deals: Deal[];
  agreements: Agreement[];
  viewer: Viewer;
  canEdit: boolean;
}) {
  const mayRestore = canDo(viewer, "restore", account);
  const mayAssign = canEdit && hasCapability(viewer, "records.reassign");
  const [t, tg, tm, format, settings, deleted, owners] = await Promise.all([
    getTranslations("deal"),
    getTranslations("gate"),
    getTranslations("gate.modes"),
    getFormatter(),
    getPipelineSettings(),
    mayRestore ? listDeletedDeals(viewer) : Promise.resolve([]),
    mayAssign ? listOwnerOptions(viewer) : Promise.resolve([]),
  ]);
  const now = new Date();
  const deletedHere = deleted.filter((d) => d.account.id === account.id);
  const ownerDefault = owners.some((o) => o.id === account.ownerId) ? account.ownerId : (owners[0]?.id ?? "");

  return (
    <section id="deals" aria-labelledby="deals-heading" className="scroll-mt-28 space-y-4">
      <div>
        <h2 id="deals-heading" className="text-xl font-semibold text-slate-900">
          {t("accountSection.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("accountSection.description")}</p>
      </div>

      <Card>
        <CardHeader title={t("accountSection.dealsTitle", { count: deals.length })} />
        {deals.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("accountSection.noDeals")}</p>
        ) : (
          <Table caption={t("accountSection.dealsCaption")}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("fields.title")}</Th>
                <Th>{t("fields.status")}</Th>
                <Th>{t("fields.stage")}</Th>
                <Th className="text-right">{t("fields.expectedValue")}</Th>
                <Th>{t("fields.expectedCloseDate")}</Th>
                <Th>{t("fields.owner")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deals.map((d) => (
                <tr key={d.id}>
                  <Td className="min-w-40">
                    <Link href={`/deals/${encodeURIComponent(d.id)}`} className={link}>
                      {d.title}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <DealStatusBadge status={d.status} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {tg(`stages.${d.stage}`)}
                    {d.status === "OPEN" ? (
                      <span className="block text-xs text-slate-600">
                        {t("header.daysInStage", { days: daysBetween(d.stageEnteredAt, now) })}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {yuan(format, Number(d.expectedValue) / 100)}
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {d.expectedCloseDate ? day(format, d.expectedCloseDate) : "—"}
                  </Td>
                  <Td className="whitespace-nowrap">{d.owner.name}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canEdit ? (
          <div className="border-t border-slate-200 p-4">
            <Disclosure summary={t("accountSection.newDeal")} open={deals.length === 0} lazy>
              <ActionForm
                action={createDealAction}
                aria-label={t("accountSection.newDeal")}
                className="max-w-3xl"
              >
                <input type="hidden" name="accountId" value={account.id} />
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField
                    name="title"
                    label={t("fields.title")}
                    hint={t("accountSection.titleHint")}
                    required
                    maxLength={120}
                    autoComplete="off"
                    className="sm:col-span-2"
                  />
                  <TextField
                    name="expectedValue"
                    label={t("fields.expectedValueInput")}
                    hint={t("yuanHint")}
                    inputMode="decimal"
                    autoComplete="off"
                    required
                  />
                  <TextField name="expectedCloseDate" label={t("fields.expectedCloseDate")} type="date" />
                  <TextAreaField
                    name="products"
                    label={t("fields.products")}
                    hint={t("productsHint")}
                    rows={2}
                    maxLength={1000}
                    className="sm:col-span-2"
                  />
                  {mayAssign ? (
                    <SelectField
                      name="ownerId"
                      label={t("fields.owner")}
                      options={owners.map((o) => ({ value: o.id, label: o.name }))}
                      defaultValue={ownerDefault}
                    />
                  ) : null}
                </div>
                <SubmitButton>{t("accountSection.create")}</SubmitButton>
              </ActionForm>
            </Disclosure>
          </div>
        ) : null}
      </Card>

      <Card id="agreements" className="scroll-mt-28">
        <CardHeader title={t("accountSection.agreementsTitle", { count: agreements.length })} />
        {agreements.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("accountSection.noAgreements")}</p>
        ) : (
          <Table caption={t("accountSection.agreementsCaption")}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("agreement.term")}</Th>
                <Th>{t("agreement.cooperationMode")}</Th>
                <Th className="text-right">{t("agreement.contractValue")}</Th>
                <Th>{t("agreement.fromDeal")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {agreements.map((a) => (
                <tr key={a.id}>
                  {/* The renewal state sits under the term, so a phone sees it without scrolling sideways. */}
                  <Td className="space-y-1">
                    <span className="block whitespace-nowrap tabular-nums">
                      {t("agreement.termRange", {
                        start: day(format, a.startDate),
                        end: day(format, a.endDate),
                      })}
                    </span>
                    <AgreementTermBadge
                      agreement={a}
                      renewalWindowDays={settings.renewalWindowDays}
                      now={now}
                    />
                  </Td>
                  <Td className="whitespace-nowrap">{tm(a.cooperationMode)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {yuan(format, Number(a.contractValue) / 100)}
                  </Td>
                  <Td className="min-w-40">
                    {a.deal ? (
                      <Link href={`/deals/${encodeURIComponent(a.deal.id)}`} className={link}>
                        {a.deal.title}
                      </Link>
                    ) : (
                      <span className="text-slate-500">
                        {a.renewedFromId ? t("agreement.renewalOf") : "—"}
                      </span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <p className="border-t border-slate-200 px-4 py-3 text-sm">
          <Link href="/agreements#renewals" className={link}>
            {t("accountSection.renewalList")}
          </Link>
        </p>
      </Card>

      {mayRestore && deletedHere.length ? (
        <Card>
          <CardHeader title={t("accountSection.deletedTitle", { count: deletedHere.length })} />
          <ul className="divide-y divide-slate-100">
            {deletedHere.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{d.title}</span>
                  <span className="text-slate-600"> · {d.owner.name}</span>
                </span>
                <RefActionForm
                  action={restoreDealAction}
                  id={d.id}
                  version={d.version}
                  buttonLabel={t("accountSection.restore")}
                  label={t("accountSection.restoreLabel", { title: d.title })}
                />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </section>
  );
}
