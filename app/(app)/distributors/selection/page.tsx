import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { RawSearchParams } from "@/components/data-table/url";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { compareEvaluations, listCandidates } from "@/lib/data/distributor-scorecards/selection";
import { hasCapability } from "@/lib/domain/access";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributorScorecards");
  return { title: t("selection.title") };
}

/**
 * 经销商甄选: the candidates with their latest evaluation totals; ticking 2–4 and pressing
 * "Compare" (a GET form: the comparison is a link one can share) shows them side by side with
 * the best per criterion marked.
 */
export default async function SelectionPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const raw = (await searchParams).compare;
  const picked = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((id) =>
    /^[A-Za-z0-9_-]{1,64}$/.test(id),
  );
  const [candidates, comparison, locale, t] = await Promise.all([
    listCandidates(viewer),
    picked.length >= 2 ? compareEvaluations(viewer, picked) : null,
    getLocale(),
    getTranslations("distributorScorecards"),
  ]);
  const name = (c: { name: string; nameEn: string }) => (viewer.locale === "zh-CN" ? c.name : c.nameEn);
  const date = (d: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d);
  const pts = (v: number | null) =>
    v === null ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v);
  const selected = new Set(picked);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("selection.title")}
        description={t("selection.description")}
        actions={
          hasCapability(viewer, "admin.channels") ? (
            <Link href="/admin/channels/selection" className={buttonClass("secondary")}>
              {t("selection.model")}
            </Link>
          ) : null
        }
      />
      {comparison && comparison.candidates.length >= 2 ? (
        <Card>
          <CardHeader title={t("selection.comparison")} />
          <Table caption={t("selection.comparison")} data-testid="comparison">
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("selection.criterion")}</Th>
                <Th className="text-right">{t("selection.weight")}</Th>
                {comparison.candidates.map((c) => (
                  <Th key={c.id} className="min-w-28 text-right">
                    {c.name}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {comparison.rows.map((row) => (
                <tr key={row.key}>
                  <Td className="font-medium">{name(row)}</Td>
                  <Td className="text-right tabular-nums">{row.weight}%</Td>
                  {row.points.map((p, i) => {
                    const best = row.best.includes(i);
                    return (
                      <Td
                        key={i}
                        className={cn(
                          "text-right tabular-nums",
                          best && "bg-emerald-50 font-semibold text-emerald-900",
                        )}
                      >
                        {pts(p)}
                        {best ? <span className="sr-only"> ({t("selection.best")})</span> : null}
                      </Td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot className="bg-slate-50 font-semibold">
              <tr>
                <Td colSpan={2}>{t("selection.total")}</Td>
                {comparison.candidates.map((c, i) => {
                  const best = comparison.bestTotal.includes(i);
                  return (
                    <Td
                      key={c.id}
                      className={cn("text-right tabular-nums", best && "text-emerald-900")}
                      data-testid="compare-total"
                    >
                      {c.evaluation ? c.evaluation.total : t("selection.noEvaluation")}
                      {best ? <span className="sr-only"> ({t("selection.best")})</span> : null}
                    </Td>
                  );
                })}
              </tr>
            </tfoot>
          </Table>
        </Card>
      ) : null}
      <Card>
        {candidates.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{t("selection.empty")}</p>
        ) : (
          <form method="get" action="/distributors/selection" aria-label={t("selection.compare")}>
            <p className="px-4 pt-4 text-sm text-slate-600">{t("selection.pickMore")}</p>
            <ul className="divide-y divide-slate-100" data-testid="candidates">
              {candidates.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                  <input
                    type="checkbox"
                    name="compare"
                    value={c.id}
                    defaultChecked={selected.has(c.id)}
                    aria-label={t("selection.pick", { name: c.name })}
                    className="h-5 w-5 rounded border-slate-400"
                  />
                  <div className="min-w-0 flex-1">
                    <Link
                      href={`/distributors/${c.id}`}
                      className="font-medium text-indigo-800 [overflow-wrap:anywhere] hover:underline"
                    >
                      {c.name}
                    </Link>
                    <p className="text-xs text-slate-600">
                      {c.code} · {t(`stage.${c.stage}`)} ·{" "}
                      {c.evaluatedAt ? date(c.evaluatedAt) : t("selection.notEvaluated")}
                    </p>
                  </div>
                  <span className="text-lg font-semibold tabular-nums" aria-label={t("selection.score")}>
                    {pts(c.selectionScore)}
                  </span>
                  <Link href={`/distributors/${c.id}/evaluation`} className={buttonClass("secondary", "sm")}>
                    {t("selection.evaluate")}
                  </Link>
                </li>
              ))}
            </ul>
            <div className="sticky bottom-0 border-t border-slate-200 bg-white p-4">
              <Button type="submit">{t("selection.compare")}</Button>
            </div>
          </form>
        )}
      </Card>
    </div>
  );
}
