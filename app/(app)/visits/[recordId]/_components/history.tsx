import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/data/audit";
import { AuditActionLabel } from "@/components/audit/audit-action-label";

// Fields whose change is worth naming; bookkeeping columns are left out.
const NAMED = [
  "visitedAt",
  "place",
  "method",
  "contactIds",
  "talkingPoints",
  "customerViews",
  "suggestions",
  "nextStep",
  "outcome",
  "durationMinutes",
  "cost",
] as const;

function changed(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return NAMED.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
}

/** The record's history: who logged, changed, deleted or restored it, and which fields changed. */
export async function VisitHistory({ rows }: { rows: AuditRow[] }) {
  const [t, format] = await Promise.all([getTranslations("visits"), getFormatter()]);
  return (
    <ol className="divide-y divide-slate-100" data-testid="visit-history">
      {rows.map((r) => {
        const fields = r.action === "visit.update" ? changed(r.before, r.after) : [];
        return (
          <li key={r.id} className="flex flex-wrap justify-between gap-2 px-4 py-2.5 text-sm">
            <div className="min-w-0">
              <p className="text-slate-800">
                <span className="font-medium">
                  <AuditActionLabel action={r.action} />
                </span>
                <span className="text-slate-600"> · {r.actor?.name ?? "—"}</span>
              </p>
              {fields.length ? (
                <p className="text-slate-600">
                  {t("detail.changedFields", {
                    fields: fields
                      .map((f) => t(`fields.${f === "contactIds" ? "contacts" : f}`))
                      .join(t("detail.separator")),
                  })}
                </p>
              ) : null}
            </div>
            <time dateTime={r.createdAt.toISOString()} className="text-xs text-slate-600">
              {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
