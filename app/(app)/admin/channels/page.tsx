import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/admin/guard";
import { ChannelAdminNav } from "@/components/distributors/channel-admin-nav";
import { ActionForm, SelectField, SubmitButton } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listChannelAssignments } from "@/lib/data/distributors/assignments";
import { listTerritoryOptions } from "@/lib/data/territories";
import { teamLabel, territoryLabel } from "@/lib/i18n/names";
import { assignChannelTerritoryAction, removeChannelAssignmentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributors.assignments");
  return { title: t("title") };
}

/** 渠道管理 (administration): which territories each channel manager covers. */
export default async function ChannelAdminPage() {
  const viewer = await requireViewer();
  const [managers, territories] = await orNotFound(
    Promise.all([listChannelAssignments(viewer), listTerritoryOptions()]),
  );
  const t = await getTranslations("distributors.assignments");
  const territoryOptions = territories.map((tr) => ({
    value: tr.id,
    label: `${"　".repeat(tr.depth)}${territoryLabel(tr, viewer.locale)}`,
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <ChannelAdminNav current="/admin/channels" />
      {managers.length ? (
        <div className="grid gap-4 lg:grid-cols-2">
          {managers.map((m) => (
            <Card key={m.id}>
              <CardHeader title={`${m.name}${m.team ? ` · ${teamLabel(m.team, viewer.locale)}` : ""}`} />
              <div className="space-y-3 p-4">
                {m.assignments.length ? (
                  <ul className="space-y-1">
                    {m.assignments.map((a) => {
                      const name = territoryLabel(a.territory, viewer.locale);
                      return (
                        <li key={a.id} className="flex items-center justify-between gap-2 text-sm">
                          <span>
                            {name} <span className="text-xs text-slate-600">{a.territory.code}</span>
                          </span>
                          <ActionForm
                            action={removeChannelAssignmentAction}
                            aria-label={t("removeLabel", { territory: name, name: m.name })}
                            className="space-y-0"
                          >
                            <input type="hidden" name="id" value={a.id} />
                            <Button
                              type="submit"
                              variant="secondary"
                              size="sm"
                              aria-label={t("removeLabel", { territory: name, name: m.name })}
                            >
                              {t("remove")}
                            </Button>
                          </ActionForm>
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-600">{t("none")}</p>
                )}
                <ActionForm action={assignChannelTerritoryAction} aria-label={`${t("assign")} · ${m.name}`}>
                  <input type="hidden" name="userId" value={m.id} />
                  <SelectField
                    name="territoryId"
                    label={t("territory")}
                    options={territoryOptions}
                    placeholder={t("choose")}
                  />
                  <SubmitButton size="sm">{t("assign")}</SubmitButton>
                </ActionForm>
              </div>
            </Card>
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("noManagers")}</p>
      )}
    </div>
  );
}
