import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listTerritories } from "@/lib/data/territories";
import { listTeamOptions } from "@/lib/data/teams";
import { TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel, territoryLabel } from "@/lib/i18n/names";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { TerritoryFields } from "@/components/admin/territory-fields";
import { territoryOption } from "@/components/admin/territory-option";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { createTerritoryAction, restoreTerritoryAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("territories");
  return { title: t("title") };
}

// Tree indentation by depth (static class names, so Tailwind generates them).
const INDENT = ["pl-3", "pl-8", "pl-13", "pl-18", "pl-23", "pl-28"];

export default async function TerritoriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const showDeleted = firstValues(await searchParams).deleted === "1";
  const [live, deleted, teams] = await orNotFound(
    Promise.all([
      listTerritories(viewer),
      showDeleted ? listTerritories(viewer, { deleted: true }) : Promise.resolve([]),
      listTeamOptions(),
    ]),
  );
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const liveIds = new Set(live.map((x) => x.id));
  const team = (x: { name: string; nameZh: string | null } | null) =>
    x ? teamLabel(x, viewer.locale) : <span className="text-slate-500">{t("territories.noTeam")}</span>;

  return (
    <div className="space-y-6">
      <PageHeader
        title={showDeleted ? t("territories.deletedTitle") : t("territories.title")}
        description={t("common.totalRows", { total: showDeleted ? deleted.length : live.length })}
        actions={
          showDeleted ? (
            <Link href="/admin/territories" className={buttonClass("secondary")}>
              {t("territories.showLive")}
            </Link>
          ) : (
            <>
              <Link href="/admin/territories?deleted=1" className={buttonClass("secondary")}>
                {t("common.showDeleted")}
              </Link>
              <a href="#new-territory" className={buttonClass("primary")}>
                {t("territories.new")}
              </a>
            </>
          )
        }
      />

      {showDeleted ? (
        <Card>
          {deleted.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">{t("territories.noDeleted")}</p>
          ) : (
            <Table caption={t("territories.deletedTitle")}>
              <thead className="bg-slate-50">
                <tr>
                  <Th>{t("territories.code")}</Th>
                  <Th>{t("territories.nameColumn")}</Th>
                  <Th>{t("territories.level")}</Th>
                  <Th>{t("territories.deletedAt")}</Th>
                  <Th>
                    <span className="sr-only">{t("common.actions")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {deleted.map((row) => (
                  <tr key={row.id}>
                    <Td className="whitespace-nowrap font-mono text-xs">{row.code}</Td>
                    <Td className="whitespace-nowrap">{territoryLabel(row, viewer.locale)}</Td>
                    <Td className="whitespace-nowrap">{t(`territories.levels.${row.level}`)}</Td>
                    <Td className="whitespace-nowrap">
                      {row.deletedAt ? (
                        <time dateTime={row.deletedAt.toISOString()}>
                          {format.dateTime(row.deletedAt, {
                            dateStyle: "medium",
                            timeStyle: "short",
                            timeZone: TIME_ZONE,
                          })}
                        </time>
                      ) : null}
                    </Td>
                    <Td className="min-w-40">
                      <RefActionForm
                        action={restoreTerritoryAction}
                        id={row.id}
                        version={row.version}
                        buttonLabel={t("common.restore")}
                        label={t("common.restoreItem", { name: territoryLabel(row, viewer.locale) })}
                      >
                        {row.parentId && !liveIds.has(row.parentId) ? (
                          <p className="text-xs text-slate-600">{t("territories.parentDeleted")}</p>
                        ) : null}
                      </RefActionForm>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      ) : (
        <>
          <Card>
            {live.length === 0 ? (
              <p className="px-4 py-6 text-sm text-slate-600">{t("territories.empty")}</p>
            ) : (
              <Table caption={t("territories.title")}>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>{t("territories.code")}</Th>
                    <Th>{t("territories.nameColumn")}</Th>
                    <Th>{t("territories.level")}</Th>
                    <Th>{t("territories.team")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {live.map((row) => (
                    <tr key={row.id}>
                      <Td className="whitespace-nowrap font-mono text-xs">{row.code}</Td>
                      <Td className={cn("whitespace-nowrap", INDENT[Math.min(row.depth, INDENT.length - 1)])}>
                        {row.depth > 0 ? (
                          <span aria-hidden="true" className="mr-1 text-slate-400">
                            └
                          </span>
                        ) : null}
                        <Link
                          href={`/admin/territories/${row.id}`}
                          className="font-medium text-indigo-800 underline-offset-2 hover:underline"
                        >
                          {territoryLabel(row, viewer.locale)}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap">{t(`territories.levels.${row.level}`)}</Td>
                      <Td className="whitespace-nowrap">{team(row.team)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>

          <Card id="new-territory" className="scroll-mt-20">
            <CardHeader title={t("territories.new")} />
            <div className="p-4">
              <ActionForm action={createTerritoryAction} resetOnSuccess aria-label={t("territories.new")}>
                <TerritoryFields
                  parentOptions={live.map((row) => territoryOption(row, viewer.locale))}
                  teamOptions={teams.map((x) => ({ value: x.id, label: teamLabel(x, viewer.locale) }))}
                />
                <SubmitButton>{t("territories.new")}</SubmitButton>
              </ActionForm>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
