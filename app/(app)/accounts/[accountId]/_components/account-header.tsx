import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AccountDetail } from "@/lib/data/accounts";
import type { Viewer } from "@/lib/domain/access";
import { TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel, territoryLabel } from "@/lib/i18n/names";
import { TierBadge } from "@/components/accounts/tier-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { restoreAccountAction } from "../actions";
import { Field } from "@/components/ui/page-section";

const STAGE_TONE = { PROSPECT: "neutral", INTENT: "info", CUSTOMER: "good", LOST: "bad" } as const;

export async function AccountHeader({
  account,
  viewer,
  canRestore,
}: {
  account: AccountDetail;
  viewer: Viewer;
  canRestore: boolean;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("accountPage"),
    getTranslations("account"),
    getFormatter(),
  ]);
  const none = <span className="text-slate-500">{t("none")}</span>;
  return (
    <header className="space-y-4">
      <p>
        <Link
          href="/accounts"
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("backToList")}
        </Link>
      </p>
      {account.deletedAt ? (
        <div className="space-y-3">
          <Alert tone="error">
            {t("danger.deletedBanner", {
              when: format.dateTime(account.deletedAt, {
                dateStyle: "medium",
                timeStyle: "short",
                timeZone: TIME_ZONE,
              }),
            })}
          </Alert>
          {canRestore ? (
            <RefActionForm
              action={restoreAccountAction}
              id={account.id}
              version={account.version}
              buttonLabel={t("danger.restoreButton")}
              label={t("danger.restoreLabel", { name: account.name })}
              variant="primary"
              size="md"
            />
          ) : null}
        </div>
      ) : null}
      <div>
        <h1 className="text-2xl font-semibold break-words text-slate-900">{account.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <TierBadge
            tier={account.tier}
            label={ta(`tiers.${account.tier}`)}
            manual={
              account.tierOverrideReason
                ? { label: t("header.manual"), reason: account.tierOverrideReason }
                : null
            }
          />
          <Badge tone={STAGE_TONE[account.lifecycle]}>{ta(`lifecycle.${account.lifecycle}`)}</Badge>
          {account.negativeAsset ? <Badge tone="bad">{ta("assets.negative")}</Badge> : null}
          {account.deletedAt ? <Badge tone="bad">{t("header.deleted")}</Badge> : null}
        </div>
        {account.tierOverrideReason ? (
          <p className="mt-2 text-sm text-slate-700">
            {t("header.manualReason", {
              computed: ta(`tiers.${account.computedTier}`),
              reason: account.tierOverrideReason,
            })}
          </p>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-4">
        <Field label={ta("fields.owner")}>
          {account.owner.name}
          {account.owner.id === viewer.id ? <span className="text-slate-600">{t("header.you")}</span> : null}
          {account.owner.jobTitle ? (
            <span className="block text-xs font-normal text-slate-600">{account.owner.jobTitle}</span>
          ) : null}
        </Field>
        <Field label={ta("fields.team")}>{teamLabel(account.team, viewer.locale)}</Field>
        <Field label={ta("fields.territory")}>
          {account.territory ? territoryLabel(account.territory, viewer.locale) : none}
        </Field>
        <Field label={ta("fields.creditCode")}>
          {account.creditCode ? (
            <span className="font-mono text-[0.8125rem]">{account.creditCode}</span>
          ) : (
            none
          )}
        </Field>
        <Field label={ta("fields.accountType")}>{ta(`accountTypes.${account.accountType}`)}</Field>
        <Field label={ta("fields.industry")}>
          {account.industry ? ta(`industries.${account.industry}`) : none}
        </Field>
        <Field label={ta("fields.score")}>
          <span className="font-semibold tabular-nums">
            {format.number(account.compositeScore, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
          </span>
        </Field>
        <Field label={ta("fields.priority")}>
          <span className="tabular-nums">
            {format.number(account.priorityScore, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
          </span>
        </Field>
      </dl>
    </header>
  );
}
