import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listTerritories } from "@/lib/data/territories";
import { listTeamOptions } from "@/lib/data/teams";
import { TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel, territoryLabel } from "@/lib/i18n/names";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { orNotFound } from "@/components/admin/guard";
import { TerritoryFields } from "@/components/admin/territory-fields";
import { territoryOption } from "@/components/admin/territory-option";
import { selfAndDescendants } from "@/components/admin/tree";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { deleteTerritoryAction, restoreTerritoryAction, updateTerritoryAction } from "../actions";
import { RecordRef } from "@/components/forms/record-ref";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("territories");
  return { title: t("title") };
}

export default async function EditTerritoryPage({ params }: { params: Promise<{ territoryId: string }> }) {
  const viewer = await requireViewer();
  const { territoryId } = await params;
  const [live, deleted, teams] = await orNotFound(
    Promise.all([listTerritories(viewer), listTerritories(viewer, { deleted: true }), listTeamOptions()]),
  );
  const territory = live.find((x) => x.id === territoryId) ?? deleted.find((x) => x.id === territoryId);
  if (!territory) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);

  const isDeleted = territory.deletedAt !== null;
  const name = territoryLabel(territory, viewer.locale);
  // Neither the territory itself nor anything under it can become its parent.
  const excluded = selfAndDescendants(territory.id, live);
  const parent = territory.parentId ? live.find((x) => x.id === territory.parentId) : undefined;
  const childCount = live.filter((x) => x.parentId === territory.id).length;

  return (
    <div className="space-y-6">
      <p>
        <Link
          href={isDeleted ? "/admin/territories?deleted=1" : "/admin/territories"}
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("territories.backToList")}
        </Link>
      </p>
      <PageHeader
        title={t("territories.editTitle", { name })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{territory.code}</span>
            <span>{t(`territories.levels.${territory.level}`)}</span>
            {parent ? (
              <span>{t("territories.under", { name: territoryLabel(parent, viewer.locale) })}</span>
            ) : null}
            {isDeleted ? <Badge tone="bad">{t("common.deleted")}</Badge> : null}
          </span>
        }
      />

      {isDeleted ? (
        <Alert tone="info">
          {t("territories.isDeleted", {
            when: format.dateTime(territory.deletedAt!, {
              dateStyle: "medium",
              timeStyle: "short",
              timeZone: TIME_ZONE,
            }),
          })}
        </Alert>
      ) : (
        <Card>
          <CardHeader title={t("territories.details")} />
          <div className="p-4">
            <ActionForm action={updateTerritoryAction} aria-label={t("territories.details")}>
              <RecordRef id={territory.id} version={territory.version} />
              <TerritoryFields
                values={territory}
                parentOptions={live
                  .filter((x) => !excluded.has(x.id))
                  .map((x) => territoryOption(x, viewer.locale))}
                teamOptions={teams.map((x) => ({ value: x.id, label: teamLabel(x, viewer.locale) }))}
              />
              <SubmitButton>{t("common.save")}</SubmitButton>
            </ActionForm>
          </div>
        </Card>
      )}

      <Card>
        <CardHeader title={isDeleted ? t("common.restore") : t("common.delete")} />
        <div className="p-4 text-sm text-slate-700">
          {/* One form in one place: after deleting, its message stays above the Restore button. */}
          <ActionForm
            action={isDeleted ? restoreTerritoryAction : deleteTerritoryAction}
            aria-label={isDeleted ? t("common.restore") : t("common.delete")}
          >
            <RecordRef id={territory.id} version={territory.version} />
            <p>
              {isDeleted
                ? territory.parentId && !live.some((x) => x.id === territory.parentId)
                  ? t("territories.parentDeleted")
                  : t("territories.restoreBody")
                : childCount > 0
                  ? t("territories.deleteBlocked", { count: childCount })
                  : t("territories.deleteBody")}
            </p>
            <SubmitButton variant={isDeleted ? "primary" : "danger"}>
              {isDeleted ? t("common.restore") : t("common.delete")}
            </SubmitButton>
          </ActionForm>
        </div>
      </Card>
    </div>
  );
}
