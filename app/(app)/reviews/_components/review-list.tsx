import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReviewListRow } from "@/lib/data/reviews/reviews";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionState } from "@/lib/actions/types";
import { periodLabel } from "./period-label";

const TONE = { DRAFT: "neutral", SHARED: "warn", ACKNOWLEDGED: "good" } as const;

/** Reviews by period and person, with status, rating and the frozen weighted score. */
export async function ReviewList({
  rows,
  caption,
  showSubject,
  restore,
}: {
  rows: ReviewListRow[];
  caption: string;
  showSubject: boolean;
  restore?: (state: ActionState<{ id: string }>, formData: FormData) => Promise<ActionState<{ id: string }>>;
}) {
  const t = await getTranslations("reviews");
  const tp = await getTranslations("reviews.period");
  return (
    <Table caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          <Th>{t("list.period")}</Th>
          {showSubject ? <Th>{t("list.person")}</Th> : null}
          <Th>{t("list.status")}</Th>
          <Th>{t("list.rating")}</Th>
          <Th className="text-right">{t("list.score")}</Th>
          <Th>{t("list.reviewer")}</Th>
          {restore ? (
            <Th>
              <span className="sr-only">{t("list.actions")}</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap">
              <Link
                href={`/reviews/${encodeURIComponent(r.id)}`}
                className="font-medium text-indigo-800 underline-offset-2 hover:underline"
              >
                {periodLabel(tp, r.period)}
              </Link>
            </Td>
            {showSubject ? (
              <Td className="whitespace-nowrap">
                <Link
                  href={`/reviews?person=${encodeURIComponent(r.subject.id)}`}
                  className="text-indigo-800 underline-offset-2 hover:underline"
                >
                  {r.subject.name}
                </Link>
              </Td>
            ) : null}
            <Td className="whitespace-nowrap">
              <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
            </Td>
            <Td className="whitespace-nowrap">{r.rating ? t(`ratings.${r.rating}`) : "—"}</Td>
            <Td className="text-right tabular-nums">
              {r.weightedScore === null ? "—" : (Math.round(r.weightedScore * 10) / 10).toFixed(1)}
            </Td>
            <Td className="whitespace-nowrap">{r.reviewer.name}</Td>
            {restore ? (
              <Td>
                <RefActionForm
                  action={restore}
                  id={r.id}
                  version={r.version}
                  buttonLabel={t("review.restore")}
                  label={t("review.restoreItem", { name: r.subject.name, period: periodLabel(tp, r.period) })}
                />
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
