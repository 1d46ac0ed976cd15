import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadConflictsSection, type ConflictSectionRow } from "@/lib/data/channel-conflicts/section";
import type { Viewer } from "@/lib/domain/access";
import { STATUS_TONE, ageText, money, type Translate } from "./labels";

/**
 * A section of the distributor page (/distributors/[distributorId]): conflict cases where the
 * distributor is a party — the open ones with their age, and this year's resolved outcomes.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorConflictsSection({
  viewer,
  distributorId,
}: {
  viewer: Viewer;
  distributorId: string;
}) {
  const [t, locale, section] = await Promise.all([
    getTranslations("channelConflicts"),
    getLocale(),
    loadConflictsSection(viewer, distributorId),
  ]);
  const now = new Date();
  const item = (c: ConflictSectionRow) => {
    const age = ageText(t as unknown as Translate, c, now);
    return (
      <li key={c.id}>
        <Link
          href={`/channel-conflicts/${encodeURIComponent(c.id)}`}
          className="block py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span className="flex flex-wrap items-center gap-2 text-slate-600">
            <span className="tabular-nums">{c.number}</span>
            <Badge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
            <span>{t(`kinds.${c.kind}`)}</span>
            <span>{t(c.offending ? "section.offending" : "section.affected")}</span>
            {c.outcome ? (
              <span className="text-slate-800">
                {t(`outcomes.${c.outcome}`)}
                {c.outcomeAmount !== null ? ` ${money(locale, c.outcomeAmount)}` : ""}
              </span>
            ) : (
              <Badge tone={age.tone}>{age.text}</Badge>
            )}
          </span>
        </Link>
      </li>
    );
  };
  const list = (title: string, rows: ConflictSectionRow[], testId: string) => (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {rows.length ? (
        <ul className="divide-y divide-slate-100" data-testid={testId}>
          {rows.map(item)}
        </ul>
      ) : (
        <p className="py-2 text-sm text-slate-600">{t("section.none")}</p>
      )}
    </div>
  );
  return (
    <section id="conflicts" aria-labelledby="conflicts-heading" className="scroll-mt-28">
      <Card className="space-y-3 p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id="conflicts-heading" className="text-xl font-semibold text-slate-900">
            {t("section.title")}
          </h2>
          <Link
            href={`/channel-conflicts?distributorId=${encodeURIComponent(distributorId)}`}
            className={buttonClass("secondary", "sm")}
          >
            {t("section.all")}
          </Link>
        </div>
        {list(t("section.open"), section.open, "distributor-conflicts-open")}
        {list(t("section.resolved"), section.resolvedThisYear, "distributor-conflicts-resolved")}
      </Card>
    </section>
  );
}
