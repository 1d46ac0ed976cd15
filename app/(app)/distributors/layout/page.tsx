import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { assertCapability } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { loadChannelLayout } from "@/lib/data/distributors/layout";
import type { DensityBand } from "@/lib/domain/distributors";
import { territoryLabel } from "@/lib/i18n/names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributors");
  return { title: t("layout.title") };
}

const BAND_TONE: Record<DensityBand, "neutral" | "warn" | "good" | "bad"> = {
  none: "neutral",
  thin: "warn",
  balanced: "good",
  dense: "bad",
};

/**
 * 渠道布局规划: the territory tree with the distributors covering each territory, the channel density
 * of each subtree, exclusive territories marked and the sales territories without a signed
 * distributor highlighted.
 */
export default async function ChannelLayoutPage() {
  const viewer = await requireViewer();
  assertCapability(viewer, "channel.read");
  const [nodes, t, format] = await Promise.all([
    loadChannelLayout(viewer),
    getTranslations("distributors"),
    getFormatter(),
  ]);
  const uncovered = nodes.filter((n) => n.uncovered).length;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("layout.title")}
        description={t("layout.subtitle")}
        actions={
          <>
            <Link href="/distributors" className={buttonClass("secondary", "sm")}>
              {t("links.list")}
            </Link>
            <Link href="/distributors/board" className={buttonClass("secondary", "sm")}>
              {t("links.board")}
            </Link>
          </>
        }
      />
      <p
        role="status"
        className={cn(
          "rounded-md border px-4 py-3 text-sm",
          uncovered
            ? "border-amber-300 bg-amber-50 text-amber-950"
            : "border-emerald-300 bg-emerald-50 text-emerald-950",
        )}
      >
        {t("layout.uncoveredCount", { count: uncovered })}
      </p>
      <p className="text-xs text-slate-600">{t("layout.legend")}</p>
      {nodes.length ? (
        <ul
          aria-label={t("layout.title")}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {nodes.map((n) => (
            <li
              key={n.id}
              data-territory={n.code}
              data-uncovered={n.uncovered || undefined}
              className={cn("px-3 py-2 text-sm", n.uncovered && "bg-amber-50")}
              style={{ paddingLeft: `${0.75 + n.depth * 1.25}rem` }}
            >
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className={cn("font-medium text-slate-900", n.depth === 0 && "text-base")}>
                  {territoryLabel(n, viewer.locale)}
                </span>
                {n.exclusive ? (
                  <span title={t("layout.exclusiveTitle")}>
                    <Badge tone="info">{t("layout.exclusive")}</Badge>
                  </span>
                ) : null}
                {n.uncovered ? <Badge tone="warn">{t("layout.uncovered")}</Badge> : null}
                <span className="text-xs text-slate-700">
                  {t("layout.active")}: <strong className="tabular-nums">{n.active}</strong>
                </span>
                <span className="inline-flex items-center gap-1 text-xs text-slate-700">
                  {t("layout.density")}:<Badge tone={BAND_TONE[n.band]}>{t(`layout.bands.${n.band}`)}</Badge>
                  <span className="tabular-nums">
                    {t("layout.densityValue", {
                      value: format.number(n.density, { maximumFractionDigits: 2 }),
                    })}
                  </span>
                </span>
              </div>
              {n.distributors.length ? (
                <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={t("layout.distributors")}>
                  {n.distributors.map((d) => (
                    <li key={d.id}>
                      <Link
                        href={`/distributors/${d.id}`}
                        className={cn(
                          "inline-flex min-h-8 items-center gap-1 rounded border px-2 text-xs [overflow-wrap:anywhere] hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600",
                          d.active
                            ? "border-emerald-300 bg-emerald-50 text-emerald-950"
                            : "border-slate-200 bg-slate-50 text-slate-700",
                        )}
                      >
                        {d.name}
                        <span className="text-slate-600">· {t(`stages.${d.stage as "SIGNED"}`)}</span>
                        {d.exclusive ? <span aria-label={t("layout.exclusive")}>★</span> : null}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("layout.empty")}</p>
      )}
    </div>
  );
}
