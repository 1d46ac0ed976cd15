import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getUser, listActiveUserOptions, ownedRecordCount } from "@/lib/data/users";
import { listTeamOptions } from "@/lib/data/teams";
import { ROLES } from "@/lib/domain/access";
import { LOCALES, TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel } from "@/lib/i18n/names";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/users";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { orNotFound } from "@/components/admin/guard";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { deactivateUserAction, reactivateUserAction, updateUserAction } from "../actions";
import { RecordRef } from "@/components/forms/record-ref";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function EditUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const viewer = await requireViewer();
  const { userId } = await params;
  const [user, owned, colleagues, teams] = await orNotFound(
    Promise.all([
      getUser(viewer, userId),
      ownedRecordCount(viewer, userId),
      listActiveUserOptions(viewer),
      listTeamOptions(),
    ]),
  );
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);

  const teamName = new Map(teams.map((team) => [team.id, teamLabel(team, viewer.locale)]));
  const teamOptions = teams.map((team) => ({ value: team.id, label: teamLabel(team, viewer.locale) }));
  // Records move to the heir's team, so only colleagues who belong to a team can take them.
  const heirs = colleagues
    .filter((c) => c.id !== user.id && c.teamId)
    .map((c) => ({
      value: c.id,
      label: [c.name, c.jobTitle || t(`roles.${c.role}`), c.teamId ? teamName.get(c.teamId) : null]
        .filter(Boolean)
        .join(" · "),
    }));
  const isSelf = user.id === viewer.id;

  return (
    <div className="space-y-6">
      <p>
        <Link
          href="/admin/users"
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("users.backToList")}
        </Link>
      </p>
      <PageHeader
        title={t("users.editTitle", { name: user.name })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={user.active ? "good" : "neutral"}>
              {user.active ? t("common.active") : t("common.inactive")}
            </Badge>
            <span>
              {t("users.lastSignInLine", {
                when: user.lastSignInAt
                  ? format.dateTime(user.lastSignInAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: TIME_ZONE,
                    })
                  : t("users.never"),
              })}
            </span>
          </span>
        }
      />

      <Card>
        <CardHeader title={t("users.details")} />
        <div className="p-4">
          <ActionForm action={updateUserAction} aria-label={t("users.details")}>
            <RecordRef id={user.id} version={user.version} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="name"
                label={t("users.name")}
                defaultValue={user.name}
                autoComplete="off"
                required
                maxLength={80}
              />
              <TextField
                name="jobTitle"
                label={t("people.jobTitle")}
                hint={t("people.jobTitleHint")}
                defaultValue={user.jobTitle ?? ""}
                autoComplete="organization-title"
                maxLength={60}
              />
              <TextField
                name="email"
                label={t("users.email")}
                defaultValue={user.email}
                type="email"
                inputMode="email"
                autoComplete="off"
                required
                maxLength={254}
              />
              <SelectField
                name="role"
                label={t("users.role")}
                options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                defaultValue={user.role}
                required
              />
              <SelectField
                name="teamId"
                label={t("users.team")}
                hint={t("users.teamHint")}
                options={teamOptions}
                placeholder={t("users.noTeam")}
                defaultValue={user.teamId ?? ""}
              />
              <SelectField
                name="locale"
                label={t("users.language")}
                options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                defaultValue={user.locale === "en" ? "en" : "zh-CN"}
              />
              <TextField
                name="password"
                label={t("users.newPassword")}
                hint={`${t("users.newPasswordHint")} ${t("users.passwordHint")}`}
                type="password"
                autoComplete="new-password"
                minLength={MIN_PASSWORD_LENGTH}
              />
            </div>
            <p className="text-sm text-slate-600">{t("users.sessionsEndHint")}</p>
            <SubmitButton>{t("common.save")}</SubmitButton>
          </ActionForm>
        </div>
      </Card>

      <Card>
        <CardHeader title={user.active ? t("users.deactivate") : t("users.reactivate")} />
        <div className="space-y-3 p-4 text-sm text-slate-700">
          {isSelf ? (
            <Alert tone="info">{t("users.selfDeactivate")}</Alert>
          ) : (
            // One form in one place whichever way the status goes, so the result of deactivating
            // stays on screen above the Reactivate button (and vice versa).
            <ActionForm
              action={user.active ? deactivateUserAction : reactivateUserAction}
              aria-label={user.active ? t("users.deactivate") : t("users.reactivate")}
            >
              <RecordRef id={user.id} version={user.version} />
              {user.active ? (
                <>
                  <p className="font-medium text-slate-900">
                    {t("users.deactivateTitle", { name: user.name })}
                  </p>
                  <p>{t("users.deactivateBody", { name: user.name })}</p>
                  <p>{t("users.ownedRecords", { count: owned })}</p>
                  {owned > 0 ? (
                    <SelectField
                      name="reassignToId"
                      label={t("users.reassignTo")}
                      hint={t("users.reassignHint")}
                      options={heirs}
                      placeholder={t("users.keepRecords", { name: user.name })}
                      className="max-w-md"
                    />
                  ) : null}
                  <SubmitButton variant="danger">{t("users.deactivate")}</SubmitButton>
                </>
              ) : (
                <>
                  <p>{t("users.inactiveBody", { name: user.name })}</p>
                  <SubmitButton>{t("users.reactivate")}</SubmitButton>
                </>
              )}
            </ActionForm>
          )}
        </div>
      </Card>
    </div>
  );
}
