import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

export type RecentSurvey = {
  id: string;
  status: "OPEN" | "CLOSED";
  trigger?: "MANUAL" | "DEAL_WON" | "COMPLAINT_CLOSED" | "WAVE";
  createdAt: Date;
  templateVersion: { titleZh: string; titleEn: string };
  _count: { invitations: number; responses: number };
};

/** The latest surveys of an account or a distributor: title, how and when sent, open links, answers. */
export async function RecentSurveys({
  surveys,
  locale,
  empty,
}: {
  surveys: readonly RecentSurvey[];
  locale: "en" | "zh-CN";
  empty: string;
}) {
  const [t, format] = await Promise.all([getTranslations("surveys"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  if (!surveys.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {surveys.map((x) => (
        <li key={x.id} className="flex flex-wrap items-center gap-2 p-3 text-sm">
          <Link
            href={`/surveys/${encodeURIComponent(x.id)}`}
            className="font-medium text-indigo-700 underline"
          >
            {locale === "en" ? x.templateVersion.titleEn : x.templateVersion.titleZh}
          </Link>
          <span className="text-slate-600">
            {x.trigger ? `${t(`triggers.${x.trigger}`)} · ` : ""}
            {when(x.createdAt)}
          </span>
          <Badge tone={x.status === "OPEN" ? "info" : "neutral"}>
            {x.status === "OPEN"
              ? t("account.openLinks", { waiting: x._count.invitations - x._count.responses })
              : t("status.CLOSED")}
          </Badge>
          <span className="text-slate-700">
            {t("figures.answersOf", { responded: x._count.responses, sent: x._count.invitations })}
          </span>
        </li>
      ))}
    </ul>
  );
}
