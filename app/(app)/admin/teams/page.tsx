import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listTeams } from "@/lib/data/teams";
import { listActiveUserOptions } from "@/lib/data/users";
import { TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel } from "@/lib/i18n/names";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { createTeamAction, restoreTeamAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams");
  return { title: t("title") };
}

export default async function TeamsPage() {
  const viewer = await requireViewer();
  const [teams, people] = await orNotFound(
    Promise.all([listTeams(viewer, { includeDeleted: true }), listActiveUserOptions(viewer)]),
  );
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);

  const live = teams.filter((team) => !team.deletedAt);
  const deleted = teams.filter((team) => team.deletedAt);
  const label = (team: { name: string; nameZh: string | null }) => teamLabel(team, viewer.locale);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("teams.title")}
        description={t("common.totalRows", { total: live.length })}
        actions={
          <a href="#new-team" className={buttonClass("primary")}>
            {t("teams.new")}
          </a>
        }
      />

      <Card>
        {live.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("teams.empty")}</p>
        ) : (
          <Table caption={t("teams.title")}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("teams.nameColumn")}</Th>
                <Th>{t("teams.parent")}</Th>
                <Th>{t("teams.manager")}</Th>
                <Th className="text-right">{t("teams.members")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {live.map((team) => (
                <tr key={team.id}>
                  <Td className="whitespace-nowrap">
                    <Link
                      href={`/admin/teams/${team.id}`}
                      className="font-medium text-indigo-800 underline-offset-2 hover:underline"
                    >
                      {label(team)}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {team.parent ? (
                      label(team.parent)
                    ) : (
                      <span className="text-slate-500">{t("teams.noParent")}</span>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {team.manager?.name ?? <span className="text-slate-500">{t("teams.noManager")}</span>}
                  </Td>
                  <Td className="text-right tabular-nums">{format.number(team._count.members)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card id="new-team" className="scroll-mt-20">
        <CardHeader title={t("teams.new")} />
        <div className="p-4">
          <ActionForm action={createTeamAction} resetOnSuccess aria-label={t("teams.new")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="name" label={t("teams.name")} required maxLength={80} autoComplete="off" />
              <TextField
                name="nameZh"
                label={`${t("teams.nameZh")} (${t("common.optional")})`}
                maxLength={80}
                autoComplete="off"
                lang="zh-CN"
              />
              <SelectField
                name="managerId"
                label={t("teams.manager")}
                options={people.map((p) => ({
                  value: p.id,
                  label: `${p.name} · ${p.jobTitle || t(`roles.${p.role}`)}`,
                }))}
                placeholder={t("teams.noManager")}
              />
              <SelectField
                name="parentId"
                label={t("teams.parent")}
                options={live.map((team) => ({ value: team.id, label: label(team) }))}
                placeholder={t("teams.noParent")}
              />
            </div>
            <SubmitButton>{t("teams.new")}</SubmitButton>
          </ActionForm>
        </div>
      </Card>

      <Card>
        <CardHeader title={t("teams.deletedTitle")} />
        {deleted.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("teams.noDeleted")}</p>
        ) : (
          <Table caption={t("teams.deletedTitle")}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("teams.nameColumn")}</Th>
                <Th>{t("teams.parent")}</Th>
                <Th>{t("teams.deletedAt")}</Th>
                <Th>
                  <span className="sr-only">{t("common.actions")}</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deleted.map((team) => (
                <tr key={team.id}>
                  <Td className="whitespace-nowrap">{label(team)}</Td>
                  <Td className="whitespace-nowrap">
                    {team.parent ? (
                      label(team.parent)
                    ) : (
                      <span className="text-slate-500">{t("teams.noParent")}</span>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {team.deletedAt ? (
                      <time dateTime={team.deletedAt.toISOString()}>
                        {format.dateTime(team.deletedAt, {
                          dateStyle: "medium",
                          timeStyle: "short",
                          timeZone: TIME_ZONE,
                        })}
                      </time>
                    ) : null}
                  </Td>
                  <Td>
                    <RefActionForm
                      action={restoreTeamAction}
                      id={team.id}
                      version={team.version}
                      buttonLabel={t("common.restore")}
                      label={t("common.restoreItem", { name: label(team) })}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
