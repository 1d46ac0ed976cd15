import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listAuditEntities, listAuditLog } from "@/lib/data/audit";
import { listUsers } from "@/lib/data/users";
import type { Viewer } from "@/lib/domain/access";
import { TIME_ZONE } from "@/lib/i18n/config";
import { auditQuerySchema } from "@/lib/validation/audit";
import { AuditActionLabel } from "@/components/audit/audit-action-label";
import { AuditChanges } from "@/components/admin/audit-changes";
import { historyWords } from "@/components/history/history-words";
import { FilterForm } from "@/components/admin/filter-form";
import { LabelledField } from "@/components/forms/filter-fields";
import { orNotFound } from "@/components/admin/guard";
import { Pagination } from "@/components/admin/pagination";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** Everyone who may appear as an actor, active or not (lib/data has no unpaged list of all users). */
async function allPeople(viewer: Viewer) {
  const people: { id: string; name: string; active: boolean }[] = [];
  for (let page = 1; page <= 40; page++) {
    const { rows, pageSize } = await listUsers(viewer, { status: "all", page });
    people.push(...rows.map((r) => ({ id: r.id, name: r.name, active: r.active })));
    if (rows.length < pageSize) break;
  }
  return people.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const query = auditQuerySchema.parse(firstValues(await searchParams));
  // The log first: it refuses anyone but an administrator before anything else is read.
  const log = await orNotFound(listAuditLog(viewer, query));
  const [people, entities, t, format, words] = await Promise.all([
    allPeople(viewer),
    listAuditEntities(viewer),
    getTranslations(),
    getFormatter(),
    historyWords(),
  ]);

  const entityLabel = words.entity;
  const filters = {
    q: query.q || undefined,
    actorId: query.actorId || undefined,
    entity: query.entity || undefined,
    from: query.from,
    to: query.to,
  };
  const badRange = query.from && query.to && query.from > query.to;
  if (query.actorId && !people.some((p) => p.id === query.actorId))
    people.unshift({ id: query.actorId, name: query.actorId, active: false });

  return (
    <div className="space-y-6">
      <PageHeader title={t("audit.title")} description={t("common.totalRows", { total: log.total })} />

      <Card>
        <FilterForm action="/admin/audit" label={t("audit.filters")}>
          <LabelledField id="audit-q" label={t("history.auditLog.search")}>
            <Input
              id="audit-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder={t("history.auditLog.searchPlaceholder")}
            />
          </LabelledField>
          <LabelledField id="audit-actor" label={t("audit.actor")}>
            <Select id="audit-actor" name="actorId" defaultValue={query.actorId ?? ""}>
              <option value="">{t("audit.anyone")}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.active ? p.name : t("audit.inactiveActor", { name: p.name })}
                </option>
              ))}
            </Select>
          </LabelledField>
          <LabelledField id="audit-entity" label={t("audit.entity")}>
            <Select id="audit-entity" name="entity" defaultValue={query.entity ?? ""}>
              <option value="">{t("audit.anyEntity")}</option>
              {entities.map((entity) => (
                <option key={entity} value={entity}>
                  {entityLabel(entity)}
                </option>
              ))}
            </Select>
          </LabelledField>
          <LabelledField id="audit-from" label={t("common.from")}>
            <Input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} />
          </LabelledField>
          <LabelledField id="audit-to" label={t("common.to")}>
            <Input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} />
          </LabelledField>
        </FilterForm>

        {badRange ? (
          <div className="px-4 pt-4">
            <Alert tone="error">{t("validation.dateRange")}</Alert>
          </div>
        ) : null}

        {log.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("common.noResults")}</p>
        ) : (
          <Table caption={t("audit.title")}>
            <thead className="bg-slate-50">
              <tr>
                {/* Two columns, so a row reads on a phone without scrolling sideways. */}
                <Th className="whitespace-normal">
                  {t("audit.time")} · {t("audit.actor")}
                </Th>
                <Th>
                  {t("audit.action")} · {t("history.auditLog.record")} · {t("audit.changes")}
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {log.rows.map((row) => {
                const line = words.sentence(row);
                return (
                  <tr key={row.id} className="align-top">
                    <Td className="w-32 tabular-nums sm:w-44">
                      <time dateTime={row.createdAt.toISOString()} className="block">
                        {format.dateTime(row.createdAt, { dateStyle: "medium", timeZone: TIME_ZONE })}{" "}
                        <span className="whitespace-nowrap">
                          {format.dateTime(row.createdAt, { timeStyle: "medium", timeZone: TIME_ZONE })}
                        </span>
                      </time>
                      <span className="mt-1 block text-slate-900">
                        {row.actor?.name ?? <span className="text-slate-600">{t("audit.system")}</span>}
                      </span>
                    </Td>
                    <Td className="min-w-0 break-words">
                      <p>
                        <span className="font-medium text-slate-900">
                          <AuditActionLabel action={row.action} />
                        </span>
                        <span className="text-slate-600"> · {entityLabel(row.entity)} · </span>
                        {row.record ? (
                          row.record.href ? (
                            <Link
                              href={row.record.href}
                              className="font-medium text-indigo-800 underline-offset-2 hover:underline"
                            >
                              {row.record.name}
                            </Link>
                          ) : (
                            <span className="font-medium">{row.record.name}</span>
                          )
                        ) : (
                          <span className="font-mono text-xs break-all text-slate-600">{row.entityId}</span>
                        )}
                        {row.record?.nameAlt ? (
                          <span className="text-slate-600"> ({row.record.nameAlt})</span>
                        ) : null}
                      </p>
                      {line ? <p className="mt-1 text-slate-800">{line}</p> : null}
                      <div className="mt-1">
                        <AuditChanges before={row.before} after={row.after} locale={viewer.locale} />
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        <Pagination
          path="/admin/audit"
          params={filters}
          page={log.page}
          pageSize={log.pageSize}
          total={log.total}
        />
      </Card>
    </div>
  );
}
