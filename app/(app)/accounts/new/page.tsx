import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnerOptions } from "@/lib/data/people";
import { listTeamOptions } from "@/lib/data/teams";
import { listTerritoryOptions } from "@/lib/data/territories";
import { hasCapability } from "@/lib/domain/access";
import { teamLabel } from "@/lib/i18n/names";
import { ActionForm, SelectField, SubmitButton } from "@/components/forms/action-form";
import { territoryOption } from "@/components/admin/territory-option";
import { ProfileFields } from "@/components/accounts/profile-fields";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { checkCreditCodeAction, createAccountAction } from "./actions";
import { SimilarAccounts } from "./similar-accounts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountPage");
  return { title: t("new.title") };
}

export default async function NewAccountPage() {
  const viewer = await requireViewer();
  const mayAssign = hasCapability(viewer, "records.reassign");
  const [territories, owners, teams, t] = await Promise.all([
    listTerritoryOptions(),
    mayAssign ? listOwnerOptions(viewer) : Promise.resolve([]),
    listTeamOptions(),
    getTranslations(),
  ]);
  const teamName = new Map(teams.map((team) => [team.id, teamLabel(team, viewer.locale)]));
  const ownerOptions = owners.map((o) => ({
    value: o.id,
    label: [o.name, teamName.get(o.teamId)].filter(Boolean).join(" · "),
  }));
  // Administrators belong to no team, so they pick an owner; managers default to themselves.
  const viewerCanOwn = owners.some((o) => o.id === viewer.id);

  return (
    <div className="space-y-6">
      <p>
        <Link
          href="/accounts"
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("accountPage.backToList")}
        </Link>
      </p>
      <PageHeader title={t("accountPage.new.title")} description={t("accountPage.new.description")} />
      <Card className="p-4 sm:p-6">
        <ActionForm
          action={createAccountAction}
          aria-label={t("accountPage.new.title")}
          className="space-y-6"
        >
          <ProfileFields
            territoryOptions={territories.map((row) => territoryOption(row, viewer.locale))}
            checkCreditCode={checkCreditCodeAction}
          />
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-3 text-sm font-semibold text-slate-900">
              {t("accountPage.new.ownership")}
            </legend>
            {mayAssign ? (
              <SelectField
                name="ownerId"
                label={t("account.fields.owner")}
                hint={t("accountPage.new.ownerHint")}
                options={ownerOptions}
                placeholder={viewerCanOwn ? undefined : t("accountPage.new.chooseOwner")}
                defaultValue={viewerCanOwn ? viewer.id : ""}
              />
            ) : (
              <div>
                <p className="mb-1 text-sm font-medium text-slate-800">{t("account.fields.owner")}</p>
                <p className="text-sm text-slate-700">
                  {t("accountPage.new.ownerSelf", { name: viewer.name })}
                </p>
              </div>
            )}
          </fieldset>
          <SimilarAccounts
            heading={t("accountPage.new.similarHeading")}
            confirmLabel={t("accountPage.new.confirmSimilar")}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton>{t("accountPage.new.submit")}</SubmitButton>
            <Link
              href="/accounts"
              className="inline-flex h-10 items-center px-3 text-sm font-medium text-slate-700 hover:underline"
            >
              {t("common.cancel")}
            </Link>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
