import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { channelFigures, CHANNEL_AGEING_BUCKETS } from "@/lib/data/kpi/channel";
import type { Viewer } from "@/lib/domain/access";
import { hasCapability } from "@/lib/domain/access";
import type { Period } from "@/lib/domain/kpi-period";
import { FigureCard } from "./figure-card";
import type { DashboardFormat } from "./format";

/**
 * 渠道 on the KPI dashboard (only for viewers with channel.read): sell-in, sell-out, achievement
 * against the agreements' targets, receivables by ageing bucket and the conflict cases open now,
 * each opening the records behind it. Sales count the whole months the period touches.
 */
export async function ChannelSection({
  viewer,
  period,
  fmt,
}: {
  viewer: Viewer;
  period: Period;
  fmt: DashboardFormat;
}) {
  if (!hasCapability(viewer, "channel.read")) return null;
  const [data, t, td] = await Promise.all([
    channelFigures(viewer, { from: period.start, to: period.end }),
    getTranslations("distributorScorecards.dashboard"),
    getTranslations("dashboard"),
  ]);
  if (!data) return null;
  const open = t("open");
  const money = (fen: bigint) => fmt.money(Number(fen));
  const range = new URLSearchParams({ from: period.start, to: period.end }).toString();
  const maxBucket = Number(
    CHANNEL_AGEING_BUCKETS.reduce((m, b) => (data.receivables[b] > m ? data.receivables[b] : m), 1n),
  );
  return (
    <section aria-labelledby="channel-figures" className="space-y-3" data-testid="channel-figures">
      <h2 id="channel-figures" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-3 xl:grid-cols-5">
        <FigureCard
          label={t("sellIn")}
          value={money(data.sellIn)}
          href={`/channel-sales?${range}`}
          openLabel={open}
        />
        <FigureCard
          label={t("sellOut")}
          value={money(data.sellOut)}
          href={`/channel-sales?${range}`}
          openLabel={open}
        />
        <FigureCard
          label={t("achievement")}
          value={data.achievementBp === null ? td("none") : fmt.percent(data.achievementBp / 10_000)}
          details={[data.target > 0n ? t("target", { target: money(data.target) }) : t("noTarget")]}
          href="/distributor-scorecards"
          openLabel={open}
        />
        <FigureCard
          label={t("receivables")}
          value={money(data.receivablesTotal)}
          href="/receivables/invoices"
          openLabel={open}
          warn={data.receivables.d90plus > 0n}
        />
        <FigureCard
          label={t("openConflicts")}
          value={fmt.number(data.openConflicts)}
          href="/channel-conflicts?status=open"
          openLabel={open}
          warn={data.openConflicts > 0}
        />
      </dl>
      <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
        <h3 className="text-sm font-medium text-slate-700">{t("ageing")}</h3>
        <ul className="mt-2 space-y-1.5">
          {CHANNEL_AGEING_BUCKETS.map((b) => (
            <li key={b} className="grid grid-cols-[6.5rem_1fr_auto] items-center gap-2 text-sm">
              <Link
                href={`/receivables/invoices?bucket=${b}`}
                className="text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {t(`buckets.${b}`)}
              </Link>
              <span aria-hidden="true" className="h-2 rounded bg-slate-100">
                <span
                  className={`block h-2 rounded ${b === "d90plus" || b === "d61_90" ? "bg-red-500" : "bg-indigo-500"}`}
                  style={{ width: `${(Number(data.receivables[b]) / maxBucket) * 100}%` }}
                />
              </span>
              <span className="tabular-nums">{money(data.receivables[b])}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-right text-sm">
          <Link href="/distributor-scorecards" className="font-medium text-indigo-800 hover:underline">
            {t("scorecards")}
          </Link>
        </p>
      </div>
    </section>
  );
}
