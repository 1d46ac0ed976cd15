import { getFormatter, getTranslations } from "next-intl/server";
import { TIME_ZONE, type AppLocale } from "@/lib/i18n/config";
import { teamLabel, territoryLabel } from "@/lib/i18n/names";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function asRecord(value: unknown): Record<string, Json> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, Json>) : null;
}

/** Fields whose values differ between the two snapshots (every recorded field for a create or delete). */
export function changedFields(
  before: unknown,
  after: unknown,
): { field: string; before: Json | undefined; after: Json | undefined }[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!a && !b) return [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys
    .filter((key) => JSON.stringify(b?.[key] ?? null) !== JSON.stringify(a?.[key] ?? null))
    .map((key) => ({ field: key, before: b?.[key], after: a?.[key] }));
}

type Formatter = Awaited<ReturnType<typeof getFormatter>>;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function display(value: Json | undefined, locale: AppLocale, format: Formatter): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") {
    // Snapshots store instants as ISO strings; show them in China time like the rest of the page.
    return ISO_INSTANT.test(value)
      ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "medium", timeZone: TIME_ZONE })
      : value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (!Array.isArray(value)) {
    // Linked records are stored as small objects; show them by name.
    if (typeof value.name === "string" && typeof value.nameEn === "string")
      return territoryLabel({ name: value.name, nameEn: value.nameEn }, locale);
    if (typeof value.name === "string" && "nameZh" in value) {
      return teamLabel(
        { name: value.name, nameZh: typeof value.nameZh === "string" ? value.nameZh : null },
        locale,
      );
    }
    if (typeof value.name === "string") return value.name;
  }
  return JSON.stringify(value);
}

/** An expandable before / after table of what an audit entry changed. */
export async function AuditChanges({
  before,
  after,
  locale,
}: {
  before: unknown;
  after: unknown;
  locale: AppLocale;
}) {
  const [t, th, format] = await Promise.all([
    getTranslations("audit"),
    getTranslations("history.fields"),
    getFormatter(),
  ]);
  // Field names in the reader's language; the stored name stays available as a tooltip.
  const label = (field: string) => (th.has(field) ? th(field) : field);
  const changes = changedFields(before, after);
  if (changes.length === 0) return <span className="text-slate-600">{t("noChanges")}</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer rounded text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
        {t("changedFields", { count: changes.length })}
      </summary>
      <table className="mt-2 w-full text-xs">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("field")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("before")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("after")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row" title={c.field} className="py-1 pr-3 text-left font-normal text-slate-700">
                {label(c.field)}
              </th>
              <td className="max-w-60 py-1 pr-3 break-words text-slate-600">
                {display(c.before, locale, format)}
              </td>
              <td className="max-w-60 py-1 break-words text-slate-900">{display(c.after, locale, format)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
