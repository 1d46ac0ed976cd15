import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listUsers } from "@/lib/data/users";
import { listTeamOptions } from "@/lib/data/teams";
import { ROLES } from "@/lib/domain/access";
import { LOCALES, TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel } from "@/lib/i18n/names";
import { MIN_PASSWORD_LENGTH, userListQuerySchema } from "@/lib/validation/users";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { FilterForm } from "@/components/admin/filter-form";
import { LabelledField } from "@/components/forms/filter-fields";
import { orNotFound } from "@/components/admin/guard";
import { Pagination } from "@/components/admin/pagination";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { createUserAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = userListQuerySchema.parse(firstValues(await searchParams));
  const [result, teams] = await orNotFound(Promise.all([listUsers(viewer, query), listTeamOptions()]));
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);

  const teamOptions = teams.map((team) => ({ value: team.id, label: teamLabel(team, viewer.locale) }));
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const filters = {
    q: query.q || undefined,
    role: query.role,
    teamId: query.teamId || undefined,
    status: query.status === "active" ? undefined : query.status,
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("users.title")}
        description={t("common.totalRows", { total: result.total })}
        actions={
          <a href="#new-user" className={buttonClass("primary")}>
            {t("users.new")}
          </a>
        }
      />

      <Card>
        <FilterForm action="/admin/users" label={t("users.filters")}>
          <LabelledField id="filter-q" label={t("common.search")}>
            <Input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder={t("users.searchPlaceholder")}
            />
          </LabelledField>
          <LabelledField id="filter-role" label={t("users.role")}>
            <Select id="filter-role" name="role" defaultValue={query.role ?? ""}>
              <option value="">{t("common.all")}</option>
              {roleOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </LabelledField>
          <LabelledField id="filter-team" label={t("users.team")}>
            <Select id="filter-team" name="teamId" defaultValue={query.teamId ?? ""}>
              <option value="">{t("common.all")}</option>
              {teamOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </LabelledField>
          <LabelledField id="filter-status" label={t("users.status")}>
            <Select id="filter-status" name="status" defaultValue={query.status}>
              <option value="active">{t("common.active")}</option>
              <option value="inactive">{t("common.inactive")}</option>
              <option value="all">{t("common.all")}</option>
            </Select>
          </LabelledField>
        </FilterForm>

        {result.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("common.noResults")}</p>
        ) : (
          <Table caption={t("users.title")}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("users.name")}</Th>
                <Th>{t("users.email")}</Th>
                <Th>{t("users.role")}</Th>
                <Th>{t("users.team")}</Th>
                <Th>{t("users.status")}</Th>
                <Th>{t("users.lastSignIn")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((user) => (
                <tr key={user.id}>
                  <Td className="whitespace-nowrap">
                    <Link
                      href={`/admin/users/${user.id}`}
                      className="font-medium text-indigo-800 underline-offset-2 hover:underline"
                    >
                      {user.name}
                    </Link>
                    {user.jobTitle ? (
                      <span className="block text-xs text-slate-600">{user.jobTitle}</span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">{user.email}</Td>
                  <Td className="whitespace-nowrap">{t(`roles.${user.role}`)}</Td>
                  <Td className="whitespace-nowrap">
                    {user.team ? teamLabel(user.team, viewer.locale) : t("users.noTeam")}
                  </Td>
                  <Td>
                    <Badge tone={user.active ? "good" : "neutral"}>
                      {user.active ? t("common.active") : t("common.inactive")}
                    </Badge>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {user.lastSignInAt ? (
                      <time dateTime={user.lastSignInAt.toISOString()}>
                        {format.dateTime(user.lastSignInAt, {
                          dateStyle: "medium",
                          timeStyle: "short",
                          timeZone: TIME_ZONE,
                        })}
                      </time>
                    ) : (
                      <span className="text-slate-500">{t("users.never")}</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          path="/admin/users"
          params={filters}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      </Card>

      <Card id="new-user" className="scroll-mt-20">
        <CardHeader title={t("users.new")} />
        <div className="p-4">
          <ActionForm action={createUserAction} resetOnSuccess aria-label={t("users.new")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="name" label={t("users.name")} autoComplete="off" required maxLength={80} />
              <TextField
                name="jobTitle"
                label={t("people.jobTitle")}
                hint={t("people.jobTitleHint")}
                autoComplete="organization-title"
                maxLength={60}
              />
              <TextField
                name="email"
                label={t("users.email")}
                type="email"
                inputMode="email"
                autoComplete="off"
                required
                maxLength={254}
              />
              <SelectField
                name="role"
                label={t("users.role")}
                options={roleOptions}
                defaultValue="REP"
                required
              />
              <SelectField
                name="teamId"
                label={t("users.team")}
                hint={t("users.teamHint")}
                options={teamOptions}
                placeholder={t("users.noTeam")}
              />
              <SelectField
                name="locale"
                label={t("users.language")}
                options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                defaultValue="zh-CN"
              />
              <TextField
                name="password"
                label={t("users.password")}
                hint={t("users.passwordHint")}
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_LENGTH}
              />
            </div>
            <SubmitButton>{t("users.new")}</SubmitButton>
          </ActionForm>
        </div>
      </Card>
    </div>
  );
}
