import { getFormatter, getTranslations } from "next-intl/server";
import type { DealDetail } from "@/lib/data/deals/detail";
import { TIME_ZONE } from "@/lib/i18n/config";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

/** Every transition: who, when, from → to, the days spent in the stage it left, overrides and notes. */
export async function StageHistory({ deal }: { deal: DealDetail }) {
  const [t, tg, format] = await Promise.all([
    getTranslations("deal.history"),
    getTranslations("gate"),
    getFormatter(),
  ]);
  const rows = [...deal.history].reverse(); // newest first
  const where = (stage: string | null, status: string | null) =>
    status && status !== "OPEN" ? tg(`status.${status}`) : stage ? tg(`stages.${stage}`) : "—";
  return (
    <Card>
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table caption={t("caption")}>
          <thead className="bg-slate-50">
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("who")}</Th>
              <Th>{t("change")}</Th>
              <Th className="text-right">{t("daysInStage")}</Th>
              <Th>{t("details")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((c) => {
              const closing = c.toStatus !== "OPEN";
              return (
                <tr key={c.id}>
                  <Td className="whitespace-nowrap tabular-nums">
                    <time dateTime={c.createdAt.toISOString()}>
                      {format.dateTime(c.createdAt, {
                        dateStyle: "medium",
                        timeStyle: "short",
                        timeZone: TIME_ZONE,
                      })}
                    </time>
                  </Td>
                  <Td className="whitespace-nowrap">{c.actor?.name ?? t("system")}</Td>
                  {/* relative: keeps the sr-only word inside the table's scroll box on a phone. */}
                  <Td className="relative min-w-48">
                    {c.fromStage === null ? (
                      t("opened", { stage: tg(`stages.${c.toStage}`) })
                    ) : (
                      <>
                        {tg(`stages.${c.fromStage}`)} <span aria-hidden="true">→</span>
                        <span className="sr-only">{t("toWord")}</span>{" "}
                        {closing ? (
                          <strong className="font-semibold">{where(c.toStage, c.toStatus)}</strong>
                        ) : (
                          where(c.toStage, c.toStatus)
                        )}
                      </>
                    )}
                    {c.overriddenGate.length ? (
                      <span className="ml-2">
                        <Badge tone="warn">{t("override")}</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {c.daysInFrom === null ? "—" : t("days", { days: c.daysInFrom })}
                  </Td>
                  <Td className="min-w-64 space-y-1">
                    {c.overrideReason ? (
                      <p className="whitespace-pre-line">
                        <span className="font-medium">{t("overrideReason")}</span> {c.overrideReason}
                      </p>
                    ) : null}
                    {c.overriddenGate.length ? (
                      <div>
                        <p className="font-medium">{t("overridden")}</p>
                        <ul className="list-disc pl-5 text-slate-700">
                          {c.overriddenGate.map((g) => {
                            const [stage, item] = g.split(".");
                            return (
                              <li key={g}>
                                {tg(`items.${item}`)}{" "}
                                <span className="text-slate-600">({tg(`stageShort.${stage}`)})</span>
                              </li>
                            );
                          })}
                        </ul>
                      </div>
                    ) : null}
                    {c.note ? (
                      <p className="whitespace-pre-line">
                        <span className="font-medium">{t("note")}</span> {c.note}
                      </p>
                    ) : null}
                    {!c.overrideReason && !c.note && !c.overriddenGate.length ? (
                      <span className="text-slate-500">—</span>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
