import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listTeams } from "@/lib/data/teams";
import { listActiveUserOptions } from "@/lib/data/users";
import { TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel } from "@/lib/i18n/names";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { orNotFound } from "@/components/admin/guard";
import { selfAndDescendants } from "@/components/admin/tree";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { deleteTeamAction, restoreTeamAction, updateTeamAction } from "../actions";
import { RecordRef } from "@/components/forms/record-ref";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams");
  return { title: t("title") };
}

export default async function EditTeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const viewer = await requireViewer();
  const { teamId } = await params;
  const [teams, people] = await orNotFound(
    Promise.all([listTeams(viewer, { includeDeleted: true }), listActiveUserOptions(viewer)]),
  );
  const team = teams.find((x) => x.id === teamId);
  if (!team) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);

  const label = (x: { name: string; nameZh: string | null }) => teamLabel(x, viewer.locale);
  const live = teams.filter((x) => !x.deletedAt);
  const excluded = selfAndDescendants(team.id, live);
  const parentOptions = live
    .filter((x) => !excluded.has(x.id))
    .map((x) => ({ value: x.id, label: label(x) }));
  const managerOptions = people.map((p) => ({
    value: p.id,
    label: `${p.name} · ${p.jobTitle || t(`roles.${p.role}`)}`,
  }));
  // A manager who has since been deactivated is still shown, so the form does not silently drop them.
  if (team.manager && !people.some((p) => p.id === team.manager!.id)) {
    managerOptions.unshift({
      value: team.manager.id,
      label: t("teams.inactiveManager", { name: team.manager.name }),
    });
  }
  const isDeleted = team.deletedAt !== null;

  return (
    <div className="space-y-6">
      <p>
        <Link
          href="/admin/teams"
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("teams.backToList")}
        </Link>
      </p>
      <PageHeader
        title={t("teams.editTitle", { name: label(team) })}
        description={
          isDeleted ? (
            <Badge tone="bad">{t("common.deleted")}</Badge>
          ) : (
            t("teams.memberCount", { count: team._count.members, children: team._count.children })
          )
        }
      />

      {isDeleted ? (
        <Alert tone="info">
          {t("teams.isDeleted", {
            when: format.dateTime(team.deletedAt!, {
              dateStyle: "medium",
              timeStyle: "short",
              timeZone: TIME_ZONE,
            }),
          })}
        </Alert>
      ) : (
        <Card>
          <CardHeader title={t("teams.details")} />
          <div className="p-4">
            <ActionForm action={updateTeamAction} aria-label={t("teams.details")}>
              <RecordRef id={team.id} version={team.version} />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  name="name"
                  label={t("teams.name")}
                  defaultValue={team.name}
                  required
                  maxLength={80}
                  autoComplete="off"
                />
                <TextField
                  name="nameZh"
                  label={`${t("teams.nameZh")} (${t("common.optional")})`}
                  defaultValue={team.nameZh ?? ""}
                  maxLength={80}
                  autoComplete="off"
                  lang="zh-CN"
                />
                <SelectField
                  name="managerId"
                  label={t("teams.manager")}
                  options={managerOptions}
                  placeholder={t("teams.noManager")}
                  defaultValue={team.managerId ?? ""}
                />
                <SelectField
                  name="parentId"
                  label={t("teams.parent")}
                  hint={t("teams.parentHint")}
                  options={parentOptions}
                  placeholder={t("teams.noParent")}
                  defaultValue={team.parentId ?? ""}
                />
              </div>
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
            action={isDeleted ? restoreTeamAction : deleteTeamAction}
            aria-label={isDeleted ? t("common.restore") : t("common.delete")}
          >
            <RecordRef id={team.id} version={team.version} />
            <p>{isDeleted ? t("teams.restoreBody") : t("teams.deleteBody")}</p>
            <SubmitButton variant={isDeleted ? "primary" : "danger"}>
              {isDeleted ? t("common.restore") : t("common.delete")}
            </SubmitButton>
          </ActionForm>
        </div>
      </Card>
    </div>
  );
}
